import type { PayloadRequest, RequiredDataFromCollectionSlug } from 'payload'

import type { EventSery } from '../../payload-types'
import type { Recurrence } from '../../src/events/recurrence'
import type { RunningServer } from '../../src/server/startServer'

import { createLocalReq } from 'payload'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import { berlinWallTimeToUtc } from '../../src/events/berlinTime'
import { generateOccurrences } from '../../src/events/generateOccurrences'
import { computeOccurrences, planOccurrences } from '../../src/events/recurrence'
import { login, requestJson } from '../helpers/http'
import { startTestServer } from '../helpers/server'

const FIRST_THURSDAY: Recurrence = {
  durationMinutes: 120,
  horizonDays: 400,
  rule: 'FREQ=MONTHLY;BYDAY=+1TH',
  startsOn: '2026-01-01T12:00:00.000Z',
  startTime: '10:00',
}
const WINTER = new Date('2026-01-10T12:00:00.000Z')

const startsOf = (recurrence: Recurrence, now = WINTER) =>
  Object.fromEntries(
    computeOccurrences({ now, recurrence, seriesId: 7 }).map((occurrence) => [
      occurrence.date,
      occurrence.start.toISOString(),
    ]),
  )

describe('recurrence (pure)', () => {
  it('should put the first Thursday 10:00 Berlin at 09:00Z before and 08:00Z after the March change', () => {
    const starts = startsOf(FIRST_THURSDAY)
    expect(starts['2026-03-05']).toBe('2026-03-05T09:00:00.000Z')
    expect(starts['2026-04-02']).toBe('2026-04-02T08:00:00.000Z')
  })

  it('should put the first Thursday 10:00 Berlin at 08:00Z before and 09:00Z after the October change', () => {
    const starts = startsOf(FIRST_THURSDAY)
    expect(starts['2026-10-01']).toBe('2026-10-01T08:00:00.000Z')
    expect(starts['2026-11-05']).toBe('2026-11-05T09:00:00.000Z')
  })

  it('should end each occurrence after the duration, also on a day the clocks change', () => {
    const occurrences = computeOccurrences({
      now: new Date('2026-03-20T12:00:00.000Z'),
      recurrence: {
        durationMinutes: 90,
        horizonDays: 14,
        rule: 'FREQ=WEEKLY;BYDAY=SU',
        startsOn: '2026-03-01',
        startTime: '01:00',
      },
      seriesId: 7,
    })
    const changeDay = occurrences.find((occurrence) => occurrence.date === '2026-03-29')
    // 01:00 CET is 00:00Z; 90 minutes later it is 03:30 CEST (01:30Z).
    expect(changeDay?.start.toISOString()).toBe('2026-03-29T00:00:00.000Z')
    expect(changeDay?.end.toISOString()).toBe('2026-03-29T01:30:00.000Z')
  })

  it('should keep a weekly Tuesday at the same wall time on both sides of the March change', () => {
    const starts = startsOf(
      { horizonDays: 21, rule: 'FREQ=WEEKLY;BYDAY=TU', startsOn: '2026-03-01', startTime: '18:30' },
      new Date('2026-03-20T12:00:00.000Z'),
    )
    expect(starts).toEqual({
      '2026-03-24': '2026-03-24T17:30:00.000Z',
      '2026-03-31': '2026-03-31T16:30:00.000Z',
      '2026-04-07': '2026-04-07T16:30:00.000Z',
    })
  })

  it('should give the instant the clocks show for a wall time in the March gap and the October overlap', () => {
    // 02:30 doesn't exist on 29 March: the clocks show 03:30 CEST then. On 25 October it exists twice: the later one.
    expect(
      berlinWallTimeToUtc({ day: 29, hour: 2, minute: 30, month: 3, year: 2026 }).toISOString(),
    ).toBe('2026-03-29T01:30:00.000Z')
    expect(
      berlinWallTimeToUtc({ day: 25, hour: 2, minute: 30, month: 10, year: 2026 }).toISOString(),
    ).toBe('2026-10-25T01:30:00.000Z')
  })

  it('should produce no occurrence for a skipped date', () => {
    const starts = startsOf({
      ...FIRST_THURSDAY,
      exceptions: [{ action: 'skip', date: '2026-05-07T12:00:00.000Z' }],
    })
    expect(starts['2026-05-07']).toBeUndefined()
    expect(starts['2026-06-04']).toBe('2026-06-04T08:00:00.000Z')
  })

  it('should produce a moved occurrence at its new start, under the key of its rule date', () => {
    const occurrences = computeOccurrences({
      now: WINTER,
      recurrence: {
        ...FIRST_THURSDAY,
        exceptions: [
          { action: 'move', date: '2026-06-04T12:00:00.000Z', movedTo: '2026-06-11T12:00:00.000Z' },
        ],
      },
      seriesId: 7,
    })
    const moved = occurrences.find((occurrence) => occurrence.key === '7:2026-06-04')
    expect(moved?.start.toISOString()).toBe('2026-06-11T12:00:00.000Z')
    expect(moved?.end.toISOString()).toBe('2026-06-11T14:00:00.000Z')
    expect(moved?.isMoved).toBe(true)
  })

  it('should start at the Berlin day of "now" and stop at the horizon and the end date', () => {
    const dates = planOccurrences({
      now: new Date('2026-03-04T23:30:00.000Z'), // already 5 March in Berlin
      recurrence: { ...FIRST_THURSDAY, endsOn: '2026-06-30T12:00:00.000Z' },
      seriesId: 7,
    }).map((occurrence) => occurrence.date)
    expect(dates).toEqual(['2026-03-05', '2026-04-02', '2026-05-07', '2026-06-04'])
  })
})

