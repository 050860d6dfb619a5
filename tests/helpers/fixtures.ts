/**
 * Content for tests, made with the Local API as editors would make it (published unless the
 * data says `_status: 'draft'`): municipalities, fields of action and target groups, modules,
 * projects, events, comments as the comments plugin stores them; and what visitors do through
 * the public API: rate a module, comment (with the form's token), register for an event.
 */
import type { Payload } from 'payload'

import type { Comment, Event, Module, Municipality, Project } from '../../payload-types'
import type { JsonResponse } from './http'

import { PLUGIN_WRITE } from '../../plugins/comments/lib/context'
import { issueFormToken } from '../../plugins/shared/formToken'
import { requestJson } from './http'

/** The collections editors fill: published or draft, each with a title or name. */
export type ContentSlug =
  | 'event-series'
  | 'events'
  | 'fields-of-action'
  | 'modules'
  | 'municipalities'
  | 'organisations'
  | 'people'
  | 'program-areas'
  | 'programmes'
  | 'projects'
  | 'publications'
  | 'target-groups'

type Data = Record<string, unknown>
/** Every one of these collections fills in the slug from the title. */
type Slugged<T> = T & { slug: string }

/** Lexical rich text of plain paragraphs. */
export const richText = (...paragraphs: string[]) => ({
  root: {
    children: paragraphs.map((text) => ({
      children: [
        { detail: 0, format: 0, mode: 'normal', style: '', text, type: 'text', version: 1 },
      ],
      direction: 'ltr' as const,
      format: '' as const,
      indent: 0,
      textFormat: 0,
      type: 'paragraph',
      version: 1,
    })),
    direction: 'ltr' as const,
    format: '' as const,
    indent: 0,
    type: 'root',
    version: 1,
  },
})

/** The time `days` (and `hours`) from now; negative for the past. */
export const inDays = (days: number, hours = 0) =>
  new Date(Date.now() + days * 86_400_000 + hours * 3_600_000).toISOString()

/**
 * `days` ahead in the daytime: the clock's time of day mapped into 08:00–16:00 UTC. Events made
 * one after another keep their order, and an event of a few hours never crosses midnight in
 * Berlin (made at 22:30 UTC by `inDays`, it ran from 23:30 to 01:30 on the next day, and a
 * mail's same-day time range did not match).
 */
export const inDaysByDay = (days: number, hours = 0) => {
  const now = Date.now()
  const sinceMidnight = now % 86_400_000
  const daytime = 8 * 3_600_000 + sinceMidnight / 3
  return new Date(
    now - sinceMidnight + days * 86_400_000 + daytime + hours * 3_600_000,
  ).toISOString()
}

const isDraft = (data: Data) => data._status === 'draft'

export const createMunicipality = async (
  payload: Payload,
  { name, slug, state = 'NW' }: { name: string; slug?: string; state?: Municipality['state'] },
): Promise<Municipality> =>
  payload.create({
    collection: 'municipalities',
    data: { _status: 'published', name, slug, state },
    overrideAccess: true,
  })

export type Taxonomy = {
  fieldsOfAction: { id: number; slug: string; title: string }[]
  targetGroups: { id: number; slug: string; title: string }[]
}

/** Two fields of action and two target groups, their titles ending in `(suffix)`. */
export const createTaxonomy = async (
  payload: Payload,
  { suffix }: { suffix: string },
): Promise<Taxonomy> => {
  const fieldsOfAction = []
  for (const title of ['Soziale Netze', 'Wohnen und Wohnumfeld']) {
    const doc = await payload.create({
      collection: 'fields-of-action',
      data: { _status: 'published', title: `${title} (${suffix})` },
      overrideAccess: true,
    })
    fieldsOfAction.push({ id: doc.id, slug: doc.slug!, title: doc.title })
  }
  const targetGroups = []
  for (const title of ['Jugendliche', 'Ältere Menschen']) {
    const doc = await payload.create({
      collection: 'target-groups',
      data: { _status: 'published', title: `${title} (${suffix})` },
      overrideAccess: true,
    })
    targetGroups.push({ id: doc.id, slug: doc.slug!, title: doc.title })
  }
  return { fieldsOfAction, targetGroups }
}

export const createModule = async (
  payload: Payload,
  data: Data & { title: string },
): Promise<Slugged<Module>> =>
  (await payload.create({
    collection: 'modules',
    data: { _status: 'published', ...data } as never,
    draft: isDraft(data),
    overrideAccess: true,
  })) as Slugged<Module>

/** A module as the widgets show one: with an objective, a summary and the editorial assessment. */
export const createDescribedModule = async (payload: Payload, data: Data & { title: string }) =>
  createModule(payload, {
    editorialAssessment: {
      complexity: 2,
      financialEffort: 1,
      participation: 5,
      processPhase: 2,
      staffEffort: 4,
      timeEffort: 3,
    },
    objective: richText(
      'Nachbarinnen und Nachbarn vernetzen sich und entwickeln gemeinsam Ideen für ihr Quartier.',
    ),
    summary: 'Ein regelmäßiges Treffen aller Akteure im Stadtteil.',
    ...data,
  })

