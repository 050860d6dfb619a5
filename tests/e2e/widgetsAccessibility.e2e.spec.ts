/**
 * The visitor widgets' accessibility (WCAG 2.1 AA / BITV 2.0) on a member city's page on another
 * origin with a strict content security policy: axe-core on every element in every state
 * (loading, empty, filled, invalid input, sent, failed and recovered, the registration's
 * states), a keyboard-only walk through the rating and the registration form, reflow at 320 and
 * 160 px with text at 200 %, the forms' error summary in a live region, and screenshots at 1000,
 * 360 and 320 px (written to the test data's screenshots/widgets/). Flows are in widgetsFlows.e2e.spec.ts.
 */
import type { Browser, BrowserContext, Locator, Page, Route } from 'playwright-core'

import fs from 'node:fs'

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import type { RunningServer } from '../../src/server/startServer'

import { launchChromium, screenshotPath } from '../helpers/browser'
import {
  createComment,
  createDescribedModule,
  createEvent,
  createMunicipality,
  createProject,
  createTaxonomy,
  inDays,
  rateModule,
  richText,
  type Taxonomy,
} from '../helpers/fixtures'
import { startTestServer } from '../helpers/server'
import { axeViolations } from '../helpers/widgetHost'

const { host, smtp } = await vi.hoisted(async () => {
  const { startSmtpReceiver } = await import('../helpers/smtp')
  const { startWidgetHost } = await import('../helpers/widgetHost')
  // One test client plays many visitors; the limits and the form's minimum time have their own tests.
  process.env.RATINGS_PER_CLIENT_PER_HOUR = '0'
  process.env.COMMENTS_RATE_LIMIT_MAX = '0'
  process.env.COMMENTS_MIN_SUBMIT_SECONDS = '0'
  process.env.EVENT_REGISTRATION_RATE_LIMIT_MAX = '0'
  return { host: await startWidgetHost(), smtp: await startSmtpReceiver() }
})

const SCREENSHOTS = screenshotPath('widgets')
const ACCENT = 'rgb(0, 90, 156)'

type Content = {
  emptyField: Taxonomy['fieldsOfAction'][number]
  emptyModule: { id: number; slug: string; title: string }
  event: { id: number; slug: string; title: string }
  field: Taxonomy['fieldsOfAction'][number]
  module: { id: number; slug: string; title: string }
  municipality: string
}

let browser: Browser
let server: RunningServer
let content: Content

/** Everything the elements show when filled, once for the file (each test adds what it changes). */
const createContent = async (): Promise<Content> => {
  const { payload } = server
  const taxonomy = await createTaxonomy(payload, { suffix: 'Barrierefrei' })
  const [field, emptyField] = taxonomy.fieldsOfAction as [
    Taxonomy['fieldsOfAction'][number],
    Taxonomy['fieldsOfAction'][number],
  ]
  const municipality = await createMunicipality(payload, {
    name: 'Musterstadt (Barrierefrei)',
    slug: 'musterstadt-barrierefrei',
  })
  const project = await createProject(payload, {
    awards: [{ name: 'Preis Soziale Stadt', year: 2024 }],
    fieldsOfAction: [field.id],
    municipality: municipality.id,
    teaser: 'Ein Garten, den die Nachbarschaft selbst pflegt.',
    title: 'Gemeinschaftsgarten Nordstadt',
  })
  await createProject(payload, { fieldsOfAction: [field.id], title: 'Stadtteilbüro Süd' })
  const further = await createDescribedModule(payload, {
    fieldsOfAction: [field.id],
    summary: 'Alle an einen Tisch.',
    title: 'Runder Tisch',
  })
  const module = await createDescribedModule(payload, {
    fieldsOfAction: [field.id],
    implementation: richText('Einladen, moderieren, dokumentieren.'),
    links: [{ label: 'Leitfaden Stadtteilkonferenz', url: 'https://leitfaden.example.test/' }],
    relatedModules: [further.id],
    relatedProjects: [project.id],
    targetGroups: [taxonomy.targetGroups[0]!.id],
    title: 'Stadtteilkonferenz',
  })
  const visitors: Record<string, number>[] = [
    {
      complexity: 2,
      financialEffort: 1,
      participation: 5,
      processPhase: 1,
      staffEffort: 3,
      timeEffort: 2,
    },
    { financialEffort: 2, participation: 4, processPhase: 2 },
    { financialEffort: 1, participation: 4, timeEffort: 4 },
  ]
  for (const values of visitors) {
    await rateModule({ moduleId: module.id, serverUrl: server.url, values })
  }
  await rateModule({
    moduleId: further.id,
    serverUrl: server.url,
    values: { financialEffort: 4, participation: 3 },
  })
  const comment = await createComment(payload, {
    authorName: 'Clara',
    email: 'clara.a11y@example.test',
    targetId: String(module.id),
    text: 'Bei uns klappt das seit Jahren gut.',
  })
  await createComment(payload, {
    authorName: 'Redaktion',
    email: 'redaktion.a11y@example.test',
    isOfficialReply: true,
    parent: comment.id,
    targetId: String(module.id),
    text: 'Danke! Eine Vorlage für die Einladung finden Sie unter Links.',
  })
  const emptyModule = await createDescribedModule(payload, {
    editorialAssessment: {},
    title: 'Hofflohmarkt',
  })
  const event = await createEvent(payload, {
    capacity: 12,
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
    fieldsOfAction: [field.id],
    format: 'hybrid',
    hasWaitingList: true,
    kind: 'network-meeting',
    municipalities: [municipality.id],
    registration: { deadline: inDays(14) },
    registrationOpen: true,
    teaser: 'Austausch der Quartiersmanagements.',
    title: 'Netzwerktreffen AG Soziale Stadt',
    venue: { address: 'Marktplatz 1', name: 'Bürgerhaus Mitte' },
  })
  const full = await createEvent(payload, {
    capacity: 1,
    hasWaitingList: true,
    kind: 'excursion',
    municipalities: [municipality.id],
    registrationOpen: true,
    start: inDays(30),
    end: inDays(30.1),
    title: 'Exkursion Gartenstadt',
  })
  await payload.create({
    collection: 'registrations',
    data: {
      email: 'dora.a11y@example.test',
      event: full.id,
      name: 'Dora Dietz',
      status: 'confirmed',
    } as never,
    overrideAccess: true,
  })
  await createEvent(payload, {
    isCancelled: true,
    municipalities: [municipality.id],
    start: inDays(40),
    end: inDays(40.1),
    title: 'Fachtag Wohnumfeld',
  })
  return { emptyField, emptyModule, event, field, module, municipality: 'musterstadt-barrierefrei' }
}

