import type { RequiredDataFromCollectionSlug } from 'payload'

import type { RunningServer } from '../../src/server/startServer'

import ICAL from 'ical.js'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import { requestJson } from '../helpers/http'
import { startTestServer } from '../helpers/server'
import { createSignedInUsers } from '../helpers/users'

const SECRET_LINK = 'https://konferenz.example.org/raum/geheim-4711'

let server: RunningServer
let editorToken: string
const created: { collection: 'event-series' | 'events' | 'municipalities'; id: number }[] = []

beforeAll(async () => {
  process.env.AUTH_RATE_LIMIT_MAX = '1000'
  server = await startTestServer()
  const { tokens } = await createSignedInUsers(server.payload, {
    serverUrl: server.url,
    users: { editor: { email: 'redaktion@feeds.test', role: 'editor' } },
  })
  editorToken = tokens.editor
})

afterEach(async () => {
  // Events first: they point at series and municipalities.
  for (const { collection, id } of created
    .splice(0)
    .sort((a, b) => Number(b.collection === 'events') - Number(a.collection === 'events'))) {
    await server.payload.delete({ collection, id })
  }
})

afterAll(async () => {
  await server?.stop()
})

type FeedEvent = { end?: string; location: string; start: string; summary: string; uid: string }

/** Fetches a feed and parses it with ical.js, an implementation independent of the one that wrote it. */
const fetchFeed = async (path: string, headers: Record<string, string> = {}) => {
  const response = await fetch(`${server.url}${path}`, { headers })
  const text = await response.text()
  const parse = () => {
    const calendar = new ICAL.Component(ICAL.parse(text))
    return calendar.getAllSubcomponents('vevent').map((vevent): FeedEvent => {
      const event = new ICAL.Event(vevent)
      return {
        end: event.endDate?.toJSDate().toISOString(),
        location: event.location,
        start: event.startDate.toJSDate().toISOString(),
        summary: event.summary,
        uid: event.uid,
      }
    })
  }
  return { headers: response.headers, parse, status: response.status, text }
}

const inDays = (days: number, hourUtc = 9) => {
  const date = new Date(Date.now() + days * 24 * 60 * 60 * 1000)
  date.setUTCHours(hourUtc, 0, 0, 0)
  return date.toISOString()
}

const createEvent = async (
  data: Partial<RequiredDataFromCollectionSlug<'events'>> & { title: string },
) => {
  const event = await server.payload.create({
    collection: 'events',
    data: {
      _status: 'published',
      format: 'on-site',
      kind: 'workshop',
      start: inDays(10),
      start_tz: 'Europe/Berlin',
      ...data,
    },
  })
  created.push({ collection: 'events', id: event.id })
  return event
}

const createSeries = async (
  data: Partial<RequiredDataFromCollectionSlug<'event-series'>> & { slug: string },
) => {
  const series = await server.payload.create({
    collection: 'event-series',
    data: { _status: 'published', kind: 'network-meeting', title: 'Reihe', ...data },
  })
  created.push({ collection: 'event-series', id: series.id })
  return series
}

const createMunicipality = async (slug: string) => {
  const municipality = await server.payload.create({
    collection: 'municipalities',
    data: { _status: 'published', name: 'Feedstadt', slug, state: 'NW' },
  })
  created.push({ collection: 'municipalities', id: municipality.id })
  return municipality
}

