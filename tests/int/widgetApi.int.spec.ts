/**
 * What the visitor widgets on member-city websites read and send (issue 12), over real HTTP
 * against the production build and a real PostgreSQL: a comment thread in one request, rating
 * summaries that describe their scales, ratings from another origin without cookies, the
 * module finder by Handlungsfeld and target group with facets, the filtered events feed, the
 * events list a widget shows, and CORS preflights that allow the visitor token.
 */
import type { CollectionSlug, Payload } from 'payload'

import ICAL from 'ical.js'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'

import type { Event } from '../../payload-types'
import type { RatingSummary } from '../../plugins/ratings'
import type { RunningServer } from '../../src/server/startServer'

import { PLUGIN_WRITE } from '../../plugins/comments/lib/context'
import { requestJson } from '../helpers/http'
import { startTestServer } from '../helpers/server'

const WIDGET_ORIGIN = 'https://www.essen.de'

// The config reads these when it is imported, i.e. before any hook runs.
vi.hoisted(() => {
  process.env.CORS_ORIGINS = 'https://www.essen.de,https://www.witten.de'
  process.env.COMMENTS_MIN_SUBMIT_SECONDS = '1'
  process.env.RATINGS_PER_CLIENT_PER_HOUR = '0'
})

const SECRET_LINK = 'https://konferenz.example.org/raum/geheim-4711'
const HEX_HASH = /\b[0-9a-f]{64}\b/

type ErrorBody = {
  errors?: { data?: { errors?: { message: string; path: string }[] }; message: string }[]
}
type ThreadComment = {
  authorName: string
  createdAt: string
  id: number
  isOfficial: boolean
  replies?: ThreadComment[]
  text: string
}
type ThreadBody = ErrorBody & {
  comments?: ThreadComment[]
  consentVersion?: string
  formToken?: string
  maxTextLength?: number
  minSubmitSeconds?: number
  target?: { collection: string; id: number; slug: null | string; title: string }
  totalDocs?: number
}
type Facet = { count: number; id: number; slug: null | string; title: string }
type FinderDoc = { id: number; ratingSummary?: RatingSummary; title?: string }
type FinderBody = ErrorBody & {
  docs?: FinderDoc[]
  facets?: Record<string, Facet[]>
  totalDocs?: number
}
type ListBody<T> = ErrorBody & { docs?: T[]; totalDocs?: number }

let server: RunningServer
let payload: Payload
let counter = 0
/** What a test created, deleted after it in reverse order. */
const created: { collection: CollectionSlug; id: number }[] = []

beforeAll(async () => {
  server = await startTestServer()
  payload = server.payload
})

afterEach(async () => {
  for (const { collection, id } of created.splice(0).reverse()) {
    if (collection === 'registrations') {
      // Held seats can't be deleted; cancelled ones can.
      await payload.update({ collection, data: { status: 'cancelled' } as never, id })
    }
    await payload.delete({ collection, id })
  }
})

afterAll(async () => {
  await server?.stop()
})

const track = <T extends { id: number }>(collection: CollectionSlug, doc: T): T => {
  created.push({ collection, id: doc.id })
  return doc
}

const inDays = (days: number, hourUtc = 9) => {
  const date = new Date(Date.now() + days * 24 * 60 * 60 * 1000)
  date.setUTCHours(hourUtc, 0, 0, 0)
  return date.toISOString()
}

const createModule = async (data: Record<string, unknown> = {}) => {
  const status = (data._status as string | undefined) ?? 'published'
  const n = ++counter
  return track(
    'modules',
    await payload.create({
      collection: 'modules',
      data: {
        _status: status,
        slug: `widget-modul-${n}`,
        title: `Widget-Modul ${n}`,
        ...data,
      } as never,
      draft: status === 'draft',
    }),
  )
}

const createFieldOfAction = async (status: 'draft' | 'published' = 'published') => {
  const n = ++counter
  return track(
    'fields-of-action',
    await payload.create({
      collection: 'fields-of-action',
      data: { _status: status, slug: `widget-feld-${n}`, title: `Widget-Handlungsfeld ${n}` },
      draft: status === 'draft',
    }),
  )
}

const createTargetGroup = async () => {
  const n = ++counter
  return track(
    'target-groups',
    await payload.create({
      collection: 'target-groups',
      data: { _status: 'published', slug: `widget-gruppe-${n}`, title: `Widget-Zielgruppe ${n}` },
    }),
  )
}

/** A comment stored as the plugin stores one (with address, hashes and language), approved and confirmed unless said otherwise. */
const createComment = async (data: Record<string, unknown>) =>
  track(
    'comments',
    (await payload.create({
      collection: 'comments',
      context: { [PLUGIN_WRITE]: true },
      data: {
        authorName: 'Erika Mustermann',
        clientHash: 'c'.repeat(64),
        email: 'erika.geheim@example.org',
        emailHash: 'e'.repeat(64),
        isConfirmed: true,
        language: 'en',
        status: 'approved',
        targetCollection: 'modules',
        text: 'Ein Kommentar',
        ...data,
      } as never,
    })) as unknown as { id: number },
  )

