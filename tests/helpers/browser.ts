import type { Payload } from 'payload'
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core'

import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

import { chromium } from 'playwright-core'

import { projectRoot } from '../../src/runtime/paths'
import { createUser } from './users'

/**
 * Where a test's screenshot goes (to look at what a browser showed): under the run's own test
 * data (QN_TEST_DATA_DIR), so that two runs on one machine don't write over each other's.
 * Playwright makes the folders.
 */
export const screenshotPath = (name: string): string =>
  path.resolve(projectRoot, process.env.QN_TEST_DATA_DIR || '.test-data', 'screenshots', name)

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium'

/**
 * Debian's Chromium, headless. The background-networking flags keep it from calling home:
 * these machines have no internet, and the admin must work without it.
 */
export const launchChromium = async (): Promise<Browser> => {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: install it with \`apt-get install -y chromium\` or set CHROMIUM_PATH.`,
    )
  }
  return chromium.launch({
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
    executablePath: CHROMIUM_PATH,
    headless: true,
  })
}

export type Account = { email: string; password: string }

/**
 * The accounts of a browser test: an admin first (the first account always becomes admin), then
 * `accounts` (role editor unless given).
 */
export const createAccounts = async (
  payload: Payload,
  {
    accounts,
    adminEmail,
  }: {
    accounts: (Account & {
      municipality?: number
      name: string
      role?: 'editor' | 'municipality-editor'
    })[]
    adminEmail: string
  },
) => {
  await createUser(payload, {
    email: adminEmail,
    name: 'Anna Admin',
    password: 'Admin-Test-2026',
    role: 'admin',
  })
  for (const { role = 'editor', ...account } of accounts) {
    await createUser(payload, { ...account, role })
  }
}

/**
 * Signs in a fresh German context (1280×900) through the REST login, which leaves the admin's
 * cookie in the context, and opens `open` (the dashboard unless told; `null` opens nothing, for a
 * test that goes to its own page first). The login form itself is tested in tests/e2e/admin;
 * here it would cost every test two page loads (the form and the dashboard) it does not look at.
 */
export const signIn = async (
  browser: Browser,
  {
    account,
    baseUrl,
    contextOptions = {},
    open = '/admin',
  }: {
    account: Account
    baseUrl: string
    contextOptions?: BrowserContextOptions
    open?: null | string
  },
): Promise<{ context: BrowserContext; page: Page }> => {
  const context = await browser.newContext({
    locale: 'de-DE',
    viewport: { height: 900, width: 1280 },
    ...contextOptions,
  })
  const response = await context.request.post(`${baseUrl}/api/users/login`, {
    data: { email: account.email, password: account.password },
  })
  if (!response.ok()) {
    await context.close()
    throw new Error(
      `Sign-in of ${account.email} refused: ${response.status()} ${await response.text()}`,
    )
  }
  const page = await context.newPage()
  if (open !== null) {
    await page.goto(`${baseUrl}${open}`)
  }
  return { context, page }
}

/**
 * axe-core's findings in our own parts of an admin page (`selectors`; the admin around them is
 * Payload's), as "rule (number of elements)".
 */
export const axeViolationsIn = async (page: Page, selectors: string[]): Promise<string[]> => {
  const require = createRequire(import.meta.url)
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') })
  return page.evaluate(async (include) => {
    const axe = (
      window as unknown as {
        axe: {
          run: (context: {
            include: string[][]
          }) => Promise<{ violations: { id: string; nodes: unknown[] }[] }>
        }
      }
    ).axe
    const result = await axe.run({ include: include.map((selector) => [selector]) })
    return result.violations.map((violation) => `${violation.id} (${violation.nodes.length})`)
  }, selectors)
}
