/**
 * The comments plugin on a host that is not this project: visitors remark on articles
 * ('articles', named in URLs by `path`), into collections the host names ('remarks',
 * 'remark-reports') and dresses up (`overrides`), with the host's own wording of one text.
 */
import type { CollectionConfig, CollectionSlug } from 'payload'

import { type CommentsPluginOptions, commentsPlugin } from '@quartiersnetz/plugin-comments'
import { buildConfig } from 'payload'

import { type HostArgs, hostConfig, staff } from '../host'

export const ARTICLES = 'articles'

export const articles: CollectionConfig = {
  slug: ARTICLES,
  access: { read: () => true },
  admin: { useAsTitle: 'headline' },
  fields: [
    { name: 'headline', type: 'text', required: true },
    { name: 'path', type: 'text', index: true, unique: true },
  ],
  labels: { plural: { de: 'Artikel', en: 'Articles' }, singular: { de: 'Artikel', en: 'Article' } },
}

export const COMMENTS_SLUGS = { comments: 'remarks', reports: 'remark-reports' } as const

export const COMMENTS_RATE_LIMIT = { max: 4, windowMs: 120_000 }

/** The host's wording of two of the plugin's texts (the answer to a submit, the mail's subject): the host's wins. */
export const HOST_TEXTS = {
  confirmMailSubject: 'Bitte bestätigen Sie Ihre Anmerkung',
  submitted: 'Danke für Ihre Anmerkung! Bitte bestätigen Sie sie über den Link in der E-Mail.',
}

export const commentsOptions: CommentsPluginOptions = {
  collections: [ARTICLES as CollectionSlug],
  consentVersion: 'netiquette-2027',
  mailQueue: 'outbox',
  // The test sends right after fetching the form token.
  minSubmitSeconds: 0,
  overrides: {
    comments: {
      admin: { group: { de: 'Redaktion', en: 'Editorial' } },
      fields: ({ defaultFields }) => [
        ...defaultFields,
        { name: 'topic', type: 'text', defaultValue: 'general' },
      ],
      labels: {
        plural: { de: 'Anmerkungen', en: 'Remarks' },
        singular: { de: 'Anmerkung', en: 'Remark' },
      },
    },
    reports: {
      labels: {
        plural: { de: 'Beschwerden', en: 'Complaints' },
        singular: { de: 'Beschwerde', en: 'Complaint' },
      },
    },
  },
  purgeQueue: 'housekeeping',
  rateLimit: COMMENTS_RATE_LIMIT,
  reportsToHide: 2,
  slugField: 'path',
  slugs: COMMENTS_SLUGS,
}

export const commentsTestConfig = ({
  disabled = false,
  ...host
}: HostArgs & { disabled?: boolean } = {}) =>
  buildConfig({
    ...hostConfig({ translations: { de: { 'plugin-comments': HOST_TEXTS } }, ...host }),
    collections: [staff, articles],
    plugins: [commentsPlugin({ ...commentsOptions, disabled })],
  })