describe('events feed', () => {
  it('should answer with text/calendar in UTF-8 and cache headers', async () => {
    const { headers, status } = await fetchFeed('/api/events/feed.ics')
    expect(status).toBe(200)
    expect(headers.get('content-type')).toBe('text/calendar; charset=utf-8')
    expect(headers.get('cache-control')).toMatch(/public, max-age=\d+/)
    expect(headers.get('etag')).toBeTruthy()
  })

  it('should put the calendar properties (method, time zone) before the events', async () => {
    await createEvent({ start: inDays(4), title: 'Reihenfolge im Kalender' })
    const { text } = await fetchFeed('/api/events/feed.ics')
    const lines = text.split('\r\n')
    const firstEvent = lines.indexOf('BEGIN:VEVENT')
    expect(firstEvent).toBeGreaterThan(0)
    for (const property of ['METHOD:PUBLISH', 'X-WR-TIMEZONE:Europe/Berlin']) {
      expect(lines.indexOf(property), property).toBeGreaterThan(0)
      expect(lines.indexOf(property), property).toBeLessThan(firstEvent)
      expect(
        lines.filter((line) => line === property),
        property,
      ).toHaveLength(1)
    }
  })

  it('should list an upcoming published event at its exact start and end', async () => {
    const start = inDays(20, 9)
    const end = inDays(20, 11)
    const event = await createEvent({
      end,
      start,
      title: 'Werkstatt Quartiersfonds',
      venue: { address: 'Marktplatz 1\n45127 Essen', name: 'Rathaus' },
    })
    const events = (await fetchFeed('/api/events/feed.ics')).parse()
    const entry = events.find((candidate) => candidate.summary === 'Werkstatt Quartiersfonds')
    expect(entry).toMatchObject({ end, location: 'Rathaus, Marktplatz 1, 45127 Essen', start })
    expect(entry?.uid).toContain(`event-${event.id}@`)
  })

  it('should keep an event in Berlin summer time at its instant', async () => {
    // 10:00 Berlin in July is 08:00Z; the feed must say so, whatever the server's time zone.
    const year = new Date().getUTCFullYear() + 1
    await createEvent({ start: `${year}-07-02T08:00:00.000Z`, title: 'Sommertreffen' })
    const entry = (await fetchFeed('/api/events/feed.ics'))
      .parse()
      .find((candidate) => candidate.summary === 'Sommertreffen')
    expect(entry?.start).toBe(`${year}-07-02T08:00:00.000Z`)
  })

  it('should leave drafts out', async () => {
    await createEvent({ _status: 'draft', title: 'Entwurf einer Tagung' })
    const { parse, text } = await fetchFeed('/api/events/feed.ics')
    expect(parse().map((event) => event.summary)).not.toContain('Entwurf einer Tagung')
    expect(text).not.toContain('Entwurf')
  })

  it('should leave drafts out for a signed-in editor too', async () => {
    await createEvent({ _status: 'draft', title: 'Entwurf für die Redaktion' })
    const { parse } = await fetchFeed('/api/events/feed.ics', {
      Authorization: `JWT ${editorToken}`,
    })
    expect(parse().map((event) => event.summary)).not.toContain('Entwurf für die Redaktion')
  })

  it('should leave cancelled and past events out', async () => {
    await createEvent({ isCancelled: true, title: 'Abgesagter Termin' })
    await createEvent({ end: inDays(-30, 11), start: inDays(-30, 9), title: 'Vergangener Termin' })
    await createEvent({ title: 'Kommender Termin' })
    const summaries = (await fetchFeed('/api/events/feed.ics'))
      .parse()
      .map((event) => event.summary)
    expect(summaries).toContain('Kommender Termin')
    expect(summaries).not.toContain('Abgesagter Termin')
    expect(summaries).not.toContain('Vergangener Termin')
  })

  it('should never contain the access link of an online event', async () => {
    await createEvent({
      accessLink: SECRET_LINK,
      format: 'online',
      kind: 'webinar',
      teaser: 'Online über unseren Konferenzraum.',
      title: 'Webinar Beteiligung',
    })
    const { parse, text } = await fetchFeed('/api/events/feed.ics')
    expect(parse().find((event) => event.summary === 'Webinar Beteiligung')?.location).toBe(
      'Online',
    )
    expect(text).not.toContain('geheim-4711')
    expect(text).not.toContain('konferenz.example.org')
  })

  it('should say where a hybrid event takes place, and that it is on site without a place yet', async () => {
    await createEvent({ format: 'hybrid', title: 'Netzwerktreffen ohne Ort' })
    await createEvent({
      format: 'hybrid',
      title: 'Netzwerktreffen im Rathaus',
      venue: { address: 'Rathausplatz 1\n45127 Essen', name: 'Rathaus Essen' },
    })
    const locations = Object.fromEntries(
      (await fetchFeed('/api/events/feed.ics'))
        .parse()
        .map((event) => [event.summary, event.location]),
    )
    expect(locations['Netzwerktreffen ohne Ort']).toBe('Vor Ort und online')
    expect(locations['Netzwerktreffen im Rathaus']).toBe(
      'Rathaus Essen, Rathausplatz 1, 45127 Essen (und online)',
    )
  })

  it('should keep the UID of an event when its title and time change', async () => {
    const event = await createEvent({ title: 'Netzwerktreffen Frühjahr' })
    const before = (await fetchFeed('/api/events/feed.ics'))
      .parse()
      .find((entry) => entry.summary === 'Netzwerktreffen Frühjahr')
    await server.payload.update({
      collection: 'events',
      data: { start: inDays(12), title: 'Netzwerktreffen Frühling' },
      id: event.id,
    })
    const after = (await fetchFeed('/api/events/feed.ics'))
      .parse()
      .find((entry) => entry.summary === 'Netzwerktreffen Frühling')
    expect(before?.uid).toBeTruthy()
    expect(after?.uid).toBe(before?.uid)
  })

  it('should answer 304 to a client that has the current version', async () => {
    await createEvent({ title: 'Unverändert' })
    const first = await fetchFeed('/api/events/feed.ics')
    const second = await fetchFeed('/api/events/feed.ics', {
      'If-None-Match': first.headers.get('etag')!,
    })
    expect(second.status).toBe(304)
    expect(second.text).toBe('')
  })

  it('should compare If-None-Match weakly, with lists and *, as RFC 9110 asks for a GET', async () => {
    await createEvent({ title: 'Unverändert, schwach verglichen' })
    const etag = (await fetchFeed('/api/events/feed.ics')).headers.get('etag')!
    expect(etag).toMatch(/^"[^"]+"$/)
    // A CDN that compressed the feed sends back the weakened tag.
    for (const header of [`W/${etag}`, `"anders", ${etag}`, `W/"anders",W/${etag}`, '*']) {
      const again = await fetchFeed('/api/events/feed.ics', { 'If-None-Match': header })
      expect(again.status, header).toBe(304)
      expect(again.headers.get('etag')).toBe(etag)
    }
    for (const header of ['"anders"', 'W/"anders"', etag.slice(1, -1), `"${etag}"`]) {
      const again = await fetchFeed('/api/events/feed.ics', { 'If-None-Match': header })
      expect(again.status, header).toBe(200)
    }
  })
})

