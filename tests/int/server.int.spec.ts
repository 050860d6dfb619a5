import type { RunningServer } from '../../src/server/startServer'

import net from 'node:net'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { login, requestJson, uploadFile } from '../helpers/http'
import { startTestServer } from '../helpers/server'

const PASSWORD = 'Richtiges-Passwort-2026'

let server: RunningServer

beforeAll(async () => {
  // This file logs in often; the rate limit has its own test file.
  process.env.AUTH_RATE_LIMIT_MAX = '1000'
  server = await startTestServer()
})

afterAll(async () => {
  await server?.stop()
})

let municipalityId: number | undefined

const createUser = async (email: string, role: 'admin' | 'editor' | 'municipality-editor') => {
  if (role === 'municipality-editor' && municipalityId === undefined) {
    const city = await server.payload.create({
      collection: 'municipalities',
      data: { name: 'Teststadt', state: 'NW' },
      overrideAccess: true,
    })
    municipalityId = city.id
  }
  return server.payload.create({
    collection: 'users',
    data: {
      email,
      municipality: role === 'municipality-editor' ? municipalityId : undefined,
      password: PASSWORD,
      role,
    },
    overrideAccess: true,
  })
}

describe('health checks', () => {
  it('should answer /healthz with 200', async () => {
    const { body, status } = await requestJson(`${server.url}/healthz`)
    expect(status).toBe(200)
    expect(body).toEqual({ status: 'ok' })
  })

  it('should answer /readyz with 200 while the database is reachable', async () => {
    const { body, status } = await requestJson(`${server.url}/readyz`)
    expect(status).toBe(200)
    expect(body).toMatchObject({ database: 'ok' })
  })

  it('should answer an address above 16 KB with 431 and a German message, not an empty answer', async () => {
    const response = await fetch(`${server.url}/api/modules?x=${'x'.repeat(20_000)}`)
    expect(response.status).toBe(431)
    expect(response.headers.get('content-type')).toMatch(/^application\/json/)
    const body = (await response.json()) as { errors: { message: string }[] }
    expect(body.errors[0]?.message).toMatch(/^Die Anfrage ist zu groß/)
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
  })

  /** Bytes sent as they are (no HTTP client would send them), and the whole answer. */
  const sendRaw = (bytes: Buffer | string) =>
    new Promise<string>((resolve, reject) => {
      const socket = net.connect(Number(new URL(server.url).port), '127.0.0.1', () => {
        socket.write(bytes)
      })
      let text = ''
      socket.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')))
      socket.on('end', () => resolve(text))
      socket.on('error', reject)
    })

  it('should answer bytes that are no HTTP request with 400 and a German message', async () => {
    const answer = await sendRaw('KEIN HTTP\r\n\r\n')
    expect(answer).toMatch(/^HTTP\/1\.1 400 /)
    expect(answer).toContain('Content-Type: application/json; charset=utf-8')
    expect(answer).toContain('Die Anfrage ist keine gültige HTTP-Anfrage.')
  })

  it('should say how to write umlauts sent unencoded in an address (a user test: curl …?q=Bürger)', async () => {
    const answer = await sendRaw(
      Buffer.concat([
        Buffer.from('GET /api/search?q='),
        Buffer.from('Bürger', 'utf8'),
        Buffer.from(' HTTP/1.1\r\nHost: localhost\r\n\r\n'),
      ]),
    )
    expect(answer).toMatch(/^HTTP\/1\.1 400 /)
    expect(answer).toContain('Bitte kodieren Sie sie: ü als %C3%BC')
  })

  it('should answer an admin address with a NUL character with a page saying so, not a blank page', async () => {
    const response = await fetch(`${server.url}/admin/collections/projects?search=%00`, {
      headers: { 'Accept-Language': 'de' },
    })
    expect(response.status).toBe(400)
    expect(response.headers.get('content-type')).toMatch(/^text\/html/)
    const page = await response.text()
    expect(page).toContain('<html lang="de">')
    expect(page).toContain('Die Adresse enthält ein Nullzeichen (%00)')
    expect(page).toContain('<a href="/admin">')
  })

  it('should set security headers', async () => {
    const { headers } = await requestJson(`${server.url}/healthz`)
    expect(headers.get('x-content-type-options')).toBe('nosniff')
    expect(headers.get('content-security-policy')).toContain("object-src 'none'")
    expect(headers.get('x-powered-by')).toBeNull()
  })
})

