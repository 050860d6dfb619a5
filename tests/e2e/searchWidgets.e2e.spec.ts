/**
 * The search widgets in Chromium on a member city's page (another origin, strict CSP): <qn-search>
 * (results by type with marked snippets, the type filter with its counts, more results with the
 * focus on the first new one, an empty query, a typo, English) and the method catalogue's facets
 * in <qn-module-finder> (counts, choices that would leave nothing disabled); a long word or a
 * pasted URL at 320 px with text at 200 %, the focus kept on "Suchen"; axe-core (WCAG 2.1 AA) in
 * every state, screenshots in the test data's screenshots/widgets/.
 */
import type { Browser, Locator, Page, Route } from 'playwright-core'

import fs from 'node:fs'

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import type { RunningServer } from '../../src/server/startServer'

import { launchChromium, screenshotPath } from '../helpers/browser'
import { createModule, createProject, createTaxonomy } from '../helpers/fixtures'
import { startTestServer } from '../helpers/server'
import { axeViolations } from '../helpers/widgetHost'

const { host } = await vi.hoisted(async () => {
  const { startWidgetHost } = await import('../helpers/widgetHost')
  return { host: await startWidgetHost() }
})

const SCREENSHOTS = screenshotPath('widgets')
const WORD = 'Quartiersgarten'

let browser: Browser
let server: RunningServer

beforeAll(async () => {
  fs.mkdirSync(SCREENSHOTS, { recursive: true })
  server = await startTestServer()
  const { payload } = server
  const taxonomy = await createTaxonomy(payload, { suffix: 'Suche' })
  for (let index = 1; index <= 12; index++) {
    await createProject(payload, {
      teaser: `Im ${WORD} Nummer ${index} pflanzen Nachbarinnen und Nachbarn gemeinsam <Gemüse>.`,
      title: `${WORD} ${String(index).padStart(2, '0')}`,
    })
  }
  await createModule(payload, {
    duration: 'days',
    fieldsOfAction: [taxonomy.fieldsOfAction[0]!.id],
    formats: ['analog'],
    participants: ['medium'],
    participationLevels: ['consult'],
    processPhases: ['planning'],
    summary: `Eine Werkstatt für den ${WORD}.`,
    title: 'Gartenwerkstatt',
  })
  await createModule(payload, {
    duration: 'weeks',
    fieldsOfAction: [taxonomy.fieldsOfAction[1]!.id],
    formats: ['digital'],
    participants: ['large'],
    participationLevels: ['inform'],
    processPhases: ['analysis'],
    summary: 'Hinweise auf einer Karte im Netz sammeln.',
    title: 'Online-Karte',
  })
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  await host?.stop()
})

const expectNoViolations = async (page: Page, state: string) => {
  const violations = await axeViolations(page, host.origin)
  expect(violations, `${state}: ${JSON.stringify(violations, null, 2)}`).toEqual([])
}

/** What a screen reader reads of an element: its text, the visually hidden included. */
const spoken = async (locator: Locator) =>
  ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim()

/** The element inside `selector`'s shadow root that has the focus (none: it fell to the page). */
const focusIn = (page: Page, selector: string) =>
  page.evaluate((selector) => {
    const active = document.querySelector(selector)!.shadowRoot!.activeElement
    return {
      ariaDisabled: active?.getAttribute('aria-disabled') ?? null,
      tag: active?.tagName.toLowerCase() ?? 'none',
      text: active?.textContent?.trim() ?? '',
    }
  }, selector)

const openPage = async (body: string, lang = 'de', width = 1000) => {
  const context = await browser.newContext({
    locale: lang === 'en' ? 'en-GB' : 'de-DE',
    timezoneId: 'Europe/Berlin',
    viewport: { height: 900, width },
  })
  const page = await context.newPage()
  await page.goto(host.page({ body, lang }))
  return { context, page }
}