beforeAll(async () => {
  fs.mkdirSync(SCREENSHOTS, { recursive: true })
  server = await startTestServer()
  content = await createContent()
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  await smtp?.stop()
  await host?.stop()
})

const newVisitor = (width = 1000): Promise<BrowserContext> =>
  browser.newContext({
    locale: 'de-DE',
    timezoneId: 'Europe/Berlin',
    viewport: { height: 900, width },
  })

/** The seven elements, filled. */
const allElements = () =>
  [
    `<qn-module slug="${content.module.slug}" href-template="/methoden/{slug}" project-href-template="/projekte/{slug}"></qn-module>`,
    `<qn-rating module="${content.module.slug}"></qn-rating>`,
    `<qn-comments target="modules/${content.module.slug}"></qn-comments>`,
    `<qn-events municipality="${content.municipality}"></qn-events>`,
    `<qn-registration event="${content.event.slug}"></qn-registration>`,
    `<qn-module-finder href-template="/methoden/{slug}" field-of-action="${content.field.slug}"></qn-module-finder>`,
    `<qn-projects field-of-action="${content.field.slug}" href-template="/projekte/{slug}"></qn-projects>`,
  ].join('\n')

/** The three forms: rating and comments of the module without either, the event's registration. */
const formElements = () =>
  [
    `<qn-rating module="${content.emptyModule.slug}"></qn-rating>`,
    `<qn-comments target="modules/${content.emptyModule.slug}"></qn-comments>`,
    `<qn-registration event="${content.event.slug}"></qn-registration>`,
  ].join('\n')

const ELEMENTS = [
  'qn-module',
  'qn-rating',
  'qn-comments',
  'qn-events',
  'qn-registration',
  'qn-module-finder',
  'qn-projects',
] as const

/** Waits until every top-level element of `allElements()` shows its content. */
const waitForFilled = async (page: Page) => {
  await page.locator('qn-module qn-comments article[part="comment"]').first().waitFor()
  await page.locator('body > main > qn-rating [part="rater-count"]').waitFor()
  await page.locator('body > main > qn-comments article[part="comment"]').first().waitFor()
  await page.locator('qn-events [part="event"]').first().waitFor()
  await page.locator('qn-registration form').waitFor()
  await page.locator('qn-module-finder [part="result"]').first().waitFor()
  await page.locator('qn-projects [part="project"]').first().waitFor()
}

const expectNoViolations = async (page: Page, state: string) => {
  const violations = await axeViolations(page, host.origin)
  expect(violations, `${state}: ${JSON.stringify(violations, null, 2)}`).toEqual([])
}

const shoot = async (locator: Locator, name: string) => {
  await locator.scrollIntoViewIfNeeded()
  await locator.screenshot({ animations: 'disabled', path: `${SCREENSHOTS}/${name}.png` })
}

type Focused = {
  describedBy: null | string
  id: string
  invalid: null | string
  name: null | string
  outline: string
  tag: string
  text: string
  value: string
}

