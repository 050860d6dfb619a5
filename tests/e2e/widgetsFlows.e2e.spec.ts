/**
 * The visitor widgets (widgets/) as a member city's website embeds them: host pages on another
 * origin with a strict content security policy, the real server (production build), PostgreSQL
 * and a real SMTP receiver, Chromium. Rating and changing it, commenting through confirmation
 * and moderation, registering onto the seat and the waiting list, the method finder, the events
 * list in Berlin time, a module from two requests, the policy, English.
 * Accessibility (axe in every state, keyboard) is in widgetsAccessibility.e2e.spec.ts.
 */
import type { Browser, BrowserContextOptions, Page } from 'playwright-core'

import fs from 'node:fs'

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import type { RunningServer } from '../../src/server/startServer'

import { createAccounts, launchChromium } from '../helpers/browser'
import {
  createComment,
  createDescribedModule,
  createEvent,
  createMunicipality,
  createProject,
  createTaxonomy,
  rateModule,
  richText,
  type Taxonomy,
} from '../helpers/fixtures'
import { login, requestJson } from '../helpers/http'
import { waitForLink } from '../helpers/mails'
import { startTestServer } from '../helpers/server'
import { watchPolicy } from '../helpers/widgetHost'

// The config reads SMTP_URL and CORS_ORIGINS when it is imported: both listen before that.
const { host, smtp } = await vi.hoisted(async () => {
  const { startSmtpReceiver } = await import('../helpers/smtp')
  const { startWidgetHost } = await import('../helpers/widgetHost')
  // One test client plays many visitors; the limits have their own tests. The form's minimum
  // time is the comments plugin's (tests/int); a test types faster than people do.
  process.env.RATINGS_PER_CLIENT_PER_HOUR = '0'
  process.env.COMMENTS_RATE_LIMIT_MAX = '0'
  process.env.COMMENTS_MIN_SUBMIT_SECONDS = '0'
  process.env.EVENT_REGISTRATION_RATE_LIMIT_MAX = '0'
  return { host: await startWidgetHost(), smtp: await startSmtpReceiver() }
})

const EDITOR = { email: 'redaktion-widgets@quartiersnetz.test', password: 'Widgets-Test-2026' }
const ACCESS_LINK = 'https://konferenz.example.test/geheimer-raum-widgets-4711'
const COMMENT_CONFIRM_LINK = /http:\/\/localhost:\d+\/api\/comments\/confirm\?token=[A-Za-z0-9_%-]+/
const REGISTRATION_CONFIRM_LINK =
  /http:\/\/localhost:\d+\/api\/registrations\/confirm\?token=[A-Za-z0-9_%-]+/
const NEXT_YEAR = new Date().getUTCFullYear() + 1

let browser: Browser
let server: RunningServer
let taxonomy: Taxonomy

beforeAll(async () => {
  server = await startTestServer()
  await createAccounts(server.payload, {
    accounts: [{ ...EDITOR, name: 'Emil Redaktion' }],
    adminEmail: 'admin-widgets@quartiersnetz.test',
  })
  taxonomy = await createTaxonomy(server.payload, { suffix: 'Widgets' })
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  await smtp?.stop()
  await host?.stop()
})

const newVisitor = (options: BrowserContextOptions = {}) =>
  browser.newContext({
    locale: 'de-DE',
    timezoneId: 'Europe/Berlin',
    viewport: { height: 900, width: 1000 },
    ...options,
  })

/** Every API request the page makes to the Quartiersnetz server. */
const recordApiRequests = (page: Page) => {
  const urls: string[] = []
  page.on('request', (request) => {
    if (request.url().startsWith(`${server.url}/api/`)) {
      urls.push(`${request.method()} ${request.url().slice(server.url.length)}`)
    }
  })
  return urls
}

/** The text of every API answer the page received, for what must never be in one. */
const recordApiBodies = (page: Page) => {
  const bodies: Promise<string>[] = []
  page.on('response', (response) => {
    if (
      response.url().startsWith(`${server.url}/api/`) &&
      response.request().method() !== 'OPTIONS'
    ) {
      bodies.push(response.text().catch(() => ''))
    }
  })
  return async () => (await Promise.all(bodies)).join('\n')
}

/** The markup inside an element's shadow root (and its nested widgets' roots). */
const shadowMarkup = (page: Page, selector: string) =>
  page.evaluate((selector) => {
    const collect = (root: Element | ShadowRoot): string =>
      [...root.querySelectorAll('*')]
        .map((element) =>
          element.shadowRoot ? element.shadowRoot.innerHTML + collect(element.shadowRoot) : '',
        )
        .join('')
    const element = document.querySelector(selector)
    return `${element?.outerHTML ?? ''}${element?.shadowRoot?.innerHTML ?? ''}${element?.shadowRoot ? collect(element.shadowRoot) : ''}`
  }, selector)

const summaryOf = async (moduleId: number) => {
  const { body } = await requestJson<{
    ratingSummary: {
      dimensions: Record<string, { count: number; mean: null | number }>
      raterCount: number
    }
  }>(`${server.url}/api/modules/${moduleId}?depth=0`)
  return body.ratingSummary
}

