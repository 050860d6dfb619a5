/**
 * Payload's REST and GraphQL APIs answered by express directly (src/server/payloadApi.ts,
 * graphqlApi.ts), not through Next's routes: the same answers, cookies, uploads and files as before, Next's own routes
 * untouched, and what goes wrong around Payload said honestly; the gate that lets a bounded
 * number of API requests into Payload at once.
 */
import type { AddressInfo } from 'node:net'

import type { RunningServer } from '../../src/server/startServer'

import http, { type ServerResponse } from 'node:http'

import { configToSchema } from '@payloadcms/graphql'
import express from 'express'
import { parse, specifiedRules, validate, type ValidationRule } from 'graphql'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { withKnownTypeNames } from '../../src/api/knownTypeNames'
import { visitorReadEndpoint } from '../../src/api/visitorRead'
import { type ApiGate, apiGate, ownQueueRoutesOf, payloadApi } from '../../src/server/payloadApi'
import { requestJson, uploadFile } from '../helpers/http'
import { startTestServer } from '../helpers/server'
import { createSignedInUsers, PASSWORD } from '../helpers/users'

let server: RunningServer
let token: string

beforeAll(async () => {
  process.env.AUTH_RATE_LIMIT_MAX = '1000'
  // Two at a time: every request of this file passes the gate, most of them wait.
  process.env.API_CONCURRENCY = '2'
  server = await startTestServer()
  ;({
    tokens: { admin: token },
  } = await createSignedInUsers(server.payload, {
    serverUrl: server.url,
    users: { admin: { email: 'api-admin@quartiersnetz.test', role: 'admin' } },
  }))
})

afterAll(async () => {
  await server?.stop()
})

const upload = (filename: string, type: string, content: Buffer) =>
  uploadFile<{ doc?: { filename?: string } }>(`${server.url}/api/media`, {
    content,
    filename,
    token,
    type,
  })

/** A PDF of `size` bytes as far as the upload checks (header, cross-reference, end marker). */
const pdfOf = (size: number) => {
  const content = Buffer.alloc(size, 0x20)
  const end = '\nstartxref\n0\n%%EOF\n'
  content.write('%PDF-1.4\n', 0, 'latin1')
  content.write(end, size - end.length, 'latin1')
  return content
}

