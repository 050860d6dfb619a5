/**
 * No outbound request at runtime: the production server runs with every attempt to reach
 * another machine recorded and refused (tests/helpers/outboundRecorder.ts; the server runs in
 * this process), and Chromium's requests leaving the server's two local names are recorded as
 * well, while everything a network, a member city and a visitor do is exercised: an editor in
 * the admin (sign-in, dashboard, a list, an edit view, saving, a JSON field's code editor), a
 * website reading REST, GraphQL and the ICS feeds, the demo page of a member city with every
 * widget, a registration with its confirmation mail through a real SMTP receiver. Nothing leaves.
 *
 * Next's telemetry flag is removed for this file: the server's entry sets it
 * (src/runtime/bootstrap.ts), and the proof should not depend on it.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'

import dns from 'node:dns'
import fs from 'node:fs'
import http from 'node:http'
import net from 'node:net'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import type { RunningServer } from '../../src/server/startServer'
import type { OutboundAttempt } from '../helpers/outboundRecorder'

import { projectRoot } from '../../src/runtime/paths'
import { MONACO_VS_PATH } from '../../src/admin/codeEditors/monacoPath'
import { monacoFiles } from '../../src/server/monaco'
import { launchChromium, screenshotPath } from '../helpers/browser'
import { createOpenEvent } from '../helpers/fixtures'
import { createUser } from '../helpers/users'
import { requestJson } from '../helpers/http'
import { deliverMails, waitForLink } from '../helpers/mails'
import { mailsTo } from '../helpers/smtp'
import { startTestServer } from '../helpers/server'

// The recorder is installed before anything imports the Payload config or starts the server.
const { recorder, smtp } = await vi.hoisted(async () => {
  const { recordOutbound } = await import('../helpers/outboundRecorder')
  const { startSmtpReceiver } = await import('../helpers/smtp')
  delete process.env.NEXT_TELEMETRY_DISABLED
  process.env.EVENT_REGISTRATION_RATE_LIMIT_MAX = '0'
  return { recorder: recordOutbound(), smtp: await startSmtpReceiver() }
})

const ADMIN = { email: 'admin-ausgehend@quartiersnetz.test', password: 'Ausgehend-Test-2026' }
const REGISTRATION_CONFIRM_LINK =
  /http:\/\/localhost:\d+\/api\/registrations\/confirm\?token=[A-Za-z0-9_%-]+/

let browser: Browser
let server: RunningServer
let startup: OutboundAttempt[]
let startupProcesses: string[]

/** The server's two local names: its own, and the demo page's (127.0.0.1). */
const localOrigins = () => {
  const port = new URL(server.url).port
  return [`http://localhost:${port}`, `http://127.0.0.1:${port}`]
}

/** Records the requests of every page of `context` that go anywhere but the server. */
const watchBrowser = (context: BrowserContext) => {
  const leaving: string[] = []
  const origins = localOrigins()
  const isLocal = (url: string) =>
    /^(data|blob|about):/.test(url) || origins.some((origin) => url.startsWith(`${origin}/`))
  context.on('request', (request) => {
    if (!isLocal(request.url())) {
      leaving.push(`${request.method()} ${request.url()}`)
    }
  })
  context.on('page', (page) =>
    page.on('websocket', (socket) => {
      if (!isLocal(socket.url().replace(/^ws/, 'http'))) {
        leaving.push(`WebSocket ${socket.url()}`)
      }
    }),
  )
  return leaving
}

/** What a browser would complain about on `page`: errors in its console, answers ≥ 400. */
const complaintsOf = (page: Page) => {
  const complaints: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') {
      complaints.push(`console: ${message.text()}`)
    }
  })
  page.on('response', (response) => {
    if (response.status() >= 400) {
      complaints.push(`${response.status()} ${response.url()}`)
    }
  })
  return complaints
}

const newContext = () =>
  browser.newContext({
    locale: 'de-DE',
    timezoneId: 'Europe/Berlin',
    viewport: { height: 900, width: 1280 },
  })

