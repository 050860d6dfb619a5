/**
 * An event's registration settings in the admin (plugins/event-registration with the host's
 * group `registration`): one section "Anmeldung" in one set of words, deadlines refused with a
 * message, dates typed the German way, `registrationOpen` in the API closed by the deadline, and
 * the events list opening on the next events. Real server (production build), real PostgreSQL,
 * Chromium in German (Europe/Berlin, as editors work).
 */
import type { Browser, Page } from 'playwright-core'

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import type { Event } from '../../payload-types'
import type { RunningServer } from '../../src/server/startServer'

import { berlinDate, berlinWallTimeToUtc } from '../../src/events/berlinTime'
import {
  createAccounts,
  launchChromium,
  screenshotPath,
  signIn as signInWith,
} from '../helpers/browser'
import { createEvent, createOpenEvent, inDays } from '../helpers/fixtures'
import { requestJson } from '../helpers/http'
import { startTestServer } from '../helpers/server'

// Every test signs in afresh, more often than the auth routes allow one client by default.
vi.hoisted(() => {
  process.env.AUTH_RATE_LIMIT_MAX = '1000'
})

const EDITOR = {
  email: 'redaktion-einstellungen@quartiersnetz.test',
  password: 'Einstellungen-Test-2026',
}

const DAY_MS = 86_400_000

let browser: Browser
let server: RunningServer
let counter = 0

