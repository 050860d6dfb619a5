/**
 * Where the admin may be opened and still save: Payload takes the sign-in cookie only from
 * pages of the origins on its `csrf` list. Outside production that is localhost, 127.0.0.1 and
 * SERVER_URL alike; a page under any other name gets a 403 that says what to set (and the
 * server says it once in its log), over real HTTP against the running server.
 */
import type { RunningServer } from '../../src/server/startServer'

import http from 'node:http'

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { adminOrigins, readAdminOrigins } from '../../src/server/adminOrigins'
import { startTestServer } from '../helpers/server'
import { createUser, PASSWORD } from '../helpers/users'

type Answer = { body: string; status: number }

let server: RunningServer
let cookie: string
let userId: number

/** A request with any Host header (fetch can't set one), to the server's own address. */
const send = ({
  body,
  headers,
  method,
  path,
}: {
  body?: unknown
  headers: Record<string, string>
  method: string
  path: string
}) =>
  new Promise<Answer & { setCookie: string[] }>((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body)
    const request = http.request(
      {
        headers: {
          'Accept-Language': 'de-DE',
          ...(payload
            ? { 'Content-Length': Buffer.byteLength(payload), 'Content-Type': 'application/json' }
            : {}),
          ...headers,
        },
        host: '127.0.0.1',
        method,
        path,
        port: server.port,
      },
      (response) => {
        let text = ''
        response.setEncoding('utf8')
        response.on('data', (chunk: string) => (text += chunk))
        response.on('end', () =>
          resolve({
            body: text,
            setCookie: response.headers['set-cookie'] ?? [],
            status: response.statusCode ?? 0,
          }),
        )
      },
    )
    request.on('error', reject)
    request.end(payload)
  })

/** Saves the user's name as the admin does: PATCH with the cookie, from a page at `origin`. */
const saveFrom = (origin: string, { host }: { host?: string } = {}) =>
  send({
    body: { name: `Gespeichert von ${origin}` },
    headers: {
      Cookie: cookie,
      Host: host ?? new URL(origin).host,
      Origin: origin,
      'Sec-Fetch-Site': 'same-origin',
    },
    method: 'PATCH',
    path: `/api/users/${userId}`,
  })

beforeAll(async () => {
  server = await startTestServer()
  const user = await createUser(server.payload, {
    email: 'herkunft@quartiersnetz.test',
    name: 'Hanna Herkunft',
    role: 'admin',
  })
  userId = user.id
  const login = await send({
    body: { email: 'herkunft@quartiersnetz.test', password: PASSWORD },
    headers: { Host: `localhost:${server.port}` },
    method: 'POST',
    path: '/api/users/login',
  })
  expect(login.status).toBe(200)
  cookie = login.setCookie.map((entry) => entry.split(';')[0]).join('; ')
  expect(cookie).toContain('payload-token=')
})

afterAll(async () => {
  await server?.stop()
})

describe('the origins the admin saves from', () => {
  it('should list SERVER_URL, localhost and 127.0.0.1 in development, SERVER_URL only in production', () => {
    const serverUrl = 'https://quartiersnetz.example.org'
    expect(adminOrigins({ isProduction: false, port: 3000, serverUrl })).toEqual([
      'https://quartiersnetz.example.org',
      'http://localhost:3000',
      'http://127.0.0.1:3000',
      'http://[::1]:3000',
    ])
    expect(
      adminOrigins({
        extra: ['https://intern.example'],
        isProduction: true,
        port: 3000,
        serverUrl: `${serverUrl}/`,
      }),
    ).toEqual(['https://quartiersnetz.example.org', 'https://intern.example'])
  })

  it('should refuse an ADMIN_ORIGINS entry that is no origin, naming the variable', () => {
    expect(readAdminOrigins(' https://a.example , http://b.example:8080/ ')).toEqual([
      'https://a.example',
      'http://b.example:8080',
    ])
    expect(() => readAdminOrigins('https://a.example/admin')).toThrow(/ADMIN_ORIGINS/)
    expect(() => readAdminOrigins('intern.example')).toThrow(/ADMIN_ORIGINS/)
  })

  it('should save from a page at localhost, at 127.0.0.1 and at SERVER_URL alike', async () => {
    for (const origin of [
      `http://localhost:${server.port}`,
      `http://127.0.0.1:${server.port}`,
      process.env.SERVER_URL!,
    ]) {
      const answer = await saveFrom(origin)
      expect(answer.status, `${origin}: ${answer.body}`).toBe(200)
      expect(JSON.parse(answer.body)).toMatchObject({ doc: { name: `Gespeichert von ${origin}` } })
    }
  })

  it('should say in German what to set when the admin is open under another name', async () => {
    const warn = vi.spyOn(server.payload.logger, 'warn')
    const origin = `http://quartiersnetz.intern:${server.port}`
    const answer = await saveFrom(origin)
    expect(answer.status).toBe(403)
    const message = (JSON.parse(answer.body) as { errors: { message: string }[] }).errors[0]!
      .message
    expect(message).toContain(`unter ${origin} geöffnet`)
    expect(message).toContain(`SERVER_URL=${origin}`)
    expect(message).toContain('ADMIN_ORIGINS')
    expect(message).toContain(`${process.env.SERVER_URL}/admin`)
    // Nothing was saved.
    const user = await server.payload.findByID({ collection: 'users', id: userId })
    expect(user.name).not.toBe(`Gespeichert von ${origin}`)

    // The log says it once per address, not on every save.
    await saveFrom(origin)
    const said = warn.mock.calls.filter(([entry]) =>
      JSON.stringify(entry).includes(`unter ${origin} abgelehnt`),
    )
    expect(said).toHaveLength(1)
    warn.mockRestore()
  })

  it('should answer an English client in English', async () => {
    const origin = `http://other-name.intern:${server.port}`
    const answer = await send({
      body: { name: 'x' },
      headers: {
        'Accept-Language': 'en',
        Cookie: cookie,
        Host: new URL(origin).host,
        Origin: origin,
      },
      method: 'PATCH',
      path: `/api/users/${userId}`,
    })
    expect(answer.status).toBe(403)
    expect(answer.body).toContain(`The admin panel is open at ${origin}`)
  })

  it('should leave a write from another site to Payload, which ignores the cookie', async () => {
    const answer = await saveFrom('https://fremde-seite.example', {
      host: `localhost:${server.port}`,
    })
    expect(answer.status).toBe(403)
    expect(answer.body).not.toContain('SERVER_URL')
  })
})