const thread = (target: string, language = 'de-DE') =>
  requestJson<ThreadBody>(
    `${server.url}/api/comments/thread?target=${encodeURIComponent(target)}`,
    { headers: { 'Accept-Language': language } },
  )

/** A new visitor (no token) rates a module from this server's own origin. */
const rate = async (
  moduleId: number,
  values: Record<string, number>,
  headers: Record<string, string> = {},
) => {
  const response = await fetch(`${server.url}/api/modules/${moduleId}/ratings`, {
    body: JSON.stringify({ values }),
    headers: { 'Content-Type': 'application/json', ...headers },
    method: 'POST',
  })
  return {
    body: (await response.json()) as ErrorBody & {
      ratingSummary?: RatingSummary
      visitorToken?: string
    },
    headers: response.headers,
    status: response.status,
  }
}

describe('comments thread', () => {
  it('should answer target, public comments oldest first with replies nested, and a form token the comment endpoint accepts', async () => {
    const module = await createModule()
    const first = await createComment({ targetId: String(module.id), text: 'Erster Kommentar' })
    const second = await createComment({ targetId: String(module.id), text: 'Zweiter Kommentar' })
    const reply = await createComment({
      authorName: 'Max',
      parent: first.id,
      targetId: String(module.id),
      text: 'Antwort auf den ersten',
    })
    const official = await createComment({
      authorName: 'Redaktion',
      isOfficialReply: true,
      parent: first.id,
      targetId: String(module.id),
      text: 'Offizielle Antwort',
    })

    const { body, headers, status } = await thread(`modules/${module.slug}`)
    expect(status, JSON.stringify(body)).toBe(200)
    expect(headers.get('cache-control')).toBe('no-store')
    expect(body.target).toEqual({
      collection: 'modules',
      id: module.id,
      slug: module.slug,
      title: module.title,
    })
    expect(
      body.comments?.map((comment) => [comment.id, comment.replies?.map((r) => r.id)]),
    ).toEqual([
      [first.id, [reply.id, official.id]],
      [second.id, []],
    ])
    expect(body.comments?.[0]).toMatchObject({
      authorName: 'Erika Mustermann',
      isOfficial: false,
      text: 'Erster Kommentar',
    })
    expect(Date.parse(body.comments![0]!.createdAt)).not.toBeNaN()
    expect(body.comments?.[0]?.replies?.[1]).toEqual({
      authorName: 'Redaktion',
      createdAt: expect.any(String) as string,
      id: official.id,
      isOfficial: true,
      text: 'Offizielle Antwort',
    })
    expect(body).toMatchObject({
      consentVersion: '2026-01',
      maxTextLength: 2000,
      minSubmitSeconds: 1,
      totalDocs: 4,
    })

    // The form token is the comment form's: after the least form time, a comment with it is taken.
    await new Promise((resolve) => setTimeout(resolve, 1100))
    const submitted = await requestJson<ErrorBody & { comment?: { id: number } }>(
      `${server.url}/api/comments`,
      {
        body: {
          authorName: 'Widget',
          consent: true,
          email: 'widget@example.org',
          formToken: body.formToken,
          targetCollection: 'modules',
          targetId: module.id,
          text: 'Über das Widget',
          website: '',
        },
        method: 'POST',
      },
    )
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(202)
    track('comments', submitted.body.comment!)
  })

  it('should find the thread by id as well as by slug', async () => {
    const module = await createModule()
    const comment = await createComment({ targetId: String(module.id) })
    const { body, status } = await thread(`modules/${module.id}`)
    expect(status).toBe(200)
    expect(body.target).toMatchObject({ id: module.id, slug: module.slug })
    expect(body.comments?.map(({ id }) => id)).toEqual([comment.id])
  })

  it('should show neither addresses, hashes or languages nor comments a visitor may not read', async () => {
    const module = await createModule()
    const other = await createModule()
    const visible = await createComment({ targetId: String(module.id), text: 'Sichtbar' })
    await createComment({
      isConfirmed: false,
      status: 'pending',
      targetId: String(module.id),
      text: 'Ausstehend',
    })
    await createComment({ isConfirmed: false, targetId: String(module.id), text: 'Unbestätigt' })
    await createComment({ status: 'rejected', targetId: String(module.id), text: 'Abgelehnt' })
    await createComment({ status: 'spam', targetId: String(module.id), text: 'Werbung' })
    const hidden = await createComment({
      isHiddenByReports: true,
      reportCount: 3,
      targetId: String(module.id),
      text: 'Gemeldet',
    })
    await createComment({
      parent: hidden.id,
      targetId: String(module.id),
      text: 'Antwort auf Gemeldetes',
    })
    await createComment({ targetId: String(other.id), text: 'Anderes Modul' })

    const { body, status } = await thread(`modules/${module.slug}`)
    expect(status).toBe(200)
    expect(body.comments?.map(({ id }) => id)).toEqual([visible.id])
    expect(body.totalDocs).toBe(1)
    // The form token carries a signature; nothing else may look like a hash.
    const text = JSON.stringify({ ...body, formToken: undefined })
    for (const secret of [
      'Ausstehend',
      'Unbestätigt',
      'Abgelehnt',
      'Werbung',
      'Gemeldet',
      'Anderes Modul',
      'erika.geheim',
      '@example.org',
      '"language"',
      '"en"',
      'Hash',
      'reportCount',
      'consent"',
    ]) {
      expect(text).not.toContain(secret)
    }
    expect(text).not.toMatch(HEX_HASH)
  })

  it('should answer 404 in German or English for a draft or an unknown slug, and 400 without a target or for a collection without comments', async () => {
    const draft = await createModule({ _status: 'draft' })
    await createComment({ targetId: String(draft.id), text: 'Am Entwurf' })
    for (const target of ['events/irgendwas', 'users/1']) {
      const german = await thread(target)
      expect(german.status, target).toBe(400)
      expect(german.body.errors?.[0]?.message).toMatch(
        /^„(events|users)“ nimmt keine Kommentare an; kommentieren lassen sich: modules, projects\.$/,
      )
      expect((await thread(target, 'en')).body.errors?.[0]?.message).toMatch(
        /takes no comments; comments can be written on: modules, projects\.$/,
      )
    }
    for (const target of [
      `modules/${draft.slug}`,
      `modules/${draft.id}`,
      'modules/gibt-es-nicht',
      'modules/99999',
    ]) {
      const german = await thread(target)
      expect(german.status, target).toBe(404)
      expect(german.body.errors?.[0]?.message).toBe(
        'Eintrag nicht gefunden oder nicht veröffentlicht.',
      )
      expect(JSON.stringify(german.body)).not.toContain('Am Entwurf')
      const english = await thread(target, 'en')
      expect(english.status).toBe(404)
      expect(english.body.errors?.[0]?.message).toBe('Entry not found or not published.')
    }
    for (const target of ['', 'modules', 'modules/', 'modules/a/b', 'modules/ä']) {
      const german = await thread(target)
      expect(german.status, target).toBe(400)
      expect(german.body.errors?.[0]?.message).toMatch(
        /^Bitte geben Sie an, zu welchem Eintrag die Kommentare gehören, z\. B\. \?target=modules\//,
      )
      expect((await thread(target, 'en')).body.errors?.[0]?.message).toMatch(
        /^Please say which entry the comments belong to/,
      )
    }
  })
})