describe('first admin and login', () => {
  it('should create the first admin over HTTP, then log in with it', async () => {
    const { totalDocs } = await server.payload.count({ collection: 'users' })
    expect(totalDocs).toBe(0)

    const registered = await requestJson<{ user?: { role?: string } }>(
      `${server.url}/api/users/first-register`,
      {
        body: { email: 'erste@quartiersnetz.test', password: PASSWORD, role: 'editor' },
        method: 'POST',
      },
    )
    expect(registered.status).toBe(200)
    // Whatever the form sends, the first account is an admin.
    expect(registered.body.user?.role).toBe('admin')

    const token = await login(server.url, 'erste@quartiersnetz.test', PASSWORD)
    const me = await requestJson<{ user?: { email?: string } }>(`${server.url}/api/users/me`, {
      token,
    })
    expect(me.status).toBe(200)
    expect(me.body.user?.email).toBe('erste@quartiersnetz.test')
  })

  it('should refuse a second first-register once a user exists', async () => {
    const { status } = await requestJson(`${server.url}/api/users/first-register`, {
      body: { email: 'zweite@quartiersnetz.test', password: PASSWORD },
      method: 'POST',
    })
    expect(status).toBe(403)
    const { totalDocs } = await server.payload.count({
      collection: 'users',
      where: { email: { equals: 'zweite@quartiersnetz.test' } },
    })
    expect(totalDocs).toBe(0)
  })

  it('should lock the account after five wrong passwords', async () => {
    await createUser('gesperrt@quartiersnetz.test', 'editor')
    for (let attempt = 0; attempt < 5; attempt++) {
      const { status } = await requestJson(`${server.url}/api/users/login`, {
        body: { email: 'gesperrt@quartiersnetz.test', password: 'falsch' },
        method: 'POST',
      })
      expect(status).toBe(401)
    }
    const locked = await requestJson<{ errors?: { message: string }[] }>(
      `${server.url}/api/users/login`,
      {
        body: { email: 'gesperrt@quartiersnetz.test', password: PASSWORD },
        method: 'POST',
      },
    )
    expect(locked.status).toBe(401)
    expect(locked.body.errors?.[0]?.message).toMatch(/gesperrt/i)
  })
})

describe('user management', () => {
  it('should not let a municipality editor create users', async () => {
    await createUser('kommune@quartiersnetz.test', 'municipality-editor')
    const token = await login(server.url, 'kommune@quartiersnetz.test', PASSWORD)
    const { status } = await requestJson(`${server.url}/api/users`, {
      body: { email: 'neu@quartiersnetz.test', password: PASSWORD, role: 'admin' },
      method: 'POST',
      token,
    })
    expect(status).toBe(403)
    const { totalDocs } = await server.payload.count({
      collection: 'users',
      where: { email: { equals: 'neu@quartiersnetz.test' } },
    })
    expect(totalDocs).toBe(0)
  })

  it('should not let a municipality editor raise their own role', async () => {
    const user = await createUser('aufstieg@quartiersnetz.test', 'municipality-editor')
    const token = await login(server.url, 'aufstieg@quartiersnetz.test', PASSWORD)
    const refused = await requestJson<{ errors: { message: string }[] }>(
      `${server.url}/api/users/${user.id}`,
      { body: { name: 'Neuer Name', role: 'admin' }, method: 'PATCH', token },
    )
    // Said so, not "Erfolgreich aktualisiert" with the role silently dropped; nothing written.
    expect(refused.status).toBe(403)
    expect(refused.body.errors[0]!.message).toBe(
      'Rolle und Kommune eines Kontos können nur Administratorinnen und Administratoren ändern.',
    )
    const after = await server.payload.findByID({ collection: 'users', id: user.id })
    expect([after.role, after.name]).toEqual(['municipality-editor', user.name])
    // Sending the role the account has (as a form does) is no change.
    const same = await requestJson(`${server.url}/api/users/${user.id}`, {
      body: { name: 'Neuer Name', role: 'municipality-editor' },
      method: 'PATCH',
      token,
    })
    expect(same.status).toBe(200)
  })

  it("should not let a municipality editor change another user's role", async () => {
    const other = await createUser('andere@quartiersnetz.test', 'editor')
    const token = await login(server.url, 'kommune@quartiersnetz.test', PASSWORD)
    const { status } = await requestJson(`${server.url}/api/users/${other.id}`, {
      body: { role: 'municipality-editor' },
      method: 'PATCH',
      token,
    })
    expect(status).toBeGreaterThanOrEqual(400)
    expect(status).toBeLessThan(500)
    const after = await server.payload.findByID({ collection: 'users', id: other.id })
    expect(after.role).toBe('editor')
  })

  it('should not let an editor read other accounts', async () => {
    await createUser('redaktion@quartiersnetz.test', 'editor')
    const token = await login(server.url, 'redaktion@quartiersnetz.test', PASSWORD)
    const { body, status } = await requestJson<{ docs: { email: string }[] }>(
      `${server.url}/api/users?limit=100`,
      { token },
    )
    expect(status).toBe(200)
    expect(body.docs.map((doc) => doc.email)).toEqual(['redaktion@quartiersnetz.test'])
  })

  it('should let an admin change roles', async () => {
    const target = await createUser('befoerdert@quartiersnetz.test', 'municipality-editor')
    const token = await login(server.url, 'erste@quartiersnetz.test', PASSWORD)
    const { status } = await requestJson(`${server.url}/api/users/${target.id}`, {
      body: { role: 'editor' },
      method: 'PATCH',
      token,
    })
    expect(status).toBe(200)
    const after = await server.payload.findByID({ collection: 'users', id: target.id })
    expect(after.role).toBe('editor')
  })
})

