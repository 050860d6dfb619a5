import type { Access, CollectionBeforeChangeHook, CollectionConfig } from 'payload'

import { isLoggedIn } from '../../src/access/isLoggedIn'
import { hasRole } from '../../src/access/roles'
import { readSettings } from '../../src/runtime/settings'
import { rejectUnsupportedFile } from './hooks/rejectUnsupportedFile'
import { groups } from '../shared/publicContent'

/** Images and PDFs only: SVG and other XML can carry scripts and are refused by content, not name. */
export const MEDIA_MIME_TYPES = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/gif',
  'image/avif',
  'application/pdf',
]

/**
 * The coordination office (admins, editors) changes and deletes every file; a municipality
 * editor only the files they uploaded themselves (another city's logo is not theirs to touch).
 */
const ownUploads: Access = ({ req: { user } }) => {
  if (hasRole(user, 'admin', 'editor')) {
    return true
  }
  return user ? { uploadedBy: { equals: user.id } } : false
}

/** Who uploaded a file: set on upload, never changed (nor sent by a client). */
const recordUploader: CollectionBeforeChangeHook = ({ data, operation, originalDoc, req }) => ({
  ...data,
  uploadedBy:
    operation === 'create'
      ? (req.user?.id ?? null)
      : ((originalDoc as { uploadedBy?: unknown } | undefined)?.uploadedBy ?? null),
})

export const Media: CollectionConfig = {
  slug: 'media',
  access: {
    create: isLoggedIn,
    delete: ownUploads,
    read: () => true,
    update: ownUploads,
  },
  admin: {
    defaultColumns: ['filename', 'alt', 'mimeType', 'filesize', 'updatedAt'],
    group: groups.content,
    useAsTitle: 'filename',
  },
  fields: [
    {
      name: 'alt',
      type: 'text',
      label: { de: 'Alternativtext', en: 'Alt text' },
      admin: {
        description: {
          de: 'Beschreibt das Bild für Menschen, die es nicht sehen können.',
          en: 'Describes the image for people who cannot see it.',
        },
      },
      maxLength: 500,
    },
    {
      name: 'credit',
      type: 'text',
      label: { de: 'Bildnachweis / Urheber', en: 'Credit' },
      maxLength: 300,
    },
    {
      name: 'uploadedBy',
      type: 'relationship',
      access: { read: ({ req: { user } }) => Boolean(user) },
      admin: {
        description: {
          de: 'Kommunale Redaktionen können nur Dateien ändern und löschen, die sie selbst hochgeladen haben.',
          en: 'Municipality editors can change and delete only files they uploaded themselves.',
        },
        position: 'sidebar',
        readOnly: true,
      },
      label: { de: 'Hochgeladen von', en: 'Uploaded by' },
      relationTo: 'users',
    },
  ],
  hooks: {
    beforeChange: [recordUploader],
    beforeOperation: [
      rejectUnsupportedFile({
        allowedLabel: {
          de: 'JPEG, PNG, WebP, GIF, AVIF und PDF',
          en: 'JPEG, PNG, WebP, GIF, AVIF and PDF',
        },
        mimeTypes: MEDIA_MIME_TYPES,
      }),
    ],
  },
  labels: {
    plural: { de: 'Medien', en: 'Media' },
    singular: { de: 'Medium', en: 'Media file' },
  },
  upload: {
    mimeTypes: MEDIA_MIME_TYPES,
    staticDir: readSettings().mediaDir,
  },
}