describe('rating summaries', () => {
  it("should carry the scale and each dimension's poles in the request's language", async () => {
    const module = await createModule()
    const german = await requestJson<{ ratingSummary?: RatingSummary }>(
      `${server.url}/api/modules/${module.id}?depth=0`,
    )
    expect(german.body.ratingSummary?.scale).toEqual({ max: 5, min: 1 })
    expect(german.body.ratingSummary?.dimensions.financialEffort).toMatchObject({
      high: 'ist sehr kostenintensiv',
      label: 'Finanzieller Aufwand',
      low: 'ist mit geringen Kosten verbunden',
    })
    const english = await requestJson<{ ratingSummary?: RatingSummary }>(
      `${server.url}/api/modules/${module.id}?depth=0`,
      {
        headers: { 'Accept-Language': 'en' },
      },
    )
    expect(english.body.ratingSummary?.dimensions.financialEffort).toMatchObject({
      high: 'very costly',
      label: 'Financial effort',
      low: 'low cost',
    })
    // Every dimension has both poles, also in the rating endpoint's answer.
    const { body } = await rate(module.id, { participation: 5 })
    for (const dimension of Object.values(body.ratingSummary!.dimensions)) {
      expect(dimension.low.length).toBeGreaterThan(0)
      expect(dimension.high.length).toBeGreaterThan(0)
    }
    expect(body.ratingSummary?.scale).toEqual({ max: 5, min: 1 })
  })

  it('should return ratingSummary with select on a REST read, with the lock state of a locked module but without its field', async () => {
    const open = await createModule()
    const locked = await createModule()
    await rate(open.id, { participation: 4 })
    await rate(locked.id, { participation: 2 })
    await payload.update({ collection: 'modules', data: { ratingsLocked: true }, id: locked.id })
    for (const module of [open, locked]) {
      const { body, status } = await requestJson<
        ListBody<Record<string, unknown> & { ratingSummary?: RatingSummary }>
      >(
        `${server.url}/api/modules?where[slug][equals]=${module.slug}&select[title]=true&select[ratingSummary]=true`,
      )
      expect(status, JSON.stringify(body)).toBe(200)
      const [doc] = body.docs!
      expect(Object.keys(doc!).sort()).toEqual(['id', 'ratingSummary', 'title'])
      expect(doc?.ratingSummary).toMatchObject({ isLocked: module === locked, raterCount: 1 })
    }
  })

  it('should set no cookie for a rating from another origin and take the token back in X-Visitor-Token', async () => {
    const module = await createModule()
    const first = await rate(module.id, { participation: 2 }, { Origin: WIDGET_ORIGIN })
    expect(first.status, JSON.stringify(first.body)).toBe(201)
    expect(first.headers.get('set-cookie')).toBeNull()
    expect(first.headers.get('access-control-allow-origin')).toBe(WIDGET_ORIGIN)
    expect(first.body.visitorToken).toMatch(/^[A-Za-z0-9_-]{43}$/)
    const again = await rate(
      module.id,
      { participation: 5 },
      { Origin: WIDGET_ORIGIN, 'X-Visitor-Token': first.body.visitorToken! },
    )
    expect(again.status).toBe(200)
    expect(again.headers.get('set-cookie')).toBeNull()
    expect(again.body.ratingSummary).toMatchObject({ raterCount: 1 })
    expect(again.body.ratingSummary?.dimensions.participation?.mean).toBe(5)
  })

  it('should keep the cookie for requests from the server’s own origin and without an Origin', async () => {
    const module = await createModule()
    const cases: Record<string, string>[] = [{ Origin: new URL(server.url).origin }, {}]
    for (const headers of cases) {
      const { body, headers: answer, status } = await rate(module.id, { participation: 3 }, headers)
      expect(status).toBe(201)
      expect(answer.get('set-cookie')).toContain(`rating_visitor=${body.visitorToken}`)
    }
  })
})

