import type { Payload } from 'payload'
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core'

import fs from 'node:fs'

import { chromium } from 'playwright-core'

import { createUser } from './users'

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

/** Signs in through the admin's login form in a fresh German context (1280×900). */
export const signIn = async (
  browser: Browser,
  {
    account,
    baseUrl,
    contextOptions = {},
  }: { account: Account; baseUrl: string; contextOptions?: BrowserContextOptions },
): Promise<{ context: BrowserContext; page: Page }> => {
  const context = await browser.newContext({
    locale: 'de-DE',
    viewport: { height: 900, width: 1280 },
    ...contextOptions,
  })
  const page = await context.newPage()
  await page.goto(`${baseUrl}/admin/login`)
  await page.fill('input[name="email"]', account.email)
  await page.fill('input[name="password"]', account.password)
  await page.click('button[type="submit"]')
  await page.waitForURL((url) => url.pathname === '/admin' || url.pathname === '/admin/')
  return { context, page }
}