describe('generating occurrences', () => {
  const PASSWORD = 'Richtiges-Passwort-2026'
  let server: RunningServer
  let req: PayloadRequest
  let editorToken: string
  let cityEditorToken: string
  const seriesIds: number[] = []
  let cityId: number

  beforeAll(async () => {
    process.env.AUTH_RATE_LIMIT_MAX = '1000'
    server = await startTestServer()
    req = await createLocalReq({}, server.payload)
    const city = await server.payload.create({
      collection: 'municipalities',
      data: { _status: 'published', name: 'Reihenstadt', state: 'NW' },
    })
    cityId = city.id
    await server.payload.create({
      collection: 'users',
      data: { email: 'redaktion@reihen.test', password: PASSWORD, role: 'editor' },
    })
    await server.payload.create({
      collection: 'users',
      data: {
        email: 'kommune@reihen.test',
        municipality: city.id,
        password: PASSWORD,
        role: 'municipality-editor',
      },
    })
    editorToken = await login(server.url, 'redaktion@reihen.test', PASSWORD)
    cityEditorToken = await login(server.url, 'kommune@reihen.test', PASSWORD)
  })

  afterEach(async () => {
    const ids = seriesIds.splice(0)
    if (ids.length) {
      await server.payload.delete({ collection: 'events', where: { series: { in: ids } } })
      await server.payload.delete({ collection: 'event-series', where: { id: { in: ids } } })
    }
  })

  afterAll(async () => {
    await server?.stop()
  })

  const createSeries = async (
    data: Partial<RequiredDataFromCollectionSlug<'event-series'>> = {},
  ): Promise<EventSery> => {
    const series = await server.payload.create({
      collection: 'event-series',
      data: {
        _status: 'published',
        kind: 'network-meeting',
        recurrence: { ...FIRST_THURSDAY, horizonDays: 120 },
        title: 'Jour fixe Quartiersarbeit',
        ...data,
      },
    })
    seriesIds.push(series.id)
    return series
  }

  const eventsOf = async (seriesId: number) =>
    (
      await server.payload.find({
        collection: 'events',
        pagination: false,
        sort: 'start',
        where: { series: { equals: seriesId } },
      })
    ).docs

  it('should create each occurrence once when generation runs twice', async () => {
    const series = await createSeries()
    const first = await generateOccurrences({ now: WINTER, req, seriesId: series.id })
    const second = await generateOccurrences({ now: WINTER, req, seriesId: series.id })
    expect(first).toEqual({ cancelled: 0, created: 4, total: 4, updated: 0 })
    expect(second).toEqual({ cancelled: 0, created: 0, total: 4, updated: 0 })
    const events = await eventsOf(series.id)
    expect(events.map((event) => event.occurrenceKey)).toEqual([
      `${series.id}:2026-02-05`,
      `${series.id}:2026-03-05`,
      `${series.id}:2026-04-02`,
      `${series.id}:2026-05-07`,
    ])
    expect(events.map((event) => event.start)).toEqual([
      '2026-02-05T09:00:00.000Z',
      '2026-03-05T09:00:00.000Z',
      '2026-04-02T08:00:00.000Z',
      '2026-05-07T08:00:00.000Z',
    ])
  })

  it('should take title, kind, format and audience from the series and publish with a published series', async () => {
    const series = await createSeries({
      audience: ['professionals'],
      defaultFormat: 'online',
      kind: 'webinar',
      title: 'Digitaler Stammtisch',
    })
    await generateOccurrences({ now: WINTER, req, seriesId: series.id })
    const [event] = await eventsOf(series.id)
    expect(event).toMatchObject({
      _status: 'published',
      audience: ['professionals'],
      format: 'online',
      kind: 'webinar',
      title: 'Digitaler Stammtisch',
    })
    expect(typeof event?.series === 'object' ? event.series?.id : event?.series).toBe(series.id)
  })

  it('should give the dates the series’ municipalities, also dates made before, but not over an editor’s', async () => {
    const series = await createSeries()
    await generateOccurrences({ now: WINTER, req, seriesId: series.id })
    const [first, second] = await eventsOf(series.id)
    const other = await server.payload.create({
      collection: 'municipalities',
      data: { _status: 'published', name: 'Andere Reihenstadt', state: 'NW' },
    })
    try {
      // An editor gave one date a municipality; then the series names its own.
      await server.payload.update({
        collection: 'events',
        data: { municipalities: [other.id] },
        id: second!.id,
      })
      await server.payload.update({
        collection: 'event-series',
        data: { municipalities: [cityId] },
        id: series.id,
      })
      await generateOccurrences({ now: WINTER, req, seriesId: series.id })
      const idsOf = (event: typeof first) =>
        (event?.municipalities ?? []).map((value) => (typeof value === 'object' ? value.id : value))
      const events = await eventsOf(series.id)
      expect(idsOf(events.find((event) => event.id === first!.id))).toEqual([cityId])
      expect(idsOf(events.find((event) => event.id === second!.id))).toEqual([other.id])
      // A date made later (the horizon moves on) takes them too.
      await generateOccurrences({
        now: new Date('2026-03-20T12:00:00.000Z'),
        req,
        seriesId: series.id,
      })
      const later = await eventsOf(series.id)
      expect(later.length).toBeGreaterThan(events.length)
      expect(idsOf(later.at(-1))).toEqual([cityId])
    } finally {
      await server.payload.delete({
        collection: 'events',
        where: { series: { equals: series.id } },
      })
      await server.payload.delete({ collection: 'municipalities', id: other.id })
    }
  })

  it('should create drafts for a draft series', async () => {
    const series = await createSeries({ _status: 'draft' })
    await generateOccurrences({ now: WINTER, req, seriesId: series.id })
    const events = await eventsOf(series.id)
    expect(events).toHaveLength(4)
    expect(new Set(events.map((event) => event._status))).toEqual(new Set(['draft']))
  })

  it('should keep what an editor changed in an existing occurrence', async () => {
    const series = await createSeries()
    await generateOccurrences({ now: WINTER, req, seriesId: series.id })
    const [first] = await eventsOf(series.id)
    const edited = {
      end: '2026-02-05T15:00:00.000Z',
      start: '2026-02-05T13:00:00.000Z',
      title: 'Jour fixe mit Gästen',
    }
    await server.payload.update({ id: first!.id, collection: 'events', data: edited })
    const result = await generateOccurrences({ now: WINTER, req, seriesId: series.id })
    expect(result).toMatchObject({ created: 0, updated: 0 })
    const after = await server.payload.findByID({ collection: 'events', id: first!.id })
    expect(after).toMatchObject(edited)
  })

  it('should cancel an existing occurrence once its date is skipped', async () => {
    const series = await createSeries()
    await generateOccurrences({ now: WINTER, req, seriesId: series.id })
    await server.payload.update({
      collection: 'event-series',
      data: {
        recurrence: {
          ...series.recurrence,
          exceptions: [{ action: 'skip', date: '2026-03-05T12:00:00.000Z' }],
        },
      },
      id: series.id,
    })
    const result = await generateOccurrences({ now: WINTER, req, seriesId: series.id })
    expect(result).toEqual({ cancelled: 1, created: 0, total: 3, updated: 0 })
    const events = await eventsOf(series.id)
    expect(
      events.find((event) => event.occurrenceKey === `${series.id}:2026-03-05`)?.isCancelled,
    ).toBe(true)
    expect(events.filter((event) => event.isCancelled)).toHaveLength(1)
  })

  it('should move an existing occurrence to the new start of its exception', async () => {
    const series = await createSeries()
    await generateOccurrences({ now: WINTER, req, seriesId: series.id })
    await server.payload.update({
      collection: 'event-series',
      data: {
        recurrence: {
          ...series.recurrence,
          exceptions: [
            {
              action: 'move',
              date: '2026-04-02T12:00:00.000Z',
              movedTo: '2026-04-09T12:00:00.000Z',
            },
          ],
        },
      },
      id: series.id,
    })
    const result = await generateOccurrences({ now: WINTER, req, seriesId: series.id })
    expect(result).toEqual({ cancelled: 0, created: 0, total: 4, updated: 1 })
    const moved = (await eventsOf(series.id)).find(
      (event) => event.occurrenceKey === `${series.id}:2026-04-02`,
    )
    expect(moved).toMatchObject({
      end: '2026-04-09T14:00:00.000Z',
      start: '2026-04-09T12:00:00.000Z',
    })
  })

  it('should record when it last generated', async () => {
    const series = await createSeries()
    await generateOccurrences({ now: WINTER, req, seriesId: series.id })
    const after = await server.payload.findByID({ collection: 'event-series', id: series.id })
    expect(after.recurrence?.lastGeneratedAt).toBe(WINTER.toISOString())
    // The stamp is not an edit: the series stays published with its rule.
    expect(after).toMatchObject({ _status: 'published', recurrence: { rule: FIRST_THURSDAY.rule } })
  })

  it('should generate every series with a rule in the nightly job', async () => {
    const withRule = await createSeries({
      recurrence: {
        horizonDays: 30,
        rule: 'FREQ=WEEKLY;BYDAY=TU',
        startsOn: new Date().toISOString(),
      },
    })
    const withoutRule = await createSeries({ recurrence: {} })
    await server.payload.jobs.queue({
      input: {},
      queue: 'nightly',
      task: 'generateSeriesOccurrences',
    })
    await server.payload.jobs.run({ queue: 'nightly' })
    expect((await eventsOf(withRule.id)).length).toBeGreaterThanOrEqual(4)
    expect(await eventsOf(withoutRule.id)).toHaveLength(0)
  })

  describe('admin endpoint', () => {
    const url = (id: number | string) => `${server.url}/api/event-series/${id}/generate-occurrences`
    const soon = () => ({
      horizonDays: 30,
      rule: 'FREQ=WEEKLY;BYDAY=TU',
      startsOn: new Date().toISOString(),
    })

    it('should let an editor generate and answer the counts', async () => {
      const series = await createSeries({ recurrence: soon() })
      const { body, status } = await requestJson<Record<string, number>>(url(series.id), {
        method: 'POST',
        token: editorToken,
      })
      expect(status).toBe(200)
      expect(body.created).toBeGreaterThanOrEqual(4)
      expect(body).toEqual({ cancelled: 0, created: body.total, total: body.total, updated: 0 })
      expect(await eventsOf(series.id)).toHaveLength(body.total!)
    })

    it('should refuse a municipality editor with 403 and a German message', async () => {
      const series = await createSeries({ recurrence: soon() })
      const { body, status } = await requestJson<{ errors?: { message: string }[] }>(
        url(series.id),
        { method: 'POST', token: cityEditorToken },
      )
      expect(status).toBe(403)
      expect(body.errors?.[0]?.message).toMatch(/nur Redaktion und Administration/)
      expect(await eventsOf(series.id)).toHaveLength(0)
    })

    it('should refuse a visitor with 403, in English when asked', async () => {
      const series = await createSeries({ recurrence: soon() })
      const { body, status } = await requestJson<{ errors?: { message: string }[] }>(
        url(series.id),
        {
          headers: { 'Accept-Language': 'en' },
          method: 'POST',
        },
      )
      expect(status).toBe(403)
      expect(body.errors?.[0]?.message).toMatch(/Only editors and admins/)
      expect(await eventsOf(series.id)).toHaveLength(0)
    })

    it('should answer 404 for a series that does not exist', async () => {
      for (const [id, message] of [
        ['999999', /gibt es nicht/],
        // Where a number belongs: the host says so (src/server/documentIds.ts).
        ['keine-zahl', /^Unter „keine-zahl“ gibt es keinen Eintrag: Die IDs von .* sind Zahlen\./],
      ] as const) {
        const { body, status } = await requestJson<{ errors?: { message: string }[] }>(url(id), {
          method: 'POST',
          token: editorToken,
        })
        expect(status).toBe(404)
        expect(body.errors?.[0]?.message).toMatch(message)
      }
    })

    it('should answer 400 with the reason for a rule it cannot use', async () => {
      const series = await createSeries({ recurrence: { ...soon(), rule: 'FREQ=HOURLY' } })
      const { body, status } = await requestJson<{ errors?: { message: string }[] }>(
        url(series.id),
        { method: 'POST', token: editorToken },
      )
      expect(status).toBe(400)
      expect(body.errors?.[0]?.message).toMatch(/FREQ=DAILY, WEEKLY, MONTHLY oder YEARLY/)
    })

    it('should create each occurrence once when two generations run at the same time', async () => {
      const series = await createSeries({ recurrence: soon() })
      const responses = await Promise.all(
        [1, 2, 3].map(() =>
          requestJson<Record<string, number>>(url(series.id), {
            method: 'POST',
            token: editorToken,
          }),
        ),
      )
      expect(responses.map((response) => response.status)).toEqual([200, 200, 200])
      const total = responses[0]!.body.total!
      expect(responses.reduce((sum, response) => sum + response.body.created!, 0)).toBe(total)
      const keys = (await eventsOf(series.id)).map((event) => event.occurrenceKey)
      expect(keys).toHaveLength(total)
      expect(new Set(keys).size).toBe(total)
    })
  })
})