describe('module finder', () => {
  const finder = (query: string, language = 'de-DE') =>
    requestJson<FinderBody>(`${server.url}/api/modules/ratings-finder?${query}`, {
      headers: { 'Accept-Language': language },
    })

  it('should list every published module of a Handlungsfeld, by slug or id, rated ones first and unrated after them', async () => {
    const field = await createFieldOfAction()
    const elsewhere = await createFieldOfAction()
    const unrated = await createModule({ fieldsOfAction: [field.id], title: 'A ohne Bewertung' })
    const ratedOnce = await createModule({ fieldsOfAction: [field.id] })
    const ratedTwice = await createModule({ fieldsOfAction: [elsewhere.id, field.id] })
    await createModule({ fieldsOfAction: [elsewhere.id] })
    await createModule({ _status: 'draft', fieldsOfAction: [field.id] })
    await rate(ratedOnce.id, { participation: 3 })
    await rate(ratedTwice.id, { participation: 3 })
    await rate(ratedTwice.id, { participation: 4 })

    for (const reference of [field.slug, field.id]) {
      const { body, status } = await finder(`fieldOfAction=${reference}`)
      expect(status, JSON.stringify(body)).toBe(200)
      expect(body.docs?.map(({ id }) => id)).toEqual([ratedTwice.id, ratedOnce.id, unrated.id])
      expect(body.totalDocs).toBe(3)
      expect(body.docs?.[2]?.ratingSummary).toMatchObject({
        raterCount: 0,
        scale: { max: 5, min: 1 },
      })
      expect(body.facets).toBeUndefined()
    }
  })

  it('should combine the relation filters with profile bounds, then only rated modules take part', async () => {
    const field = await createFieldOfAction()
    const group = await createTargetGroup()
    const match = await createModule({ fieldsOfAction: [field.id], targetGroups: [group.id] })
    const lowParticipation = await createModule({
      fieldsOfAction: [field.id],
      targetGroups: [group.id],
    })
    const otherGroup = await createModule({ fieldsOfAction: [field.id] })
    await createModule({ fieldsOfAction: [field.id], targetGroups: [group.id] })
    await rate(match.id, { participation: 5 })
    await rate(lowParticipation.id, { participation: 2 })
    await rate(otherGroup.id, { participation: 5 })

    const { body, status } = await finder(
      `fieldOfAction=${field.slug}&targetGroup=${group.slug}&participation[min]=4`,
    )
    expect(status, JSON.stringify(body)).toBe(200)
    expect(body.docs?.map(({ id }) => id)).toEqual([match.id])
    const withMinRaters = await finder(
      `fieldOfAction=${field.slug}&targetGroup=${group.slug}&minRaters=1&sort=participation`,
    )
    expect(withMinRaters.body.docs?.map(({ id }) => id)).toEqual([lowParticipation.id, match.id])
  })

  it('should count the matching modules per published filter value for the facets', async () => {
    const field = await createFieldOfAction()
    const otherField = await createFieldOfAction()
    const draftField = await createFieldOfAction('draft')
    const group = await createTargetGroup()
    const otherGroup = await createTargetGroup()
    await createModule({ fieldsOfAction: [field.id], targetGroups: [group.id] })
    await createModule({
      fieldsOfAction: [field.id, otherField.id],
      targetGroups: [group.id, otherGroup.id],
    })
    await createModule({ fieldsOfAction: [field.id, draftField.id], targetGroups: [otherGroup.id] })
    await createModule({ fieldsOfAction: [otherField.id], targetGroups: [group.id] })
    await createModule({ _status: 'draft', fieldsOfAction: [field.id], targetGroups: [group.id] })

    const { body, status } = await finder(`fieldOfAction=${field.slug}&facets=true`)
    expect(status, JSON.stringify(body)).toBe(200)
    expect(body.totalDocs).toBe(3)
    const countOf = (name: string, id: number) =>
      body.facets?.[name]?.find((facet) => facet.id === id)
    // The Handlungsfeld's own facet ignores its choice: what choosing another one would give.
    expect(countOf('fieldOfAction', field.id)).toEqual({
      count: 3,
      id: field.id,
      slug: field.slug,
      title: field.title,
    })
    expect(countOf('fieldOfAction', otherField.id)?.count).toBe(2)
    expect(countOf('fieldOfAction', draftField.id)).toBeUndefined()
    // The target groups among the three modules of the chosen Handlungsfeld.
    expect(countOf('targetGroup', group.id)).toEqual({
      count: 2,
      id: group.id,
      slug: group.slug,
      title: group.title,
    })
    expect(countOf('targetGroup', otherGroup.id)?.count).toBe(2)
  })

  it('should answer 404 for an unknown or unpublished filter value and 400 with readable messages for invalid input', async () => {
    const draftField = await createFieldOfAction('draft')
    for (const reference of ['gibt-es-nicht', draftField.slug!, String(draftField.id)]) {
      const german = await finder(`fieldOfAction=${reference}`)
      expect(german.status, reference).toBe(404)
      expect(german.body.errors?.[0]?.message).toBe(
        `Für „Handlungsfeld“ gibt es keinen veröffentlichten Eintrag „${reference}“.`,
      )
      expect((await finder(`fieldOfAction=${reference}`, 'en')).body.errors?.[0]?.message).toBe(
        `There is no published entry "${reference}" for "Field of action".`,
      )
    }
    const cases: [string, string, string, string][] = [
      [
        'limit=1000',
        'limit',
        'Ungültiger Filter: „Anzahl pro Seite“ darf höchstens 100 sein.',
        'Invalid filter: "Results per page" must be at most 100.',
      ],
      [
        'limit=1.5',
        'limit',
        'Ungültiger Filter: „Anzahl pro Seite“ hat die falsche Form (erwartet: eine ganze Zahl).',
        'Invalid filter: "Results per page" has the wrong form (expected: a whole number).',
      ],
      [
        'participation[min]=0',
        'participation.min',
        'Ungültiger Filter: „Partizipation (mindestens)“ muss mindestens 1 sein.',
        'Invalid filter: "Participation (at least)" must be at least 1.',
      ],
      [
        'participation=4',
        'participation',
        'Ungültiger Filter: „Partizipation“ braucht eine Unter- oder Obergrenze, z. B. participation[min]=1 oder participation[max]=5.',
        'Invalid filter: "Participation" needs a lower or upper bound, e.g. participation[min]=1 or participation[max]=5.',
      ],
      [
        'fieldOfAction=Wohnen!',
        'fieldOfAction',
        'Ungültiger Filter: „Handlungsfeld“ hat nicht das erwartete Format.',
        'Invalid filter: "Field of action" is not in the expected format.',
      ],
      [
        'facets=ja',
        'facets',
        'Ungültiger Filter: „Facetten“ hat keinen der zulässigen Werte (möglich: true, false).',
        'Invalid filter: "Facets" is not one of the allowed values (possible: true, false).',
      ],
    ]
    for (const [query, path, de, en] of cases) {
      const german = await finder(query)
      expect(german.status, query).toBe(400)
      expect(german.body.errors?.[0]?.message).toBe(de)
      // Each message also beside its parameter, for a form that shows it there.
      expect(german.body.errors?.[0]?.data?.errors?.[0]?.path).toBe(path)
      expect((await finder(query, 'en')).body.errors?.[0]?.message).toBe(en)
    }
  })
})

