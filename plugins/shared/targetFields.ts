import type { JSONField, RowField } from 'payload'

import { TARGET_FIELD } from './targets'

/**
 * Which document a visitor's rating or comment belongs to: the collection (one of the plugin's
 * targets) and the document's id as text, so one table serves every target collection.
 */
export const targetFields = (collections: string[]): RowField => ({
  type: 'row',
  // Set when a document is created; from then on its edit view names the target in words
  // (`targetInWordsField`) instead of a slug and an id, and nobody moves it to another.
  admin: { condition: (data) => !data?.id },
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

/**
 * The target in words ("Beteiligungsmodul: Stadtteilkonferenz", linked), for lists and edit
 * views: virtual, filled on read by `attachTargets` (plugins/shared/targets.ts), never stored or
 * written. The plugin names its own components for the list cell and the edit view.
 */
export const targetInWordsField = ({
  Cell,
  Field,
}: {
  /** A server component for the list column, by path. */
  Cell: string
  /** A server component for the edit view, by path, with its server props. */
  Field: { path: string; serverProps?: Record<string, unknown> }
}): JSONField => ({
  name: TARGET_FIELD,
  type: 'json',
  access: { create: () => false, update: () => false },
  admin: {
    components: { Cell, Field },
    disableBulkEdit: true,
    disableGroupBy: true,
    disableListFilter: true,
    readOnly: true,
  },
  label: { de: 'Eintrag', en: 'Entry' },
  typescriptSchema: [
    () => ({
      oneOf: [
        {
          type: 'object',
          additionalProperties: false,
          properties: {
            collection: { type: 'string' },
            id: { type: 'string' },
            isFound: { type: 'boolean' },
            title: { type: ['string', 'null'] },
          },
          required: ['collection', 'id', 'isFound', 'title'],
        },
        // No target (a report whose comment is gone).
        { type: 'null' },
      ],
    }),
  ],
  virtual: true,
})