describe('series feed', () => {
  it("should list only the series' upcoming published events", async () => {
    const series = await createSeries({ slug: 'jour-fixe-feed', title: 'Jour fixe' })
    const other = await createSeries({ slug: 'andere-reihe-feed', title: 'Andere Reihe' })
    await createEvent({ series: series.id, start: inDays(7), title: 'Jour fixe März' })
    await createEvent({
      _status: 'draft',
      series: series.id,
      start: inDays(35),
      title: 'Jour fixe April (Entwurf)',
    })
    await createEvent({ series: other.id, title: 'Andere Reihe Termin' })
    const { parse, status } = await fetchFeed('/api/event-series/jour-fixe-feed/feed.ics')
    expect(status).toBe(200)
    expect(parse().map((event) => event.summary)).toEqual(['Jour fixe März'])
  })

  it('should answer 404 with a clear message for an unknown series', async () => {
    const { body, headers, status } = await requestJson<{ errors?: { message: string }[] }>(
      `${server.url}/api/event-series/gibt-es-nicht/feed.ics`,
    )
    expect(status).toBe(404)
    expect(headers.get('content-type')).toContain('application/json')
    expect(body.errors?.[0]?.message).toBe(
      'Die Veranstaltungsreihe „gibt-es-nicht“ gibt es nicht (oder sie ist nicht veröffentlicht).',
    )
  })

  it('should answer 404 for a series that is only a draft', async () => {
    await createSeries({ _status: 'draft', slug: 'geheime-reihe-feed' })
    const { status } = await fetchFeed('/api/event-series/geheime-reihe-feed/feed.ics')
    expect(status).toBe(404)
  })
})

describe('municipality feed', () => {
  it('should list events that involve the municipality or take place there', async () => {
    const city = await createMunicipality('feedstadt')
    const elsewhere = await createMunicipality('anderswo-feed')
    await createEvent({ municipalities: [city.id, elsewhere.id], title: 'Beteiligt' })
    await createEvent({
      title: 'Vor Ort',
      venue: { municipality: city.id, name: 'Stadtteilzentrum' },
    })
    await createEvent({ municipalities: [elsewhere.id], title: 'Anderswo' })
    await createEvent({ _status: 'draft', municipalities: [city.id], title: 'Entwurf vor Ort' })
    const { parse, status } = await fetchFeed('/api/municipalities/feedstadt/events.ics')
    expect(status).toBe(200)
    expect(
      parse()
        .map((event) => event.summary)
        .sort(),
    ).toEqual(['Beteiligt', 'Vor Ort'])
  })

  it('should answer 404 with a clear message for an unknown municipality, in English when asked', async () => {
    const { body, status } = await requestJson<{ errors?: { message: string }[] }>(
      `${server.url}/api/municipalities/nirgendwo/events.ics`,
      {
        headers: { 'Accept-Language': 'en' },
      },
    )
    expect(status).toBe(404)
    expect(body.errors?.[0]?.message).toBe('There is no published municipality "nirgendwo".')
  })
})

