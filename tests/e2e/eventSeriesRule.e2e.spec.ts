/**
 * The event series' rule picker (collections/EventSeries/components/RecurrenceRule): controls
 * instead of a raw RRULE, the rule in words (German and English, one function), the raw rule
 * still stored and editable for experts, a preview of the next dates planned by the same
 * function the generation runs, and generating them as drafts on request. Real server
 * (production build), real PostgreSQL, Chromium.
 */
import type { Browser, Page } from 'playwright-core'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { EventSery } from '../../payload-types'
import type { RunningServer } from '../../src/server/startServer'

import { describeRule, type Language } from '../../collections/EventSeries/rule/describeRule'
import { choiceOfRule, ruleOfChoice } from '../../collections/EventSeries/rule/ruleChoice'
import {
  axeViolationsIn,
  createAccounts,
  launchChromium,
  screenshotPath,
  signIn as signInWith,
} from '../helpers/browser'
import { login, requestJson } from '../helpers/http'
import { startTestServer } from '../helpers/server'

const EDITOR = {
  email: 'redaktion-reihen@quartiersnetz.test',
  password: 'Reihen-Test-2026',
}

/** The admin renders and loads in steps; on a busy machine that takes a while. */
const POLL = { timeout: 20_000 }

let browser: Browser
let server: RunningServer
let counter = 0

