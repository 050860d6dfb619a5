/**
 * A member city's website for the widgets' browser tests: a tiny node:http server on another
 * origin (127.0.0.1 on its own port; the Quartiersnetz server is `localhost`) that serves host
 * pages embedding the widgets under the strict content security policy a municipal site would
 * have. Start it in `vi.hoisted` (it sets CORS_ORIGINS, which the Payload config reads when it
 * is imported). axe-core is served from the host itself, so injecting it needs no exception in
 * the policy either.
 */
import type { AddressInfo } from 'node:net'
import type { Page } from 'playwright-core'

import fs from 'node:fs'
import http from 'node:http'
import { createRequire } from 'node:module'

export type HostPage = {
  /** The markup inside <main>, after the page's <h1>. */
  body: string
  /** The page's <html lang> (German by default). */
  lang?: string
  title?: string
}

export type WidgetHost = {
  /** Registers a page and returns its address. */
  page: (page: HostPage) => string
  origin: string
  stop: () => Promise<void>
}

// The page's own heading wraps a long word too (as a member city's page would), so a test at
// 320 px with text at 200 % measures the widgets; set on h1 alone, not inherited by them.
const HOST_CSS = `
body { margin: 0; font-family: Georgia, serif; color: #222; background: #ffffff; }
main { max-width: 62rem; margin: 0 auto; padding: 1rem; }
h1 { overflow-wrap: anywhere; }
`

const escapeHtml = (value: string) =>
  value.replace(
    /[&<>"']/g,
    (char) => ({ '"': '&quot;', '&': '&amp;', "'": '&#39;', '<': '&lt;', '>': '&gt;' })[char]!,
  )

const serverOrigin = () => {
  const url = process.env.SERVER_URL
  if (!url) {
    throw new Error(
      'SERVER_URL is not set: tests/helpers/perFileDatabase.ts sets it before the test file runs.',
    )
  }
  return new URL(url).origin
}

/** The policy of the host page: its own files and the widgets' server, nothing inline. */
export const hostPolicy = () =>
  [
    "default-src 'self'",
    `script-src 'self' ${serverOrigin()}`,
    `connect-src 'self' ${serverOrigin()}`,
    "style-src 'self'",
    "img-src 'self'",
  ].join('; ')

const render = ({ body, lang = 'de', title = 'Stadt Beispielstadt' }: HostPage) => `<!doctype html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="/host.css">
<script type="module" src="${serverOrigin()}/widgets/v1/quartiersnetz.js"></script>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
${body}
</main>
</body>
</html>
`

/** Listens on a free port of 127.0.0.1 and adds its origin to CORS_ORIGINS. */
export const startWidgetHost = async (): Promise<WidgetHost> => {
  const require = createRequire(import.meta.url)
  const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'))
  const pages = new Map<string, HostPage>()
  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://host').pathname
    res.setHeader('Content-Security-Policy', hostPolicy())
    res.setHeader('Cache-Control', 'no-store')
    if (path === '/host.css') {
      res.writeHead(200, { 'Content-Type': 'text/css; charset=utf-8' }).end(HOST_CSS)
      return
    }
    if (path === '/axe.js') {
      res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8' }).end(axeSource)
      return
    }
    const page = pages.get(path)
    if (!page) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found')
      return
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(render(page))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  process.env.CORS_ORIGINS = [process.env.CORS_ORIGINS, origin].filter(Boolean).join(',')
  let counter = 0
  return {
    origin,
    page: (page) => {
      const path = `/seite-${++counter}/`
      pages.set(path, page)
      return `${origin}${path}`
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

export type AxeViolation = {
  help: string
  id: string
  nodes: { failureSummary?: string; target: unknown[] }[]
}

/**
 * axe-core's WCAG 2.1 A/AA findings on the whole page, shadow roots included (axe descends into
 * open shadow roots by default). The script comes from the host's own origin ('self').
 */
export const axeViolations = async (page: Page, hostOrigin: string): Promise<AxeViolation[]> => {
  if (!(await page.evaluate(() => 'axe' in window))) {
    await page.addScriptTag({ url: `${hostOrigin}/axe.js` })
  }
  return page.evaluate(async () => {
    type Result = {
      violations: {
        help: string
        id: string
        nodes: { failureSummary?: string; target: unknown[] }[]
      }[]
    }
    const axe = (
      window as unknown as {
        axe: { run: (context: Document, options: unknown) => Promise<Result> }
      }
    ).axe
    const result = await axe.run(document, {
      resultTypes: ['violations'],
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    })
    return result.violations.map(({ help, id, nodes }) => ({
      help,
      id,
      nodes: nodes.map(({ failureSummary, target }) => ({ failureSummary, target })),
    }))
  })
}

/**
 * What the page's policy refused: `securitypolicyviolation` events (they are composed, so one
 * listener on the document hears those from shadow roots too) and console errors. Call before
 * the page loads.
 */
export const watchPolicy = async (page: Page) => {
  const consoleErrors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') {
      consoleErrors.push(message.text())
    }
  })
  await page.addInitScript(() => {
    const seen: string[] = []
    ;(window as unknown as { policyViolations: string[] }).policyViolations = seen
    document.addEventListener(
      'securitypolicyviolation',
      (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`),
      true,
    )
  })
  return {
    consoleErrors,
    violations: () =>
      page.evaluate(() => (window as unknown as { policyViolations: string[] }).policyViolations),
  }
}
