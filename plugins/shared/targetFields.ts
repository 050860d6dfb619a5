import type { RowField } from 'payload'

/**
 * Which document a visitor's rating or comment belongs to: the collection (one of the plugin's
 * targets) and the document's id as text, so one table serves every target collection.
 */
export const targetFields = (collections: string[]): RowField => ({
  type: 'row',
  fields: [
    {
      name: 'targetCollection',
      type: 'select',
      index: true,
      label: { de: 'Sammlung', en: 'Collection' },
      options: collections.map((slug) => ({ label: slug, value: slug })),
      required: true,
    },
    {
      name: 'targetId',
      type: 'text',
      index: true,
      label: { de: 'Eintrag (ID)', en: 'Entry (ID)' },
      required: true,
    },
  ],
})