const GERMAN_WEEKDAYS = [
  'Sonntag',
  'Montag',
  'Dienstag',
  'Mittwoch',
  'Donnerstag',
  'Freitag',
  'Samstag',
]
const GERMAN_MONTHS = [
  'Januar',
  'Februar',
  'März',
  'April',
  'Mai',
  'Juni',
  'Juli',
  'August',
  'September',
  'Oktober',
  'November',
  'Dezember',
]
/** "Freitag, 15. Januar 2027" for a calendar day (written out here, not by Intl as the widget does). */
const germanDay = (year: number, month: number, day: number) =>
  `${GERMAN_WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()]}, ${day}. ${GERMAN_MONTHS[month - 1]} ${year}`

describe('widgets on a member city’s website', () => {
  it('should save a visitor’s rating of some dimensions, show it marked after a reload and let them change it, with no cookie and nothing stored before', async () => {
    const module = await createDescribedModule(server.payload, {
      title: 'Stadtteilkonferenz (Bewerten)',
    })
    const url = host.page({ body: `<qn-rating module="${module.slug}"></qn-rating>` })
    const context = await newVisitor()
    const page = await context.newPage()
    await page.goto(url)
    const rating = page.locator('qn-rating')
    await rating.getByText('Dieses Modul wurde bisher noch nicht bewertet.').waitFor()
    // Nothing is stored before the visitor acts: no cookie anywhere, no storage on any origin.
    expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([])
    expect(
      (await context.storageState()).origins.filter((origin) => origin.localStorage.length),
    ).toEqual([])
    await page.evaluate(() =>
      document.addEventListener(
        'qn-rated',
        (event) =>
          ((window as unknown as { rated: unknown }).rated = (event as CustomEvent).detail),
      ),
    )

    await rating
      .getByRole('group', { name: 'Partizipation' })
      .getByRole('radio', { exact: true, name: '4' })
      .check()
    await rating
      .getByRole('group', { name: 'Finanzieller Aufwand' })
      .getByRole('radio', { exact: true, name: '2' })
      .check()
    await rating.getByRole('button', { name: 'Einschätzung abschicken' }).click()
    await expect
      .poll(() => rating.getByRole('status').innerText())
      .toBe('Vielen Dank! Ihre Einschätzung wurde gespeichert.')
    expect(await rating.locator('[part="rater-count"]').innerText()).toBe(
      'Dieses Modul wurde bisher von einer Person bewertet.',
    )
    expect(
      await page.evaluate(() => (window as unknown as { rated: { module: number } }).rated.module),
    ).toBe(module.id)

    const first = await summaryOf(module.id)
    expect(first.raterCount).toBe(1)
    expect(first.dimensions.participation?.mean).toBe(4)
    expect(first.dimensions.financialEffort?.mean).toBe(2)
    expect(first.dimensions.complexity?.count).toBe(0)
    // Now, and only now, the token (and the visitor's own values) are in the host page's storage.
    const prefix = `quartiersnetz:${server.url}:`
    const stored = await page.evaluate(() => Object.fromEntries(Object.entries(localStorage)))
    expect(Object.keys(stored).sort()).toEqual([
      `${prefix}rating:${module.id}`,
      `${prefix}visitor-token`,
    ])
    expect(stored[`${prefix}visitor-token`]).toMatch(/^[A-Za-z0-9_-]{20,}$/)
    expect(JSON.parse(stored[`${prefix}rating:${module.id}`]!)).toEqual({
      financialEffort: 2,
      participation: 4,
    })

    // A new visit from the same browser: the choice is marked and can be changed.
    await page.reload()
    await rating.getByText('Dieses Modul wurde bisher von einer Person bewertet.').waitFor()
    const participation = rating.getByRole('group', { name: 'Partizipation' })
    expect(await participation.getByRole('radio', { exact: true, name: '4' }).isChecked()).toBe(
      true,
    )
    expect(
      await rating
        .getByRole('group', { name: 'Finanzieller Aufwand' })
        .getByRole('radio', { exact: true, name: '2' })
        .isChecked(),
    ).toBe(true)
    expect(
      await rating
        .getByRole('group', { name: 'Komplexität' })
        .getByRole('radio', { checked: true })
        .count(),
    ).toBe(0)
    await rating
      .getByText('Sie haben dieses Modul bereits eingeschätzt; Ihre Auswahl ist markiert.', {
        exact: false,
      })
      .waitFor()

    await participation.getByRole('radio', { exact: true, name: '2' }).check()
    await rating.getByRole('button', { name: 'Einschätzung ändern' }).click()
    await expect
      .poll(() => rating.getByRole('status').innerText())
      .toBe('Vielen Dank! Ihre Einschätzung wurde gespeichert.')
    const changed = await summaryOf(module.id)
    expect(changed.raterCount).toBe(1)
    expect(changed.dimensions.participation?.mean).toBe(2)
    expect(changed.dimensions.financialEffort?.mean).toBe(2)
    expect(await rating.locator('[part="rater-count"]').innerText()).toBe(
      'Dieses Modul wurde bisher von einer Person bewertet.',
    )

    expect(await context.cookies()).toEqual([])
    expect(await context.cookies([server.url, host.origin])).toEqual([])
    expect((await context.storageState()).origins.map((origin) => origin.origin)).toEqual([
      host.origin,
    ])
    await context.close()
  })

  it('should publish a comment written in the widget once its author confirmed the mailed link and an editor approved it, and take a report of it', async () => {
    const module = await createDescribedModule(server.payload, {
      title: 'Kiezgespräch (Kommentieren)',
    })
    const url = host.page({ body: `<qn-comments target="modules/${module.slug}"></qn-comments>` })
    const context = await newVisitor()
    const page = await context.newPage()
    await page.goto(url)
    const comments = page.locator('qn-comments')
    await comments.getByText('Für dieses Modul sind noch keine Kommentare vorhanden.').waitFor()

    const email = 'clara.kommentar@example.test'
    await comments.locator('#authorName').fill('Clara')
    await comments.locator('#email').fill(email)
    await comments
      .locator('#text')
      .fill('Wir haben das in der Nordstadt ausprobiert: sehr empfehlenswert.')
    await comments.locator('#consent').check()
    await comments.getByRole('button', { name: 'Kommentar senden' }).click()
    const sent = comments.locator('[part="sent"]')
    await sent
      .getByRole('heading', { name: 'Fast geschafft: Bitte bestätigen Sie Ihre E-Mail-Adresse' })
      .waitFor()
    expect(await sent.innerText()).toContain(email)

    // The link in the mail opens a page that asks; only its button confirms.
    const link = await waitForLink({
      pattern: COMMENT_CONFIRM_LINK,
      payload: server.payload,
      serverUrl: server.url,
      smtp,
      to: email,
    })
    const mailPage = await context.newPage()
    await mailPage.goto(link)
    const [stored] = (
      await server.payload.find({
        collection: 'comments',
        overrideAccess: true,
        where: { email: { equals: email } },
      })
    ).docs
    expect(stored?.isConfirmed).toBe(false)
    await mailPage.getByRole('button').click()
    await mailPage.getByRole('heading', { level: 1, name: 'Ihr Kommentar ist bestätigt' }).waitFor()
    expect(await mailPage.getByRole('link').last().getAttribute('href')).toBe(url)
    const confirmed = await server.payload.findByID({
      collection: 'comments',
      id: stored!.id,
      overrideAccess: true,
    })
    expect([confirmed.isConfirmed, confirmed.status]).toEqual([true, 'pending'])

    // Not shown before an editor approved it.
    await page.reload()
    await comments.getByText('Für dieses Modul sind noch keine Kommentare vorhanden.').waitFor()
    const token = await login(server.url, EDITOR.email, EDITOR.password)
    const approval = await requestJson(`${server.url}/api/comments/${stored!.id}`, {
      body: { status: 'approved' },
      method: 'PATCH',
      token,
    })
    expect(approval.status, JSON.stringify(approval.body)).toBe(200)

    await page.reload()
    const comment = comments.locator('article[part="comment"]')
    await comment.waitFor()
    expect(await comment.locator('.author').innerText()).toBe('Clara')
    expect(await comment.locator('.text').innerText()).toBe(
      'Wir haben das in der Nordstadt ausprobiert: sehr empfehlenswert.',
    )
    expect(await comments.getByRole('heading', { level: 2 }).first().innerText()).toBe(
      'Kommentare (1)',
    )

    await comment.getByRole('button', { name: 'Kommentar von Clara der Redaktion melden' }).click()
    await comment
      .getByText('Danke für Ihren Hinweis. Die Redaktion sieht sich den Kommentar an.')
      .waitFor()
    const reported = await server.payload.findByID({
      collection: 'comments',
      id: stored!.id,
      overrideAccess: true,
    })
    expect(reported.reportCount).toBe(1)
    await context.close()
  })

  it('should register with the event’s questions, confirm by the mailed link, put the next visitor on the waiting list and never show the access link', async () => {
    const event = await createEvent(server.payload, {
      accessLink: ACCESS_LINK,
      capacity: 1,
      customQuestions: [
        { key: 'organisation', label: 'Organisation', required: true, type: 'text' },
        {
          key: 'lunch',
          label: 'Mittagessen',
          options: [{ value: 'vegetarisch' }, { value: 'vegan' }, { value: 'ohne' }],
          required: false,
          type: 'select',
        },
      ],
      format: 'hybrid',
      hasWaitingList: true,
      registrationOpen: true,
      title: 'Netzwerktreffen (Anmelden)',
    })
    const url = host.page({ body: `<qn-registration event="${event.slug}"></qn-registration>` })

    const registerAs = async (
      page: Page,
      { email, name }: { email: string; name: string },
      button: string,
    ) => {
      const widget = page.locator('qn-registration')
      await widget.locator('#name').fill(name)
      await widget.locator('#email').fill(email)
      await widget.locator('#answer-organisation').fill('Quartiersbüro Nordstadt')
      await widget.locator('#answer-lunch').selectOption('vegetarisch')
      await widget.locator('#consent').check()
      await widget.getByRole('button', { exact: true, name: button }).click()
      await widget
        .locator('[part="sent"]')
        .getByRole('heading', { name: 'Fast geschafft: Bitte bestätigen Sie Ihre Anmeldung' })
        .waitFor()
      expect(await widget.locator('[part="sent"]').innerText()).toContain(email)
    }

    const confirmByMail = async (page: Page, email: string) => {
      const link = await waitForLink({
        pattern: REGISTRATION_CONFIRM_LINK,
        payload: server.payload,
        serverUrl: server.url,
        smtp,
        to: email,
      })
      const mailPage = await page.context().newPage()
      await mailPage.goto(link)
      await mailPage.getByRole('button').click()
      return mailPage.getByRole('heading', { level: 1 })
    }

    const anna = { email: 'anna.anmeldung@example.test', name: 'Anna Abend' }
    const first = await newVisitor()
    const firstPage = await first.newPage()
    const firstBodies = recordApiBodies(firstPage)
    await firstPage.goto(url)
    await firstPage.locator('qn-registration').getByText('Noch 1 Platz frei.').waitFor()
    await registerAs(firstPage, anna, 'Anmelden')
    const [pending] = (
      await server.payload.find({
        collection: 'registrations',
        overrideAccess: true,
        where: { email: { equals: anna.email } },
      })
    ).docs
    expect(pending?.status).toBe('pending')
    expect(pending?.answers).toEqual({
      lunch: 'vegetarisch',
      organisation: 'Quartiersbüro Nordstadt',
    })
    const annaHeading = await confirmByMail(firstPage, anna.email)
    await expect.poll(() => annaHeading.innerText()).toBe('Sie haben einen Platz')

    // The next visitor finds the one seat taken: the waiting list.
    const bernd = { email: 'bernd.anmeldung@example.test', name: 'Bernd Brandt' }
    const second = await newVisitor()
    const secondPage = await second.newPage()
    const secondBodies = recordApiBodies(secondPage)
    await secondPage.goto(url)
    const widget = secondPage.locator('qn-registration')
    await widget
      .getByText('Alle Plätze sind vergeben. Sie können sich auf die Warteliste setzen lassen', {
        exact: false,
      })
      .waitFor()
    expect(await widget.getByRole('button', { name: 'Auf die Warteliste setzen' }).count()).toBe(1)
    await registerAs(secondPage, bernd, 'Auf die Warteliste setzen')
    const berndHeading = await confirmByMail(secondPage, bernd.email)
    await expect
      .poll(() => berndHeading.innerText())
      .toBe('Sie stehen auf der Warteliste an Stelle 1')

    // The access link exists and reaches the confirmed registrant by mail, never the widget.
    const annaMails = smtp.received
      .filter((mail) => mail.to.includes(anna.email))
      .map((mail) => mail.raw)
    expect(annaMails.some((raw) => raw.includes('geheimer-raum-widgets-4711'))).toBe(true)
    for (const [page, bodies] of [
      [firstPage, firstBodies],
      [secondPage, secondBodies],
    ] as const) {
      expect(await shadowMarkup(page, 'qn-registration')).not.toContain('geheimer-raum')
      const received = await bodies()
      expect(received).toContain('"seatsTaken"')
      expect(received).not.toContain('geheimer-raum')
      expect(received).not.toContain('accessLink')
    }

    // Closed while a third visitor fills in the form: said as not sent, not as a wrong input.
    const third = await newVisitor()
    const thirdPage = await third.newPage()
    await thirdPage.goto(url)
    const late = thirdPage.locator('qn-registration')
    await late.locator('#name').waitFor()
    await server.payload.update({
      collection: 'events',
      data: { registrationOpen: false },
      id: event.id,
      overrideAccess: true,
    })
    await late.locator('#name').fill('Carla Spät')
    await late.locator('#email').fill('carla.spaet@example.test')
    await late.locator('#answer-organisation').fill('Quartiersbüro Nordstadt')
    await late.locator('#consent').check()
    await late.getByRole('button', { exact: true, name: 'Auf die Warteliste setzen' }).click()
    const summary = late.locator('.error-summary')
    await summary.getByText('Ihre Anmeldung wurde nicht gesendet:').waitFor()
    expect(await summary.innerText()).not.toContain('Bitte prüfen Sie Ihre Angaben')
    await first.close()
    await second.close()
    await third.close()
  })

  it('should filter modules by Handlungsfeld and profile, announce the count and link the results through the href template', async () => {
    const own = await createTaxonomy(server.payload, { suffix: 'Finder' })
    const [field, otherField] = own.fieldsOfAction as [
      Taxonomy['fieldsOfAction'][number],
      Taxonomy['fieldsOfAction'][number],
    ]
    const cheap = await createDescribedModule(server.payload, {
      fieldsOfAction: [field.id],
      targetGroups: [own.targetGroups[0]!.id],
      title: 'Nachbarschaftsfest (Finder)',
    })
    const costly = await createDescribedModule(server.payload, {
      fieldsOfAction: [field.id],
      targetGroups: [own.targetGroups[1]!.id],
      title: 'Quartiersfonds (Finder)',
    })
    const elsewhere = await createDescribedModule(server.payload, {
      fieldsOfAction: [otherField.id],
      title: 'Hofflohmarkt (Finder)',
    })
    await rateModule({
      moduleId: cheap.id,
      serverUrl: server.url,
      values: { financialEffort: 1, participation: 5 },
    })
    await rateModule({
      moduleId: cheap.id,
      serverUrl: server.url,
      values: { financialEffort: 2, participation: 4 },
    })
    await rateModule({
      moduleId: costly.id,
      serverUrl: server.url,
      values: { financialEffort: 5, participation: 2 },
    })
    await rateModule({
      moduleId: elsewhere.id,
      serverUrl: server.url,
      values: { financialEffort: 1, participation: 3 },
    })

    const url = host.page({
      body: '<qn-module-finder href-template="/methoden/{slug}"></qn-module-finder>',
    })
    const context = await newVisitor()
    const page = await context.newPage()
    await page.goto(url)
    const finder = page.locator('qn-module-finder')
    const count = finder.getByRole('status')
    const titles = () => finder.locator('[part="result"] .title').allInnerTexts()
    await count.waitFor()
    const everything = await titles()
    expect(everything).toEqual(expect.arrayContaining([cheap.title, costly.title, elsewhere.title]))

    // The Handlungsfeld with its count of matching modules.
    await finder.getByLabel('Handlungsfeld').selectOption({ label: `${field.title} (2)` })
    await finder.getByRole('button', { name: 'Passende Methoden anzeigen' }).click()
    await expect.poll(() => count.innerText()).toBe('2 passende Methoden')
    expect((await titles()).sort()).toEqual([cheap.title, costly.title].sort())

    await finder
      .getByLabel('Finanzieller Aufwand')
      .selectOption({ label: 'eher: ist mit geringen Kosten verbunden' })
    await finder.getByRole('button', { name: 'Passende Methoden anzeigen' }).click()
    await expect.poll(() => count.innerText()).toBe('1 passende Methode')
    expect(await titles()).toEqual([cheap.title])
    const result = finder.locator('[part="result"]')
    expect(await result.locator('.muted').innerText()).toBe(
      'von 2 Personen eingeschätzt · Finanzieller Aufwand: ist mit geringen Kosten verbunden',
    )
    expect(await result.getByRole('link', { name: cheap.title }).getAttribute('href')).toBe(
      `/methoden/${cheap.slug}`,
    )

    await result.getByRole('link', { name: cheap.title }).click()
    await page.waitForURL(`${host.origin}/methoden/${cheap.slug}`)
    await context.close()
  })

  it('should list upcoming events in Berlin time with kind, place, seats or the waiting list, and the calendar link', async () => {
    const municipality = await createMunicipality(server.payload, {
      name: 'Musterstadt (Termine)',
      slug: 'musterstadt-termine',
    })
    // Late on the 14th in UTC is the 15th in Berlin (winter time, UTC+1).
    const winter = await createEvent(server.payload, {
      capacity: 20,
      end: `${NEXT_YEAR}-01-15T01:00:00.000Z`,
      format: 'hybrid',
      kind: 'workshop',
      municipalities: [municipality.id],
      registrationOpen: true,
      start: `${NEXT_YEAR}-01-14T23:30:00.000Z`,
      title: 'Werkstatt Wohnumfeld (Termine)',
      venue: { address: 'Marktplatz 1', name: 'Bürgerhaus Mitte' },
    })
    // Summer time (UTC+2).
    const summer = await createEvent(server.payload, {
      capacity: 1,
      end: `${NEXT_YEAR}-07-01T10:00:00.000Z`,
      hasWaitingList: true,
      kind: 'excursion',
      municipalities: [municipality.id],
      registrationOpen: true,
      start: `${NEXT_YEAR}-07-01T08:00:00.000Z`,
      title: 'Exkursion Gartenstadt (Termine)',
    })
    await server.payload.create({
      collection: 'registrations',
      data: {
        email: 'dora.termine@example.test',
        event: summer.id,
        name: 'Dora Dietz',
        status: 'confirmed',
      } as never,
      overrideAccess: true,
    })
    await createEvent(server.payload, {
      end: new Date(Date.now() - 2 * 86_400_000).toISOString(),
      municipalities: [municipality.id],
      start: new Date(Date.now() - 3 * 86_400_000).toISOString(),
      title: 'Vergangenes Treffen (Termine)',
    })

    const url = host.page({ body: '<qn-events municipality="musterstadt-termine"></qn-events>' })
    // The visitor is in New York: times are still Berlin's.
    const context = await newVisitor({ timezoneId: 'America/New_York' })
    const page = await context.newPage()
    await page.goto(url)
    const events = page.locator('qn-events [part="event"]')
    await events.first().waitFor()
    expect(await events.count()).toBe(2)
    expect(await events.locator('h3').allInnerTexts()).toEqual([winter.title, summer.title])
    expect(await events.locator('.when').allInnerTexts()).toEqual([
      `${germanDay(NEXT_YEAR, 1, 15)}, 00:30–02:00 Uhr`,
      `${germanDay(NEXT_YEAR, 7, 1)}, 10:00–12:00 Uhr`,
    ])
    expect(await events.nth(0).locator('time').getAttribute('datetime')).toBe(
      `${NEXT_YEAR}-01-14T23:30:00.000Z`,
    )
    expect(await events.nth(0).locator('.facts').innerText()).toBe(
      'Werkstatt · Hybrid (vor Ort und online)\nOrt: Bürgerhaus Mitte, Marktplatz 1',
    )
    expect(await events.locator('.state').allInnerTexts()).toEqual([
      'Noch 20 von 20 Plätzen frei',
      'Ausgebucht – Anmeldung auf die Warteliste möglich',
    ])

    const feed = page
      .locator('qn-events')
      .getByRole('link', { name: 'Diese Termine im Kalender abonnieren (ICS)' })
    const href = await feed.getAttribute('href')
    expect(href).toBe(`${server.url}/api/events/feed.ics?municipality=musterstadt-termine`)
    const response = await fetch(href!)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^text\/calendar/)
    const calendar = (await response.text()).replace(/\r\n[ \t]/g, '')
    expect(calendar).toContain(`SUMMARY:${winter.title}`)
    expect(calendar).toContain(`SUMMARY:${summer.title}`)
    expect(calendar).not.toContain('Vergangenes Treffen')
    await context.close()
  })

  it('should render a module with its sections, the rating and the comments from at most two API requests', async () => {
    const project = await createProject(server.payload, {
      teaser: 'Ein Stadtteilbüro als Anlaufstelle.',
      title: 'Stadtteilbüro Nordstadt (Modul)',
    })
    const further = await createDescribedModule(server.payload, {
      summary: 'Alle an einen Tisch.',
      title: 'Runder Tisch (Modul)',
    })
    const module = await createDescribedModule(server.payload, {
      fieldsOfAction: [taxonomy.fieldsOfAction[0]!.id],
      implementation: richText('Einladen, moderieren, dokumentieren.'),
      links: [{ label: 'Leitfaden Stadtteilkonferenz', url: 'https://leitfaden.example.test/' }],
      pitfalls: richText('Ohne feste Moderation zerfasert die Runde.'),
      relatedModules: [further.id],
      relatedProjects: [project.id],
      targetGroupNote: 'Besonders für neu Zugezogene.',
      targetGroups: [taxonomy.targetGroups[1]!.id],
      title: 'Quartiersrat (Modul)',
      users: richText('Quartiersmanagements und Stadtteilvereine.'),
    })
    await rateModule({
      moduleId: module.id,
      serverUrl: server.url,
      values: { participation: 5, processPhase: 2 },
    })
    await createComment(server.payload, {
      authorName: 'Bernd',
      email: 'bernd.modul@example.test',
      targetId: String(module.id),
      text: 'Bei uns tagt der Quartiersrat jeden Monat.',
    })

    const url = host.page({
      body: `<qn-module slug="${module.slug}" href-template="/methoden/{slug}" project-href-template="/projekte/{slug}"></qn-module>`,
    })
    const context = await newVisitor()
    const page = await context.newPage()
    const requests = recordApiRequests(page)
    await page.goto(url)
    const element = page.locator('qn-module')
    await element.locator('qn-comments article[part="comment"]').waitFor()
    await element.locator('qn-rating [part="rater-count"]').waitFor()

    expect(await element.getByRole('heading', { level: 2 }).first().innerText()).toBe(module.title)
    const sections = await element.locator('[part="section"] > h3').allInnerTexts()
    expect(sections).toEqual([
      'Zielsetzung',
      'Anwenderinnen und Anwender',
      'Zielgruppe',
      'Handlungsfelder',
      'Umsetzung und Durchführung',
      'Stolpersteine',
      'Projekte',
      'Weitere Module',
      'Links',
    ])
    expect(await element.getByText('Ohne feste Moderation zerfasert die Runde.').count()).toBe(1)
    expect(await element.getByText(taxonomy.targetGroups[1]!.title).count()).toBe(1)
    expect(await element.getByRole('link', { name: project.title }).getAttribute('href')).toBe(
      `/projekte/${project.slug}`,
    )
    expect(await element.getByRole('link', { name: further.title }).getAttribute('href')).toBe(
      `/methoden/${further.slug}`,
    )
    expect(
      await element
        .getByRole('link', { name: 'Leitfaden Stadtteilkonferenz' })
        .getAttribute('href'),
    ).toBe('https://leitfaden.example.test/')
    // The rating and the comments sit below the module's title, one level down.
    expect(await element.locator('qn-rating h3').innerText()).toBe(
      'Einschätzungen zu diesem Modul von Nutzerinnen und Nutzern',
    )
    expect(await element.locator('qn-rating [part="rater-count"]').innerText()).toBe(
      'Dieses Modul wurde bisher von einer Person bewertet.',
    )
    expect(
      await element
        .locator('qn-rating')
        .getByRole('group', { name: 'Partizipation' })
        .locator('.summary')
        .innerText(),
    ).toContain('Mittelwert 5 von 5')
    expect(await element.locator('qn-comments h3').first().innerText()).toBe('Kommentare (1)')
    expect(await element.locator('qn-comments .text').innerText()).toBe(
      'Bei uns tagt der Quartiersrat jeden Monat.',
    )

    expect(requests).toHaveLength(2)
    expect(requests.map((request) => request.replace(/\?.*/, '')).sort()).toEqual([
      'GET /api/comments/thread',
      'GET /api/modules',
    ])
    await context.close()
  })

  it('should work under the host page’s strict content security policy without a single violation', async () => {
    const module = await createDescribedModule(server.payload, {
      fieldsOfAction: [taxonomy.fieldsOfAction[1]!.id],
      title: 'Stadtteilkonferenz (CSP)',
    })
    const project = await createProject(server.payload, {
      awards: [{ name: 'Preis Soziale Stadt', year: 2024 }],
      fieldsOfAction: [taxonomy.fieldsOfAction[1]!.id],
      title: 'Gemeinschaftsgarten (CSP)',
    })
    const event = await createEvent(server.payload, {
      capacity: 30,
      fieldsOfAction: [taxonomy.fieldsOfAction[1]!.id],
      registrationOpen: true,
      title: 'Netzwerktreffen (CSP)',
    })
    const url = host.page({
      body: [
        `<qn-module slug="${module.slug}"></qn-module>`,
        `<qn-rating module="${module.slug}"></qn-rating>`,
        `<qn-comments target="modules/${module.slug}"></qn-comments>`,
        `<qn-events field-of-action="${taxonomy.fieldsOfAction[1]!.slug}"></qn-events>`,
        `<qn-registration event="${event.slug}"></qn-registration>`,
        '<qn-module-finder href-template="/methoden/{slug}"></qn-module-finder>',
        `<qn-projects field-of-action="${taxonomy.fieldsOfAction[1]!.slug}"></qn-projects>`,
      ].join('\n'),
    })
    const context = await newVisitor()
    const page = await context.newPage()
    const policy = await watchPolicy(page)
    const response = await page.goto(url)
    expect(response?.headers()['content-security-policy']).toBe(
      `default-src 'self'; script-src 'self' ${server.url}; connect-src 'self' ${server.url}; style-src 'self'; img-src 'self'`,
    )

    await page.locator('qn-module').getByRole('heading', { level: 2, name: module.title }).waitFor()
    await page
      .locator('qn-module qn-comments')
      .getByText('Für dieses Modul sind noch keine Kommentare vorhanden.')
      .waitFor()
    await page.locator('body > main > qn-rating [part="rater-count"]').waitFor()
    await page
      .locator('body > main > qn-comments')
      .getByRole('button', { name: 'Kommentar senden' })
      .waitFor()
    await page.locator('qn-events [part="event"]').getByText(event.title).waitFor()
    await page.locator('qn-registration').getByRole('button', { name: 'Anmelden' }).waitFor()
    await page.locator('qn-module-finder [part="result"]').first().waitFor()
    await page.locator('qn-projects [part="project"]').getByText(project.title).waitFor()
    expect(await page.locator('qn-projects [part="project"]').innerText()).toContain(
      'Auszeichnungen: Preis Soziale Stadt 2024',
    )

    // Styled by constructable stylesheets and CSSOM: the bars' heights and the buttons' look apply.
    const accent = await page
      .locator('qn-registration')
      .getByRole('button', { name: 'Anmelden' })
      .evaluate((button) => getComputedStyle(button).backgroundColor)
    expect(accent).toBe('rgb(0, 90, 156)')
    expect(await policy.violations()).toEqual([])
    expect(policy.consoleErrors).toEqual([])

    // The listener hears what the policy refuses: an inline style attribute is reported.
    await page.evaluate(() =>
      document.body.appendChild(document.createElement('p')).setAttribute('style', 'color: red'),
    )
    await expect.poll(() => policy.violations()).toEqual([expect.stringMatching(/^style-src/)])
    await context.close()
  })

  it('should tell the webmaster in the console, once, when the page’s origin is missing from CORS_ORIGINS', async () => {
    // The host's pages under its other name: an origin the server doesn't know (CORS_ORIGINS
    // has http://127.0.0.1:<port>), with the same content security policy.
    const url = host
      .page({ body: '<qn-events></qn-events>\n<qn-projects></qn-projects>' })
      .replace('//127.0.0.1:', '//localhost:')
    const pageOrigin = new URL(url).origin
    const serverOrigin = new URL(server.url).origin
    const context = await newVisitor()
    const page = await context.newPage()
    const warnings: string[] = []
    const errors: string[] = []
    page.on('console', (message) => {
      if (message.type() === 'warning') {
        warnings.push(message.text())
      } else if (message.type() === 'error') {
        errors.push(message.text())
      }
    })
    await page.goto(url)
    // Visitors are told the service can't be reached, as when the network is down.
    for (const element of ['qn-events', 'qn-projects']) {
      await page
        .locator(element)
        .getByRole('alert')
        .getByText('Der Dienst ist gerade nicht erreichbar.', { exact: false })
        .waitFor()
    }
    await page.locator('qn-events').getByRole('button', { name: 'Erneut versuchen' }).click()
    await page.locator('qn-events').getByRole('alert').waitFor()
    // The webmaster is told why, once for the page (three failed requests), in both languages.
    const ours = warnings.filter((text) => text.startsWith('Quartiersnetz-Widgets:'))
    expect(ours).toEqual([
      [
        `Quartiersnetz-Widgets: Anfragen an den Quartiersnetz-Server ${serverOrigin} sind gescheitert.`,
        `Wahrscheinlich fehlt der Ursprung dieser Seite, ${pageOrigin}, in CORS_ORIGINS des Servers:`,
        'Bitte lassen Sie ihn dort eintragen. Sonst sind Server oder Netz nicht erreichbar.',
        'Siehe docs/widgets.md, „Troubleshooting“.\nQuartiersnetz widgets: requests to the',
        `Quartiersnetz server ${serverOrigin} failed. Most likely this page's origin, ${pageOrigin},`,
        "is missing from the server's CORS_ORIGINS: please have it added there. Otherwise the server",
        'or the network is down. See docs/widgets.md, "Troubleshooting".',
      ].join(' '),
    ])
    // Beside the browser's own error, as docs/widgets.md says.
    expect(errors.some((text) => text.includes('blocked by CORS policy'))).toBe(true)
    await context.close()
  })

  it('should write in the page’s font with the theming snippet of docs/widgets.md, and in the font --qn-font-family names', async () => {
    const module = await createDescribedModule(server.payload, {
      title: 'Stadtteilkonferenz (Schrift)',
    })
    // The snippet as docs/widgets.md gives it, appended to the page's own stylesheet (body in
    // Georgia, tests/helpers/widgetHost.ts) as a webmaster would add it, and the cases the text
    // below it names: `inherit` (changes nothing), `initial` below an ancestor with a font.
    const docs = fs.readFileSync(new URL('../../docs/widgets.md', import.meta.url), 'utf8')
    const snippet = /## Theming[\s\S]*?```css\n([\s\S]*?)```/.exec(docs)?.[1]
    expect(snippet).toContain('qn-search { --qn-font-family: Verdana, sans-serif; }')
    const css = `${snippet}
#inherit { --qn-font-family: inherit; }
#ancestor { --qn-font-family: 'Courier New', monospace; }
#initial { --qn-font-family: initial; }
`
    const context = await newVisitor()
    const page = await context.newPage()
    await page.route(`${host.origin}/host.css`, async (route) => {
      const response = await route.fetch()
      await route.fulfill({ body: `${await response.text()}\n${css}`, response })
    })
    await page.goto(
      host.page({
        body: [
          `<qn-module slug="${module.slug}"></qn-module>`,
          '<qn-events></qn-events>',
          '<qn-search></qn-search>',
          '<qn-search id="inherit"></qn-search>',
          '<div id="ancestor"><qn-events id="courier"></qn-events><qn-events id="initial"></qn-events></div>',
        ].join('\n'),
      }),
    )
    await page.locator('qn-module').getByRole('heading', { level: 2, name: module.title }).waitFor()
    await page.locator('qn-module qn-rating [part="rater-count"]').waitFor()
    const fontOf = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((element) => getComputedStyle(element).fontFamily)
    const pageFont = await fontOf('body')
    expect(pageFont).toBe('Georgia, serif')
    // The headings (and the text of an element inside another) in the page's font.
    expect(await fontOf('qn-module [part="heading"]')).toBe(pageFont)
    expect(await fontOf('qn-module qn-rating [part="rater-count"]')).toBe(pageFont)
    expect(await fontOf('body > main > qn-events [part="heading"]')).toBe(pageFont)
    expect(await fontOf('#inherit [part="heading"]')).toBe(pageFont)
    expect(await fontOf('#initial [part="heading"]')).toBe(pageFont)
    // A font stack given wins, in inputs and buttons too.
    expect(await fontOf('qn-search:not([id]) [part="heading"]')).toBe('Verdana, sans-serif')
    expect(await fontOf('qn-search:not([id]) button')).toBe('Verdana, sans-serif')
    expect(await fontOf('#courier [part="heading"]')).toBe('"Courier New", monospace')
    // The rest of the snippet applies too.
    expect(
      await page
        .locator('body > main > qn-events [part="feed-link"]')
        .evaluate((element) => getComputedStyle(element).color),
    ).toBe('rgb(122, 31, 31)')
    await context.close()
  })

  it('should speak English with lang="en" on the element, texts from the server included', async () => {
    const module = await createDescribedModule(server.payload, {
      title: 'Stadtteilkonferenz (English)',
    })
    const event = await createEvent(server.payload, {
      capacity: 10,
      customQuestions: [
        { key: 'organisation', label: 'Organisation', required: true, type: 'text' },
      ],
      end: `${NEXT_YEAR}-01-15T01:00:00.000Z`,
      registrationOpen: true,
      start: `${NEXT_YEAR}-01-14T23:30:00.000Z`,
      title: 'Network meeting (English)',
    })
    const url = host.page({
      body: [
        `<qn-rating lang="en" module="${module.slug}"></qn-rating>`,
        `<qn-registration lang="en" event="${event.slug}"></qn-registration>`,
        // The page is German; only the elements that say so speak English.
        `<qn-comments target="modules/${module.slug}"></qn-comments>`,
      ].join('\n'),
    })
    const context = await newVisitor()
    const page = await context.newPage()
    await page.goto(url)

    const rating = page.locator('qn-rating')
    await rating.getByRole('heading', { name: 'How users assess this module' }).waitFor()
    expect(await rating.locator('[part="rater-count"]').innerText()).toBe(
      'Nobody has assessed this module yet.',
    )
    // Dimension labels and poles come from the server, in the language asked for.
    expect(await rating.locator('legend').allInnerTexts()).toEqual([
      'Process phase',
      'Time effort',
      'Staff effort',
      'Financial effort',
      'Participation',
      'Complexity',
    ])
    expect(await rating.locator('.pole-low').first().innerText()).toBe(
      'suited to analysis / planning',
    )
    await rating.getByRole('button', { name: 'Send assessment' }).click()
    await rating
      .getByRole('alert')
      .getByText('Please choose a value on at least one scale.')
      .waitFor()

    const registration = page.locator('qn-registration')
    await registration
      .getByRole('heading', { name: 'Registration: Network meeting (English)' })
      .waitFor()
    const weekday = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'][
      new Date(Date.UTC(NEXT_YEAR, 0, 15)).getUTCDay()
    ]
    expect(await registration.locator('.when').innerText()).toBe(
      `${weekday}, 15 January ${NEXT_YEAR}, 00:30–02:00`,
    )
    expect(await registration.getByText('10 of 10 seats left.').count()).toBe(1)
    await registration.getByRole('button', { name: 'Register' }).click()
    expect(await registration.locator('#name-error').innerText()).toBe('Please fill in "Name".')
    expect(await registration.locator('#consent-error').innerText()).toBe(
      'Please agree to the processing of your details.',
    )

    await page.locator('qn-comments').getByRole('heading', { name: 'Kommentare (0)' }).waitFor()
    await context.close()
  })
})
