/**
 * The filters of the events feed (`/api/events/feed.ics?municipality=essen&series=…&fieldOfAction=…`):
 * the same choices a website makes in its REST list, each by the slug of a published document.
 * Anything else in the address is refused with 400 naming the parameters a feed takes: a
 * misspelt filter (`?municipalty=essen`) or an empty one (`?municipality=`) used to answer every
 * event, a calendar full of dates the subscriber never asked for. Tracking parameters a
 * newsletter tool appends (`utm_source=…`) are ignored.
 */
import type { PayloadRequest, Where } from 'payload'

import { APIError } from 'payload'

import { type LocalizedText, localize } from '../i18n/localize'
import { findPublishedBySlug } from './icsFeed'

/** Events that involve the municipality or take place there (also /api/municipalities/:slug/events.ics). */
export const eventsOfMunicipality = (id: number | string): Where => ({
  or: [{ municipalities: { in: [id] } }, { 'venue.municipality': { equals: id } }],
})

/** A slug as the slug field takes it (src/fields/slug.ts). */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
const MAX_SLUG_LENGTH = 120

type FeedFilter = {
  collection: 'event-series' | 'fields-of-action' | 'municipalities'
  /** The feed's name gets this part, e.g. "in Essen". */
  nameOf: (doc: { name?: string; title?: string }) => string
  notFound: (slug: string) => LocalizedText
  param: string
  /** What the parameter names, for the list of parameters in a refusal. */
  what: LocalizedText
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
    what: { de: 'Kurzname einer Veranstaltungsreihe', en: 'slug of an event series' },
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
    what: { de: 'Kurzname eines Handlungsfelds', en: 'slug of a field of action' },
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
    what: { de: 'Kurzname einer Kommune', en: 'slug of a municipality' },
    where: eventsOfMunicipality,
  },
]

const ACCEPTED: LocalizedText = {
  de: `Möglich sind ${FEED_FILTERS.map((filter) => `${filter.param} (${filter.what.de})`).join(', ')}, jeweils höchstens einmal und beliebig kombiniert, z. B. /api/events/feed.ics?municipality=essen; ohne Parameter enthält der Feed alle kommenden Termine.`,
  en: `Possible are ${FEED_FILTERS.map((filter) => `${filter.param} (${filter.what.en})`).join(', ')}, each at most once and in any combination, e.g. /api/events/feed.ics?municipality=essen; without parameters the feed holds every upcoming event.`,
}

/**
 * Parameters that newsletter tools, analytics and link shorteners append to a link on their own
 * (`utm_source`, `fbclid`, jQuery's cache buster `_`): they say nothing about the feed, and a
 * subscription whose address got one must not fail. Ignored by every feed.
 */
const isTrackingParameter = (name: string) =>
  /^(utm_[a-z_]+|_|_ga|_gl|fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|yclid|igshid)$/i.test(
    name,
  )

/** The parameters of a feed request that mean something (tracking parameters left out). */
const feedParameters = (req: PayloadRequest) =>
  [...new Set(req.searchParams?.keys() ?? [])].filter((name) => !isTrackingParameter(name))

const refuse = (req: PayloadRequest, text: LocalizedText): never => {
  throw new APIError(localize(req, text), 400, undefined, true)
}

/** A parameter as it is echoed in a message: not a page long. */
const shown = (text: string) => text.slice(0, MAX_SLUG_LENGTH)

/**
 * The feeds of one series or one municipality (`/api/event-series/<slug>/feed.ics`) take no
 * parameters: one given is refused, pointing to the events feed's filters.
 */
export const refuseFeedParameters = (req: PayloadRequest) => {
  const [name] = feedParameters(req)
  if (name !== undefined) {
    refuse(req, {
      de: `Dieser Kalender-Feed nimmt keine Parameter an (gegeben: „${shown(name)}“). Gefiltert nach Kommune, Reihe oder Handlungsfeld liefert die Termine /api/events/feed.ics: ${ACCEPTED.de}`,
      en: `This calendar feed takes no parameters (given: "${shown(name)}"). The events feed /api/events/feed.ics filters by municipality, series or field of action: ${ACCEPTED.en}`,
    })
  }
}

export type ResolvedFeedFilters = {
  /** e.g. " – Netzwerktreffen in Essen", appended to the feed's name. */
  nameSuffix: string
  /** The slugs asked for, for the file name. */
  slugs: string[]
  where?: Where
}

/**
 * The filters of a feed request; each is optional and they combine (and). An unknown
 * parameter, one given twice, empty or no slug is refused (400, naming the parameters the feed
 * takes); an unknown or unpublished slug answers 404.
 */
export const resolveFeedFilters = async (req: PayloadRequest): Promise<ResolvedFeedFilters> => {
  const params = req.searchParams ?? new URLSearchParams()
  for (const name of feedParameters(req)) {
    if (!FEED_FILTERS.some((filter) => filter.param === name)) {
      refuse(req, {
        de: `Den Parameter „${shown(name)}“ kennt der Kalender-Feed nicht. ${ACCEPTED.de}`,
        en: `The calendar feed has no parameter "${shown(name)}". ${ACCEPTED.en}`,
      })
    }
  }
  const and: Where[] = []
  const slugs: string[] = []
  let nameSuffix = ''
  for (const filter of FEED_FILTERS) {
    const values = params.getAll(filter.param)
    const [value] = values
    if (value === undefined) {
      continue
    }
    if (values.length > 1) {
      refuse(req, {
        de: `Bitte „${filter.param}“ nur einmal angeben. ${ACCEPTED.de}`,
        en: `Please give "${filter.param}" only once. ${ACCEPTED.en}`,
      })
    }
    if (value.trim() === '') {
      refuse(req, {
        de: `Der Parameter „${filter.param}“ ist leer: Geben Sie einen Kurznamen an oder lassen Sie den Parameter weg. ${ACCEPTED.de}`,
        en: `The parameter "${filter.param}" is empty: give a slug or leave the parameter out. ${ACCEPTED.en}`,
      })
    }
    if (!SLUG.test(value) || value.length > MAX_SLUG_LENGTH) {
      refuse(req, {
        de: `„${shown(value)}“ ist kein Kurzname (Parameter „${filter.param}“): Kurznamen bestehen aus Kleinbuchstaben, Ziffern und Bindestrichen, z. B. essen. ${ACCEPTED.de}`,
        en: `"${shown(value)}" is not a slug (parameter "${filter.param}"): slugs are lower-case letters, digits and hyphens, e.g. essen. ${ACCEPTED.en}`,
      })
    }
    const doc = await findPublishedBySlug({
      collection: filter.collection,
      payload: req.payload,
      slug: value,
    })
    if (!doc) {
      throw new APIError(localize(req, filter.notFound(value)), 404, undefined, true)
    }
    and.push(filter.where(doc.id))
    slugs.push(value)
    nameSuffix += filter.nameOf(doc as { name?: string; title?: string })
  }
  return { nameSuffix, slugs, where: and.length ? { and } : undefined }
}
