import type { CollectionConfig } from 'payload'

/**
 * Puts the read-only notice (./index.tsx) at the top of every collection's form. A UI field:
 * no column, no schema; it renders nothing unless the document is read-only for the user.
 */
export const withReadOnlyNotice = (collections: CollectionConfig[]): CollectionConfig[] =>
  collections.map((collection) => ({
    ...collection,
    fields: [
      {
        name: 'readOnlyNotice',
        type: 'ui',
        admin: {
          components: { Field: '/src/admin/readOnlyNotice#ReadOnlyNotice' },
          disableListColumn: true,
        },
      },
      ...collection.fields,
    ],
  }))
