import type { Browser, Page } from 'playwright-core'

import fs from 'node:fs'
import { createRequire } from 'node:module'

import type { RunningServer } from '../../src/server/startServer'

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import {
  createAccounts,
  launchChromium,
  screenshotPath,
  signIn as signInWith,
} from '../helpers/browser'
import { createModule, rateModule } from '../helpers/fixtures'
import { startTestServer } from '../helpers/server'

// Several ratings come from this one test client: no per-client limit here.
vi.hoisted(() => {
  process.env.RATINGS_PER_CLIENT_PER_HOUR = '0'
})

const EDITOR = { email: 'redaktion-bewertungen@quartiersnetz.test', password: 'Panel-Test-2026' }

/** Three visitors; the means are 5/3, 3, 11/3, 4/3, 13/3 and 5/3. */
const RATINGS = [
  {
    complexity: 1,
    financialEffort: 2,
    participation: 5,
    processPhase: 1,
    staffEffort: 3,
    timeEffort: 2,
  },
  {
    complexity: 2,
    financialEffort: 1,
    participation: 4,
    processPhase: 2,
    staffEffort: 4,
    timeEffort: 2,
  },
  {
    complexity: 2,
    financialEffort: 1,
    participation: 4,
    processPhase: 2,
    staffEffort: 4,
    timeEffort: 5,
  },
]

const EXPECTED = [
  {
    editorial: '2',
    key: 'processPhase',
    label: 'Prozessphase',
    lean: 'eignet sich zur Analyse / Planung',
    mean: '1,7',
  },
  { editorial: '3', key: 'timeEffort', label: 'Zeitaufwand', lean: 'ausgeglichen', mean: '3,0' },
  {
    editorial: '4',
    key: 'staffEffort',
    label: 'Personalaufwand',
    lean: 'ist sehr personalintensiv',
    mean: '3,7',
  },
  {
    editorial: '1',
    key: 'financialEffort',
    label: 'Finanzieller Aufwand',
    lean: 'ist mit geringen Kosten verbunden',
    mean: '1,3',
  },
  {
    editorial: '5',
    key: 'participation',
    label: 'Partizipation',
    lean: 'hat einen hohen Beteiligungsgrad',
    mean: '4,3',
  },
  // No editorial value on purpose: the panel says so.
  {
    editorial: '–',
    key: 'complexity',
    label: 'Komplexität',
    lean: 'keine Vorkenntnisse erforderlich',
    mean: '1,7',
  },
]

let browser: Browser
let server: RunningServer