/** The element that has the focus, followed into (nested) shadow roots, with its outline. */
const focused = (page: Page): Promise<Focused> =>
  page.evaluate(() => {
    let active = document.activeElement
    while (active?.shadowRoot?.activeElement) {
      active = active.shadowRoot.activeElement
    }
    const element = active as HTMLInputElement
    const style = getComputedStyle(element)
    return {
      describedBy: element.getAttribute('aria-describedby'),
      id: element.id,
      invalid: element.getAttribute('aria-invalid'),
      name: element.getAttribute('name'),
      outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`,
      tag: element.tagName.toLowerCase(),
      text: (element.textContent ?? '').trim(),
      value: typeof element.value === 'string' ? element.value : '',
    }
  })

/** The text of the elements an element's aria-describedby names, in its own shadow root. */
const descriptionOf = (page: Page, hostSelector: string, id: string) =>
  page.evaluate(
    ({ hostSelector, id }) => {
      const root = document.querySelector(hostSelector)!.shadowRoot!
      const ids = root.getElementById(id)?.getAttribute('aria-describedby')?.split(/\s+/) ?? []
      return ids.map(
        (describing) =>
          root.getElementById(describing)?.textContent?.trim() ?? `(missing #${describing})`,
      )
    },
    { hostSelector, id },
  )

const VISIBLE_FOCUS = `solid 3px ${ACCENT}`

/**
 * A sent form's next step: what it is described by, whether it has the focus, and how many live
 * regions it is in or holds (0: read once, on focus, not a second time from a region).
 */
const sentNoticeOf = (page: Page, hostSelector: string) =>
  page.evaluate((hostSelector) => {
    const root = document.querySelector(hostSelector)!.shadowRoot!
    const sent = root.querySelector('[part="sent"]')!
    const live = '[aria-live], [role="alert"], [role="status"], [role="log"]'
    const ids = sent.getAttribute('aria-describedby')?.split(/\s+/) ?? []
    return {
      description: ids.map((id) => root.getElementById(id)?.textContent?.trim()).join(' '),
      isFocused: root.activeElement === sent,
      liveRegions: (sent.closest(live) ? 1 : 0) + sent.querySelectorAll(live).length,
    }
  }, hostSelector)

/** Where a rating scale's low pole, its options and its high pole are. */
const scaleBoxes = async (dimension: Locator) => {
  const boxOf = async (selector: string) => (await dimension.locator(selector).boundingBox())!
  return {
    high: await boxOf('.pole-high'),
    low: await boxOf('.pole-low'),
    steps: await boxOf('.steps'),
  }
}

/**
 * The rating scales' radios (of qn-rating and the one in qn-module): the smallest side of any,
 * how many of them overlap another, in how many rows each scale's steps lie, and how many of
 * the editors' marks are shown, reach past their scale's steps or break inside their word.
 */
const ratingTargetsOf = (page: Page) =>
  page.evaluate(() => {
    const ratings = [
      document.querySelector('body > main > qn-rating')!.shadowRoot!,
      document.querySelector('body > main > qn-module')!.shadowRoot!.querySelector('qn-rating')!
        .shadowRoot!,
    ]
    let smallest = Infinity
    let overlapping = 0
    let marksOutside = 0
    let marksShown = 0
    let marksBroken = 0
    const rows = new Set<number>()
    for (const root of ratings) {
      for (const steps of root.querySelectorAll('.steps')) {
        const radios = [...steps.querySelectorAll('input[type="radio"]')].map((radio) =>
          radio.getBoundingClientRect(),
        )
        for (const [index, box] of radios.entries()) {
          smallest = Math.min(smallest, box.width, box.height)
          overlapping += radios
            .slice(index + 1)
            .filter(
              (other) =>
                box.left < other.right &&
                other.left < box.right &&
                box.top < other.bottom &&
                other.top < box.bottom,
            ).length
        }
        rows.add(new Set(radios.map((box) => Math.round(box.top))).size)
        const area = steps.getBoundingClientRect()
        for (const mark of steps.querySelectorAll('.editorial-mark > span')) {
          if (mark.getClientRects().length === 0) {
            continue
          }
          marksShown += 1
          const box = mark.getBoundingClientRect()
          if (box.left < area.left - 0.5 || box.right > area.right + 0.5) {
            marksOutside += 1
          }
          // "Redaktion" is one word: one line.
          const text = document.createRange()
          text.selectNodeContents(mark)
          if (text.getClientRects().length > 1) {
            marksBroken += 1
          }
        }
      }
    }
    return {
      marksBroken,
      marksOutside,
      marksShown,
      overlapping,
      rows: [...rows],
      smallest: Math.floor(smallest),
    }
  })

/** Text at 200 % (WCAG 1.4.4), as a visitor's browser setting makes it: the widgets size in rem. */
const enlargeText = (page: Page, percent = 200) =>
  page.evaluate((percent) => {
    document.documentElement.style.fontSize = percent === 100 ? '' : `${percent}%`
  }, percent)

/**
 * How many CSS px the page, and each element's boxes and text (nested shadow roots included),
 * reach past the window's right edge: 0 when they reflow (WCAG 1.4.10).
 */
const overflowOf = (page: Page, selectors: readonly string[]) =>
  page.evaluate((selectors) => {
    const { clientWidth, scrollWidth } = document.documentElement
    const rightmost = (root: ShadowRoot): number => {
      let right = 0
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const element = node instanceof Element ? node : node.parentElement
        // Text for screen readers only is clipped to a pixel: it reaches nowhere.
        if (element?.closest('.visually-hidden')) {
          continue
        }
        if (node instanceof Element) {
          right = Math.max(right, node.getBoundingClientRect().right)
          if (node.shadowRoot) {
            right = Math.max(right, rightmost(node.shadowRoot))
          }
        } else {
          // A word too long for its line reaches past its own box.
          const text = document.createRange()
          text.selectNodeContents(node)
          right = Math.max(right, text.getBoundingClientRect().right)
        }
      }
      return right
    }
    return Object.fromEntries([
      ['page', scrollWidth - clientWidth],
      ...selectors.map((selector) => [
        selector,
        Math.max(
          0,
          Math.round(rightmost(document.querySelector(selector)!.shadowRoot!) - clientWidth),
        ),
      ]),
    ]) as Record<string, number>
  }, selectors)