describe('REST without Next in between', () => {
  it('should answer a list as Payload does, without Next headers', async () => {
    await server.payload.create({
      collection: 'fields-of-action',
      data: { _status: 'published', title: 'Wohnen im Quartier' },
      overrideAccess: true,
    })
    const response = await fetch(`${server.url}/api/fields-of-action?limit=5`)
    const body = (await response.json()) as { docs: { title: string }[]; totalDocs: number }
    expect(response.status).toBe(200)
    expect(body.docs.map((doc) => doc.title)).toContain('Wohnen im Quartier')
    const local = await server.payload.find({
      collection: 'fields-of-action',
      limit: 5,
      overrideAccess: false,
    })
    expect(body.totalDocs).toBe(local.totalDocs)
    // Next's route would add its router's Vary entries and client hints.
    expect(response.headers.get('vary') ?? '').not.toMatch(/rsc|next-router/i)
    expect(response.headers.get('accept-ch')).toBeNull()
    expect(response.headers.get('etag')).toBeTruthy()
  })

  it('should set and clear the login cookie', async () => {
    const login = await fetch(`${server.url}/api/users/login`, {
      body: JSON.stringify({ email: 'api-admin@quartiersnetz.test', password: PASSWORD }),
      headers: { 'Content-Type': 'application/json' },
      method: 'POST',
    })
    expect(login.status).toBe(200)
    const cookie = login.headers.getSetCookie().find((value) => value.startsWith('payload-token='))
    expect(cookie).toMatch(/HttpOnly/i)
    // Payload takes the cookie only with an Origin it trusts (its CSRF protection).
    const origin = new URL(server.url).origin
    const me = await requestJson<{ user: null | { email: string } }>(`${server.url}/api/users/me`, {
      headers: { Cookie: cookie!.split(';')[0]!, Origin: origin },
    })
    expect(me.body.user?.email).toBe('api-admin@quartiersnetz.test')
    const logout = await fetch(`${server.url}/api/users/logout`, {
      headers: { Cookie: cookie!.split(';')[0]!, Origin: origin },
      method: 'POST',
    })
    expect(logout.status).toBe(200)
    expect(logout.headers.getSetCookie().join('\n')).toMatch(/payload-token=;/)
  })

  it('should take an upload and serve the file, small and large, byte for byte', async () => {
    for (const size of [2_000, 6 * 1024 * 1024]) {
      const content = pdfOf(size)
      const { body, status } = await upload(`handbuch-${size}.pdf`, 'application/pdf', content)
      expect(status).toBe(201)
      const file = await fetch(`${server.url}/api/media/file/${body.doc!.filename}`)
      expect(file.status).toBe(200)
      expect(file.headers.get('content-type')).toBe('application/pdf')
      expect(Buffer.from(await file.arrayBuffer()).equals(content)).toBe(true)
    }
  })

  it('should not mind a client that leaves in the middle of a large file', async () => {
    const { body } = await upload('abbruch.pdf', 'application/pdf', pdfOf(8 * 1024 * 1024))
    await new Promise<void>((resolve, reject) => {
      const request = http.get(`${server.url}/api/media/file/${body.doc!.filename}`, (response) => {
        response.once('data', () => {
          request.destroy()
          resolve()
        })
      })
      request.on('error', (err) => (request.destroyed ? resolve() : reject(err)))
    })
    const { status } = await requestJson(`${server.url}/api/fields-of-action?limit=1`)
    expect(status).toBe(200)
  })

  it('should answer HEAD as GET without a body, and OPTIONS', async () => {
    const head = await fetch(`${server.url}/api/fields-of-action?limit=1`, { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(head.headers.get('content-type')).toMatch(/json/)
    expect(await head.text()).toBe('')
    const options = await fetch(`${server.url}/api/fields-of-action`, { method: 'OPTIONS' })
    expect(options.status).toBeLessThan(300)
  })

  it('should answer a burst of uncached reads through two slots', async () => {
    const statuses = await Promise.all(
      Array.from({ length: 12 }, (_, index) =>
        fetch(`${server.url}/api/fields-of-action?limit=3&burst=${index}`).then(
          (response) => response.status,
        ),
      ),
    )
    expect(statuses.every((status) => status === 200)).toBe(true)
  })

  it('should answer a German 404 for an unknown route, not Next’s page', async () => {
    const { body, status } = await requestJson<{ message?: string }>(
      `${server.url}/api/gibt-es-nicht`,
    )
    expect(status).toBe(404)
    expect(typeof body).toBe('object')
  })

  it('should still answer under a Host header that is no address', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const url = new URL(`${server.url}/api/fields-of-action?limit=1`)
      http
        .get(
          {
            headers: { Host: 'bad host[' },
            hostname: url.hostname,
            path: url.pathname + url.search,
            port: url.port,
          },
          (response) => {
            response.resume()
            resolve(response.statusCode ?? 0)
          },
        )
        .on('error', reject)
    })
    expect(status).toBeLessThan(500)
  })

  it('should leave the admin to Next', async () => {
    const admin = await fetch(`${server.url}/admin/login`)
    expect(admin.status).toBe(200)
    expect(admin.headers.get('content-type')).toMatch(/text\/html/)
  })
})

