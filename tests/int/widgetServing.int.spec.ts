/**
 * How the server hands out the visitor widgets and the pages around them: the loader under the
 * stable address (revalidated, ETag), the bundle under its content hash (immutable), both
 * readable from any website and compressed as the browser accepts; the demo page of a member
 * city with a strict content security policy that embeds them from the server's other name;
 * the privacy notice their consent links to.
 */
import { gunzipSync } from 'node:zlib'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { RunningServer } from '../../src/server/startServer'

import { startTestServer } from '../helpers/server'

let server: RunningServer

beforeAll(async () => {
  server = await startTestServer()
})

afterAll(async () => {
  await server?.stop()
})

const loaderUrl = () => `${server.url}/widgets/v1/quartiersnetz.js`

const bundlePathOf = async () => {
  const loader = await (await fetch(loaderUrl())).text()
  const name = /import '\.\/(quartiersnetz-[0-9a-f]{10}\.js)';/.exec(loader)?.[1]
  if (!name) {
    throw new Error(`no bundle in the loader: ${loader}`)
  }
  return `${server.url}/widgets/v1/${name}`
}

describe('the widgets script', () => {
  it('should serve the loader for any website, revalidated by ETag', async () => {
    const response = await fetch(loaderUrl(), { headers: { Origin: 'https://www.essen.de' } })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(response.headers.get('cache-control')).toBe('no-cache')
    expect(response.headers.get('access-control-allow-origin')).toBe('*')
    expect(response.headers.get('cross-origin-resource-policy')).toBe('cross-origin')
    const etag = response.headers.get('etag')
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/)

    const again = await fetch(loaderUrl(), { headers: { 'If-None-Match': etag! } })
    expect(again.status).toBe(304)
    expect(await again.text()).toBe('')
  })

  it('should serve the bundle under its content hash, immutable for a year, gzip or brotli as accepted', async () => {
    const bundleUrl = await bundlePathOf()
    const plain = await fetch(bundleUrl, { headers: { 'Accept-Encoding': 'identity' } })
    expect(plain.status).toBe(200)
    expect(plain.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(plain.headers.get('content-encoding')).toBeNull()
    const source = await plain.text()
    for (const element of [
      'qn-module',
      'qn-rating',
      'qn-comments',
      'qn-events',
      'qn-registration',
      'qn-module-finder',
      'qn-projects',
    ]) {
      expect(source).toContain(`"${element}"`)
    }

    // Node's fetch decompresses by itself: look at the raw bytes through a plain request instead.
    const { request } = await import('node:http')
    const gzipped = await new Promise<{ body: Buffer; encoding: string | undefined }>(
      (resolve, reject) => {
        request(bundleUrl, { headers: { 'Accept-Encoding': 'gzip' } }, (response) => {
          const chunks: Buffer[] = []
          response.on('data', (chunk: Buffer) => chunks.push(chunk))
          response.on('end', () =>
            resolve({
              body: Buffer.concat(chunks),
              encoding: response.headers['content-encoding'],
            }),
          )
        })
          .on('error', reject)
          .end()
      },
    )
    expect(gzipped.encoding).toBe('gzip')
    expect(gunzipSync(gzipped.body).toString('utf8')).toBe(source)
    // The budget for all elements together.
    expect(gzipped.body.length).toBeLessThanOrEqual(35 * 1024)
  })

  it('should answer 404 for a bundle that is not the current one, and refuse other methods', async () => {
    const stale = await fetch(`${server.url}/widgets/v1/quartiersnetz-0000000000.js`)
    expect(stale.status).toBe(404)
    const posted = await fetch(loaderUrl(), { method: 'POST' })
    expect(posted.status).toBeGreaterThanOrEqual(400)
    expect(posted.status).toBeLessThan(500)
  })
})

describe('the demo page of a member city', () => {
  it('should embed the widgets from the server under its other local name, under a strict CSP', async () => {
    const port = new URL(server.url).port
    const response = await fetch(`http://127.0.0.1:${port}/demo/`)
    expect(response.status).toBe(200)
    const csp = response.headers.get('content-security-policy') ?? ''
    expect(csp).toContain(`script-src 'self' http://localhost:${port}`)
    expect(csp).toContain(`connect-src 'self' http://localhost:${port}`)
    expect(csp).toContain("style-src 'self'")
    expect(csp).not.toContain('unsafe-inline')
    const html = await response.text()
    expect(html).toContain(
      `<script type="module" src="http://localhost:${port}/widgets/v1/quartiersnetz.js"></script>`,
    )
    expect(html).toContain('<qn-module slug="stadtteilkonferenz"')
    expect(html).toContain('<qn-module-finder')
    // No inline script or style: the page keeps its own policy.
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)/)
    expect(html).not.toMatch(/<style|style="/)
  })

  it('should let the demo origin call the API (CORS), as a member site in CORS_ORIGINS may', async () => {
    const port = new URL(server.url).port
    const response = await fetch(`${server.url}/api/modules?limit=1`, {
      headers: { Origin: `http://127.0.0.1:${port}` },
    })
    expect(response.headers.get('access-control-allow-origin')).toBe(`http://127.0.0.1:${port}`)
  })
})

describe('the privacy notice', () => {
  it('should state what is stored and for how long, in German and in English', async () => {
    const german = await fetch(`${server.url}/datenschutz`, {
      headers: { 'Accept-Language': 'de' },
    })
    expect(german.status).toBe(200)
    const text = await german.text()
    expect(text).toContain('<html lang="de">')
    expect(text).toContain('Ein Cookie setzt nur die Bewertung, und nur auf Seiten des')
    expect(text).toMatch(/30 Tage nach der Veranstaltung/)
    const english = await (
      await fetch(`${server.url}/datenschutz`, { headers: { 'Accept-Language': 'en' } })
    ).text()
    expect(english).toContain('<html lang="en">')
    expect(english).toContain('Only ratings set a cookie, and only on pages of')
  })
})