beforeAll(async () => {
  server = await startTestServer()
  // The first account always becomes admin; the picker is tested as an editor.
  await createAccounts(server.payload, {
    accounts: [{ ...EDITOR, name: 'Rita Reihe' }],
    adminEmail: 'admin-reihen@quartiersnetz.test',
  })
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

const signIn = () => signInWith(browser, { account: EDITOR, baseUrl: server.url, open: null })

/** A series as the office would start one: published, without a rule yet unless given. */
const createSeries = async (recurrence: Partial<NonNullable<EventSery['recurrence']>> = {}) =>
  server.payload.create({
    collection: 'event-series',
    data: {
      _status: 'published',
      kind: 'network-meeting',
      recurrence: { horizonDays: 120, startsOn: new Date().toISOString(), ...recurrence },
      title: `Jour fixe (Reihen ${++counter})`,
    },
    overrideAccess: true,
  })

const eventsOf = async (seriesId: number) =>
  (
    await server.payload.find({
      collection: 'events',
      depth: 0,
      draft: true,
      overrideAccess: true,
      pagination: false,
      sort: 'start',
      where: { series: { equals: seriesId } },
    })
  ).docs

/** The recurrence as saved (and published). */
const storedRecurrence = async (id: number) =>
  (
    await server.payload.findByID({
      collection: 'event-series',
      depth: 0,
      id,
      overrideAccess: true,
    })
  ).recurrence

/** How the preview writes a date: "Do., 05.03.2026, 10:00–12:00", Berlin time. */
const berlin = (start: string, end: string) => {
  const date = new Intl.DateTimeFormat('de-DE', {
    day: '2-digit',
    month: '2-digit',
    timeZone: 'Europe/Berlin',
    weekday: 'short',
    year: 'numeric',
  })
  const time = new Intl.DateTimeFormat('de-DE', {
    hour: '2-digit',
    hourCycle: 'h23',
    minute: '2-digit',
    timeZone: 'Europe/Berlin',
  })
  return `${date.format(new Date(start))}, ${time.format(new Date(start))}–${time.format(new Date(end))}`
}

const openSeries = async (page: Page, id: number) => {
  await page.goto(`${server.url}/admin/collections/event-series/${id}`)
  const picker = page.locator('.recurrence-rule')
  await picker.waitFor()
  return picker
}

const sentenceOf = (page: Page) => page.locator('.recurrence-rule__sentence').innerText()

describe('the rule in words', () => {
  const cases: [rule: string, de: string, en: string][] = [
    [
      'FREQ=MONTHLY;BYDAY=+1TH',
      'jeden 1. Donnerstag im Monat, 10:00–12:00',
      'every first Thursday of the month, 10:00–12:00',
    ],
    [
      'FREQ=MONTHLY;BYDAY=TH;BYSETPOS=1',
      'jeden 1. Donnerstag im Monat, 10:00–12:00',
      'every first Thursday of the month, 10:00–12:00',
    ],
    [
      'FREQ=MONTHLY;BYDAY=-1FR',
      'jeden letzten Freitag im Monat, 10:00–12:00',
      'every last Friday of the month, 10:00–12:00',
    ],
    [
      'FREQ=MONTHLY;INTERVAL=3;BYDAY=+2WE',
      'alle 3 Monate am 2. Mittwoch, 10:00–12:00',
      'every 3 months on the second Wednesday, 10:00–12:00',
    ],
    ['FREQ=WEEKLY;BYDAY=TU', 'jeden Dienstag, 10:00–12:00', 'every Tuesday, 10:00–12:00'],
    [
      'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH',
      'alle 2 Wochen am Dienstag und Donnerstag, 10:00–12:00',
      'every 2 weeks on Tuesday and Thursday, 10:00–12:00',
    ],
    [
      'FREQ=WEEKLY;BYDAY=MO,WE,FR;COUNT=10',
      'jeden Montag, Mittwoch und Freitag, 10-mal, 10:00–12:00',
      'every Monday, Wednesday and Friday, 10 times, 10:00–12:00',
    ],
    [
      'FREQ=MONTHLY;BYMONTHDAY=1,15',
      'jeden Monat am 1. und 15., 10:00–12:00',
      'every month on the 1st and 15th, 10:00–12:00',
    ],
    [
      'FREQ=YEARLY;BYMONTH=10;BYMONTHDAY=3',
      'jedes Jahr am 3. Oktober, 10:00–12:00',
      'every year on the 3rd of October, 10:00–12:00',
    ],
    [
      'FREQ=WEEKLY;BYDAY=TH;UNTIL=20261231T235959Z',
      'jeden Donnerstag, bis 31.12.2026, 10:00–12:00',
      'every Thursday, until 31 December 2026, 10:00–12:00',
    ],
    ['FREQ=DAILY;INTERVAL=3', 'alle 3 Tage, 10:00–12:00', 'every 3 days, 10:00–12:00'],
  ]

  it.each(cases)('should say %s in German and English', (rule, de, en) => {
    const words = (language: Language) =>
      describeRule({ durationMinutes: 120, language, rule, startTime: '10:00' })
    expect(words('de')).toBe(de)
    expect(words('en')).toBe(en)
  })

  it('should say when an occurrence ends on the next day', () => {
    expect(
      describeRule({
        durationMinutes: 180,
        language: 'de',
        rule: 'FREQ=WEEKLY;BYDAY=SA',
        startTime: '22:00',
      }),
    ).toBe('jeden Samstag, 22:00–01:00 (am nächsten Tag)')
  })

  it('should not put into words what it cannot read', () => {
    for (const rule of ['', 'FREQ=HOURLY', 'FREQ=WEEKLY;BYHOUR=10', 'FREQ=WEEKLY;BYDAY=XX']) {
      expect(describeRule({ language: 'de', rule })).toBeUndefined()
    }
  })

  it('should store each choice of the controls as the rule it reads back', () => {
    for (const rule of [
      'FREQ=MONTHLY;BYDAY=+1TH',
      'FREQ=MONTHLY;INTERVAL=2;BYDAY=-1FR',
      'FREQ=WEEKLY;BYDAY=TU',
      'FREQ=WEEKLY;INTERVAL=3;BYDAY=MO,WE',
    ]) {
      const choice = choiceOfRule(rule)
      expect(choice).toBeDefined()
      expect(ruleOfChoice(choice!)).toBe(rule)
    }
    // What the controls can't say stays for the expert input.
    for (const rule of [
      'FREQ=DAILY',
      'FREQ=MONTHLY;BYMONTHDAY=15',
      'FREQ=WEEKLY;BYDAY=TH;COUNT=4',
    ]) {
      expect(choiceOfRule(rule)).toBeUndefined()
    }
  })
})

describe('the rule picker in the admin', () => {
  it('should turn "monthly on the 1st Thursday, 10:00–12:00" into words and the raw rule, preview the next dates and generate them as drafts', async () => {
    const series = await createSeries()
    const { context, page } = await signIn()
    const picker = await openSeries(page, series.id)

    await picker.getByLabel('Rhythmus').selectOption('monthly')
    await picker.getByLabel('Am', { exact: true }).selectOption('1')
    await picker.getByLabel('Wochentag').selectOption('TH')
    await picker.getByLabel('von', { exact: true }).fill('10:00')
    await picker.getByLabel('bis', { exact: true }).fill('12:00')
    await expect
      .poll(() => sentenceOf(page), POLL)
      .toBe('Jeden 1. Donnerstag im Monat, 10:00–12:00')

    // The raw rule, for experts, is what the controls wrote.
    await picker.getByLabel('Experte: Regel direkt bearbeiten').check()
    expect(await picker.getByLabel('Regel (RRULE)').inputValue()).toBe('FREQ=MONTHLY;BYDAY=+1TH')
    await picker.getByLabel('Experte: Regel direkt bearbeiten').uncheck()

    // The preview lists the next first Thursdays, before anything is saved or generated.
    const preview = page.locator('.occurrences')
    const items = preview.locator('.occurrences__list li')
    await expect.poll(() => items.count(), POLL).toBeGreaterThanOrEqual(3)
    const previewed = await items.allInnerTexts()
    for (const item of previewed) {
      expect(item).toMatch(/^Do\., \d{2}\.\d{2}\.\d{4}, 10:00–12:00$/)
    }
    expect(await preview.locator('.occurrences__unsaved').isVisible()).toBe(true)

    await page.getByRole('button', { name: 'Änderungen veröffentlichen' }).click()
    await expect
      .poll(() => storedRecurrence(series.id), POLL)
      .toMatchObject({
        durationMinutes: 120,
        rule: 'FREQ=MONTHLY;BYDAY=+1TH',
        startTime: '10:00',
      })
    await expect.poll(() => preview.locator('.occurrences__unsaved').count(), POLL).toBe(0)

    await preview.getByLabel('Neue Termine als Entwürfe anlegen').check()
    await preview.scrollIntoViewIfNeeded()
    await page.screenshot({ fullPage: true, path: screenshotPath('series-rule-picker.png') })
    expect(await axeViolationsIn(page, ['.recurrence-rule'])).toEqual([])
    expect(await axeViolationsIn(page, ['.occurrences'])).toEqual([])
    await preview.getByRole('button', { name: 'Termine jetzt erzeugen' }).click()
    await page
      .locator('.payload-toast-container')
      .getByText(/neu angelegt \(als Entwürfe\)/)
      .waitFor()

    // Exactly the dates the preview showed, as drafts, although the series is published.
    const events = await eventsOf(series.id)
    expect(events.length).toBeGreaterThanOrEqual(previewed.length)
    expect(
      events.slice(0, previewed.length).map((event) => berlin(event.start, event.end!)),
    ).toEqual(previewed)
    expect(new Set(events.map((event) => event._status))).toEqual(new Set(['draft']))
    await context.close()
  })

  it('should write weekly rules with an interval and the duration from "von … bis …"', async () => {
    const series = await createSeries()
    const { context, page } = await signIn()
    const picker = await openSeries(page, series.id)

    await picker.getByLabel('Rhythmus').selectOption('weekly')
    await picker.getByLabel('Abstand').selectOption('2')
    for (const day of ['Dienstag', 'Donnerstag']) {
      await picker.getByRole('checkbox', { exact: true, name: day }).check()
    }
    // Only the two chosen: unchecking whatever the picker started with.
    for (const day of ['Montag', 'Mittwoch', 'Freitag', 'Samstag', 'Sonntag']) {
      await picker.getByRole('checkbox', { exact: true, name: day }).uncheck()
    }
    await picker.getByLabel('von', { exact: true }).fill('18:00')
    await picker.getByLabel('bis', { exact: true }).fill('19:30')
    await expect
      .poll(() => sentenceOf(page), POLL)
      .toBe('Alle 2 Wochen am Dienstag und Donnerstag, 18:00–19:30')

    // An end before the start is refused in words and changes nothing.
    await picker.getByLabel('bis', { exact: true }).fill('17:00')
    await expect
      .poll(() => picker.getByRole('status').innerText(), POLL)
      .toBe('Das Ende muss nach dem Beginn liegen.')
    await picker.getByLabel('bis', { exact: true }).fill('19:30')

    await page.getByRole('button', { name: 'Änderungen veröffentlichen' }).click()
    await expect
      .poll(() => storedRecurrence(series.id), POLL)
      .toMatchObject({
        durationMinutes: 90,
        rule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH',
        startTime: '18:00',
      })
    await context.close()
  })

  it('should keep a rule the controls cannot show for the expert input, in words, and name a mistake as it is typed', async () => {
    const series = await createSeries({ rule: 'FREQ=MONTHLY;BYMONTHDAY=15', startTime: '09:30' })
    const { context, page } = await signIn()
    const picker = await openSeries(page, series.id)

    const toggle = picker.getByLabel('Experte: Regel direkt bearbeiten')
    expect(await toggle.isChecked()).toBe(true)
    expect(await toggle.isDisabled()).toBe(true)
    expect(await picker.getByLabel('Regel (RRULE)').inputValue()).toBe('FREQ=MONTHLY;BYMONTHDAY=15')
    expect(await picker.locator('.recurrence-rule__expert-only p').innerText()).toBe(
      'Diese Regel lässt sich mit den Auswahlfeldern nicht darstellen; sie bleibt gespeichert, wie sie ist.',
    )
    await expect.poll(() => sentenceOf(page), POLL).toBe('Jeden Monat am 15., 09:30–11:30')
    const items = page.locator('.occurrences__list li')
    await expect.poll(() => items.count(), POLL).toBeGreaterThanOrEqual(3)
    for (const item of await items.allInnerTexts()) {
      expect(item).toMatch(/^\w{2}\., 15\.\d{2}\.\d{4}, 09:30–11:30$/)
    }

    await picker.getByLabel('Regel (RRULE)').fill('FREQ=MONTHLY;BYDAY=+1XX')
    await expect
      .poll(() => picker.getByRole('alert').innerText(), POLL)
      .toMatch(/^Ungültige Wiederholungsregel: /)
    await picker.getByLabel('Regel (RRULE)').fill('FREQ=HOURLY')
    // rrule reads it, but the generation can't use it: the preview says why.
    await expect
      .poll(() => page.locator('.occurrences__error').innerText(), POLL)
      .toMatch(/FREQ=DAILY, WEEKLY, MONTHLY oder YEARLY/)

    await picker.getByRole('button', { name: 'Mit den Auswahlfeldern neu festlegen' }).click()
    expect(await picker.getByLabel('Rhythmus').inputValue()).toBe('weekly')
    await page.screenshot({ fullPage: true, path: screenshotPath('series-rule-expert.png') })
    expect(await axeViolationsIn(page, ['.recurrence-rule'])).toEqual([])
    await context.close()
  })

  it('should generate drafts over HTTP when asked, and published events of a published series otherwise', async () => {
    const token = await login(server.url, EDITOR.email, EDITOR.password)
    const generate = async (body?: object) => {
      const series = await createSeries({ horizonDays: 40, rule: 'FREQ=WEEKLY;BYDAY=WE' })
      const { status } = await requestJson(
        `${server.url}/api/event-series/${series.id}/generate-occurrences`,
        { body, method: 'POST', token },
      )
      expect(status).toBe(200)
      return new Set((await eventsOf(series.id)).map((event) => event._status))
    }
    expect(await generate({ asDrafts: true })).toEqual(new Set(['draft']))
    expect(await generate()).toEqual(new Set(['published']))
  })
})