describe('<qn-search>', () => {
  it('should search, mark the words, filter by type, load more with the focus on the new results, and pass axe', async () => {
    const { context, page } = await openPage(
      '<qn-search href-template="/suche/{type}/{slug}" limit="5"></qn-search>',
    )
    const search = page.locator('qn-search')
    await search.getByRole('searchbox', { name: 'Suchbegriff' }).waitFor()
    await expectNoViolations(page, 'empty')

    // An empty query: the field says why, nothing is sent.
    await search.getByRole('button', { name: 'Suchen' }).click()
    await search.getByRole('alert').getByText('Bitte geben Sie einen Suchbegriff ein.').waitFor()
    expect(await search.getByRole('searchbox').getAttribute('aria-invalid')).toBe('true')
    expect(
      await page.evaluate(() => document.querySelector('qn-search')!.shadowRoot!.activeElement?.id),
    ).toBe('query')
    await expectNoViolations(page, 'empty query')
    // The button stays beside the field, not on the error's line below it.
    const fieldBox = (await search.getByRole('searchbox').boundingBox())!
    const buttonBox = (await search.getByRole('button', { name: 'Suchen' }).boundingBox())!
    expect(
      Math.abs(fieldBox.y + fieldBox.height / 2 - (buttonBox.y + buttonBox.height / 2)),
    ).toBeLessThan(4)
    expect(buttonBox.x).toBeGreaterThan(fieldBox.x + fieldBox.width - 1)
    await page.screenshot({ path: screenshotPath('qn-search-empty.png') })

    await search.getByRole('searchbox').fill(WORD.toLowerCase())
    await search.getByRole('searchbox').press('Enter')
    const status = search.getByRole('status')
    await expect.poll(() => status.innerText()).toBe('13 Treffer für „quartiersgarten“')
    const results = search.locator('[part="result"]')
    expect(await results.count()).toBe(5)
    // The snippet's words are marked; the content's "<Gemüse>" is text.
    const first = results.first()
    expect(await first.locator('mark').first().innerText()).toBe(WORD)
    expect(await first.locator('.snippet').innerText()).toContain('<Gemüse>')
    expect(await first.locator('.snippet b, .snippet gemüse').count()).toBe(0)
    expect(await first.getByRole('link').getAttribute('href')).toMatch(
      /^\/suche\/(projects|modules)\//,
    )
    await expectNoViolations(page, 'results')
    await search.screenshot({ path: `${SCREENSHOTS}/qn-search-results.png` })

    // The type filter with counts; a type without hits can't be chosen.
    const types = search.getByRole('group', { name: 'Art der Treffer' })
    expect(await types.getByRole('radio', { name: 'Alle (13)' }).isChecked()).toBe(true)
    expect(await types.getByRole('radio', { name: 'Projekte (12)' }).isEnabled()).toBe(true)
    expect(await types.getByRole('radio', { name: 'Veranstaltungen (0)' }).isDisabled()).toBe(true)
    await types.getByRole('radio', { name: 'Beteiligungsmodule (1)' }).check()
    await expect.poll(() => status.innerText()).toBe('1 Treffer für „quartiersgarten“')
    expect(await results.locator('.title').allInnerTexts()).toEqual(['Gartenwerkstatt'])
    expect(await results.locator('.kind').innerText()).toBe('Beteiligungsmodul')

    // More results: appended, the focus on the first new one.
    await types.getByRole('radio', { name: 'Projekte (12)' }).check()
    await expect.poll(() => status.innerText()).toBe('12 Treffer für „quartiersgarten“')
    await search.getByRole('button', { name: 'Weitere Treffer anzeigen' }).click()
    await expect.poll(() => results.count()).toBe(10)
    const focused = await page.evaluate(
      () => document.querySelector('qn-search')!.shadowRoot!.activeElement?.textContent ?? '',
    )
    expect(focused).toBe((await results.nth(5).locator('.title').innerText()).trim())
    // The count's live region says how many came (in words for screen readers only).
    expect(await spoken(status)).toBe(
      '12 Treffer für „quartiersgarten“ 5 weitere Treffer angezeigt, jetzt 10 von 12.',
    )
    await expectNoViolations(page, 'more results')
    await context.close()
  })

  it('should say when the hits are only similar, and when there are none', async () => {
    const { context, page } = await openPage('<qn-search query="Gartenwerkstat"></qn-search>')
    const status = page.locator('qn-search').getByRole('status')
    await expect
      .poll(() => status.innerText())
      .toBe('Keine genauen Treffer für „Gartenwerkstat“. 1 ähnlicher Treffer:')
    expect(await page.locator('qn-search [part="result"] .title').first().innerText()).toBe(
      'Gartenwerkstatt',
    )
    await expectNoViolations(page, 'similar')
    await page.locator('qn-search').getByRole('searchbox').fill('Zeppelinlandeplatz Wüste')
    await page.locator('qn-search').getByRole('button', { name: 'Suchen' }).click()
    await expect
      .poll(() => status.innerText())
      .toMatch(/^Keine Treffer für „Zeppelinlandeplatz Wüste“/)
    await expectNoViolations(page, 'none')
    await context.close()
  })

  it('should wrap a long word or a pasted URL at 320 px with text at 200 %, in the message and in the results', async () => {
    const word = 'Nachbarschaftshilfeorganisationsverzeichnis'
    const url =
      'https://www.beispielstadt.de/buergerservice/stadtentwicklung/quartiersmanagement/beteiligung?seite=2&thema=gruen'
    const { context, page } = await openPage('<qn-search></qn-search>', 'de', 320)
    // Text at 200 % (WCAG 1.4.4), as a visitor's browser setting makes it: the widget sizes in rem.
    await page.evaluate(() => {
      document.documentElement.style.fontSize = '200%'
    })
    const search = page.locator('qn-search')
    const status = search.getByRole('status')
    const widths = () =>
      page.evaluate(() => ({
        clientWidth: document.documentElement.clientWidth,
        scrollWidth: document.documentElement.scrollWidth,
      }))
    for (const query of ['Quartiersentwicklungsgesellschaftsvertrag', url]) {
      await search.getByRole('searchbox').fill(query)
      await search.getByRole('searchbox').press('Enter')
      await expect
        .poll(() => status.innerText())
        .toBe(
          `Keine Treffer für „${query}“. Versuchen Sie ein anderes oder ein allgemeineres Wort.`,
        )
      expect(await widths(), query).toEqual({ clientWidth: 320, scrollWidth: 320 })
    }
    await search.screenshot({ path: `${SCREENSHOTS}/qn-search-320-long-url.png` })

    // A hit whose title is one long word and whose snippet holds the URL.
    await createProject(server.payload, {
      teaser: `Das ${word} steht unter ${url} für alle bereit.`,
      title: word,
    })
    await search.getByRole('searchbox').fill(word)
    await search.getByRole('searchbox').press('Enter')
    await expect.poll(() => status.innerText()).toBe(`1 Treffer für „${word}“`)
    expect(await search.locator('[part="result"] .title').innerText()).toBe(word)
    expect(await search.locator('[part="result"] .snippet').innerText()).toContain(
      'https://www.beispielstadt.de/',
    )
    expect(await widths(), word).toEqual({ clientWidth: 320, scrollWidth: 320 })
    await expectNoViolations(page, 'long words at 320 px, text at 200 %')
    await search.screenshot({ path: `${SCREENSHOTS}/qn-search-320-long-word.png` })
    await context.close()
  })

  it('should keep the focus on "Suchen" while and after searching, not drop it to the page', async () => {
    const { context, page } = await openPage('<qn-search></qn-search>')
    const search = page.locator('qn-search')
    await search.getByRole('searchbox').fill(WORD)
    await search.getByRole('button', { name: 'Suchen' }).focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => search.getByRole('status').innerText()).toBe(`13 Treffer für „${WORD}“`)
    const focused = await page.evaluate(() => {
      const active = document.activeElement
      return `${active?.tagName} > ${active?.shadowRoot?.activeElement?.textContent?.trim()}`
    })
    expect(focused).toBe('QN-SEARCH > Suchen')
    await context.close()
  })

  it('should speak English on an English page', async () => {
    const { context, page } = await openPage(`<qn-search query="${WORD}"></qn-search>`, 'en')
    const search = page.locator('qn-search')
    await expect.poll(() => search.getByRole('status').innerText()).toBe(`13 results for "${WORD}"`)
    await search.getByRole('radio', { name: 'Projects (12)' }).waitFor()
    expect(await search.locator('[part="result"] .kind').first().innerText()).toMatch(
      /^(Project|Participation module)$/,
    )
    await expectNoViolations(page, 'English')

    // One hit, one similar hit: the singular ("1 results" before).
    await search.getByRole('radio', { name: /^Participation modules? \(1\)$/ }).check()
    await expect.poll(() => search.getByRole('status').innerText()).toBe(`1 result for "${WORD}"`)
    await page.goto(
      host.page({ body: '<qn-search query="Gartenwerkstat"></qn-search>', lang: 'en' }),
    )
    await expect
      .poll(() => search.getByRole('status').innerText())
      .toBe('No exact results for "Gartenwerkstat". 1 similar result:')
    await context.close()
  })
})