describe('media uploads', () => {
  const upload = (token: string, filename: string, type: string, content: Buffer | string) =>
    uploadFile<{ doc?: { mimeType?: string }; errors?: { data?: unknown; message: string }[] }>(
      `${server.url}/api/media`,
      { content, filename, token, type },
    )

  it('should reject an SVG upload with a clear message', async () => {
    const token = await login(server.url, 'erste@quartiersnetz.test', PASSWORD)
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    const { body, status } = await upload(token, 'logo.svg', 'image/svg+xml', svg)
    expect(status).toBe(400)
    expect(body.errors?.[0]?.message).toMatch(/SVG-, XML- und HTML-Dateien sind nicht erlaubt/)
    const { totalDocs } = await server.payload.count({ collection: 'media' })
    expect(totalDocs).toBe(0)
  })

  it('should reject an SVG that claims to be a PNG', async () => {
    const token = await login(server.url, 'erste@quartiersnetz.test', PASSWORD)
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    const { body, status } = await upload(token, 'logo.png', 'image/png', svg)
    expect(status).toBe(400)
    expect(body.errors?.[0]?.message).toMatch(/nicht erlaubt/)
    const { totalDocs } = await server.payload.count({ collection: 'media' })
    expect(totalDocs).toBe(0)
  })

  it('should accept a PNG image', async () => {
    const token = await login(server.url, 'erste@quartiersnetz.test', PASSWORD)
    // A 1×1 transparent PNG.
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
      'base64',
    )
    const { body, status } = await upload(token, 'punkt.png', 'image/png', png)
    expect(status).toBe(201)
    expect(body.doc?.mimeType).toBe('image/png')
  })

  it('should refuse a body larger than the limit before reading it', async () => {
    const { body, status } = await requestJson<{ errors?: { message: string }[] }>(
      `${server.url}/api/users/login`,
      {
        body: { email: 'x@quartiersnetz.test', password: 'x'.repeat(2 * 1024 * 1024) },
        method: 'POST',
      },
    )
    expect(status).toBe(413)
    expect(body.errors?.[0]?.message).toMatch(/zu groß/)
  })
})

describe('answers to invalid documents', () => {
  it('should name each invalid field in a 400, so the admin can mark it', async () => {
    await createUser('redaktion-felder@quartiersnetz.test', 'editor')
    const token = await login(server.url, 'redaktion-felder@quartiersnetz.test', PASSWORD)
    type Answer = {
      errors?: { data?: { errors?: { message: string; path: string }[] }; message: string }[]
    }
    const { body, status } = await requestJson<Answer>(`${server.url}/api/projects`, {
      body: { teaser: 'Ohne Titel' },
      method: 'POST',
      token,
    })
    expect(status).toBe(400)
    const fields = body.errors?.[0]?.data?.errors ?? []
    expect(fields.map((field) => field.path)).toContain('title')
    expect(fields.find((field) => field.path === 'title')?.message).toMatch(/erforderlich|Pflicht/i)
  })
})
