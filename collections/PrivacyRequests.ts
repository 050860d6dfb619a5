import type { CollectionConfig } from 'payload'

import { isEditor } from '../src/access/isEditor'
import { privacyRequestEndpoints } from '../src/admin/privacy/endpoints'
import { PRIVACY_REQUESTS_SLUG } from '../src/admin/privacy/path'
import { groups } from './shared/publicContent'

/**
 * The log of data-subject requests (DSGVO Art. 15, 17, 20) answered in the view
 * "Datenschutzanfragen": who looked up, exported or erased, when, and how many records, per
 * source. Never the address, not even as a hash: after an erasure nothing may point to the
 * person. Written only by the view's endpoints; read-only for the coordination office.
 */
export const PrivacyRequests: CollectionConfig = {
  slug: PRIVACY_REQUESTS_SLUG,
  access: {
    create: () => false,
    delete: () => false,
    read: isEditor,
    update: () => false,
  },
  admin: {
    components: {
      // The way to the view where requests are answered, above the log's table.
      beforeListTable: ['/src/admin/privacy/ListIntro#PrivacyRequestsListIntro'],
    },
    defaultColumns: ['createdAt', 'action', 'user', 'recordCount'],
    description: {
      de: 'Protokoll der Auskunfts-, Export- und Löschanfragen: wer, wann, was, wie viele Einträge. Die E-Mail-Adressen werden nicht gespeichert.',
      en: 'Log of access, export and erasure requests: who, when, what, how many records. The e-mail addresses are not stored.',
    },
    group: groups.administration,
  },
  defaultSort: '-createdAt',
  endpoints: privacyRequestEndpoints,
  fields: [
    {
      name: 'action',
      type: 'select',
      admin: { readOnly: true },
      label: { de: 'Aktion', en: 'Action' },
      options: [
        { label: { de: 'Auskunft angesehen', en: 'Looked up' }, value: 'lookup' },
        { label: { de: 'Export (JSON)', en: 'Export (JSON)' }, value: 'export' },
        { label: { de: 'Löschung', en: 'Erasure' }, value: 'erase' },
      ],
      required: true,
    },
    {
      name: 'user',
      type: 'relationship',
      admin: { readOnly: true },
      label: { de: 'Bearbeitet von', en: 'Handled by' },
      relationTo: 'users',
    },
    {
      name: 'recordCount',
      type: 'number',
      admin: { readOnly: true },
      label: { de: 'Einträge', en: 'Records' },
    },
    {
      name: 'counts',
      type: 'json',
      admin: { readOnly: true },
      label: { de: 'Je Bereich', en: 'Per source' },
    },
  ],
  labels: {
    plural: { de: 'Datenschutzanfragen', en: 'Privacy requests' },
    singular: { de: 'Datenschutzanfrage', en: 'Privacy request' },
  },
  timestamps: true,
}