describe('<qn-module-finder> with the catalogue’s facets', () => {
  it('should show each choice with its count, disable those that leave nothing, and filter by them', async () => {
    const { context, page } = await openPage(
      '<qn-module-finder href-template="/methoden/{slug}"></qn-module-finder>',
    )
    const finder = page.locator('qn-module-finder')
    const status = finder.getByRole('status')
    await expect.poll(() => status.innerText()).toBe('2 passende Methoden')
    const format = finder.getByRole('group', { name: 'Format' })
    expect(await format.getByRole('checkbox', { name: 'digital (1)' }).isEnabled()).toBe(true)
    expect(await format.getByRole('checkbox', { name: 'hybrid (0)' }).isDisabled()).toBe(true)
    await expectNoViolations(page, 'facets loaded')

    await format.getByRole('checkbox', { name: 'analog (vor Ort) (1)' }).check()
    await finder.getByRole('button', { name: 'Passende Methoden anzeigen' }).click()
    await expect.poll(() => status.innerText()).toBe('1 passende Methode')
    expect(await finder.locator('[part="result"] .title').allInnerTexts()).toEqual([
      'Gartenwerkstatt',
    ])
    // Within the chosen facet a second value stays open; in the others, what would leave nothing is disabled.
    expect(await format.getByRole('checkbox', { name: 'digital (1)' }).isEnabled()).toBe(true)
    const phase = finder.getByRole('group', { name: 'Prozessphase' })
    expect(await phase.getByRole('checkbox', { name: 'Analyse (0)' }).isDisabled()).toBe(true)
    expect(await phase.getByRole('checkbox', { name: 'Planung (1)' }).isEnabled()).toBe(true)

    await finder.getByRole('searchbox', { name: 'Stichwort' }).fill('Karte')
    await finder.getByRole('button', { name: 'Passende Methoden anzeigen' }).click()
    await expect.poll(() => status.innerText()).toBe('0 passende Methoden')
    await finder.getByRole('button', { name: 'Zurücksetzen' }).click()
    await expect.poll(() => status.innerText()).toBe('2 passende Methoden')
    await expectNoViolations(page, 'facets after reset')
    await finder.screenshot({ path: `${SCREENSHOTS}/qn-module-finder-facets.png` })
    await context.close()
  })

  it('should keep the focus on "Weitere Methoden anzeigen" while loading, then move it to the first new method and say how many came', async () => {
    const { fieldsOfAction } = await createTaxonomy(server.payload, { suffix: 'Weitere' })
    const field = fieldsOfAction[0]!
    const modules = []
    for (let index = 1; index <= 12; index++) {
      modules.push(
        await createModule(server.payload, {
          fieldsOfAction: [field.id],
          title: `Ideenwerkstatt ${String(index).padStart(2, '0')}`,
        }),
      )
    }
    const { context, page } = await openPage(
      `<qn-module-finder href-template="/methoden/{slug}" field-of-action="${field.slug}"></qn-module-finder>`,
    )
    const finder = page.locator('qn-module-finder')
    const status = finder.getByRole('status')
    await expect.poll(() => status.innerText()).toBe('12 passende Methoden')
    const results = finder.locator('[part="result"]')
    expect(await results.count()).toBe(10)

    // The next page's answer is held: the button keeps the focus and says it is busy, and a
    // second Enter meanwhile asks for nothing more.
    const held: Route[] = []
    const isNextPage = (url: URL) =>
      url.pathname.endsWith('/api/modules/catalogue') && url.searchParams.get('page') === '2'
    await page.route(isNextPage, (route) => void held.push(route))
    await finder.getByRole('button', { name: 'Weitere Methoden anzeigen' }).focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => held.length).toBe(1)
    expect(await focusIn(page, 'qn-module-finder')).toEqual({
      ariaDisabled: 'true',
      tag: 'button',
      text: 'Wird geladen …',
    })
    await page.keyboard.press('Enter')
    await expectNoViolations(page, 'loading more methods')
    expect(held.length).toBe(1)
    for (const route of held.splice(0)) {
      await route.continue()
    }
    await page.unroute(isNextPage)

    // The two new ones are appended once; the focus is on the first, the count's live region
    // says how many came (the button is gone: nothing more to show).
    await expect.poll(() => results.count()).toBe(12)
    await expect
      .poll(() => focusIn(page, 'qn-module-finder'))
      .toEqual({
        ariaDisabled: null,
        tag: 'a',
        text: (await results.nth(10).locator('.title').innerText()).trim(),
      })
    expect(await spoken(status)).toBe(
      '12 passende Methoden. 2 weitere Methoden angezeigt, jetzt 12 von 12.',
    )
    expect(await finder.getByRole('button', { name: 'Weitere Methoden anzeigen' }).count()).toBe(0)
    await expectNoViolations(page, 'more methods')
    await context.close()
    for (const module of modules) {
      await server.payload.delete({ collection: 'modules', id: module.id, overrideAccess: true })
    }
  })
})
