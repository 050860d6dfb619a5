import type { CollectionConfig } from 'payload'

import type { ResolvedRegistrationOptions } from '../types'

import { REGISTRATION_STATUSES } from '../types'

const hidden = { admin: { hidden: true, readOnly: true } } as const

/** Registrations: never public; visitors write only through the plugin's endpoints. */
export const registrationsCollection = (options: ResolvedRegistrationOptions): CollectionConfig => ({
  slug: options.slug,
  access: {
    create: () => false,
    delete: options.canManage,
    read: options.canManage,
    update: options.canManage,
  },
  admin: {
    defaultColumns: ['name', 'event', 'status', 'attended', 'createdAt'],
    useAsTitle: 'name',
  },
  fields: [
    {
      name: 'event',
      type: 'relationship',
      index: true,
      maxDepth: 0,
      relationTo: options.eventsCollection,
      required: true,
    },
    { name: 'name', type: 'text', maxLength: 120, required: true },
    { name: 'email', type: 'email', index: true, required: true },
    { name: 'answers', type: 'json' },
    {
      name: 'status',
      type: 'select',
      defaultValue: 'pending',
      index: true,
      options: [...REGISTRATION_STATUSES],
      required: true,
    },
    { name: 'attended', type: 'checkbox', defaultValue: false },
    { name: 'confirmTokenHash', type: 'text', index: true, ...hidden },
    { name: 'confirmExpiresAt', type: 'date', index: true, ...hidden },
    { name: 'cancelTokenHash', type: 'text', index: true, ...hidden },
    {
      name: 'consent',
      type: 'group',
      admin: { readOnly: true },
      fields: [
        { name: 'version', type: 'text' },
        { name: 'givenAt', type: 'date' },
      ],
    },
  ],
  labels: {
    plural: { de: 'Anmeldungen', en: 'Registrations' },
    singular: { de: 'Anmeldung', en: 'Registration' },
  },
  timestamps: true,
})