beforeAll(async () => {
  server = await startTestServer()
  // The first account always becomes admin; the settings are tested as an editor.
  await createAccounts(server.payload, {
    accounts: [{ ...EDITOR, name: 'Erna Einstellung' }],
    adminEmail: 'admin-einstellungen@quartiersnetz.test',
  })
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

/** What each page reported as errors (uncaught, console.error), for the failure message. */
const pageErrors = new WeakMap<Page, string[]>()

const signIn = async () => {
  const signedIn = await signInWith(browser, {
    account: EDITOR,
    baseUrl: server.url,
    contextOptions: { timezoneId: 'Europe/Berlin' },
    open: null,
  })
  const errors: string[] = []
  pageErrors.set(signedIn.page, errors)
  signedIn.page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`))
  signedIn.page.on('console', (message) => {
    if (message.type() === 'error') {
      errors.push(`console: ${message.text().slice(0, 500)}`)
    }
  })
  return signedIn
}

const title = (name: string) => `${name} (Einstellungen ${++counter})`

/** A day as editors write it, in Berlin: "08.12.2026", "8.12.2026" (`loose`), "8.12.26" (`short`). */
const germanDay = (instant: Date, form: 'loose' | 'padded' | 'short' = 'padded') => {
  const [year, month, day] = berlinDate(instant).split('-')
  if (form === 'padded') {
    return `${day}.${month}.${year}`
  }
  return `${Number(day)}.${Number(month)}.${form === 'short' ? year!.slice(2) : year}`
}

/** Midnight in Berlin today, where the list's "Ab heute" begins. */
const startOfBerlinToday = () => {
  const [year, month, day] = berlinDate(new Date()).split('-').map(Number)
  return berlinWallTimeToUtc({ day: day!, hour: 0, minute: 0, month: month!, year: year! })
}

const stored = async (id: number) =>
  server.payload.findByID({ collection: 'events', depth: 0, id, overrideAccess: true })

const openEvent = async (page: Page, id: number) => {
  await page.goto(`${server.url}/admin/collections/events/${id}`)
  const section = page.locator('.group-field', {
    has: page.locator('.group-field__title', { hasText: /^Anmeldung$/ }),
  })
  // Payload renders a group's fields once they scroll into view; under load they were seen
  // not to appear until the page was opened again (see typeDate): once, then the test fails.
  const hasFields = async (timeout: number) =>
    expect
      .poll(
        async () => {
          await page.evaluate(() => {
            const before = window.scrollY
            window.scrollBy(0, 900)
            if (window.scrollY === before) {
              window.scrollTo(0, 0)
            }
          })
          if ((await section.count()) !== 1) {
            return false
          }
          await section.scrollIntoViewIfNeeded()
          return (await section.locator('.field-label').count()) > 1
        },
        { interval: 300, timeout },
      )
      .toBe(true)
      .then(
        () => true,
        () => false,
      )
  if (!(await hasFields(15_000))) {
    await describeForm(page, 'field-registration__deadline')
    await page.reload()
    if (!(await hasFields(20_000))) {
      throw new Error(
        `The section "Anmeldung" shows no fields: ${await describeForm(page, 'field-registration__deadline')}`,
      )
    }
  }
  await section.scrollIntoViewIfNeeded()
  return section
}

/** What the page showed when a field did not appear, for the failure message and a screenshot. */
const describeForm = async (page: Page, fieldId: string) => {
  await page
    .screenshot({ fullPage: true, path: screenshotPath(`missing-${fieldId}.png`) })
    .catch(() => undefined)
  return page
    .evaluate(
      ({ errors, id }) =>
        JSON.stringify({
          errors,
          fieldIds: [...document.querySelectorAll('[id^="field-"]')].map((field) => field.id),
          hasField: Boolean(document.getElementById(id)),
          path: location.pathname,
          // The section as rendered: its heading, and whether its fields' wrapper is empty.
          section: [...document.querySelectorAll('.group-field')]
            .find(
              (group) => group.querySelector('.group-field__title')?.textContent === 'Anmeldung',
            )
            ?.outerHTML.slice(0, 1500),
          // Whether React rendered the section's fields (Payload renders a group's fields once
          // they come into view: null until then) and what its view observer last saw.
          rendered: (() => {
            const group = [...document.querySelectorAll('.group-field')].find(
              (g) => g.querySelector('.group-field__title')?.textContent === 'Anmeldung',
            )
            const wrapper = group?.querySelector('.render-fields')
            type Fiber = {
              memoizedProps?: { children?: unknown }
              memoizedState?: unknown
              return?: Fiber
            }
            const fiberKey =
              wrapper && Object.keys(wrapper).find((k) => k.startsWith('__reactFiber$'))
            const fiber = fiberKey
              ? (wrapper as unknown as Record<string, Fiber | undefined>)[fiberKey]
              : undefined
            const children = fiber?.memoizedProps?.children
            const states: unknown[] = []
            type Hook = { memoizedState?: unknown; next?: Hook }
            for (
              let hook = fiber?.return?.memoizedState as Hook | undefined;
              hook;
              hook = hook.next
            ) {
              const value = hook.memoizedState
              states.push(
                value instanceof IntersectionObserverEntry
                  ? { isIntersecting: value.isIntersecting, top: value.boundingClientRect.top }
                  : typeof value === 'object' && value !== null
                    ? typeof value
                    : value,
              )
            }
            return {
              children: Array.isArray(children) ? children.length : children == null ? null : 1,
              states,
              top: wrapper?.getBoundingClientRect().top,
            }
          })(),
          scroll: [window.scrollY, document.body.scrollHeight, window.innerHeight],
          toasts: [...document.querySelectorAll('.toast, [role="alert"]')].map(
            (t) => t.textContent,
          ),
        }),
      { errors: pageErrors.get(page) ?? [], id: fieldId },
    )
    .catch((err: unknown) => `(page not readable: ${String(err)})`)
}

/** Pages typed into: opening one of them again would lose what was typed. */
const edited = new WeakSet<Page>()

/**
 * Types into a date field as an editor does (select all, type, leave with Tab). Payload renders
 * fields once they scroll into view and may render the form again once it has loaded: the field
 * is looked for up and down the form, and typing starts over if it was replaced meanwhile.
 */
const typeDate = async (page: Page, fieldId: string, text: string) => {
  const field = page.locator(`#${fieldId}`).first()
  const input = field.locator('input').first()
  let hasReloaded = edited.has(page)
  for (let attempt = 1; ; attempt++) {
    const isRendered = await expect
      .poll(
        async () => {
          if (await input.count()) {
            return true
          }
          // The field is there but not rendered yet: bring it into view and wait for it.
          if (await field.count()) {
            await field.scrollIntoViewIfNeeded().catch(() => undefined)
            return false
          }
          await page.evaluate(() => {
            const before = window.scrollY
            window.scrollBy(0, -600)
            if (window.scrollY === before) {
              window.scrollTo(0, document.body.scrollHeight)
            }
          })
          return false
        },
        // Shorter while it may still open the page again (the test's 60 s hold both).
        { interval: 300, timeout: hasReloaded ? 30_000 : 15_000 },
      )
      .toBe(true)
      .then(
        () => true,
        async (err: unknown) => {
          // Seen under load (in CI, and here in 2 of 18 runs beside two CPU burners): the
          // section's heading rendered, its fields' wrapper empty for 30 s while the test
          // scrolled the whole page and (tried once) resized the viewport
          // (screenshots/missing-<field>.png).
          // Payload's group doesn't pass `forceRender` to its fields (payloadcms/payload#17715),
          // so they wait for a view observer. The page opened again rendered them both times:
          // opened again once (nothing typed yet) before the test gives up.
          if (!hasReloaded) {
            return false
          }
          throw new Error(`${fieldId} not rendered: ${await describeForm(page, fieldId)}`, {
            cause: err,
          })
        },
      )
    if (!isRendered) {
      await describeForm(page, fieldId)
      hasReloaded = true
      await page.reload()
      continue
    }
    try {
      await input.scrollIntoViewIfNeeded()
      await input.click()
      await input.press('ControlOrMeta+a')
      await input.pressSequentially(text)
      await input.press('Tab')
      edited.add(page)
      return input
    } catch (err) {
      if (attempt === 3 || !String(err).includes('not attached')) {
        throw err
      }
    }
  }
}

const publish = (page: Page) =>
  page.getByRole('button', { exact: true, name: 'Änderungen veröffentlichen' }).click()

describe('the registration section of an event', () => {
  it('should show every registration setting in one section "Anmeldung", in one set of words', async () => {
    const event = await createOpenEvent(server.payload, {
      registration: {
        contactEmail: 'anmeldung@example.org',
        deadline: inDays(10),
        note: 'Bitte geben Sie Ihre Organisation an.',
      },
      title: title('Werkstatt Quartiersarbeit'),
    })
    const { context, page } = await signIn()
    const section = await openEvent(page, event.id)

    await page.mouse.move(0, 0)
    await section.screenshot({ path: screenshotPath('events-section.png') })
    const labels = (await section.locator('.field-label').allInnerTexts())
      .map((text) => text.replace(/\*$/, '').trim())
      .filter(Boolean)
    expect(labels).toEqual([
      // The section's heading.
      'Anmeldung',
      'Anmeldeschluss',
      'Anmeldung per E-Mail an',
      'Hinweise zur Anmeldung',
      'Plätze begrenzt',
      'Anzahl der Plätze',
      'Warteliste, wenn alle Plätze belegt sind',
      'Online-Anmeldung geöffnet',
      'Zusatzfragen',
      'Belegte Plätze',
      'Auf der Warteliste',
    ])
    // No second box for online registration, and the host's group has no heading of its own.
    expect(await page.getByText('Online-Anmeldung', { exact: true }).count()).toBe(0)
    // An event of no series shows no empty "Terminschlüssel".
    expect(await page.getByText('Terminschlüssel').count()).toBe(0)
    expect(await page.locator('.group-field__title', { hasText: /^Anmeldung$/ }).count()).toBe(1)
    // A number of seats means limited seats: ticked when the event was saved.
    expect(await section.getByRole('checkbox', { name: 'Plätze begrenzt' }).isChecked()).toBe(true)
    // German throughout: the button of the questions, the kinds of answer.
    const addQuestion = section.getByRole('button', { name: 'Zusatzfrage hinzufügen' })
    await addQuestion.click()
    await section.getByText('Art der Antwort').first().waitFor()
    expect(await section.textContent()).not.toMatch(/Custom Question|Add |Value/)
    expect(await section.locator('.registrations-panel').count()).toBe(1)
    await context.close()
  })

  it('should refuse a deadline after the event starts, with a message, and keep the stored one', async () => {
    const start = new Date(Date.now() + 20 * DAY_MS)
    const event = await createOpenEvent(server.payload, {
      end: new Date(start.getTime() + 2 * 3_600_000).toISOString(),
      start: start.toISOString(),
      title: title('Netzwerktreffen Schlusstermin'),
    })
    const { context, page } = await signIn()
    await openEvent(page, event.id)

    const late = new Date(start.getTime() + 2 * DAY_MS)
    await typeDate(page, 'field-registration__deadline', germanDay(late))
    await publish(page)
    const message = `Der Anmeldeschluss ${germanDay(late)} liegt nach dem Beginn der Veranstaltung am ${germanDay(start)}. Bitte wählen Sie spätestens den Tag des Beginns.`
    await page.getByText(message).first().waitFor()
    await page.mouse.move(0, 0)
    await page.screenshot({ path: screenshotPath('events-deadline-refused.png') })
    expect((await stored(event.id)).registration?.deadline ?? null).toBeNull()
    await context.close()
  })

  it('should refuse a deadline in the past, with a message', async () => {
    const event = await createOpenEvent(server.payload, { title: title('Webinar Rückblick') })
    const { context, page } = await signIn()
    await openEvent(page, event.id)

    const yesterday = new Date(Date.now() - DAY_MS)
    await typeDate(page, 'field-registration__deadline', germanDay(yesterday))
    await publish(page)
    await page
      .getByText(
        `Der Anmeldeschluss ${germanDay(yesterday)} liegt in der Vergangenheit. Bitte wählen Sie heute oder einen späteren Tag.`,
      )
      .first()
      .waitFor()
    expect((await stored(event.id)).registration?.deadline ?? null).toBeNull()
    await context.close()
  })

  it('should let an editor change other fields of a past event whose deadline has passed', async () => {
    const event = await createEvent(server.payload, {
      end: inDays(-30, 2),
      registration: { deadline: inDays(-35) },
      registrationOpen: true,
      start: inDays(-30),
      title: title('Fachtag vom letzten Monat'),
    })
    const { context, page } = await signIn()
    await page.goto(`${server.url}/admin/collections/events/${event.id}`)
    const theme = page.locator('#field-theme')
    await theme.fill('Dokumentation ergänzt')
    await publish(page)
    await expect.poll(async () => (await stored(event.id)).theme).toBe('Dokumentation ergänzt')
    await context.close()
  })

  it('should take dates and times typed the German way as that day and time', async () => {
    const start = new Date(Date.now() + 30 * DAY_MS)
    const event = await createOpenEvent(server.payload, { title: title('Stadtteilkonferenz') })
    const { context, page } = await signIn()
    await openEvent(page, event.id)

    // First the field furthest down (the page may still be opened again for it, nothing typed
    // yet): a day with a two-digit year; a time typed into a day field keeps the day.
    const deadline = new Date(start.getTime() - 3 * DAY_MS)
    const deadlineInput = await typeDate(
      page,
      'field-registration__deadline',
      `${germanDay(deadline, 'short')} 18:00`,
    )
    await page.locator('#field-start').scrollIntoViewIfNeeded()
    // "08.12.2026 23:59": the engine's own parser would have made it 12 August.
    const startInput = await typeDate(page, 'field-start', `${germanDay(start)} 23:59`)
    // Single digits for day, month and hour.
    const next = new Date(start.getTime() + DAY_MS)
    const endInput = await typeDate(page, 'field-end', `${germanDay(next, 'loose')} 1:30`)

    expect(await startInput.inputValue()).toBe(`${germanDay(start)} 23:59`)
    expect(await endInput.inputValue()).toBe(`${germanDay(next)} 01:30`)
    expect(await deadlineInput.inputValue()).toBe(germanDay(deadline))
    await publish(page)
    await expect
      .poll(async () => (await stored(event.id)).registration?.deadline?.slice(0, 10) ?? null)
      .toBe(berlinDate(deadline))
    const saved = await stored(event.id)
    const berlin = (iso: string) =>
      new Intl.DateTimeFormat('de-DE', {
        dateStyle: 'medium',
        timeStyle: 'short',
        timeZone: 'Europe/Berlin',
      }).format(new Date(iso))
    expect(berlin(saved.start)).toBe(`${germanDay(start)}, 23:59`)
    expect(berlin(saved.end!)).toBe(`${germanDay(next)}, 01:30`)
    await context.close()
    // Three fields typed, the page perhaps opened again for the first: more than one's time.
  }, 120_000)
})

describe('date fields elsewhere', () => {
  it('should read a German day typed into any day field (src/fields/dateInput.ts), not the American way', async () => {
    const { context, page } = await signIn()
    await page.goto(`${server.url}/admin/collections/publications/create`)
    const input = await typeDate(page, 'field-publishedOn', '8.12.2026')
    expect(await input.inputValue()).toBe('08.12.2026')
    const again = await typeDate(page, 'field-publishedOn', '08.12.2026 23:59')
    expect(await again.inputValue()).toBe('08.12.2026')
    await context.close()
  })
})

describe('registrationOpen in the public API', () => {
  const publicEvent = async (id: number, query = '') =>
    (await requestJson<Event>(`${server.url}/api/events/${id}${query}`)).body

  it('should be false once the deadline day is over, as the registration endpoint says', async () => {
    const closed = await createOpenEvent(server.payload, {
      registration: { deadline: inDays(-1) },
      title: title('Anmeldeschluss gestern'),
    })
    const lastDay = await createOpenEvent(server.payload, {
      registration: { deadline: new Date().toISOString() },
      title: title('Anmeldeschluss heute'),
    })

    expect((await publicEvent(closed.id)).registrationOpen).toBe(false)
    // Also when the read selects neither the deadline nor the start.
    expect((await publicEvent(closed.id, '?select[registrationOpen]=true')).registrationOpen).toBe(
      false,
    )
    const list = await requestJson<{ docs: Event[] }>(
      `${server.url}/api/events?where[id][in]=${closed.id},${lastDay.id}&depth=0`,
    )
    expect(Object.fromEntries(list.body.docs.map((doc) => [doc.id, doc.registrationOpen]))).toEqual(
      { [closed.id]: false, [lastDay.id]: true },
    )
    const refused = await requestJson<{ errors: { message: string }[] }>(
      `${server.url}/api/events/${closed.id}/registrations`,
      {
        body: { consent: true, email: 'spaet@example.org', name: 'Sina Spät' },
        method: 'POST',
      },
    )
    expect(refused.status).toBe(409)
    expect(refused.body.errors[0]?.message).toBe('Der Anmeldeschluss ist vorbei.')
    // The editors' switch stays as they set it.
    expect((await stored(closed.id)).registrationOpen).toBe(true)
  })

  it('should be false once the event has begun', async () => {
    const begun = await createOpenEvent(server.payload, {
      end: inDays(0, 1),
      start: inDays(0, -1),
      title: title('Läuft gerade'),
    })
    expect((await publicEvent(begun.id)).registrationOpen).toBe(false)
  })
})

describe('the events list', () => {
  it('should open with the next events on top, and offer the past and all events', async () => {
    const prefix = `Listentest ${Date.now()}`
    const past = await createEvent(server.payload, {
      end: inDays(-3, 2),
      start: inDays(-3),
      title: `${prefix}: vergangen`,
    })
    const soon = await createEvent(server.payload, {
      end: inDays(0, 2),
      start: inDays(0, 1),
      title: `${prefix}: bald`,
    })
    const later = await createEvent(server.payload, {
      end: inDays(40, 2),
      start: inDays(40),
      title: `${prefix}: später`,
    })
    const { context, page } = await signIn()
    await page.goto(`${server.url}/admin/collections/events`)
    await page.waitForURL((url) => url.searchParams.has('where[start][greater_than_equal]'))
    const rows = page.locator('.table tbody tr')
    await rows.first().waitFor()
    const titles = async () => rows.locator('.cell-title').allInnerTexts()
    const ours = (all: string[]) => all.filter((text) => text.startsWith(prefix))
    // From today on, the next one first: the first of the database's events from today's midnight.
    const { docs: next } = await server.payload.find({
      collection: 'events',
      depth: 0,
      limit: 1,
      overrideAccess: true,
      sort: 'start',
      where: { start: { greater_than_equal: startOfBerlinToday().toISOString() } },
    })
    expect((await titles())[0]).toBe(next[0]?.title)
    expect(ours(await titles())).toEqual([soon.title, later.title])
    const tabs = page.getByRole('navigation', { name: 'Veranstaltungen nach Datum' })
    expect(await tabs.getByRole('link').allInnerTexts()).toEqual(['Ab heute', 'Vergangene', 'Alle'])
    expect(await tabs.getByRole('link', { name: 'Ab heute' }).getAttribute('aria-current')).toBe(
      'page',
    )
    await page.mouse.move(0, 0)
    await page.screenshot({ path: screenshotPath('events-list.png') })

    await tabs.getByRole('link', { name: 'Vergangene' }).click()
    await page.waitForURL((url) => url.searchParams.has('where[start][less_than]'))
    await expect.poll(async () => ours(await titles())).toEqual([past.title])
    // The latest before today's midnight first. Not necessarily ours: shortly after midnight an
    // event another test began an hour ago is yesterday's, and later than ours.
    const { docs: latestPast } = await server.payload.find({
      collection: 'events',
      depth: 0,
      limit: 1,
      overrideAccess: true,
      sort: '-start',
      where: { start: { less_than: startOfBerlinToday().toISOString() } },
    })
    expect((await titles())[0]).toBe(latestPast[0]?.title)

    await tabs.getByRole('link', { name: 'Alle' }).click()
    await page.waitForURL((url) => url.searchParams.has('where[start][exists]'))
    await expect
      .poll(async () => ours(await titles()))
      .toEqual([later.title, soon.title, past.title])
    await context.close()
  })

  it('should name its columns in German: no "Start_tz" or "End_tz" to choose', async () => {
    const { context, page } = await signIn()
    await page.goto(`${server.url}/admin/collections/events?where[start][exists]=true`)
    await page.getByRole('button', { name: 'Spalten' }).click()
    const picker = page.locator('.pill-selector, .column-selector').first()
    await picker.waitFor()
    const offered = await picker.innerText()
    expect(offered).toContain('Beginn')
    expect(offered).not.toMatch(/_tz|Tz\b|Zeitzone/)
    // The registrations name their event in German, and offer no token hashes as columns.
    const event = await createOpenEvent(server.payload, { title: title('Spaltentest') })
    await server.payload.create({
      collection: 'registrations',
      data: {
        email: 'spalten@example.org',
        event: event.id,
        name: 'Sven Spalte',
        status: 'confirmed',
      },
      overrideAccess: true,
    })
    await page.goto(`${server.url}/admin/collections/registrations`)
    await page.locator('.table thead').waitFor()
    expect(await page.locator('.table thead').innerText()).toContain('Veranstaltung')
    await page.getByRole('button', { name: 'Spalten' }).click()
    const registrationColumns = page.locator('.pill-selector, .column-selector').first()
    await registrationColumns.waitFor()
    expect(await registrationColumns.innerText()).not.toMatch(/\bEvent\b|Hash|Token|Consent/)
    await context.close()
  })
})
