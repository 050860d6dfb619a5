import type { CollectionConfig } from 'payload'

import { isLoggedIn } from '../../src/access/isLoggedIn'
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

export const Media: CollectionConfig = {
  slug: 'media',
  access: {
    create: isLoggedIn,
    delete: isLoggedIn,
    read: () => true,
    update: isLoggedIn,
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
  ],
  hooks: {
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
