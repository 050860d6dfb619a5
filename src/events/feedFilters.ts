/**
 * The filters of the events feed (`/api/events/feed.ics?municipality=essen&series=…&fieldOfAction=…`):
 * the same choices a website makes in its REST list, each by the slug of a published document.
 */
import type { PayloadRequest, Where } from 'payload'

import { APIError } from 'payload'

import { type LocalizedText, localize } from '../i18n/localize'
import { findPublishedBySlug } from './icsFeed'

/** Events that involve the municipality or take place there (also /api/municipalities/:slug/events.ics). */
export const eventsOfMunicipality = (id: number | string): Where => ({
  or: [{ municipalities: { in: [id] } }, { 'venue.municipality': { equals: id } }],
})

type FeedFilter = {
  collection: 'event-series' | 'fields-of-action' | 'municipalities'
  /** The feed's name gets this part, e.g. "in Essen". */
  nameOf: (doc: { name?: string; title?: string }) => string
  notFound: (slug: string) => LocalizedText
  param: string
  where: (id: number | string) => Where
}

const FEED_FILTERS: FeedFilter[] = [
  {
    collection: 'event-series',
    nameOf: (doc) => ` – ${doc.title}`,
    notFound: (slug) => ({
      de: `Die Veranstaltungsreihe „${slug}“ gibt es nicht (oder sie ist nicht veröffentlicht).`,
      en: `There is no published event series "${slug}".`,
    }),
    param: 'series',
    where: (id) => ({ series: { equals: id } }),
  },
  {
    collection: 'fields-of-action',
    nameOf: (doc) => ` – ${doc.title}`,
    notFound: (slug) => ({
      de: `Das Handlungsfeld „${slug}“ gibt es nicht (oder es ist nicht veröffentlicht).`,
      en: `There is no published field of action "${slug}".`,
    }),
    param: 'fieldOfAction',
    where: (id) => ({ fieldsOfAction: { in: [id] } }),
  },
  {
    collection: 'municipalities',
    nameOf: (doc) => ` in ${doc.name}`,
    notFound: (slug) => ({
      de: `Die Kommune „${slug}“ gibt es nicht (oder sie ist nicht veröffentlicht).`,
      en: `There is no published municipality "${slug}".`,
    }),
    param: 'municipality',
    where: eventsOfMunicipality,
  },
]

export type ResolvedFeedFilters = {
  /** e.g. " – Netzwerktreffen in Essen", appended to the feed's name. */
  nameSuffix: string
  /** The slugs asked for, for the file name. */
  slugs: string[]
  where?: Where
}

/**
 * The filters of a feed request; each is optional and they combine (and). A parameter given
 * twice is refused (400), an unknown or unpublished slug answers 404.
 */
export const resolveFeedFilters = async (req: PayloadRequest): Promise<ResolvedFeedFilters> => {
  const and: Where[] = []
  const slugs: string[] = []
  let nameSuffix = ''
  for (const filter of FEED_FILTERS) {
    const value = (req.query as Record<string, unknown> | undefined)?.[filter.param]
    if (value === undefined || value === '') {
      continue
    }
    if (typeof value !== 'string') {
      throw new APIError(
        localize(req, {
          de: `Bitte „${filter.param}“ einmal und als Kurzname angeben.`,
          en: `Please give "${filter.param}" once, as a slug.`,
        }),
        400,
        undefined,
        true,
      )
    }
    const doc =
      /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value) && value.length <= 120
        ? await findPublishedBySlug({
            collection: filter.collection,
            payload: req.payload,
            slug: value,
          })
        : undefined
    if (!doc) {
      throw new APIError(localize(req, filter.notFound(value.slice(0, 120))), 404, undefined, true)
    }
    and.push(filter.where(doc.id))
    slugs.push(value)
    nameSuffix += filter.nameOf(doc as { name?: string; title?: string })
  }
  return { nameSuffix, slugs, where: and.length ? { and } : undefined }
}