beforeAll(async () => {
  server = await startTestServer()
  await createUser(server.payload, { ...ADMIN, name: 'Anna Admin', role: 'admin' })
  const { seed } = await import('../../src/seed')
  await seed({ payload: server.payload })
  startup = recorder.take()
  startupProcesses = recorder.processes.splice(0)
  browser = await launchChromium()
  // The test's own browser is no process of the server's.
  recorder.processes.length = 0
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  await smtp?.stop()
  recorder.uninstall()
})

describe('the recording', () => {
  it('should record and refuse a connection, a request and a lookup to the outside', async () => {
    const socket = net.connect({ host: '192.0.2.1', port: 443 })
    const error = await new Promise<NodeJS.ErrnoException>((resolve) =>
      socket.once('error', resolve),
    )
    expect(error.code).toBe('ECONNREFUSED')
    await expect(fetch('https://example.org/')).rejects.toThrow('fetch failed')
    await expect(dns.promises.lookup('example.org')).rejects.toMatchObject({ code: 'ENOTFOUND' })

    expect(recorder.take().map(({ kind, target }) => `${kind} ${target}`)).toEqual([
      'connect 192.0.2.1:443',
      'fetch https://example.org/',
      'dns example.org',
    ])
  })

  it('should let connections to this machine through unrecorded', async () => {
    const response = await fetch(`${server.url}/healthz`)
    expect(response.status).toBe(200)
    expect(recorder.take()).toEqual([])
  })
})