describe('GraphQL without Next in between', () => {
  const post = (
    query: string,
    headers: Record<string, string> = {},
    variables?: Record<string, unknown>,
  ) =>
    fetch(`${server.url}/api/graphql`, {
      body: JSON.stringify({ query, variables }),
      headers: { 'Content-Type': 'application/json', ...headers },
      method: 'POST',
    })

  it('should answer a query as Payload does, without Next headers', async () => {
    const response = await post('{ FieldsOfActions(limit: 5) { docs { title } totalDocs } }')
    const body = (await response.json()) as {
      data?: { FieldsOfActions?: { docs: { title: string }[]; totalDocs: number } }
    }
    expect(response.status).toBe(200)
    const local = await server.payload.find({
      collection: 'fields-of-action',
      limit: 5,
      overrideAccess: false,
    })
    expect(body.data?.FieldsOfActions?.totalDocs).toBe(local.totalDocs)
    expect(response.headers.get('vary') ?? '').not.toMatch(/rsc|next-router/i)
    expect(response.headers.get('accept-ch')).toBeNull()
  })

  it('should set the login cookie of a mutation and read as the signed-in user', async () => {
    const login = await post(
      `mutation { loginUser(email: "api-admin@quartiersnetz.test", password: "${PASSWORD}") { token } }`,
    )
    expect(login.status).toBe(200)
    const cookie = login.headers.getSetCookie().find((value) => value.startsWith('payload-token='))
    expect(cookie).toBeTruthy()
    // Payload takes the cookie only with an Origin it trusts (its CSRF protection).
    const me = await post('{ meUser { user { email } } }', {
      Cookie: cookie!.split(';')[0]!,
      Origin: new URL(server.url).origin,
    })
    expect(
      ((await me.json()) as { data?: { meUser?: { user?: { email: string } } } }).data,
    ).toEqual({ meUser: { user: { email: 'api-admin@quartiersnetz.test' } } })
  })

  it("should keep Payload's complexity limit and say its refusals in German, as before", async () => {
    const fields = Array.from({ length: 1_100 }, (_, index) => `f${index}: title`).join(' ')
    const tooComplex = await post(`{ FieldsOfActions { docs { ${fields} } } }`)
    // A refusal before anything ran: 400, not graphql-http's legacy 200 (api/graphqlRefusals.ts).
    expect(tooComplex.status).toBe(400)
    const refused = (await tooComplex.json()) as { data?: unknown; errors?: { message: string }[] }
    expect(refused.data).toBeUndefined()
    expect(refused.errors?.[0]?.message).toMatch(/1000/)
    const unknown = await post('{ FieldsOfActions { docs { gibtsnicht } } }', {
      'Accept-Language': 'de',
    })
    expect(unknown.status).toBe(400)
    expect(
      ((await unknown.json()) as { errors?: { message: string }[] }).errors?.[0]?.message,
    ).toMatch(/gibtsnicht/)
    // graphql-js's suggestions and required input fields, in German too.
    const misspelt = await post('{ FieldsOfActions { docs { titel } } }', {
      'Accept-Language': 'de',
    })
    expect(
      ((await misspelt.json()) as { errors?: { message: string }[] }).errors?.[0]?.message,
    ).toMatch(
      /^Das Feld „titel“ gibt es im Typ „FieldsOfAction“ nicht\. Meinten Sie "title"( oder ".+")?\?$/,
    )
    const incomplete = await post('mutation { createFieldsOfAction(data: { slug: "x" }) { id } }', {
      'Accept-Language': 'de',
    })
    const messages = ((await incomplete.json()) as { errors?: { message: string }[] }).errors?.map(
      (error) => error.message,
    )
    expect(messages?.join(' ')).toMatch(/„[^“]*title“ \(Typ „String!“\) fehlt\./)
    expect(messages?.join(' ')).not.toMatch(/was not provided| or "/)
    // Two operations and no name to choose by; a date that is none (user test).
    const messagesOf = async (body: Record<string, unknown>) =>
      (
        (await (
          await fetch(`${server.url}/api/graphql`, {
            body: JSON.stringify(body),
            headers: { 'Accept-Language': 'de', 'Content-Type': 'application/json' },
            method: 'POST',
          })
        ).json()) as { errors?: { message: string }[] }
      ).errors?.map((error) => error.message) ?? []
    expect(await messagesOf({ query: 'query A { __typename } query B { __typename }' })).toEqual([
      'Welche Operation ausgeführt werden soll, ist nicht klar: Die Abfrage enthält mehrere oder keine passende; nennen Sie eine mit „operationName“.',
    ])
    expect(
      await messagesOf({
        query: '{ Events(where: { start: { greater_than: "gestern" } }) { docs { id } } }',
      }),
    ).toContain(
      '„gestern“ ist kein gültiger Zeitpunkt; erwartet wird ein Datum nach ISO 8601, z. B. 2026-12-01 oder 2026-12-01T10:00:00Z.',
    )
  })

  it('should answer 400 to a request that could not run at all, keeping the GraphQL errors', async () => {
    const refusals: [string, Record<string, unknown>][] = [
      ['unknown field', { query: '{ FieldsOfActions { docs { gibtsnicht } } }' }],
      ['argument of the wrong type', { query: '{ FieldsOfActions(limit: "x") { docs { id } } }' }],
      [
        'variable of the wrong type',
        {
          query: 'query($id: Int!) { FieldsOfAction(id: $id) { id } }',
          variables: { id: 'abc' },
        },
      ],
      ['no operation to pick', { query: 'query A { __typename } query B { __typename }' }],
    ]
    for (const [label, body] of refusals) {
      for (const accept of ['application/json', '*/*', undefined]) {
        const response = await fetch(`${server.url}/api/graphql`, {
          body: JSON.stringify(body),
          headers: {
            'Accept-Language': 'de',
            'Content-Type': 'application/json',
            ...(accept ? { Accept: accept } : {}),
          },
          method: 'POST',
        })
        const answer = (await response.json()) as { data?: unknown; errors?: { message: string }[] }
        expect(response.status, `${label}, Accept ${accept}`).toBe(400)
        expect(response.headers.get('content-type')).toMatch(/^application\/json/)
        expect(answer).not.toHaveProperty('data')
        expect(answer.errors?.[0]?.message, label).toMatch(/[„ä]|Operation/)
      }
    }
  })

  it('should name an unknown type with the types it may have meant, as graphql-js does', async () => {
    // knownTypeNames (src/api/knownTypeNames.ts) lists the schema's types only for a refusal:
    // the same errors as graphql-js's own rule, on Payload's schema.
    const { schema } = configToSchema(server.payload.config)
    const documents = [
      'query($id: Strin!, $n: In) { FieldsOfAction(id: $id) { id } }',
      '{ FieldsOfActions { docs { ... on FieldsOfActio { id } } } }',
      'fragment F on Modul { id } { Modules { docs { ...F } } }',
      'query($w: FieldsOfAction_where) { FieldsOfActions(where: $w) { totalDocs } }',
      'type Extra { id: ID } { Modules { totalDocs } }',
    ]
    for (const document of documents) {
      const messagesWith = (rules: readonly ValidationRule[]) =>
        validate(schema, parse(document), rules).map((error) => error.message)
      expect(messagesWith(withKnownTypeNames(specifiedRules)), document).toEqual(
        messagesWith(specifiedRules),
      )
    }
    const query = 'query($id: Strin!) { FieldsOfAction(id: $id) { id } }'
    for (const [language, message] of [
      ['en', 'Unknown type "Strin". Did you mean "String"?'],
      ['de', 'Den Typ „Strin“ gibt es nicht. Meinten Sie "String"?'],
    ]) {
      const response = await post(query, { 'Accept-Language': language! }, { id: '1' })
      expect(response.status).toBe(400)
      const { errors } = (await response.json()) as { errors: { message: string }[] }
      expect(errors.map((error) => error.message)).toContain(message)
    }
  })

  it('should answer 400 to a GET that could not run, and keep nothing of it', async () => {
    const url = `${server.url}/api/graphql?query=${encodeURIComponent('{ FieldsOfActions { docs { gibtsnicht } } }')}`
    for (let attempt = 0; attempt < 2; attempt++) {
      const response = await fetch(url, { headers: { 'Accept-Language': 'de' } })
      expect(response.status).toBe(400)
      expect(response.headers.get('etag')).toBeNull()
      expect(response.headers.get('x-cache')).not.toBe('hit')
      expect(
        ((await response.json()) as { errors?: { message: string }[] }).errors?.[0]?.message,
      ).toBe('Das Feld „gibtsnicht“ gibt es im Typ „FieldsOfAction“ nicht.')
    }
    const good = await fetch(
      `${server.url}/api/graphql?query=${encodeURIComponent('{ FieldsOfActions(limit: 1) { totalDocs } }')}`,
    )
    expect(good.status).toBe(200)
    expect(good.headers.get('etag')).toBeTruthy()
  })

  it('should keep 200 for execution errors beside data', async () => {
    const response = await post(
      '{ FieldsOfAction(id: 999999) { id } FieldsOfActions { totalDocs } }',
      {
        'Accept-Language': 'de',
      },
    )
    const answer = (await response.json()) as {
      data?: { FieldsOfAction: null; FieldsOfActions: { totalDocs: number } }
      errors?: { message: string }[]
    }
    expect(response.status).toBe(200)
    expect(answer.data?.FieldsOfAction).toBeNull()
    expect(answer.data?.FieldsOfActions.totalDocs).toBeGreaterThanOrEqual(0)
    expect(answer.errors?.[0]?.message).toBe('Nicht gefunden')
  })

  it('should answer the preflight (OPTIONS) as before', async () => {
    const response = await fetch(`${server.url}/api/graphql`, { method: 'OPTIONS' })
    expect(response.status).toBeLessThan(300)
  })
})

describe('the API gate', () => {
  const quiet = { logger: { error: () => undefined, warn: () => undefined } } as never

  /** `app` on a free port of this machine. */
  const listen = async (app: express.Express) => {
    const listener = http.createServer(app)
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve))
    const { port } = listener.address() as AddressInfo
    return { close: () => listener.close(), url: `http://127.0.0.1:${port}` }
  }

  /** An express app whose every request is handled by `handle` through `gate`. */
  const serve = async (gate: ApiGate, handle: (res: ServerResponse) => void) => {
    const app = express()
    app.use((req, res) => {
      void gate.throughNext(async (_req, response) => handle(response))(req, res)
    })
    return listen(app)
  }

  /** Our API in front of Payload through `gate`, as the server mounts it (Next answers 418). */
  const serveApi = async (gate: ApiGate) => {
    const handle = payloadApi({
      gate,
      handleNext: async (_req, res) => {
        res.statusCode = 418
        res.end()
      },
      isDirect: true,
      payload: server.payload,
    })
    const app = express()
    app.use((req, res) => {
      void handle(req, res)
    })
    return listen(app)
  }

  it('should let requests wait for a slot, in order, and answer them all', async () => {
    const gate = apiGate({ concurrency: 1, payload: quiet })
    let running = 0
    let most = 0
    const { close, url } = await serve(gate, (res) => {
      running++
      most = Math.max(most, running)
      setTimeout(() => {
        running--
        res.end('ok')
      }, 20)
    })
    const statuses = await Promise.all(
      Array.from({ length: 6 }, () => fetch(url).then((response) => response.status)),
    )
    close()
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200])
    expect(most).toBe(1)
  })

  it('should free the slot of a client that left while waiting', async () => {
    const gate = apiGate({ concurrency: 1, payload: quiet })
    let handled = 0
    const { close, url } = await serve(gate, (res) => {
      handled++
      setTimeout(() => res.end('ok'), 200)
    })
    const first = fetch(url)
    // Waits behind the first, then gives up before its turn.
    const leaving = new AbortController()
    const second = fetch(url, { signal: leaving.signal }).catch(() => 'left')
    setTimeout(() => leaving.abort(), 50)
    expect((await first).status).toBe(200)
    expect(await second).toBe('left')
    const third = await fetch(url, { signal: AbortSignal.timeout(5_000) })
    close()
    expect(third.status).toBe(200)
    // The request that left was never handed on.
    expect(handled).toBe(2)
  })

  it('should name the endpoints that queue themselves: mailed links, registrations, ratings, search', () => {
    const queuesItself = ownQueueRoutesOf(server.payload.config)
    for (const [method, path] of [
      ['GET', '/api/registrations/confirm'],
      ['HEAD', '/api/registrations/confirm'],
      ['POST', '/api/registrations/confirm'],
      ['GET', '/api/registrations/cancel/'],
      ['POST', '/api/registrations/cancel'],
      ['POST', '/api/events/12/registrations'],
      ['POST', '/api/modules/3/ratings'],
      ['GET', '/api/search'],
      ['GET', '/api/modules/catalogue'],
    ] as const) {
      expect(queuesItself(method, path), `${method} ${path}`).toBe(true)
    }
    for (const [method, path] of [
      ['GET', '/api/events'],
      ['GET', '/api/events/12/registrations'],
      ['POST', '/api/events/12/registrations/message'],
      ['PATCH', '/api/registrations/5/status'],
      ['DELETE', '/api/registrations/confirm'],
      ['POST', '/api/comments'],
      ['GET', '/api/comments/confirm'],
      ['POST', '/api/registrations'],
      ['GET', '/api/modules/3'],
    ] as const) {
      expect(queuesItself(method, path), `${method} ${path}`).toBe(false)
    }
  })

  it('should let a request to an endpoint that queues itself pass a full gate, and no other', async () => {
    const gate = apiGate({ concurrency: 1, maxWaitMs: 100, payload: quiet })
    let release = () => undefined as void
    const held = gate.run(() => new Promise<void>((resolve) => (release = resolve)))
    const { close, url } = await serveApi(gate)
    try {
      // The plugin's own answer to a link that leads nowhere, although the gate's slot is taken.
      const link = await requestJson<{ errors?: unknown[] }>(
        `${url}/api/registrations/confirm?token=${'a'.repeat(43)}`,
        { headers: { Accept: 'application/json' }, method: 'POST' },
      )
      expect(link.status).toBe(404)
      expect(link.body.errors).toBeTruthy()
      // Everything else waits for the slot, here in vain.
      const list = await fetch(`${url}/api/events?limit=1`)
      expect(list.status).toBe(503)
    } finally {
      release()
      await held
      close()
    }
  })

  it('should answer 503 with Retry-After, in German, when no slot comes free in time', async () => {
    const gate = apiGate({ concurrency: 1, maxWaitMs: 50, payload: quiet })
    const { close, url } = await serve(gate, (res) => {
      setTimeout(() => res.end('ok'), 500)
    })
    const [first, second] = await Promise.all([
      fetch(url),
      new Promise<Response>((resolve) =>
        setTimeout(() => resolve(fetch(url, { headers: { 'Accept-Language': 'de' } })), 10),
      ),
    ])
    close()
    expect(first.status).toBe(200)
    expect(second.status).toBe(503)
    expect(second.headers.get('retry-after')).toBeTruthy()
    const body = (await second.json()) as { errors: { message: string }[] }
    expect(body.errors[0]!.message).toMatch(/vorübergehend/)
  })

  it('should answer what goes wrong in a visitor read as Payload’s route does: 503 with Retry-After, 500, in the client’s language', async () => {
    const failures: Record<string, Error> = {
      '/visitor-read-busy': Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
        code: 'ECONNREFUSED',
      }),
      '/visitor-read-broken': new Error('a defect'),
    }
    const { endpoints } = server.payload.config
    const added = Object.entries(failures).map(([path, error]) =>
      visitorReadEndpoint({ answer: () => Promise.reject(error), path }),
    )
    endpoints.push(...added)
    const gate = apiGate({ concurrency: 1, payload: quiet })
    const served = await serveApi(gate)
    const url = `${served.url}/api`
    const headersOf = (response: Response) =>
      Object.fromEntries([...response.headers].filter(([name]) => name !== 'date'))
    try {
      for (const [path, status] of [
        ['/visitor-read-busy?q=x', 503],
        ['/visitor-read-broken', 500],
      ] as const) {
        for (const language of ['de', 'fr, en;q=0.8', 'en']) {
          const visitor = await fetch(`${url}${path}`, { headers: { 'Accept-Language': language } })
          // A cookie that signs nobody in: Payload's route runs the read and answers its error.
          const throughPayload = await fetch(`${url}${path}`, {
            headers: { 'Accept-Language': language, Cookie: 'payload-token=nobody' },
          })
          expect(visitor.status).toBe(status)
          expect(headersOf(visitor)).toEqual(headersOf(throughPayload))
          expect(await visitor.text()).toBe(await throughPayload.text())
          if (status === 503) {
            expect(visitor.headers.get('retry-after')).toBeTruthy()
          }
        }
      }
      const busy = await fetch(`${url}/visitor-read-busy`)
      expect(((await busy.json()) as { errors: { message: string }[] }).errors[0]!.message).toMatch(
        /vorübergehend nicht verfügbar/,
      )
    } finally {
      served.close()
      endpoints.splice(endpoints.indexOf(added[0]!), added.length)
    }
  })
})