beforeAll(async () => {
  server = await startTestServer()
  // The first account always becomes admin; the panel is tested as an editor.
  await createAccounts(server.payload, {
    accounts: [{ ...EDITOR, name: 'Emil Redaktion' }],
    adminEmail: 'admin-bewertungen@quartiersnetz.test',
  })
  browser = await launchChromium()
  // The first admin page of a fresh production server takes long on a busy machine: once here,
  // within the hook's time, rather than in the first test's sign-in.
  await fetch(`${server.url}/admin/login`)
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

const signIn = () => signInWith(browser, { account: EDITOR, baseUrl: server.url, open: null })

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core'), 'utf8')

/** axe-core's WCAG 2.1 A/AA violations inside the elements `selector` matches. */
const axeViolationsIn = async (page: Page, selector: string) => {
  // Evaluated, not added as a script: the admin's policy allows no inline scripts.
  if (!(await page.evaluate(() => 'axe' in window))) {
    await page.evaluate(AXE_SOURCE)
  }
  return page.evaluate(async (selector) => {
    type Result = { violations: { help: string; id: string; nodes: { target: unknown[] }[] }[] }
    const axe = (
      window as unknown as {
        axe: { run: (context: unknown, options: unknown) => Promise<Result> }
      }
    ).axe
    const result = await axe.run(
      { include: [...document.querySelectorAll(selector)] },
      {
        resultTypes: ['violations'],
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      },
    )
    return result.violations.map(({ help, id, nodes }) => ({
      help,
      id,
      targets: nodes.map(({ target }) => target),
    }))
  }, selector)
}

const createRatedModule = async (title: string) => {
  const module = await createModule(server.payload, {
    editorialAssessment: {
      financialEffort: 1,
      participation: 5,
      processPhase: 2,
      staffEffort: 4,
      timeEffort: 3,
    },
    title,
  })
  for (const values of RATINGS) {
    await rateModule({ moduleId: module.id, serverUrl: server.url, values })
  }
  return module
}

describe('ratings in the admin', () => {
  it('should show the visitors’ distribution, mean and lean beside the editorial assessment on the module', async () => {
    const module = await createRatedModule('Stadtteilspaziergang (Bewertungen)')
    const { context, page } = await signIn()

    await page.goto(`${server.url}/admin/collections/modules/${module.id}`)
    const panel = page.locator('.ratings-panel')
    await panel
      .getByText('Dieser Eintrag wurde bisher von 3 Nutzerinnen und Nutzern bewertet.')
      .waitFor()
    await expect(panel.locator('.ratings-panel__title').innerText()).resolves.toBe(
      'Bewertungen der Nutzerinnen und Nutzer',
    )

    for (const expected of EXPECTED) {
      const card = panel.locator(`[data-dimension="${expected.key}"]`)
      expect(await card.locator('.ratings-panel__dimension-label').innerText()).toBe(expected.label)
      expect(await card.locator('.ratings-panel__mean-value').innerText()).toBe(expected.mean)
      expect(await card.locator('.ratings-panel__editorial-value').innerText()).toBe(
        expected.editorial,
      )
      expect(await card.locator('.ratings-panel__lean').innerText()).toBe(expected.lean)
      expect(await card.locator('.ratings-panel__dimension-count').innerText()).toBe(
        '3 Bewertungen',
      )
    }
    // The bars: Finanzieller Aufwand got 1 twice and 2 once, nothing else.
    const chart = panel.locator('[data-dimension="financialEffort"] svg[role="img"]')
    expect(await chart.getAttribute('aria-label')).toBe(
      'Verteilung der Bewertungen von 1 bis 5: 1: 2, 2: 1, 3: 0, 4: 0, 5: 0',
    )
    expect(await chart.locator('rect.ratings-panel__bar').count()).toBe(2)

    await panel.scrollIntoViewIfNeeded()
    await panel.screenshot({ path: screenshotPath('ratings-panel.png') })
    await context.close()
  })

  it('should show an editorial value typed into the form before and after it is saved', async () => {
    const module = await createRatedModule('Zukunftswerkstatt (Bewertungen)')
    const { context, page } = await signIn()

    await page.goto(`${server.url}/admin/collections/modules/${module.id}`)
    const complexity = page.locator(
      '.ratings-panel [data-dimension="complexity"] .ratings-panel__editorial-value',
    )
    await complexity.waitFor()
    expect(await complexity.innerText()).toBe('–')

    await page.getByRole('button', { exact: true, name: 'Einschätzung' }).click()
    await page
      .getByRole('group', { exact: true, name: 'Komplexität' })
      .getByRole('radio', { exact: true, name: '4' })
      .check()
    await expect.poll(() => complexity.innerText()).toBe('4')

    // Saving re-renders the form; the panel stays, with the saved value.
    await page.click('#action-save-draft')
    await page
      .locator('.payload-toast-container')
      .getByText(/gespeichert/i)
      .first()
      .waitFor()
    await page
      .locator('.ratings-panel')
      .getByText('Dieser Eintrag wurde bisher von 3 Nutzerinnen und Nutzern bewertet.')
      .waitFor()
    expect(await complexity.innerText()).toBe('4')
    await context.close()
  })

  it('should let an editor choose the editorial assessment on the bipolar scale with the keyboard, keep it after saving and reloading, and clear it', async () => {
    const module = await createModule(server.payload, {
      editorialAssessment: { complexity: 3 },
      title: 'Kiezkonferenz (Skala)',
    })
    const { context, page } = await signIn()
    await page.goto(`${server.url}/admin/collections/modules/${module.id}`)
    await page.getByRole('button', { exact: true, name: 'Einschätzung' }).click()
    const scale = (label: string) => page.getByRole('group', { exact: true, name: label })
    const radio = (label: string, name: string) =>
      scale(label).getByRole('radio', { exact: true, name })
    const chosen = async (label: string) => {
      for (const name of ['1', '2', '3', '4', '5', 'Keine Einschätzung']) {
        if (await radio(label, name).isChecked()) {
          return name
        }
      }
      return undefined
    }

    // The visitors' scale: the poles in words at either end, each describing its end value.
    const phase = scale('Prozessphase')
    await phase.waitFor()
    expect(await phase.locator('.bipolar-scale__pole--low').innerText()).toBe(
      'eignet sich zur Analyse / Planung',
    )
    expect(await phase.locator('.bipolar-scale__pole--high').innerText()).toBe(
      'eignet sich zur konkreten Umsetzung',
    )
    const descriptionOf = (name: string) =>
      radio('Prozessphase', name).evaluate(
        (input) =>
          document.getElementById(input.getAttribute('aria-describedby') ?? '')?.textContent,
      )
    expect(await descriptionOf('1')).toBe('eignet sich zur Analyse / Planung')
    expect(await descriptionOf('5')).toBe('eignet sich zur konkreten Umsetzung')
    expect(await scale('Komplexität').count()).toBe(1)
    // Empty is a choice of its own; the stored value is chosen.
    expect(await chosen('Prozessphase')).toBe('Keine Einschätzung')
    expect(await chosen('Komplexität')).toBe('3')

    // The keyboard: the arrow keys choose within a scale, Tab goes on to the next one.
    await radio('Prozessphase', 'Keine Einschätzung').focus()
    await page.keyboard.press('ArrowRight')
    await page.keyboard.press('ArrowRight')
    expect(await chosen('Prozessphase')).toBe('2')
    await page.keyboard.press('Tab')
    expect(
      await radio('Zeitaufwand', 'Keine Einschätzung').evaluate(
        (input) => input === document.activeElement,
      ),
    ).toBe(true)
    await page.keyboard.press('ArrowLeft')
    expect(await chosen('Zeitaufwand')).toBe('5')
    // Back to no assessment: past the last value.
    await radio('Komplexität', '3').focus()
    for (let step = 0; step < 3; step++) {
      await page.keyboard.press('ArrowRight')
    }
    expect(await chosen('Komplexität')).toBe('Keine Einschätzung')

    expect(await axeViolationsIn(page, '.bipolar-scale')).toEqual([])
    await phase.scrollIntoViewIfNeeded()
    await page.mouse.move(0, 0)
    await page.screenshot({ fullPage: true, path: screenshotPath('words-editorial-scale.png') })

    await page.click('#action-save-draft')
    await page
      .locator('.payload-toast-container')
      .getByText(/gespeichert/i)
      .first()
      .waitFor()
    // The same numbers a number field would have stored, and nothing for "no assessment" (in
    // the newest version: a draft; reads without a user see the published document).
    const { docs: versions } = await server.payload.findVersions({
      collection: 'modules',
      limit: 1,
      overrideAccess: true,
      sort: '-updatedAt',
      where: { parent: { equals: module.id } },
    })
    expect(versions[0]?.version.editorialAssessment).toMatchObject({
      complexity: null,
      processPhase: 2,
      timeEffort: 5,
    })

    await page.reload()
    await page.getByRole('button', { exact: true, name: 'Einschätzung' }).click()
    await scale('Prozessphase').waitFor()
    expect(await chosen('Prozessphase')).toBe('2')
    expect(await chosen('Zeitaufwand')).toBe('5')
    expect(await chosen('Komplexität')).toBe('Keine Einschätzung')
    expect(await chosen('Partizipation')).toBe('Keine Einschätzung')
    await context.close()
  })

  it('should say in the panel that ratings of a locked module are locked', async () => {
    const module = await createRatedModule('Bürgerhaushalt (Bewertungen)')
    await server.payload.update({
      collection: 'modules',
      data: { ratingsLocked: true },
      id: module.id,
      overrideAccess: true,
    })
    const { context, page } = await signIn()

    await page.goto(`${server.url}/admin/collections/modules/${module.id}`)
    const panel = page.locator('.ratings-panel')
    await panel
      .getByText('Dieser Eintrag wurde bisher von 3 Nutzerinnen und Nutzern bewertet.')
      .waitFor()
    expect(await panel.locator('.ratings-panel__locked').innerText()).toBe(
      'Bewertungen für diesen Eintrag sind gesperrt.',
    )
    await context.close()
  })

  it('should say that there are no ratings yet on a new module', async () => {
    const { context, page } = await signIn()

    await page.goto(`${server.url}/admin/collections/modules/create`)
    const panel = page.locator('.ratings-panel')
    await panel.getByText('Noch keine Bewertungen.').waitFor()
    expect(await panel.locator('[data-dimension]').count()).toBe(0)
    expect(await panel.locator('.ratings-panel__locked').count()).toBe(0)
    await context.close()
  })

  it('should list ratings under "Beteiligung" without any hash column or value', async () => {
    await createRatedModule('Quartiersrat (Bewertungen)')
    const { context, page } = await signIn()

    await page.goto(`${server.url}/admin`)
    const group = page.locator('.collections__group', {
      has: page.getByRole('heading', { exact: true, name: 'Beteiligung' }),
    })
    await group.getByRole('heading', { exact: true, name: 'Bewertungen' }).waitFor()

    await page.goto(`${server.url}/admin/collections/ratings`)
    const table = page.locator('.table table')
    await table.waitFor()
    const headers = (await table.locator('thead th').allInnerTexts())
      .map((text) => text.trim())
      .filter(Boolean)
    // The rated entry by its title (tests/e2e/targetTitles.e2e.spec.ts), not by slug and id.
    expect(headers).toEqual(expect.arrayContaining(['Eintrag', 'Werte > Finanzieller Aufwand']))
    expect(headers).not.toContain('Sammlung')
    expect(headers.join(' ')).not.toMatch(/hash/i)
    expect(await table.locator('tbody tr').count()).toBeGreaterThanOrEqual(3)
    // Not even a hash-like value in a cell (the stored hashes are long hex strings).
    const cells = await table.locator('tbody td').allInnerTexts()
    expect(cells.filter((text) => /[0-9a-f]{32,}/i.test(text))).toEqual([])

    // Nor among the columns one could switch on.
    await page.click('#toggle-list-columns')
    const columnChoices = page.locator('.list-controls__columns')
    await columnChoices.getByText('Sammlung').waitFor()
    expect(await columnChoices.innerText()).not.toMatch(/hash/i)
    await context.close()
  })
})
