/**
 * The organisers' panel on an event (plugins/event-registration/components/RegistrationsPanel):
 * seats gauge, status filters, decisions with promotion from the waiting list, check-in, CSV
 * export, a message to all confirmed, attendance confirmations (disabled, with the reason, where
 * they can't be sent), the counters above the panel kept current, the whole panel when the event
 * is opened again, and the refusal, in words, for a user who may not manage registrations. Real
 * server (production build), real PostgreSQL, Chromium.
 */
import type { Browser, Dialog, Page } from 'playwright-core'

import fs from 'node:fs/promises'

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import type { RunningServer } from '../../src/server/startServer'

import {
  createAccounts,
  launchChromium,
  screenshotPath,
  signIn as signInWith,
} from '../helpers/browser'
import { createEvent, createMunicipality, inDays } from '../helpers/fixtures'
import { startTestServer } from '../helpers/server'

// Every test signs in afresh, more often than the auth routes allow one client by default.
vi.hoisted(() => {
  process.env.AUTH_RATE_LIMIT_MAX = '1000'
})

const EDITOR = {
  email: 'redaktion-anmeldungen@quartiersnetz.test',
  password: 'Anmeldungen-Test-2026',
}
const CITY_EDITOR = {
  email: 'kommune-anmeldungen@quartiersnetz.test',
  password: 'Kommune-Test-2026',
}

type Status = 'cancelled' | 'confirmed' | 'pending' | 'waitlisted'
type Registration = { attended?: boolean | null; id: number; status: Status }

let browser: Browser
let server: RunningServer
let counter = 0