describe('events feed filters', () => {
  const feed = async (query: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${server.url}/api/events/feed.ics${query}`, { headers })
    const text = await response.text()
    const calendar = () => new ICAL.Component(ICAL.parse(text))
    const uids = () =>
      calendar()
        .getAllSubcomponents('vevent')
        .map((vevent) => String(vevent.getFirstPropertyValue('uid')))
        .sort()
    return {
      headers: response.headers,
      name: () => String(calendar().getFirstPropertyValue('x-wr-calname')),
      status: response.status,
      text,
      uids,
    }
  }

  const createEvent = async (data: Record<string, unknown>) =>
    track(
      'events',
      await payload.create({
        collection: 'events',
        data: {
          _status: 'published',
          format: 'on-site',
          kind: 'workshop',
          start: inDays(10),
          start_tz: 'Europe/Berlin',
          title: `Widget-Termin ${++counter}`,
          ...data,
        } as never,
        draft: data._status === 'draft',
      }),
    )

  it('should filter by municipality, series and Handlungsfeld, each alone and combined', async () => {
    const city = track(
      'municipalities',
      await payload.create({
        collection: 'municipalities',
        data: { _status: 'published', name: 'Widgetstadt', slug: 'widgetstadt', state: 'NW' },
      }),
    )
    const series = track(
      'event-series',
      await payload.create({
        collection: 'event-series',
        data: {
          _status: 'published',
          kind: 'network-meeting',
          slug: 'widget-reihe',
          title: 'Widget-Reihe',
        },
      }),
    )
    const field = await createFieldOfAction()
    const all = await createEvent({
      fieldsOfAction: [field.id],
      municipalities: [city.id],
      series: series.id,
    })
    const cityOnly = await createEvent({ municipalities: [city.id] })
    const seriesOnly = await createEvent({ series: series.id })
    const venueAndField = await createEvent({
      fieldsOfAction: [field.id],
      venue: { municipality: city.id, name: 'Stadthalle' },
    })
    await createEvent({
      _status: 'draft',
      fieldsOfAction: [field.id],
      municipalities: [city.id],
      series: series.id,
    })
    await createEvent({
      end: inDays(-3, 11),
      fieldsOfAction: [field.id],
      municipalities: [city.id],
      series: series.id,
      start: inDays(-3),
    })
    await createEvent({ title: 'Ohne Bezug' })
    const uidsOf = (...events: { id: number }[]) =>
      events.map((event) => `event-${event.id}@localhost`).sort()

    const cases: [string, { id: number }[]][] = [
      ['?municipality=widgetstadt', [all, cityOnly, venueAndField]],
      ['?series=widget-reihe', [all, seriesOnly]],
      [`?fieldOfAction=${field.slug}`, [all, venueAndField]],
      ['?municipality=widgetstadt&series=widget-reihe', [all]],
      [`?municipality=widgetstadt&fieldOfAction=${field.slug}`, [all, venueAndField]],
      [`?municipality=widgetstadt&series=widget-reihe&fieldOfAction=${field.slug}`, [all]],
    ]
    for (const [query, expected] of cases) {
      const { status, uids } = await feed(query)
      expect(status, query).toBe(200)
      expect(uids(), query).toEqual(uidsOf(...expected))
    }
    const { headers, name } = await feed('?municipality=widgetstadt&series=widget-reihe')
    expect(name()).toBe('Quartiersnetz – Veranstaltungen – Widget-Reihe in Widgetstadt')
    expect(headers.get('content-disposition')).toBe(
      'inline; filename="veranstaltungen-widget-reihe-widgetstadt.ics"',
    )
  })

  it('should answer 404 with a German or English message for an unknown or unpublished slug, and 400 for a filter given twice', async () => {
    const draftField = await createFieldOfAction('draft')
    const cases: [string, string, string][] = [
      [
        '?municipality=nirgendwo',
        'Die Kommune „nirgendwo“ gibt es nicht (oder sie ist nicht veröffentlicht).',
        'There is no published municipality "nirgendwo".',
      ],
      [
        '?series=keine-reihe',
        'Die Veranstaltungsreihe „keine-reihe“ gibt es nicht (oder sie ist nicht veröffentlicht).',
        'There is no published event series "keine-reihe".',
      ],
      [
        `?fieldOfAction=${draftField.slug}`,
        `Das Handlungsfeld „${draftField.slug}“ gibt es nicht (oder es ist nicht veröffentlicht).`,
        `There is no published field of action "${draftField.slug}".`,
      ],
    ]
    for (const [query, de, en] of cases) {
      const german = await requestJson<ErrorBody>(`${server.url}/api/events/feed.ics${query}`)
      expect(german.status, query).toBe(404)
      expect(german.body.errors?.[0]?.message).toBe(de)
      const english = await requestJson<ErrorBody>(`${server.url}/api/events/feed.ics${query}`, {
        headers: { 'Accept-Language': 'en' },
      })
      expect(english.body.errors?.[0]?.message).toBe(en)
    }
    const twice = await requestJson<ErrorBody>(
      `${server.url}/api/events/feed.ics?series=a&series=b`,
    )
    expect(twice.status).toBe(400)
    expect(twice.body.errors?.[0]?.message).toMatch(/^Bitte „series“ nur einmal angeben\. /)
    // No slug at all: 400 (ics.int.spec.ts), not "there is no such municipality".
    const malformed = await requestJson<ErrorBody>(
      `${server.url}/api/events/feed.ics?municipality=Gro%C3%9F%20Stadt`,
    )
    expect(malformed.status).toBe(400)
    expect(malformed.body.errors?.[0]?.message).toMatch(
      /^„Groß Stadt“ ist kein Kurzname \(Parameter „municipality“\)/,
    )
  })

  it('should answer 304 for the ETag of a filtered feed while it is unchanged, and 200 after a change', async () => {
    const field = await createFieldOfAction()
    const event = await createEvent({ fieldsOfAction: [field.id] })
    const first = await feed(`?fieldOfAction=${field.slug}`)
    const etag = first.headers.get('etag')!
    expect(etag).toBeTruthy()
    expect((await feed(`?fieldOfAction=${field.slug}`, { 'If-None-Match': etag })).status).toBe(304)
    // The unfiltered feed is another calendar.
    expect((await feed('', { 'If-None-Match': etag })).status).toBe(200)
    await payload.update({
      collection: 'events',
      data: { title: 'Umbenannter Widget-Termin' },
      id: event.id,
    })
    const changed = await feed(`?fieldOfAction=${field.slug}`, { 'If-None-Match': etag })
    expect(changed.status).toBe(200)
    expect(changed.text).toContain('Umbenannter Widget-Termin')
  })
})

describe('events list for the widget', () => {
  it('should give visitors the upcoming events of a municipality, series and Handlungsfeld with all a list needs, never the access link', async () => {
    const city = track(
      'municipalities',
      await payload.create({
        collection: 'municipalities',
        data: { _status: 'published', name: 'Listenstadt', slug: 'listenstadt', state: 'NW' },
      }),
    )
    const otherCity = track(
      'municipalities',
      await payload.create({
        collection: 'municipalities',
        data: { _status: 'published', name: 'Anderswo', slug: 'anderswo', state: 'NW' },
      }),
    )
    const series = track(
      'event-series',
      await payload.create({
        collection: 'event-series',
        data: {
          _status: 'published',
          kind: 'network-meeting',
          slug: 'listen-reihe',
          title: 'Listen-Reihe',
        },
      }),
    )
    const field = await createFieldOfAction()
    const base = {
      fieldsOfAction: [field.id],
      kind: 'workshop',
      municipalities: [city.id],
      series: series.id,
    }
    const create = async (data: Record<string, unknown>) =>
      track(
        'events',
        await payload.create({
          collection: 'events',
          data: {
            _status: 'published',
            format: 'on-site',
            start_tz: 'Europe/Berlin',
            ...base,
            ...data,
          } as never,
          draft: data._status === 'draft',
        }),
      )
    const later = await create({ start: inDays(20), title: 'Späterer Termin' })
    const next = await create({
      accessLink: SECRET_LINK,
      capacity: 30,
      end: inDays(12, 11),
      format: 'hybrid',
      hasWaitingList: true,
      registration: { deadline: inDays(10, 0) },
      registrationOpen: true,
      start: inDays(12),
      title: 'Nächster Termin',
      venue: { address: 'Marktplatz 1\n45127 Essen', name: 'Rathaus' },
    })
    await create({ end: inDays(-2, 11), start: inDays(-2), title: 'Vergangener Termin' })
    await create({ _status: 'draft', start: inDays(11), title: 'Entwurfstermin' })
    await create({ municipalities: [otherCity.id], start: inDays(11), title: 'Termin anderswo' })
    await create({ fieldsOfAction: [], start: inDays(11), title: 'Termin ohne Handlungsfeld' })
    await create({ series: null, start: inDays(11), title: 'Termin ohne Reihe' })
    for (const [status, email] of [
      ['confirmed', 'eins@example.org'],
      ['confirmed', 'zwei@example.org'],
      ['waitlisted', 'drei@example.org'],
      ['pending', 'vier@example.org'],
    ]) {
      track(
        'registrations',
        await payload.create({
          collection: 'registrations',
          data: { email, event: next.id, name: 'Gast', status } as never,
        }),
      )
    }

    const query = new URLSearchParams({
      depth: '1',
      limit: '5',
      sort: 'start',
      'where[fieldsOfAction.slug][equals]': field.slug!,
      'where[municipalities.slug][equals]': 'listenstadt',
      'where[series.slug][equals]': 'listen-reihe',
      'where[start][greater_than]': new Date().toISOString(),
    })
    const { body, status } = await requestJson<ListBody<Event & Record<string, unknown>>>(
      `${server.url}/api/events?${query}`,
      {
        headers: { Origin: WIDGET_ORIGIN },
      },
    )
    expect(status, JSON.stringify(body)).toBe(200)
    expect(body.docs?.map(({ title }) => title)).toEqual(['Nächster Termin', 'Späterer Termin'])
    const [first] = body.docs!
    expect(first).toMatchObject({
      capacity: 30,
      end: next.end,
      format: 'hybrid',
      hasWaitingList: true,
      registration: { deadline: next.registration?.deadline },
      registrationOpen: true,
      seatsTaken: 2,
      slug: next.slug,
      start: next.start,
      venue: { address: 'Marktplatz 1\n45127 Essen', name: 'Rathaus' },
      waitingCount: 1,
    })
    expect(first?.municipalities).toEqual([
      expect.objectContaining({ name: 'Listenstadt', slug: 'listenstadt' }),
    ])
    expect(first?.series).toMatchObject({ slug: 'listen-reihe', title: 'Listen-Reihe' })
    expect(first).not.toHaveProperty('accessLink')
    expect(JSON.stringify(body)).not.toContain('geheim-4711')
    expect(body.docs?.[1]?.id).toBe(later.id)
  })

  it('should list the events involving a municipality or taking place there, as its feed does, with an or of dotted paths', async () => {
    const city = track(
      'municipalities',
      await payload.create({
        collection: 'municipalities',
        data: { _status: 'published', name: 'Oderstadt', slug: 'oderstadt', state: 'NW' },
      }),
    )
    const create = async (title: string, data: Record<string, unknown>) =>
      track(
        'events',
        await payload.create({
          collection: 'events',
          data: {
            _status: 'published',
            format: 'on-site',
            kind: 'workshop',
            start: inDays(15),
            start_tz: 'Europe/Berlin',
            title,
            ...data,
          } as never,
        }),
      )
    const involved = await create('Beteiligt', { municipalities: [city.id] })
    const hosted = await create('Gastgeberin', {
      venue: { municipality: city.id, name: 'Bürgerhaus' },
    })
    await create('Woanders', {})
    const query = new URLSearchParams({
      'where[or][0][municipalities.slug][equals]': 'oderstadt',
      'where[or][1][venue.municipality.slug][equals]': 'oderstadt',
    })
    const { body, status } = await requestJson<ListBody<Event>>(
      `${server.url}/api/events?${query}&sort=start&depth=0`,
    )
    expect(status, JSON.stringify(body)).toBe(200)
    expect(body.docs?.map(({ id }) => id).sort()).toEqual([involved.id, hosted.id].sort())
    const feed = await fetch(`${server.url}/api/events/feed.ics?municipality=oderstadt`)
    const uids = new ICAL.Component(ICAL.parse(await feed.text()))
      .getAllSubcomponents('vevent')
      .map((vevent) => String(vevent.getFirstPropertyValue('uid')))
    expect(uids.sort()).toEqual(
      [`event-${involved.id}@localhost`, `event-${hosted.id}@localhost`].sort(),
    )
  })
})

describe('CORS for widgets', () => {
  const preflight = (path: string, origin = WIDGET_ORIGIN) =>
    fetch(`${server.url}${path}`, {
      headers: {
        'Access-Control-Request-Headers': 'content-type,x-visitor-token',
        'Access-Control-Request-Method': 'POST',
        Origin: origin,
      },
      method: 'OPTIONS',
    })

  it("should allow X-Visitor-Token in preflights from an allowed origin for the plugins' POST endpoints", async () => {
    const module = await createModule()
    for (const path of [
      `/api/modules/${module.id}/ratings`,
      '/api/comments',
      '/api/comments/1/report',
      '/api/events/1/registrations',
    ]) {
      const response = await preflight(path)
      expect(response.status, path).toBeLessThan(300)
      expect(response.headers.get('access-control-allow-origin'), path).toBe(WIDGET_ORIGIN)
      expect(response.headers.get('access-control-allow-methods')).toContain('POST')
      const allowed = (response.headers.get('access-control-allow-headers') ?? '')
        .toLowerCase()
        .split(/\s*,\s*/)
      expect(allowed).toEqual(expect.arrayContaining(['content-type', 'x-visitor-token']))
    }
  })

  it('should not allow an origin outside CORS_ORIGINS', async () => {
    const module = await createModule()
    const response = await preflight(
      `/api/modules/${module.id}/ratings`,
      'https://fremde-seite.example',
    )
    expect(response.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('should let an allowed origin read the comments thread', async () => {
    const module = await createModule()
    const response = await fetch(
      `${server.url}/api/comments/thread?target=modules/${module.slug}`,
      { headers: { Origin: 'https://www.witten.de' } },
    )
    expect(response.status).toBe(200)
    expect(response.headers.get('access-control-allow-origin')).toBe('https://www.witten.de')
  })
})