export const createProject = async (
  payload: Payload,
  data: Data & { title: string },
): Promise<Slugged<Project>> =>
  (await payload.create({
    collection: 'projects',
    data: { _status: 'published', ...data } as never,
    draft: isDraft(data),
    overrideAccess: true,
  })) as Slugged<Project>

/** A network meeting on site, three weeks ahead in the daytime, two hours long. */
export const createEvent = async (
  payload: Payload,
  data: Data & { title: string },
): Promise<Slugged<Event>> =>
  (await payload.create({
    collection: 'events',
    data: {
      _status: 'published',
      format: 'on-site',
      kind: 'network-meeting',
      ...twoHoursFrom(inDaysByDay(21)),
      ...data,
    } as never,
    draft: isDraft(data),
    overrideAccess: true,
  })) as Slugged<Event>

/** `start` and an `end` two hours later, from one reading of the clock. */
const twoHoursFrom = (start: string) => ({
  end: new Date(Date.parse(start) + 2 * 3_600_000).toISOString(),
  start,
})

/**
 * An online event a month ahead in the daytime, two hours long, open for registration: 10 seats,
 * waiting list.
 */
export const createOpenEvent = async (payload: Payload, data: Data & { title: string }) =>
  createEvent(payload, {
    capacity: 10,
    format: 'online',
    hasWaitingList: true,
    kind: 'webinar',
    registrationOpen: true,
    ...twoHoursFrom(inDaysByDay(30)),
    ...data,
  })

/**
 * A comment as the comments plugin stores one once its author confirmed it: approved, on a
 * module, unless `data` says otherwise.
 */
export const createComment = async (
  payload: Payload,
  data: Data & { authorName: string; email: string; targetId: string; text: string },
): Promise<Comment> =>
  payload.create({
    collection: 'comments',
    context: { [PLUGIN_WRITE]: true },
    data: { isConfirmed: true, status: 'approved', targetCollection: 'modules', ...data } as never,
    overrideAccess: true,
  })

/** The comment form's token as if opened `ageSeconds` ago (signed with the server's secret). */
export const commentFormToken = (
  payload: Payload,
  { ageSeconds = 10 }: { ageSeconds?: number } = {},
) =>
  issueFormToken({
    issuedAt: Date.now() - ageSeconds * 1000,
    scope: 'comments',
    secret: payload.secret,
  })

/** One visitor's rating through the public API (no token: a new visitor each time). */
export const rateModule = async ({
  moduleId,
  serverUrl,
  values,
}: {
  moduleId: number
  serverUrl: string
  values: Record<string, number>
}) => {
  const { body, status } = await requestJson(`${serverUrl}/api/modules/${moduleId}/ratings`, {
    body: { values },
    method: 'POST',
  })
  if (status !== 201) {
    throw new Error(`rating failed with ${status}: ${JSON.stringify(body)}`)
  }
}

/**
 * A visitor's comment through the public API, as the form sends it after 10 seconds: consent
 * given, on a module unless `body` says otherwise; `body` adds name, address, target and text.
 */
export const postComment = async <T = Record<string, unknown>>({
  body,
  headers,
  payload,
  serverUrl,
}: {
  body: Data
  headers?: Record<string, string>
  payload: Payload
  serverUrl: string
}): Promise<JsonResponse<T>> =>
  requestJson<T>(`${serverUrl}/api/comments`, {
    body: {
      consent: true,
      formToken: commentFormToken(payload),
      targetCollection: 'modules',
      ...body,
    },
    headers,
    method: 'POST',
  })

/** A visitor's registration through the public API, consent given; `body` adds name, address. */
export const registerForEvent = async <T = Record<string, unknown>>({
  body,
  eventId,
  headers,
  serverUrl,
}: {
  body: Data
  eventId: number | string
  headers?: Record<string, string>
  serverUrl: string
}): Promise<JsonResponse<T>> =>
  requestJson<T>(`${serverUrl}/api/events/${eventId}/registrations`, {
    body: { answers: {}, consent: true, ...body },
    headers,
    method: 'POST',
  })

/**
 * The id of the live registration of `email` for an event: the registration's answer names
 * none (nobody learns from it whether an address is registered).
 */
export const registrationIdOf = async (
  payload: Payload,
  { email, eventId }: { email: string; eventId: number | string },
): Promise<number> => {
  const { docs } = await payload.find({
    collection: 'registrations',
    depth: 0,
    limit: 1,
    overrideAccess: true,
    where: {
      and: [
        { event: { equals: eventId } },
        { email: { equals: email.toLowerCase() } },
        { status: { not_equals: 'cancelled' } },
      ],
    },
  })
  if (!docs[0]) {
    throw new Error(`No registration of ${email} for event ${eventId}.`)
  }
  return docs[0].id
}