beforeAll(async () => {
  server = await startTestServer()
  // The first account always becomes admin; the panel is tested as an editor.
  const municipality = await createMunicipality(server.payload, {
    name: 'Musterstadt (Anmeldungen)',
  })
  await createAccounts(server.payload, {
    accounts: [
      { ...EDITOR, name: 'Emil Redaktion' },
      {
        ...CITY_EDITOR,
        municipality: municipality.id,
        name: 'Karl Kommune',
        role: 'municipality-editor',
      },
    ],
    adminEmail: 'admin-anmeldungen@quartiersnetz.test',
  })
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

const signIn = (account: { email: string; password: string }) =>
  signInWith(browser, {
    account,
    baseUrl: server.url,
    contextOptions: { acceptDownloads: true },
    open: null,
  })

/** A published event with 2 seats and a waiting list, recognised as CPD unless told otherwise. */
const createCpdEvent = async (overrides: Record<string, unknown> = {}) =>
  (
    await createEvent(server.payload, {
      capacity: 2,
      cpd: { chamber: 'Architektenkammer NRW', isRecognised: true, points: 4 },
      end: inDays(14, 2),
      hasWaitingList: true,
      kind: 'webinar',
      registrationOpen: true,
      start: inDays(14),
      title: `Quartiersrundgang (Anmeldungen ${++counter})`,
      ...overrides,
    })
  ).id

/** A registration as the endpoints would have left it (the Local API skips field access). */
const addRegistration = async (
  event: number,
  name: string,
  status: Status,
  extra: Record<string, unknown> = {},
) =>
  (await server.payload.create({
    collection: 'registrations',
    data: {
      email: `${name.toLowerCase().replace(/\W+/g, '.')}@example.test`,
      event,
      name,
      status,
      ...extra,
    } as never,
    overrideAccess: true,
  })) as unknown as Registration

const reload = async (id: number) =>
  (await server.payload.findByID({
    collection: 'registrations',
    depth: 0,
    id,
    overrideAccess: true,
  })) as unknown as Registration

const mailJobs = async () =>
  (await server.payload.count({ collection: 'payload-jobs', where: { queue: { equals: 'mail' } } }))
    .totalDocs

/** Opens the event and returns its organisers' panel (in the section "Anmeldung"). */
const openPanel = async (page: Page, eventId: number | string) => {
  await page.goto(`${server.url}/admin/collections/events/${eventId}`)
  return findPanel(page)
}

const findPanel = async (page: Page) => {
  const panel = page.locator('.registrations-panel')
  // Payload renders fields once they scroll into view: scroll through the form until the panel
  // is there (down, and from the top again at the end: a page opened again keeps its position).
  await expect
    .poll(
      async () => {
        if (!(await panel.count())) {
          await page.evaluate(() => {
            const before = window.scrollY
            window.scrollBy(0, 900)
            if (window.scrollY === before) {
              window.scrollTo(0, 0)
            }
          })
          return false
        }
        await panel.scrollIntoViewIfNeeded()
        return panel.isVisible()
      },
      { interval: 300, timeout: 20_000 },
    )
    .toBe(true)
  return panel
}

/** The event's read-only counters above the panel, as the form shows them. */
const counters = async (page: Page) => ({
  seatsTaken: await page.locator('#field-seatsTaken').inputValue(),
  waitingCount: await page.locator('#field-waitingCount').inputValue(),
})

/** Answers every confirm() with `accept` and records what it asked. */
const answerDialogs = (page: Page, accept = true) => {
  const asked: string[] = []
  page.on('dialog', (dialog: Dialog) => {
    asked.push(dialog.message())
    void (accept ? dialog.accept() : dialog.dismiss())
  })
  return asked
}

const rowNames = (panel: ReturnType<Page['locator']>) =>
  panel.locator('.registrations-panel__row .registrations-panel__name').allInnerTexts()

describe('registrations panel on an event', () => {
  it('should show seats taken against the capacity, the waiting list and counts per status, and filter by status', async () => {
    const eventId = await createCpdEvent()
    await addRegistration(eventId, 'Anna Abend', 'confirmed', {
      createdAt: '2026-03-01T11:30:00.000Z',
    })
    await addRegistration(eventId, 'Bernd Brandt', 'confirmed')
    await addRegistration(eventId, 'Clara Clausen', 'waitlisted')
    await addRegistration(eventId, 'Dora Dietz', 'pending')
    await addRegistration(eventId, 'Emil Engel', 'cancelled')
    const { context, page } = await signIn(EDITOR)
    const panel = await openPanel(page, eventId)

    expect(await panel.locator('.registrations-panel__seats').innerText()).toBe('2 / 2')
    expect(await panel.locator('.registrations-panel__waiting').innerText()).toBe('Warteliste: 1')
    expect(await panel.getByRole('meter').getAttribute('aria-label')).toBe('2 von 2 Plätzen belegt')
    const filters = panel.locator('.registrations-panel__filter')
    expect(await filters.allInnerTexts()).toEqual([
      'Alle (5)',
      'Bestätigt (2)',
      'Warteliste (1)',
      'Unbestätigt (1)',
      'Storniert (1)',
    ])
    const headers = (await panel.locator('thead th').allInnerTexts())
      .map((text) => text.trim())
      .filter(Boolean)
    // "Aktionen" is for screen readers only.
    expect(headers).toEqual(['Name', 'E-Mail', 'Status', 'Angemeldet am', 'Anwesend', 'Aktionen'])
    expect(await rowNames(panel)).toEqual([
      'Anna Abend',
      'Bernd Brandt',
      'Clara Clausen',
      'Dora Dietz',
      'Emil Engel',
    ])
    // Registration time in Europe/Berlin (CET in March: UTC+1).
    expect(
      await panel
        .locator('.registrations-panel__row')
        .first()
        .locator('.registrations-panel__date')
        .innerText(),
    ).toBe('01.03.2026, 12:30')
    // Actions follow the status; check-in only for confirmed rows.
    expect(
      await panel.getByRole('button', { exact: true, name: 'Nachrücken: Clara Clausen' }).count(),
    ).toBe(1)
    expect(
      await panel.getByRole('button', { exact: true, name: 'Bestätigen: Dora Dietz' }).count(),
    ).toBe(1)
    expect(await panel.getByRole('button', { name: /Emil Engel/ }).count()).toBe(0)
    expect(await panel.getByRole('checkbox', { name: /^Anwesend:/ }).count()).toBe(2)

    await filters.filter({ hasText: 'Warteliste' }).click()
    await expect.poll(() => rowNames(panel)).toEqual(['Clara Clausen'])
    expect(await filters.filter({ hasText: 'Warteliste' }).getAttribute('aria-pressed')).toBe(
      'true',
    )
    expect(
      await panel.locator('.registrations-panel__row .registrations-panel__status').allInnerTexts(),
    ).toEqual(['Warteliste'])

    await page.mouse.move(0, 0)
    await panel.screenshot({ path: screenshotPath('registrations-panel.png') })
    await context.close()
  })

  it('should move the first on the waiting list up when an organiser cancels a confirmed registration', async () => {
    const eventId = await createCpdEvent()
    const anna = await addRegistration(eventId, 'Anna Abend', 'confirmed')
    const bernd = await addRegistration(eventId, 'Bernd Brandt', 'confirmed')
    const clara = await addRegistration(eventId, 'Clara Clausen', 'waitlisted')
    const { context, page } = await signIn(EDITOR)
    const asked = answerDialogs(page)
    const panel = await openPanel(page, eventId)
    expect(await counters(page)).toEqual({ seatsTaken: '2', waitingCount: '1' })

    await panel.getByRole('button', { exact: true, name: 'Stornieren: Anna Abend' }).click()
    await panel
      .getByText(
        'Die Anmeldung von „Anna Abend“ ist storniert. 1 Person(en) von der Warteliste sind nachgerückt.',
      )
      .waitFor()
    expect(asked).toHaveLength(1)
    expect(asked[0]).toContain('Anna Abend')
    expect((await reload(anna.id)).status).toBe('cancelled')
    expect((await reload(clara.id)).status).toBe('confirmed')
    expect((await reload(bernd.id)).status).toBe('confirmed')
    // The list is read again: Clara is confirmed now, nobody waits.
    await expect
      .poll(() => panel.locator('.registrations-panel__waiting').innerText())
      .toBe('Warteliste: 0')
    expect(await panel.locator('.registrations-panel__seats').innerText()).toBe('2 / 2')
    expect(
      await panel.locator('[data-status="confirmed"] .registrations-panel__name').allInnerTexts(),
    ).toEqual(['Bernd Brandt', 'Clara Clausen'])
    // The counters above the panel follow, and the event doesn't count as changed by it.
    await expect.poll(() => counters(page)).toEqual({ seatsTaken: '2', waitingCount: '0' })
    expect(
      await page
        .getByRole('button', { exact: true, name: 'Änderungen veröffentlichen' })
        .isDisabled(),
    ).toBe(true)
    await context.close()
  })

  it('should show the refusal when a pending registration is confirmed on a full event and the organiser does not overbook', async () => {
    const eventId = await createCpdEvent()
    await addRegistration(eventId, 'Anna Abend', 'confirmed')
    await addRegistration(eventId, 'Bernd Brandt', 'confirmed')
    const dora = await addRegistration(eventId, 'Dora Dietz', 'pending')
    const { context, page } = await signIn(EDITOR)
    const asked = answerDialogs(page, false)
    const panel = await openPanel(page, eventId)

    await panel.getByRole('button', { exact: true, name: 'Bestätigen: Dora Dietz' }).click()
    const error = panel.locator('.registrations-panel__result--error')
    await error.waitFor()
    expect(await error.innerText()).toContain('Alle Plätze sind belegt.')
    expect(asked[0]).toContain('überbuchen')
    expect((await reload(dora.id)).status).toBe('pending')
    await context.close()
  })

  it('should overbook a full event when the organiser confirms the question', async () => {
    const eventId = await createCpdEvent()
    await addRegistration(eventId, 'Anna Abend', 'confirmed')
    await addRegistration(eventId, 'Bernd Brandt', 'confirmed')
    const clara = await addRegistration(eventId, 'Clara Clausen', 'waitlisted')
    const { context, page } = await signIn(EDITOR)
    const asked = answerDialogs(page)
    const panel = await openPanel(page, eventId)

    await panel.getByRole('button', { exact: true, name: 'Nachrücken: Clara Clausen' }).click()
    await panel.getByText('„Clara Clausen“ ist von der Warteliste nachgerückt.').waitFor()
    expect(asked).toEqual([expect.stringContaining('Alle Plätze sind belegt.')])
    expect((await reload(clara.id)).status).toBe('confirmed')
    await expect.poll(() => panel.locator('.registrations-panel__seats').innerText()).toBe('3 / 2')
    await expect.poll(() => counters(page)).toEqual({ seatsTaken: '3', waitingCount: '0' })
    await context.close()
  })

  it('should persist the check-in of a confirmed registrant and send attendance confirmations for a CPD event', async () => {
    const eventId = await createCpdEvent()
    const anna = await addRegistration(eventId, 'Anna Abend', 'confirmed')
    const bernd = await addRegistration(eventId, 'Bernd Brandt', 'confirmed')
    const { context, page } = await signIn(EDITOR)
    answerDialogs(page)
    const panel = await openPanel(page, eventId)

    const checkbox = panel.getByRole('checkbox', { exact: true, name: 'Anwesend: Anna Abend' })
    await checkbox.check()
    await panel.getByText('„Anna Abend“ ist als anwesend markiert.').waitFor()
    expect((await reload(anna.id)).attended).toBe(true)
    expect((await reload(bernd.id)).attended).toBe(false)

    // Still checked after a fresh load of the page.
    const reopened = await openPanel(page, eventId)
    await expect
      .poll(() =>
        reopened.getByRole('checkbox', { exact: true, name: 'Anwesend: Anna Abend' }).isChecked(),
      )
      .toBe(true)
    expect(
      await reopened
        .getByRole('checkbox', { exact: true, name: 'Anwesend: Bernd Brandt' })
        .isChecked(),
    ).toBe(false)

    const before = await mailJobs()
    await reopened
      .getByRole('button', { exact: true, name: 'Teilnahmebestätigungen senden' })
      .click()
    await reopened
      .getByText('1 Teilnahmebestätigung(en) werden verschickt; 0 waren schon verschickt.')
      .waitFor()
    expect(await mailJobs()).toBe(before + 1)
    await context.close()
  })

  it('should disable attendance confirmations on an event without CPD recognition and say why', async () => {
    const eventId = await createCpdEvent({ cpd: { isRecognised: false } })
    await addRegistration(eventId, 'Anna Abend', 'confirmed', { attended: true })
    const { context, page } = await signIn(EDITOR)
    const asked = answerDialogs(page)
    const panel = await openPanel(page, eventId)

    const button = panel.getByRole('button', { exact: true, name: 'Teilnahmebestätigungen senden' })
    await expect.poll(() => button.isDisabled()).toBe(true)
    const reason = await panel
      .locator(`#${await button.getAttribute('aria-describedby')}`)
      .innerText()
    expect(reason).toBe(
      'Nicht möglich: Diese Veranstaltung ist nicht als Fortbildung anerkannt. Tragen Sie die Anerkennung (mit Kammer) ein und speichern Sie die Veranstaltung; dann können Sie hier Teilnahmebestätigungen senden.',
    )
    const before = await mailJobs()
    await button.click({ force: true })
    expect(asked).toEqual([])
    expect(await panel.locator('.registrations-panel__result--error').count()).toBe(0)
    expect(await mailJobs()).toBe(before)
    await page.mouse.move(0, 0)
    await panel
      .locator('.registrations-panel__section')
      .last()
      .screenshot({ path: screenshotPath('events-attendance-disabled.png') })
    await context.close()
  })

  it('should disable attendance confirmations while nobody is marked as attended and say so', async () => {
    const eventId = await createCpdEvent()
    await addRegistration(eventId, 'Anna Abend', 'confirmed')
    const { context, page } = await signIn(EDITOR)
    const panel = await openPanel(page, eventId)

    const button = panel.getByRole('button', { exact: true, name: 'Teilnahmebestätigungen senden' })
    await expect.poll(() => button.isDisabled()).toBe(true)
    await panel
      .getByText('Noch niemand ist als anwesend markiert.', { exact: false })
      .first()
      .waitFor()
    // Checked in: now it can be sent.
    await panel.getByRole('checkbox', { exact: true, name: 'Anwesend: Anna Abend' }).check()
    await expect.poll(() => button.isDisabled()).toBe(false)
    await context.close()
  })

  it('should show the whole panel, scrollable to its end, when the event is opened again', async () => {
    const eventId = await createCpdEvent()
    for (const name of ['Anna Abend', 'Bernd Brandt', 'Clara Clausen', 'Dora Dietz']) {
      await addRegistration(eventId, name, 'confirmed')
    }
    const { context, page } = await signIn(EDITOR)
    await openPanel(page, eventId)
    // Opened again, in a new tab, with what the admin remembered of the form.
    const again = await context.newPage()
    await again.goto(`${server.url}/admin/collections/events/${eventId}`)
    const panel = await findPanel(again)

    expect(await rowNames(panel)).toHaveLength(4)
    const last = panel.getByRole('button', { exact: true, name: 'Teilnahmebestätigungen senden' })
    await last.scrollIntoViewIfNeeded()
    expect(await last.isVisible()).toBe(true)
    // Nothing above the panel cuts it off: the whole panel is as tall as its content.
    const clipped = await panel.evaluate((element) => {
      const height = element.getBoundingClientRect().height
      const clippers = []
      for (let node = element.parentElement; node; node = node.parentElement) {
        const style = getComputedStyle(node)
        if (
          style.overflowY !== 'visible' &&
          node.getBoundingClientRect().height < height &&
          node !== document.documentElement &&
          node !== document.body
        ) {
          clippers.push(node.className)
        }
      }
      return { clippers, height }
    })
    expect(clipped.clippers).toEqual([])
    expect(clipped.height).toBeGreaterThan(600)
    // The button at the end is the topmost element where it is drawn: reachable, not hidden.
    const box = (await last.boundingBox())!
    expect(
      await again.evaluate(
        ([x, y]) => document.elementFromPoint(x!, y!)?.closest('button')?.textContent ?? null,
        [box.x + box.width / 2, box.y + box.height / 2],
      ),
    ).toBe('Teilnahmebestätigungen senden')
    await context.close()
  })

  it('should download the attendees as CSV', async () => {
    const eventId = await createCpdEvent()
    await addRegistration(eventId, 'Anna Abend', 'confirmed')
    await addRegistration(eventId, 'Bernd Brandt', 'confirmed')
    await addRegistration(eventId, 'Clara Clausen', 'waitlisted')
    const { context, page } = await signIn(EDITOR)
    const panel = await openPanel(page, eventId)

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByRole('button', { exact: true, name: 'Teilnehmende als CSV' }).click(),
    ])
    expect(download.suggestedFilename()).toMatch(/^anmeldungen-.+\.csv$/)
    const csv = await fs.readFile(await download.path(), 'utf8')
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    expect(lines[0]).toBe('"Name";"E-Mail";"Status";"Angemeldet am";"Bestätigt am";"Anwesend"')
    expect(lines.slice(1).map((line) => line.split(';')[0])).toEqual([
      '"Anna Abend"',
      '"Bernd Brandt"',
    ])

    // The same address with the page's cookies; "all" includes the waiting list.
    const all = await page.evaluate(async (url) => {
      const response = await fetch(url, { credentials: 'include' })
      return { text: await response.text(), type: response.headers.get('Content-Type') }
    }, `${server.url}/api/events/${eventId}/registrations/export?status=all`)
    expect(all.type).toBe('text/csv; charset=utf-8')
    expect(all.text).toContain('"Anna Abend"')
    expect(all.text).toContain('"Bernd Brandt"')
    expect(all.text).toContain('"Clara Clausen";"clara.clausen@example.test";"Warteliste"')
    await context.close()
  })

  it('should send a message to all confirmed registrants', async () => {
    const eventId = await createCpdEvent()
    await addRegistration(eventId, 'Anna Abend', 'confirmed')
    await addRegistration(eventId, 'Bernd Brandt', 'confirmed')
    await addRegistration(eventId, 'Clara Clausen', 'waitlisted')
    const { context, page } = await signIn(EDITOR)
    const asked = answerDialogs(page)
    const panel = await openPanel(page, eventId)

    const sendButton = panel.getByRole('button', { exact: true, name: 'Senden' })
    expect(await sendButton.isDisabled()).toBe(true)
    // The form says what the mail adds: the greeting with the person's name, the cancel link.
    const hint = await panel.getByLabel('Text', { exact: true }).getAttribute('aria-describedby')
    expect(await panel.locator(`#${hint}`).innerText()).toBe(
      'Jede E-Mail beginnt mit der Anrede „Guten Tag Anna Beispiel,“ (mit dem Namen der Person), bitte schreiben Sie darum keine eigene. Am Ende steht der Abmeldelink der Person. Dieselbe Nachricht ein zweites Mal erreicht nur, wer sie noch nicht hat.',
    )
    await panel.getByLabel('Betreff', { exact: true }).fill('Raumänderung')
    await panel.getByLabel('Text', { exact: true }).fill('Wir treffen uns im Saal 2.')
    const before = await mailJobs()
    await sendButton.click()
    await panel
      .getByText(
        'Die Nachricht wird an 2 bestätigte Teilnehmende verschickt; 0 hatten sie schon erhalten.',
      )
      .waitFor()
    expect(asked[0]).toBe(
      'Die Nachricht „Raumänderung“ an alle bestätigten Teilnehmenden (2) senden?',
    )
    expect(await mailJobs()).toBe(before + 2)
    // The form is emptied for the next message; the event itself was not saved or changed.
    expect(await panel.getByLabel('Betreff', { exact: true }).inputValue()).toBe('')
    await context.close()
  })

  it('should show a hint instead of the panel on an event that is not saved yet', async () => {
    const { context, page } = await signIn(EDITOR)
    await page.goto(`${server.url}/admin/collections/events/create`)
    const panel = await findPanel(page)
    await panel
      .getByText('Speichern Sie die Veranstaltung, um hier ihre Anmeldungen zu verwalten.')
      .waitFor()
    expect(await panel.locator('table').count()).toBe(0)
    await context.close()
  })

  it('should show a municipality editor the refusal, not the registrations', async () => {
    const eventId = await createCpdEvent()
    await addRegistration(eventId, 'Anna Abend', 'confirmed')
    const { context, page } = await signIn(CITY_EDITOR)
    const panel = await openPanel(page, eventId)

    const refusal =
      'Die Anmeldungen zu dieser Veranstaltung können Sie nicht sehen: Dafür haben Sie keine Berechtigung. Bitte wenden Sie sich an die Redaktion, die die Anmeldungen verwaltet.'
    const alert = panel.getByRole('alert')
    await alert.waitFor()
    expect(await alert.innerText()).toBe(refusal)
    expect(await panel.locator('.registrations-panel__row').count()).toBe(0)
    expect(await panel.textContent()).not.toContain('Anna Abend')
    // Not even by the panel's own refresh through the REST API.
    await panel.getByRole('button', { exact: true, name: 'Aktualisieren' }).click()
    await expect.poll(() => alert.innerText()).toBe(refusal)
    expect(await panel.textContent()).not.toContain('anna.abend@example.test')
    await context.close()
  })
})