describe('feed parameters', () => {
  type ErrorBody = { errors?: { message: string }[] }
  const refusal = async (path: string, language = 'de') => {
    const { body, headers, status } = await requestJson<ErrorBody>(`${server.url}${path}`, {
      headers: { 'Accept-Language': language },
    })
    return { contentType: headers.get('content-type'), message: body.errors?.[0]?.message, status }
  }

  it('should refuse an unknown parameter with 400, listing the ones the feed takes', async () => {
    for (const path of [
      '/api/events/feed.ics?municipalty=feedstadt',
      '/api/events/feed.ics?municipality[x]=feedstadt',
      '/api/events/feed.ics?depth=2',
      '/api/events/feed.ics?series=&foo',
    ]) {
      const { contentType, message, status } = await refusal(path)
      expect(status, path).toBe(400)
      expect(contentType).toContain('application/json')
      expect(message, path).toMatch(/^Den Parameter „[^“]+“ kennt der Kalender-Feed nicht\./)
      expect(message).toContain(
        'Möglich sind series (Kurzname einer Veranstaltungsreihe), fieldOfAction (Kurzname eines Handlungsfelds), municipality (Kurzname einer Kommune)',
      )
    }
    expect((await refusal('/api/events/feed.ics?foo=bar', 'en')).message).toMatch(
      /^The calendar feed has no parameter "foo"\. Possible are series \(slug of an event series\), fieldOfAction/,
    )
  })

  it('should refuse an empty or malformed value with 400 instead of answering every event', async () => {
    await createMunicipality('feedstadt')
    const cases: [string, RegExp][] = [
      [
        '?municipality=',
        /^Der Parameter „municipality“ ist leer: Geben Sie einen Kurznamen an oder lassen Sie den Parameter weg\. Möglich sind/,
      ],
      ['?series=%20', /^Der Parameter „series“ ist leer/],
      ['?fieldOfAction=', /^Der Parameter „fieldOfAction“ ist leer/],
      [
        '?municipality=Gro%C3%9F%20Stadt',
        /^„Groß Stadt“ ist kein Kurzname \(Parameter „municipality“\)/,
      ],
      ['?municipality=Feedstadt', /^„Feedstadt“ ist kein Kurzname/],
      [`?series=${'a'.repeat(121)}`, /ist kein Kurzname \(Parameter „series“\)/],
      [
        '?municipality=feedstadt&municipality=feedstadt',
        /^Bitte „municipality“ nur einmal angeben\./,
      ],
    ]
    for (const [query, expected] of cases) {
      const { message, status } = await refusal(`/api/events/feed.ics${query}`)
      expect(status, query).toBe(400)
      expect(message, query).toMatch(expected)
      expect(message).toContain('Möglich sind series')
    }
    // The filters still work, alone and together.
    expect((await fetchFeed('/api/events/feed.ics?municipality=feedstadt')).status).toBe(200)
    // Tracking parameters a newsletter tool appends change nothing.
    const filtered = (await fetchFeed('/api/events/feed.ics?municipality=feedstadt')).parse()
    for (const path of [
      '/api/events/feed.ics?municipality=feedstadt&utm_source=newsletter&utm_medium=email',
      '/api/events/feed.ics?fbclid=IwAR0abc&municipality=feedstadt&_=1733100000000',
    ]) {
      const { parse, status } = await fetchFeed(path)
      expect(status, path).toBe(200)
      expect(
        parse().map((event) => event.uid),
        path,
      ).toEqual(filtered.map((event) => event.uid))
    }
    expect(
      (await fetchFeed('/api/municipalities/feedstadt/events.ics?utm_campaign=x')).status,
    ).toBe(200)
    expect((await refusal('/api/municipalities/feedstadt/events.ics?utm=x')).status).toBe(400)
    expect((await fetchFeed('/api/events/feed.ics')).status).toBe(200)
  })

  it('should refuse parameters on the feeds of one series or municipality', async () => {
    await createSeries({ slug: 'reihe-ohne-parameter' })
    await createMunicipality('stadt-ohne-parameter')
    for (const path of [
      '/api/event-series/reihe-ohne-parameter/feed.ics?municipality=essen',
      '/api/municipalities/stadt-ohne-parameter/events.ics?x=1',
    ]) {
      const { message, status } = await refusal(path)
      expect(status, path).toBe(400)
      expect(message).toMatch(/^Dieser Kalender-Feed nimmt keine Parameter an \(gegeben: „\w+“\)\./)
      expect(message).toContain('/api/events/feed.ics')
    }
    expect((await fetchFeed('/api/event-series/reihe-ohne-parameter/feed.ics')).status).toBe(200)
    expect((await fetchFeed('/api/municipalities/stadt-ohne-parameter/events.ics')).status).toBe(
      200,
    )
  })
})