describe('widgets’ accessibility', () => {
  it('should pass axe while every element is loading', async () => {
    const context = await newVisitor()
    const page = await context.newPage()
    const held: Route[] = []
    await page.route(`${server.url}/api/**`, (route) => void held.push(route))
    await page.goto(host.page({ body: allElements() }))
    // Each element shows that it loads (qn-module's parts come with it).
    await expect.poll(() => page.locator('[part="loading"]').count()).toBe(ELEMENTS.length)
    expect(await page.locator('[part="loading"]').allInnerTexts()).toEqual(
      ELEMENTS.map(() => 'Wird geladen …'),
    )
    await expectNoViolations(page, 'loading')
    await shoot(page.locator('qn-events'), 'loading-events')

    for (const route of held.splice(0)) {
      await route.continue()
    }
    await page.unroute(`${server.url}/api/**`)
    await waitForFilled(page)
    expect(await page.locator('[part="loading"]').count()).toBe(0)
    await context.close()
  })

  it('should pass axe with every element showing its content, at 1000 and at 360 px', async () => {
    for (const width of [1000, 360]) {
      const context = await newVisitor(width)
      const page = await context.newPage()
      await page.goto(host.page({ body: allElements() }))
      await waitForFilled(page)
      await expectNoViolations(page, `filled at ${width} px`)
      for (const element of ELEMENTS) {
        await shoot(page.locator(`body > main > ${element}`), `filled-${width}-${element}`)
      }
      // The reply form is another state of the comments.
      const comments = page.locator('body > main > qn-comments')
      await comments.getByRole('button', { name: 'Auf den Kommentar von Clara antworten' }).click()
      await comments.getByRole('heading', { name: 'Antwort an Clara schreiben' }).waitFor()
      expect((await focused(page)).id).toBe('authorName')
      await expectNoViolations(page, `reply form at ${width} px`)
      if (width === 1000) {
        await shoot(comments, 'reply-1000-qn-comments')
        // axe does look into the (nested) shadow roots: a field without a label there is found.
        await page.evaluate(() => {
          const rating = document
            .querySelector('qn-module')!
            .shadowRoot!.querySelector('qn-rating')!.shadowRoot!
          rating
            .querySelector('form')!
            .append(Object.assign(document.createElement('input'), { type: 'text' }))
        })
        expect((await axeViolations(page, host.origin)).map(({ id }) => id)).toEqual(['label'])
      }
      // "Antwort abbrechen" is gone with the reply form: the focus goes back to the button of the
      // comment that was being replied to, not to <body>.
      await comments.getByRole('button', { name: 'Antwort abbrechen' }).press('Enter')
      await comments.getByRole('heading', { name: 'Kommentar schreiben' }).waitFor()
      expect(await focused(page)).toMatchObject({
        outline: VISIBLE_FOCUS,
        tag: 'button',
        text: 'Antworten',
      })
      expect(
        await comments.evaluate((element) =>
          element.shadowRoot!.activeElement?.getAttribute('aria-label'),
        ),
      ).toBe('Auf den Kommentar von Clara antworten')
      await context.close()
    }
  })

  it('should reflow at 320 and 160 px with text at 200 %: nothing wider than the window, the scales stacked, and pass axe', async () => {
    const elements = ELEMENTS.map((element) => `body > main > ${element}`)
    const noOverflow = Object.fromEntries([['page', 0], ...elements.map((element) => [element, 0])])
    // 320 px: a phone, or 1280 px at 400 % zoom (WCAG 1.4.10); 160 px: a phone at 200 % zoom.
    for (const width of [320, 160]) {
      const context = await newVisitor(width)
      const page = await context.newPage()
      await page.goto(host.page({ body: allElements() }))
      await waitForFilled(page)
      await enlargeText(page)
      expect(await overflowOf(page, elements), `${width} px`).toEqual(noOverflow)

      // The long poles of "Partizipation": the low one above the options, the high one below.
      const participation = page
        .locator('body > main > qn-module')
        .getByRole('group', { name: 'Partizipation' })
      const { high, low, steps } = await scaleBoxes(participation)
      expect(low.y + low.height, `${width} px`).toBeLessThanOrEqual(steps.y)
      expect(high.y, `${width} px`).toBeGreaterThanOrEqual(steps.y + steps.height)

      // Each radio keeps a target of at least 24 × 24 px (WCAG 2.5.8), text at 200 %: 40 px. At
      // 320 px the five share a row, with the editors' marks (six scales, twice) within the
      // scale and "Redaktion" on one line; at 160 px (96 px for the scale) they wrap, two to a
      // row, rather than shrink, and the marks give way to the summary below the scale (a step
      // is too narrow for the word, which broke as "Re/da/kti/on").
      expect(await ratingTargetsOf(page), `${width} px`).toEqual({
        marksBroken: 0,
        marksOutside: 0,
        marksShown: width === 320 ? 12 : 0,
        overlapping: 0,
        rows: [width === 320 ? 1 : 3],
        smallest: 40,
      })
      expect(await participation.locator('.summary').innerText()).toContain('Redaktion: 5 von 5.')
      if (width === 160) {
        await shoot(page.locator('body > main > qn-rating'), 'reflow-160-qn-rating')
      }

      if (width === 320) {
        await expectNoViolations(page, 'filled at 320 px, text at 200 %')
        for (const element of ELEMENTS) {
          await shoot(page.locator(`body > main > ${element}`), `reflow-320-${element}`)
        }
        await shoot(participation, 'reflow-320-qn-rating-participation')
        // Wide enough, the poles and the options share one row again.
        await enlargeText(page, 100)
        await page.setViewportSize({ height: 900, width: 1000 })
        const wide = await scaleBoxes(participation)
        expect(wide.low.x + wide.low.width).toBeLessThanOrEqual(wide.steps.x)
        expect(wide.steps.x + wide.steps.width).toBeLessThanOrEqual(wide.high.x)
        expect(await overflowOf(page, elements)).toEqual(noOverflow)
        // At 100 % the radios are 24 px, not the 20 px of 1.25rem.
        expect(await ratingTargetsOf(page)).toEqual({
          marksBroken: 0,
          marksOutside: 0,
          marksShown: 12,
          overlapping: 0,
          rows: [1],
          smallest: 24,
        })
      }
      await context.close()
    }
  })

  it('should pass axe in the empty states: no comments, no events, no matching method, no projects, no ratings', async () => {
    const context = await newVisitor()
    const page = await context.newPage()
    await page.goto(
      host.page({
        body: [
          `<qn-rating module="${content.emptyModule.slug}"></qn-rating>`,
          `<qn-comments target="modules/${content.emptyModule.slug}"></qn-comments>`,
          `<qn-events field-of-action="${content.emptyField.slug}"></qn-events>`,
          `<qn-module-finder field-of-action="${content.field.slug}"></qn-module-finder>`,
          `<qn-projects field-of-action="${content.emptyField.slug}"></qn-projects>`,
        ].join('\n'),
      }),
    )
    await page
      .locator('qn-rating')
      .getByText('Dieses Modul wurde bisher noch nicht bewertet.')
      .waitFor()
    await page
      .locator('qn-comments')
      .getByText('Für dieses Modul sind noch keine Kommentare vorhanden.')
      .waitFor()
    await page
      .locator('qn-events')
      .getByText('Derzeit sind keine Veranstaltungen angekündigt.')
      .waitFor()
    await page
      .locator('qn-projects')
      .getByText('Hierzu sind noch keine Projekte eingetragen.')
      .waitFor()
    const finder = page.locator('qn-module-finder')
    await finder.locator('[part="result"]').first().waitFor()
    await finder.getByLabel('Finanzieller Aufwand').selectOption('high')
    await finder.getByLabel('Partizipation').selectOption('low')
    await finder.getByRole('button', { name: 'Passende Methoden anzeigen' }).click()
    await expect.poll(() => finder.getByRole('status').innerText()).toBe('0 passende Methoden')
    await finder.getByText('Keine Methode passt zu diesen Angaben.', { exact: false }).waitFor()

    await expectNoViolations(page, 'empty')
    for (const element of [
      'qn-rating',
      'qn-comments',
      'qn-events',
      'qn-module-finder',
      'qn-projects',
    ]) {
      await shoot(page.locator(element), `empty-1000-${element}`)
    }

    // A name in the snippet that nothing has: said, not shown as a list without events.
    await page.goto(host.page({ body: '<qn-events municipality="gibt-es-nicht"></qn-events>' }))
    await page
      .locator('qn-events')
      .getByRole('alert')
      .getByText('Die Kommune „gibt-es-nicht“ wurde nicht gefunden.')
      .waitFor()
    expect(await page.locator('qn-events').getByText('Derzeit sind keine').count()).toBe(0)
    await expectNoViolations(page, 'unknown municipality')
    await context.close()
  })

  it('should pass axe with the errors of an empty submit shown, focus on the first invalid field and each error tied to its field', async () => {
    const context = await newVisitor()
    const page = await context.newPage()
    await page.goto(host.page({ body: formElements() }))
    const rating = page.locator('qn-rating')
    await rating.getByRole('button', { name: 'Einschätzung abschicken' }).click()
    expect(await rating.getByRole('alert').innerText()).toBe(
      'Bitte wählen Sie auf mindestens einer Skala einen Wert.',
    )
    expect(await focused(page)).toMatchObject({ name: 'processPhase', tag: 'input', value: '1' })

    const comments = page.locator('qn-comments')
    await comments.getByRole('button', { name: 'Kommentar senden' }).click()
    await expect.poll(async () => (await focused(page)).id).toBe('authorName')
    expect(await focused(page)).toMatchObject({
      describedBy: 'authorName-hint authorName-error',
      invalid: 'true',
    })
    expect(await descriptionOf(page, 'qn-comments', 'authorName')).toEqual([
      'Wird mit Ihrem Kommentar veröffentlicht; ein Vorname genügt.',
      'Bitte geben Sie „Name“ an.',
    ])
    expect((await descriptionOf(page, 'qn-comments', 'email')).at(-1)).toBe(
      'Bitte geben Sie „E-Mail-Adresse“ an.',
    )
    expect((await descriptionOf(page, 'qn-comments', 'text')).at(-1)).toBe(
      'Bitte geben Sie „Kommentar“ an.',
    )
    expect(await descriptionOf(page, 'qn-comments', 'consent')).toEqual([
      'Bitte stimmen Sie zu, damit wir Ihren Kommentar veröffentlichen dürfen.',
    ])

    const registration = page.locator('qn-registration')
    // Name and address given, the event's own question not: the focus goes there.
    await registration.locator('#name').fill('Anna Abend')
    await registration.locator('#email').fill('anna.a11y@example.test')
    await registration.getByRole('button', { name: 'Anmelden' }).click()
    await expect.poll(async () => (await focused(page)).id).toBe('answer-organisation')
    expect(await focused(page)).toMatchObject({
      describedBy: 'answer-organisation-error',
      invalid: 'true',
    })
    expect(await descriptionOf(page, 'qn-registration', 'answer-organisation')).toEqual([
      'Bitte geben Sie „Organisation“ an.',
    ])
    expect(await descriptionOf(page, 'qn-registration', 'consent')).toEqual([
      'Bitte stimmen Sie der Verarbeitung Ihrer Angaben zu.',
    ])
    expect(await registration.locator('#name').getAttribute('aria-invalid')).toBe('false')
    // The summary above the form lists them, read from its live region after the focused field.
    const summary = registration.locator('[aria-live] .error-summary')
    await expect
      .poll(() => summary.locator('li').allInnerTexts())
      .toEqual([
        'Bitte geben Sie „Organisation“ an.',
        'Bitte stimmen Sie der Verarbeitung Ihrer Angaben zu.',
      ])
    expect(await summary.locator('p').innerText()).toBe('Bitte prüfen Sie Ihre Angaben:')

    await expectNoViolations(page, 'invalid')
    for (const element of ['qn-rating', 'qn-comments', 'qn-registration']) {
      await shoot(page.locator(element), `invalid-1000-${element}`)
    }
    await context.close()
  })

  it('should read a refused submit out of the error summary’s live region, also when Enter was pressed in the very field the server refused', async () => {
    const context = await newVisitor()
    const page = await context.newPage()
    await page.goto(host.page({ body: formElements() }))
    const forms = [
      {
        fill: async (element: Locator) => {
          await element.locator('#name').fill('Anna Abend')
          await element.locator('#answer-organisation').fill('Quartiersbüro')
        },
        selector: 'qn-registration',
      },
      {
        fill: async (element: Locator) => {
          await element.locator('#authorName').fill('Anna')
          await element.locator('#text').fill('Gute Methode für den Einstieg.')
        },
        selector: 'qn-comments',
      },
    ]
    for (const { fill, selector } of forms) {
      const element = page.locator(selector)
      await element.locator('form').waitFor()
      await fill(element)
      await element.locator('#consent').check()
      // The widget's own check lets this address through; the server refuses it (400).
      await element.locator('#email').fill('a@b.c')
      // The live region is there, empty, before anything goes wrong; every change of its text is
      // recorded (what a screen reader hears), and the region is marked to know it again.
      expect(await element.locator('form [aria-live]').count(), selector).toBe(1)
      await page.evaluate((selector) => {
        const region = document
          .querySelector(selector)!
          .shadowRoot!.querySelector<HTMLElement & { heard?: string[] }>('form [aria-live]')!
        region.heard = []
        new MutationObserver(() =>
          region.heard!.push(region.textContent!.replace(/\s+/g, ' ').trim()),
        ).observe(region, { characterData: true, childList: true, subtree: true })
      }, selector)
      expect(await element.locator('form [aria-live]').innerText(), selector).toBe('')

      await element.locator('#email').press('Enter')
      const fieldError = element.locator('#email-error')
      await fieldError.waitFor()
      const message = await fieldError.innerText()
      expect(message, selector).toMatch(/^Bitte geben Sie bei „E-Mail-Adresse“/)
      // The focus stays in the field (it was there already), which now says what is wrong ...
      expect(await focused(page), selector).toMatchObject({
        describedBy: 'email-hint email-error',
        id: 'email',
        invalid: 'true',
      })
      // ... and the summary is read from the region that was there before: once, not also as
      // an alert, a second region or a focused element.
      const summary = element.locator('.error-summary')
      await summary.waitFor()
      const heard = `Bitte prüfen Sie Ihre Angaben: ${message}`
      const regionOf = () =>
        page.evaluate((selector) => {
          const root = document.querySelector(selector)!.shadowRoot!
          const summary = root.querySelector('.error-summary')!
          const live = '[aria-live], [role="alert"], [role="status"], [role="log"]'
          const region = summary.closest<HTMLElement & { heard?: string[] }>(live)
          return {
            heard: region?.heard,
            isFocused: Boolean(region?.contains(root.activeElement)),
            liveRegions: root.querySelectorAll(live).length,
            nested: region?.parentElement?.closest(live) ? 1 : 0,
            within: region?.querySelectorAll(live).length,
          }
        }, selector)
      expect(await regionOf(), selector).toEqual({
        heard: [heard],
        isFocused: false,
        liveRegions: 1,
        nested: 0,
        within: 0,
      })
      expect(await summary.locator('li').allInnerTexts(), selector).toEqual([message])
      // The same mistake once more: emptied while sending, so it is read again, once.
      await element.locator('#email').press('Enter')
      await expect
        .poll(async () => (await regionOf()).heard, { message: selector })
        .toEqual([heard, '', heard])
      expect((await focused(page)).id, selector).toBe('email')
    }
    await expectNoViolations(page, 'refused by the server')
    for (const { selector } of forms) {
      await shoot(page.locator(selector), `refused-1000-${selector}`)
    }
    await context.close()
  })

  it('should pass axe once every form is sent, with the focus on the next step, read once', async () => {
    const context = await newVisitor()
    const page = await context.newPage()
    await page.goto(host.page({ body: formElements() }))
    const rating = page.locator('qn-rating')
    await rating
      .getByRole('group', { name: 'Komplexität' })
      .getByRole('radio', { exact: true, name: '3' })
      .check()
    await rating.getByRole('button', { name: 'Einschätzung abschicken' }).click()
    await expect
      .poll(() => rating.getByRole('status').innerText())
      .toBe('Vielen Dank! Ihre Einschätzung wurde gespeichert.')

    const comments = page.locator('qn-comments')
    await comments.locator('#authorName').fill('Bernd')
    await comments.locator('#email').fill('bernd.a11y@example.test')
    await comments.locator('#text').fill('Gute Methode für den Einstieg.')
    await comments.locator('#consent').check()
    await comments.getByRole('button', { name: 'Kommentar senden' }).click()
    // The form is gone: the focus moves to the next step, a group named by its heading and
    // described by its text, and no live region reads it a second time.
    await comments
      .getByRole('group', { name: 'Fast geschafft: Bitte bestätigen Sie Ihre E-Mail-Adresse' })
      .waitFor()
    expect(await sentNoticeOf(page, 'qn-comments')).toEqual({
      description:
        'Wir haben Ihnen eine E-Mail an bernd.a11y@example.test geschickt. Bitte bestätigen Sie Ihre E-Mail-Adresse; danach prüft die Redaktion Ihren Kommentar, bevor er hier erscheint.',
      isFocused: true,
      liveRegions: 0,
    })
    expect(await comments.getByRole('status').count()).toBe(0)

    const registration = page.locator('qn-registration')
    await registration.locator('#name').fill('Anna Abend')
    await registration.locator('#email').fill('anna.sent@example.test')
    await registration.locator('#answer-organisation').fill('Quartiersbüro')
    await registration.locator('#consent').check()
    await registration.getByRole('button', { name: 'Anmelden' }).click()
    await registration
      .getByRole('group', { name: 'Fast geschafft: Bitte bestätigen Sie Ihre Anmeldung' })
      .waitFor()
    expect(await sentNoticeOf(page, 'qn-registration')).toEqual({
      description:
        'Wir haben Ihnen eine E-Mail an anna.sent@example.test geschickt. Erst wenn Sie den Link darin bestätigen, ist Ihre Anmeldung gültig. Kommt keine E-Mail an, sehen Sie bitte auch im Spam-Ordner nach.',
      isFocused: true,
      liveRegions: 0,
    })
    expect(await registration.getByRole('status').count()).toBe(0)

    await expectNoViolations(page, 'sent')
    for (const element of ['qn-rating', 'qn-comments', 'qn-registration']) {
      await shoot(page.locator(element), `sent-1000-${element}`)
    }
    // Another comment: the form again, the focus in its first field (the button is gone).
    await comments.getByRole('button', { name: 'Weiteren Kommentar schreiben' }).click()
    await expect.poll(async () => (await focused(page)).id).toBe('authorName')
    await context.close()
  })

  it('should say beside the report button, in an alert, when a report fails, also once the form is sent', async () => {
    const module = await createDescribedModule(server.payload, { title: 'Kiezrunde (Melden)' })
    await createComment(server.payload, {
      authorName: 'Ida',
      email: 'ida.a11y@example.test',
      targetId: String(module.id),
      text: 'Das hat bei uns niemand verstanden.',
    })
    const context = await newVisitor()
    const page = await context.newPage()
    await page.goto(
      host.page({ body: `<qn-comments target="modules/${module.slug}"></qn-comments>` }),
    )
    const comments = page.locator('qn-comments')
    await comments.locator('#authorName').fill('Bernd')
    await comments.locator('#email').fill('bernd.melden@example.test')
    await comments.locator('#text').fill('Bei uns schon.')
    await comments.locator('#consent').check()
    await comments.getByRole('button', { name: 'Kommentar senden' }).click()
    await comments.locator('[part="sent"]').waitFor()
    expect(await comments.locator('form').count()).toBe(0)

    // The report is refused (the preflight goes through, as a proxy's 503 would let it).
    await page.route(`${server.url}/api/comments/*/report`, (route) =>
      route.request().method() === 'POST'
        ? route.fulfill({
            body: '',
            headers: { 'Access-Control-Allow-Origin': host.origin },
            status: 503,
          })
        : route.continue(),
    )
    const comment = comments.locator('article[part="comment"]')
    const report = comment.getByRole('button', { name: 'Kommentar von Ida der Redaktion melden' })
    await report.click()
    const message =
      'Ihre Meldung wurde nicht gesendet: Gerade gehen sehr viele Anfragen ein. Bitte versuchen Sie es in einigen Sekunden noch einmal.'
    await expect.poll(() => comment.getByRole('alert').innerText()).toBe(message)
    // The focus stays on the button, which now names the message as its description.
    expect(await focused(page)).toMatchObject({ tag: 'button', text: 'Melden' })
    const id = await report.getAttribute('aria-describedby')
    expect(await comment.locator(`#${id}`).innerText()).toBe(message)
    await expectNoViolations(page, 'report failed')
    await shoot(comment, 'report-failed-1000-qn-comments')

    // Sent again, it goes through: the message is gone, the thanks are shown.
    await page.unroute(`${server.url}/api/comments/*/report`)
    await report.click()
    await comment
      .getByText('Danke für Ihren Hinweis. Die Redaktion sieht sich den Kommentar an.')
      .waitFor()
    expect(await comment.getByRole('alert').count()).toBe(0)
    // The button is gone too: the focus is on the thanks in its place.
    expect(await focused(page)).toMatchObject({
      tag: 'p',
      text: 'Danke für Ihren Hinweis. Die Redaktion sieht sich den Kommentar an.',
    })
    await context.close()
  })

  it('should show a German message and "Erneut versuchen" instead of a blank box when loading fails, pass axe, and recover on retry', async () => {
    for (const failure of ['503', 'abort'] as const) {
      const context = await newVisitor()
      const page = await context.newPage()
      await page.route(`${server.url}/api/**`, (route) =>
        failure === 'abort'
          ? route.abort('connectionrefused')
          : // A proxy's answer while the server restarts: no JSON, but CORS so the page may read it.
            route.fulfill({
              body: 'Service Unavailable',
              contentType: 'text/plain',
              headers: { 'Access-Control-Allow-Origin': host.origin },
              status: 503,
            }),
      )
      await page.goto(host.page({ body: allElements() }))
      const expected =
        failure === '503'
          ? 'Gerade gehen sehr viele Anfragen ein. Bitte versuchen Sie es in einigen Sekunden noch einmal.'
          : 'Der Dienst ist gerade nicht erreichbar. Bitte prüfen Sie Ihre Verbindung und versuchen Sie es erneut.'
      for (const element of ELEMENTS) {
        const error = page.locator(`body > main > ${element}`).getByRole('alert')
        await error.waitFor()
        expect(await error.locator('p').innerText(), element).toBe(expected)
        expect(await error.getByRole('button', { name: 'Erneut versuchen' }).count(), element).toBe(
          1,
        )
      }
      if (failure === '503') {
        await expectNoViolations(page, 'failed to load')
        for (const element of ['qn-module', 'qn-events', 'qn-module-finder']) {
          await shoot(page.locator(element), `error-1000-${element}`)
        }
      }

      await page.unroute(`${server.url}/api/**`)
      for (const element of ELEMENTS) {
        await page
          .locator(`body > main > ${element}`)
          .getByRole('button', { name: 'Erneut versuchen' })
          .click()
      }
      await waitForFilled(page)
      expect(await page.getByRole('alert').count()).toBe(0)
      await context.close()
    }
  })

  it('should keep the finder’s form when a search fails and search again on retry', async () => {
    const context = await newVisitor()
    const page = await context.newPage()
    await page.goto(
      host.page({
        body: `<qn-module-finder field-of-action="${content.field.slug}"></qn-module-finder>`,
      }),
    )
    const finder = page.locator('qn-module-finder')
    await finder.locator('[part="result"]').first().waitFor()
    await page.route(`${server.url}/api/**`, (route) =>
      route.fulfill({
        body: '',
        headers: { 'Access-Control-Allow-Origin': host.origin },
        status: 503,
      }),
    )
    await finder.getByLabel('Partizipation').selectOption('high')
    await finder.getByRole('button', { name: 'Passende Methoden anzeigen' }).click()
    const error = finder.getByRole('alert')
    await error.getByText('Gerade gehen sehr viele Anfragen ein.', { exact: false }).waitFor()
    expect(await finder.locator('form').count()).toBe(1)
    await expectNoViolations(page, 'search failed')

    await page.unroute(`${server.url}/api/**`)
    await error.getByRole('button', { name: 'Erneut versuchen' }).click()
    await expect
      .poll(() => finder.getByRole('status').innerText())
      .toMatch(/^\d+ passende Methoden?$/)
    expect(await finder.getByRole('alert').count()).toBe(0)
    await context.close()
  })

  it('should pass axe in each state of the registration: waiting list, full, closed, deadline passed, past and cancelled', async () => {
    const { payload } = server
    const base = { capacity: 1, registrationOpen: true }
    const waiting = await createEvent(payload, {
      ...base,
      hasWaitingList: true,
      title: 'Mit Warteliste',
    })
    const full = await createEvent(payload, {
      ...base,
      hasWaitingList: false,
      title: 'Ohne Warteliste',
    })
    for (const event of [waiting, full]) {
      await payload.create({
        collection: 'registrations',
        data: {
          email: `voll.${event.id}@example.test`,
          event: event.id,
          name: 'Volker Voll',
          status: 'confirmed',
        } as never,
        overrideAccess: true,
      })
    }
    const closed = await createEvent(payload, {
      registration: { note: 'Anmeldung bitte per Telefon: 0201 12345.' },
      registrationOpen: false,
      title: 'Ohne Online-Anmeldung',
    })
    const deadline = await createEvent(payload, {
      ...base,
      capacity: 20,
      registration: { deadline: inDays(-2) },
      title: 'Anmeldeschluss vorbei',
    })
    const past = await createEvent(payload, {
      ...base,
      end: inDays(-0.9),
      start: inDays(-1),
      title: 'Schon gewesen',
    })
    const cancelled = await createEvent(payload, { ...base, isCancelled: true, title: 'Abgesagt' })
    const states = [
      [
        waiting,
        'Alle Plätze sind vergeben. Sie können sich auf die Warteliste setzen lassen',
        'waiting-list',
      ],
      [full, 'Die Veranstaltung ist ausgebucht.', 'full'],
      [closed, 'Für diese Veranstaltung ist keine Online-Anmeldung möglich.', 'closed'],
      [deadline, 'Der Anmeldeschluss am', 'deadline'],
      [past, 'Diese Veranstaltung hat bereits stattgefunden.', 'past'],
      [cancelled, 'Diese Veranstaltung wurde abgesagt.', 'cancelled'],
    ] as const
    const context = await newVisitor()
    const page = await context.newPage()
    await page.goto(
      host.page({
        body: states
          .map(
            ([event, , state]) =>
              `<qn-registration id="${state}" event="${event.slug}"></qn-registration>`,
          )
          .join('\n'),
      }),
    )
    for (const [, text, state] of states) {
      const element = page.locator(`#${state}`)
      await element.getByText(text, { exact: false }).first().waitFor()
      expect(await element.locator('form').count(), state).toBe(state === 'waiting-list' ? 1 : 0)
    }
    expect(
      await page.locator('#closed').getByText('Anmeldung bitte per Telefon: 0201 12345.').count(),
    ).toBe(1)
    await expectNoViolations(page, 'registration states')
    for (const [, , state] of states) {
      await shoot(page.locator(`#${state}`), `state-1000-qn-registration-${state}`)
    }
    await context.close()
  })

  it('should let a keyboard user rate: one Tab stop per scale, arrow keys to choose, Enter to send, the focus always visible', async () => {
    const module = await createDescribedModule(server.payload, {
      title: 'Zukunftswerkstatt (Tastatur)',
    })
    const context = await newVisitor()
    const page = await context.newPage()
    await page.goto(host.page({ body: `<qn-rating module="${module.slug}"></qn-rating>` }))
    const rating = page.locator('qn-rating')
    await rating.locator('[part="rater-count"]').waitFor()

    // Tab order: each scale once, in reading order, then the button.
    const stops: string[] = []
    for (let index = 0; index < 7; index++) {
      await page.keyboard.press('Tab')
      const current = await focused(page)
      expect(current.outline, `${current.name ?? current.text} has a visible focus`).toBe(
        VISIBLE_FOCUS,
      )
      stops.push(current.tag === 'input' ? `${current.name}=${current.value}` : current.text)
    }
    expect(stops).toEqual([
      'processPhase=1',
      'timeEffort=1',
      'staffEffort=1',
      'financialEffort=1',
      'participation=1',
      'complexity=1',
      'Einschätzung abschicken',
    ])

    // Space on the button with nothing chosen: the message, and the focus back on the first scale.
    await page.keyboard.press('Space')
    await rating
      .getByRole('alert')
      .getByText('Bitte wählen Sie auf mindestens einer Skala einen Wert.')
      .waitFor()
    expect(await focused(page)).toMatchObject({
      name: 'processPhase',
      outline: VISIBLE_FOCUS,
      value: '1',
    })

    // Arrow keys move and choose within a scale; Shift+Tab and Tab move between scales.
    await page.keyboard.press('ArrowRight')
    await page.keyboard.press('ArrowRight')
    expect(await focused(page)).toMatchObject({
      name: 'processPhase',
      outline: VISIBLE_FOCUS,
      value: '3',
    })
    expect(
      await rating
        .getByRole('group', { name: 'Prozessphase' })
        .getByRole('radio', { exact: true, name: '3' })
        .isChecked(),
    ).toBe(true)
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    expect(await focused(page)).toMatchObject({ name: 'participation', value: '1' })
    await page.keyboard.press('ArrowLeft')
    expect(await focused(page)).toMatchObject({ name: 'participation', value: '5' })
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    expect((await focused(page)).text).toBe('Einschätzung abschicken')
    await page.keyboard.press('Enter')
    await expect
      .poll(() => rating.getByRole('status').innerText())
      .toBe('Vielen Dank! Ihre Einschätzung wurde gespeichert.')
    // The focus stays on the button, now "Einschätzung ändern", not dropped to <body> while it
    // was busy: the visitor keeps their place.
    expect(await focused(page)).toMatchObject({
      outline: VISIBLE_FOCUS,
      tag: 'button',
      text: 'Einschätzung ändern',
    })

    const stored = await server.payload.find({
      collection: 'ratings',
      overrideAccess: true,
      where: { targetId: { equals: String(module.id) } },
    })
    expect(
      stored.docs.map((doc) => (doc as unknown as { values: Record<string, unknown> }).values),
    ).toEqual([expect.objectContaining({ participation: 5, processPhase: 3 })])
    await context.close()
  })

  it('should let a keyboard user register: fields in reading order, errors on the first invalid field, Enter to send', async () => {
    const event = await createEvent(server.payload, {
      capacity: 10,
      customQuestions: [
        { key: 'organisation', label: 'Organisation', required: true, type: 'text' },
        {
          key: 'lunch',
          label: 'Mittagessen',
          options: [{ value: 'vegetarisch' }, { value: 'vegan' }],
          required: false,
          type: 'select',
        },
      ],
      registrationOpen: true,
      title: 'Werkstattgespräch (Tastatur)',
    })
    const context = await newVisitor()
    const page = await context.newPage()
    await page.goto(
      host.page({ body: `<qn-registration event="${event.slug}"></qn-registration>` }),
    )
    const registration = page.locator('qn-registration')
    await registration.locator('form').waitFor()

    const stops: string[] = []
    for (let index = 0; index < 7; index++) {
      await page.keyboard.press('Tab')
      const current = await focused(page)
      expect(current.outline, `${current.id || current.text} has a visible focus`).toBe(
        VISIBLE_FOCUS,
      )
      stops.push(current.id || current.text)
    }
    expect(stops).toEqual([
      'name',
      'email',
      'answer-organisation',
      'answer-lunch',
      'consent',
      'Hinweise zum Datenschutz',
      'Anmelden',
    ])

    // Enter on the button with everything empty: the focus on the first invalid field, its error tied to it.
    await page.keyboard.press('Enter')
    await expect.poll(async () => (await focused(page)).id).toBe('name')
    expect(await focused(page)).toMatchObject({
      describedBy: 'name-error',
      invalid: 'true',
      outline: VISIBLE_FOCUS,
    })
    expect(await descriptionOf(page, 'qn-registration', 'name')).toEqual([
      'Bitte geben Sie „Name“ an.',
    ])
    expect(await registration.locator('.field-error').allInnerTexts()).toEqual([
      'Bitte geben Sie „Name“ an.',
      'Bitte geben Sie „E-Mail-Adresse“ an.',
      'Bitte geben Sie „Organisation“ an.',
      'Bitte stimmen Sie der Verarbeitung Ihrer Angaben zu.',
    ])

    await page.keyboard.type('Anna Abend')
    await page.keyboard.press('Tab')
    await page.keyboard.type('anna.tastatur@example.test')
    await page.keyboard.press('Tab')
    await page.keyboard.type('Quartiersbüro Nordstadt')
    await page.keyboard.press('Tab')
    await page.keyboard.press('ArrowDown')
    expect(await focused(page)).toMatchObject({ id: 'answer-lunch', value: 'vegetarisch' })
    await page.keyboard.press('Tab')
    await page.keyboard.press('Space')
    expect(await registration.locator('#consent').isChecked()).toBe(true)
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    expect((await focused(page)).text).toBe('Anmelden')
    await page.keyboard.press('Enter')
    await registration
      .getByRole('group', { name: 'Fast geschafft: Bitte bestätigen Sie Ihre Anmeldung' })
      .waitFor()
    // The focus moves to the message, so that a screen reader reads the next step (once: it is
    // no live region).
    expect((await focused(page)).text).toContain('anna.tastatur@example.test')
    expect(await sentNoticeOf(page, 'qn-registration')).toMatchObject({
      isFocused: true,
      liveRegions: 0,
    })

    const [stored] = (
      await server.payload.find({
        collection: 'registrations',
        overrideAccess: true,
        where: { email: { equals: 'anna.tastatur@example.test' } },
      })
    ).docs
    expect(stored?.answers).toEqual({
      lunch: 'vegetarisch',
      organisation: 'Quartiersbüro Nordstadt',
    })
    await context.close()
  })
})