describe('no outbound request', () => {
  it('should make none while the server starts, migrates and the demo content is seeded', () => {
    expect(startup).toEqual([])
    // Processes started meanwhile (their own traffic is not recorded here): the widgets'
    // bundler, and outside production Payload's type generation (`typescript.autoGenerate`),
    // both of which read and write files only.
    for (const command of startupProcesses) {
      expect(command).toMatch(/esbuild|\/node_modules\/payload\/bin\.js generate:types$/)
    }
  })

  it('should make none while an editor signs in, opens the dashboard, a list and an edit view and saves', async () => {
    const context = await newContext()
    const leaving = watchBrowser(context)
    const page = await context.newPage()
    await page.goto(`${server.url}/admin/login`)
    await page.fill('input[name="email"]', ADMIN.email)
    await page.fill('input[name="password"]', ADMIN.password)
    await page.click('button[type="submit"]')
    await page.waitForURL((url) => url.pathname === '/admin' || url.pathname === '/admin/')
    await page.getByRole('heading', { level: 1, name: 'Übersicht' }).waitFor()
    await page.waitForLoadState('networkidle')

    await page.goto(`${server.url}/admin/collections/modules`)
    await page.locator('.table tbody tr').first().waitFor()
    await page.waitForLoadState('networkidle')

    const { docs } = await server.payload.find({
      collection: 'target-groups',
      limit: 1,
      overrideAccess: true,
    })
    const targetGroup = docs[0]!
    await page.goto(`${server.url}/admin/collections/target-groups/${targetGroup.id}`)
    const title = page.locator('input[name="title"]')
    await title.waitFor()
    await title.fill(`${targetGroup.title} (bearbeitet)`)
    await page
      .getByRole('button', { name: /veröffentlichen$/i })
      .first()
      .click()
    await expect
      .poll(
        async () =>
          (
            await server.payload.findByID({
              collection: 'target-groups',
              id: targetGroup.id,
              overrideAccess: true,
            })
          ).title,
      )
      .toBe(`${targetGroup.title} (bearbeitet)`)
    await page.waitForLoadState('networkidle')
    await page.screenshot({ fullPage: true, path: screenshotPath('proofs-admin-edit.png') })
    await context.close()

    expect(leaving).toEqual([])
    expect(recorder.take()).toEqual([])
    expect(recorder.processes.splice(0)).toEqual([])
  })

  it("should make none while an editor reads a registration's answers in the code editor", async () => {
    // Payload's code editor (Monaco) would load from a CDN; ours comes from the server.
    const event = await createOpenEvent(server.payload, { title: 'Werkstatt (Code-Editor)' })
    const registration = await server.payload.create({
      collection: 'registrations',
      data: {
        answers: { anreise: 'mit dem Rad', essen: 'vegetarisch' },
        email: 'antworten.editor@example.test',
        event: event.id,
        name: 'Agnes Antworten',
        status: 'confirmed',
      } as never,
      overrideAccess: true,
    })
    const context = await newContext()
    const leaving = watchBrowser(context)
    const page = await context.newPage()
    // A refused script (CSP) never becomes a request: the console says so, and Monaco's loader.
    const complaints = complaintsOf(page)
    const editorFiles: string[] = []
    page.on('response', (response) => {
      if (new URL(response.url()).pathname.startsWith(`${MONACO_VS_PATH}/`)) {
        editorFiles.push(`${response.status()} ${new URL(response.url()).pathname}`)
      }
    })
    await page.goto(`${server.url}/admin/login`)
    await page.fill('input[name="email"]', ADMIN.email)
    await page.fill('input[name="password"]', ADMIN.password)
    await page.click('button[type="submit"]')
    await page.waitForURL((url) => url.pathname === '/admin' || url.pathname === '/admin/')
    await page.goto(`${server.url}/admin/collections/registrations/${registration.id}`)

    const editor = page.locator('.json-field .monaco-editor')
    await editor.locator('.view-lines').waitFor()
    await expect.poll(() => editor.locator('.view-lines').innerText()).toContain('vegetarisch')
    const shown = (await editor.locator('.view-lines').innerText()).replace(/\s+/g, ' ')
    expect(shown).toContain('"anreise": "mit dem Rad"')
    // Monaco's own words in German (min/vs/nls/lang/de.js).
    await editor.locator('[aria-label^="Editor-Inhalt"]').first().waitFor({ state: 'attached' })
    await page.waitForLoadState('networkidle')
    await page.screenshot({ fullPage: true, path: screenshotPath('proofs-admin-code-editor.png') })
    await context.close()

    expect(editorFiles).toContain(`200 ${MONACO_VS_PATH}/loader.js`)
    expect(editorFiles).toContain(`200 ${MONACO_VS_PATH}/editor/editor.main.js`)
    expect(editorFiles).toContain(`200 ${MONACO_VS_PATH}/nls/lang/de.js`)
    expect(complaints).toEqual([])
    expect(leaving).toEqual([])
    expect(recorder.take()).toEqual([])
    expect(recorder.processes.splice(0)).toEqual([])
  })

  it('should serve the code editor with a year of caching and nothing outside its folder', async () => {
    // As a browser asks (Node's fetch alone takes no brotli).
    const loader = await fetch(`${server.url}${MONACO_VS_PATH}/loader.js`, {
      headers: { 'accept-encoding': 'gzip, deflate, br, zstd' },
    })
    expect(loader.status).toBe(200)
    expect(loader.headers.get('content-type')).toMatch(/javascript/)
    expect(loader.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(loader.headers.get('content-security-policy')).toContain("script-src 'self'")
    // Compressed for a browser that takes it, the same bytes.
    const { vsDirectory } = monacoFiles()
    expect(loader.headers.get('content-encoding')).toBe('br')
    expect(loader.headers.get('vary')).toMatch(/accept-encoding/i)
    expect(Buffer.from(await loader.arrayBuffer())).toEqual(
      fs.readFileSync(path.join(vsDirectory, 'loader.js')),
    )
    const plain = await new Promise<{ body: Buffer; headers: http.IncomingHttpHeaders }>(
      (resolve, reject) =>
        http
          .get(`${server.url}${MONACO_VS_PATH}/loader.js`, (response) => {
            const chunks: Buffer[] = []
            response.on('data', (chunk: Buffer) => chunks.push(chunk))
            response.on('end', () =>
              resolve({ body: Buffer.concat(chunks), headers: response.headers }),
            )
          })
          .on('error', reject),
    )
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.body).toEqual(fs.readFileSync(path.join(vsDirectory, 'loader.js')))
    for (const missing of ['/nicht-da.js', '/../../package.json', '/%2e%2e/%2e%2e/package.json']) {
      const response = await fetch(`${server.url}${MONACO_VS_PATH}${missing}`)
      expect(response.status, missing).toBe(404)
      await response.arrayBuffer()
    }
  })

  it('should make none while a website reads REST, GraphQL and the ICS feeds', async () => {
    const reads = [
      '/api/modules?depth=1&limit=5',
      '/api/events?depth=1&limit=5',
      '/api/projects?depth=1&limit=5',
      '/api/municipalities?limit=5',
      '/api/events/feed.ics',
      '/api/event-series/netzwerktreffen-ag-soziale-stadt/feed.ics',
      '/widgets/v1/quartiersnetz.js',
      '/datenschutz',
    ]
    for (const read of reads) {
      const response = await fetch(`${server.url}${read}`, {
        headers: { 'Accept-Language': 'de-DE' },
      })
      expect(response.status, read).toBe(200)
      await response.arrayBuffer()
    }
    const graphql = await requestJson<{ data?: { Modules?: { docs: unknown[] } } }>(
      `${server.url}/api/graphql`,
      {
        body: { query: '{ Modules(limit: 3) { docs { id title } } }' },
        method: 'POST',
      },
    )
    expect(graphql.status).toBe(200)
    expect(graphql.body.data?.Modules?.docs.length).toBeGreaterThan(0)

    expect(recorder.take()).toEqual([])
    expect(recorder.processes.splice(0)).toEqual([])
  })

  it('should make none while the demo page shows every widget and a visitor registers and confirms by mail', async () => {
    const context = await newContext()
    const leaving = watchBrowser(context)
    const page = await context.newPage()
    const complaints = complaintsOf(page)
    await page.goto(server.demoUrl!)
    // Every widget of the page has loaded its content from the server.
    await page
      .locator('qn-module')
      .getByRole('heading', { name: 'Stadtteilkonferenz' })
      .first()
      .waitFor()
    for (const element of ['qn-registration', 'qn-events', 'qn-projects', 'qn-module-finder']) {
      await page.locator(element).first().getByRole('heading').first().waitFor()
    }
    await page.waitForLoadState('networkidle')
    await page.screenshot({ fullPage: true, path: screenshotPath('proofs-demo.png') })
    expect(complaints).toEqual([])

    const email = 'besucherin.ausgehend@example.test'
    const registration = page.locator('qn-registration')
    await registration.locator('#name').fill('Berta Besucherin')
    await registration.locator('#email').fill(email)
    await registration.locator('#consent').check()
    await registration.getByRole('button', { exact: true, name: 'Anmelden' }).click()
    await registration.locator('[part="sent"]').waitFor()

    const link = await waitForLink({
      pattern: REGISTRATION_CONFIRM_LINK,
      payload: server.payload,
      serverUrl: server.url,
      smtp,
      to: email,
    })
    const mailPage = await context.newPage()
    // The confirmation page asks for nothing that isn't there (it asked for /favicon.ico: 404).
    const mailPageComplaints = complaintsOf(mailPage)
    await mailPage.goto(link)
    await mailPage.getByRole('button').click()
    await expect
      .poll(() => mailPage.getByRole('heading', { level: 1 }).innerText())
      .toBe('Sie haben einen Platz')
    await mailPage.waitForLoadState('networkidle')
    await context.close()
    expect(mailPageComplaints).toEqual([])

    // Opening the mails loads nothing from elsewhere: no remote pictures, styles or fonts.
    const mails = mailsTo(await deliverMails({ payload: server.payload, smtp }), email)
    expect(mails.length).toBeGreaterThanOrEqual(2)
    for (const mail of mails) {
      expect(mail.html).toContain('<')
      expect(mail.html).not.toMatch(/\b(src|background)\s*=\s*["']?(https?:)?\/\//i)
      expect(mail.html).not.toMatch(/url\(\s*["']?(https?:)?\/\//i)
      expect(mail.html).not.toMatch(/<link\b/i)
    }

    expect(leaving).toEqual([])
    expect(recorder.take()).toEqual([])
    expect(recorder.processes.splice(0)).toEqual([])
  })
})

describe('telemetry', () => {
  it('should be off in the configuration (Payload) and at the server’s entry (Next)', async () => {
    const config = await server.payload.config
    expect(config.telemetry).toBe(false)
    expect(config.admin.avatar).toBe('default')
    const bootstrap = fs.readFileSync(path.join(projectRoot, 'src/runtime/bootstrap.ts'), 'utf8')
    expect(bootstrap).toMatch(/^process\.env\.NEXT_TELEMETRY_DISABLED = '1'$/m)
  })
})
