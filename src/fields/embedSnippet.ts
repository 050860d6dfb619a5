import type { UIField } from 'payload'

import type { EmbedKind } from '../components/EmbedSnippet/snippets'

/**
 * The read-only "Einbinden" box in the document sidebar: the code member-city websites paste to
 * show this document with the visitor widgets. A `ui` field, so no column and no migration.
 */
export const embedSnippetField = (kind: EmbedKind): UIField => ({
  name: 'embedSnippet',
  type: 'ui',
  admin: {
    components: {
      Field: { clientProps: { kind }, path: '/src/components/EmbedSnippet#EmbedSnippet' },
    },
    disableBulkEdit: true,
    disableListColumn: true,
    position: 'sidebar',
  },
  label: { de: 'Einbinden', en: 'Embed' },
})
