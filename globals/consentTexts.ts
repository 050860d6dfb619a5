/**
 * The texts visitors agree to, owned by the editors: the netiquette (commenting) and the privacy
 * notice (commenting, registering). Each is a global with drafts and versions: editors prepare a
 * change as a draft and publish it; publishing creates a new version, whose id every later
 * consent records (`consentVersionOf`). The public reads them as pages (/netiquette,
 * /datenschutz; src/server/privacyNotice.ts), never the drafts.
 */
import type { GlobalConfig, Payload, PayloadRequest } from 'payload'

import type { ConsentTextContent } from './consentTextDefaults'

import { isEditor } from '../src/access/isEditor'
import { groups } from '../collections/shared/publicContent'
import { DEFAULT_NETIQUETTE, DEFAULT_PRIVACY_NOTICE } from './consentTextDefaults'

export const NETIQUETTE_SLUG = 'netiquette'
export const PRIVACY_NOTICE_SLUG = 'privacy-notice'
export type ConsentTextSlug = typeof NETIQUETTE_SLUG | typeof PRIVACY_NOTICE_SLUG

/** Filled in from the settings in force when a text is shown. */
export const CONSENT_TEXT_PLACEHOLDERS = [
  '{siteName}',
  '{confirmHours}',
  '{retentionDays}',
  '{contact}',
] as const

const TEXT_HELP = {
  de: `Absätze durch eine Leerzeile trennen; eine Zeile, die mit „## “ beginnt, wird eine Zwischenüberschrift. Platzhalter, die mit den geltenden Einstellungen gefüllt werden: ${CONSENT_TEXT_PLACEHOLDERS.join(', ')} ({contact}: der Satz mit der Kontaktadresse für Datenschutzfragen, wenn eine eingestellt ist). Jede Veröffentlichung ist eine neue Fassung: Einwilligungen danach speichern sie.`,
  en: `Separate paragraphs by a blank line; a line starting with "## " becomes a heading. Placeholders filled in from the settings in force: ${CONSENT_TEXT_PLACEHOLDERS.join(', ')} ({contact}: the sentence with the privacy contact, if one is set). Every publication is a new version: consents given afterwards record it.`,
}

const consentTextGlobal = ({
  defaults,
  label,
  slug,
}: {
  defaults: ConsentTextContent
  label: { de: string; en: string }
  slug: ConsentTextSlug
}): GlobalConfig => ({
  slug,
  // Editors of the coordination office only; the public reads the published text as a page.
  access: { read: isEditor, readVersions: isEditor, update: isEditor },
  admin: { group: groups.administration },
  fields: [
    {
      type: 'tabs',
      tabs: [
        {
          fields: [
            {
              name: 'title',
              type: 'text',
              label: { de: 'Überschrift', en: 'Heading' },
              required: true,
            },
            {
              name: 'text',
              type: 'textarea',
              admin: { description: TEXT_HELP, rows: 24 },
              label: { de: 'Text', en: 'Text' },
              required: true,
            },
          ],
          label: 'Deutsch',
        },
        {
          fields: [
            {
              name: 'titleEn',
              type: 'text',
              label: { de: 'Überschrift (Englisch)', en: 'Heading (English)' },
              required: true,
            },
            {
              name: 'textEn',
              type: 'textarea',
              admin: { description: TEXT_HELP, rows: 24 },
              label: { de: 'Text (Englisch)', en: 'Text (English)' },
              required: true,
            },
          ],
          label: 'English',
        },
      ],
    },
  ],
  // Until the editors publish their own, the form opens with the built-in text (no column defaults).
  hooks: {
    afterRead: [
      ({ doc }) => ({
        ...doc,
        text: doc.text || defaults.text,
        textEn: doc.textEn || defaults.textEn,
        title: doc.title || defaults.title,
        titleEn: doc.titleEn || defaults.titleEn,
      }),
    ],
  },
  label,
  versions: { drafts: true, max: 100 },
})

export const Netiquette = consentTextGlobal({
  defaults: DEFAULT_NETIQUETTE,
  label: { de: 'Netiquette', en: 'Netiquette' },
  slug: NETIQUETTE_SLUG,
})

export const PrivacyNotice = consentTextGlobal({
  defaults: DEFAULT_PRIVACY_NOTICE,
  label: { de: 'Datenschutzhinweise', en: 'Privacy notice' },
  slug: PRIVACY_NOTICE_SLUG,
})

export const DEFAULT_CONSENT_TEXTS: Record<ConsentTextSlug, ConsentTextContent> = {
  [NETIQUETTE_SLUG]: DEFAULT_NETIQUETTE,
  [PRIVACY_NOTICE_SLUG]: DEFAULT_PRIVACY_NOTICE,
}

/** A published text: its content and the version it is (null: never published, the default). */
export type PublishedConsentText = ConsentTextContent & {
  publishedAt: null | string
  version: null | number | string
}

/** The latest published version of a text (in `req`'s transaction, if given); the default until one is. */
export const publishedConsentText = async ({
  payload,
  req,
  slug,
}: {
  payload: Payload
  req?: PayloadRequest
  slug: ConsentTextSlug
}): Promise<PublishedConsentText> => {
  const { docs } = await payload.findGlobalVersions({
    depth: 0,
    limit: 1,
    overrideAccess: true,
    // The newest published version only: no count of all of them.
    pagination: false,
    req,
    slug,
    sort: '-createdAt',
    where: { 'version._status': { equals: 'published' } },
  })
  const latest = docs[0]
  if (!latest) {
    return { ...DEFAULT_CONSENT_TEXTS[slug], publishedAt: null, version: null }
  }
  const version = latest.version as Partial<ConsentTextContent>
  const defaults = DEFAULT_CONSENT_TEXTS[slug]
  return {
    publishedAt: String(latest.createdAt),
    text: version.text || defaults.text,
    textEn: version.textEn || defaults.textEn,
    title: version.title || defaults.title,
    titleEn: version.titleEn || defaults.titleEn,
    version: latest.id,
  }
}

/**
 * Only the id of the latest published version of a text (null: never published): what a
 * consent records, on every comment and registration. Reads no text (the rich-text bodies and
 * their traversal are most of a whole version's read).
 */
const publishedConsentVersion = async ({
  req,
  slug,
}: {
  req: PayloadRequest
  slug: ConsentTextSlug
}): Promise<null | number | string> => {
  const { docs } = await req.payload.findGlobalVersions({
    depth: 0,
    limit: 1,
    overrideAccess: true,
    pagination: false,
    req,
    select: { createdAt: true },
    slug,
    sort: '-createdAt',
    where: { 'version._status': { equals: 'published' } },
  })
  return docs[0]?.id ?? null
}

/**
 * The plugins' `consentVersion`: the versions of the texts agreed to, as published at the moment
 * of the consent (`netiquette@12 privacy-notice@13`). Before any text is published the built-in
 * defaults are in force, named `fallback` (their version label, e.g. `2026-01`).
 */
export const consentVersionOf =
  (slugs: ConsentTextSlug[], fallback: string) =>
  async ({ req }: { req: PayloadRequest }): Promise<string> => {
    const versions: [ConsentTextSlug, null | number | string][] = []
    for (const slug of slugs) {
      versions.push([slug, await publishedConsentVersion({ req, slug })])
    }
    if (versions.every(([, version]) => version === null)) {
      return fallback
    }
    return versions.map(([slug, version]) => `${slug}@${version ?? fallback}`).join(' ')
  }
