/**
 * A visitor's GraphQL list made from kept documents (src/server/httpCache/keptGraphql.ts) over
 * real HTTP, on the demo content: every collection asked for every field its documents can
 * answer (relationships one and two levels deep, groups, arrays, blocks, rich text, the
 * plugins' computed fields), fragments, aliases, variables, filters, pages and orders, in both
 * languages: the same bytes and headers as Payload's own handler (the same query with
 * `select: false`, which goes to Payload), and what it can't answer (joins, field arguments,
 * errors, signed-in users) left to Payload. Changes show at once.
 */
import type { RunningServer } from '../../src/server/startServer'

import type { GraphQLObjectType } from 'graphql'

import { configToSchema } from '@payloadcms/graphql'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { docsOf, everyField, listQueries } from '../helpers/graphqlFields'
import { requestJson } from '../helpers/http'
import { startTestServer } from '../helpers/server'
import { createSignedInUsers } from '../helpers/users'

let server: RunningServer
let editorToken: string
let query: GraphQLObjectType
/** Makes each query new to the cache (a new operation name). */
let visit = 0

beforeAll(async () => {
  process.env.AUTH_RATE_LIMIT_MAX = '1000'
  server = await startTestServer()
  const { seed } = await import('../../src/seed')
  await seed({ log: () => {}, payload: server.payload })
  ;({
    tokens: { editor: editorToken },
  } = await createSignedInUsers(server.payload, {
    serverUrl: server.url,
    users: { editor: { email: 'kept-graphql@quartiersnetz.test', role: 'editor' } },
  }))
  query = configToSchema(server.payload.config).schema.getQueryType()!
})

afterAll(async () => {
  await server?.stop()
})

type Asked = {
  body: string
  headers: Record<string, string>
  keptDocuments: null | string
  status: number
}

/** Headers that differ between any two answers, or that only the cache's way sets. */
const PER_ANSWER = new Set(['date', 'etag', 'server-timing', 'x-cache', 'content-length'])

const ask = async (
  operation: string,
  {
    headers = {},
    variables,
  }: { headers?: Record<string, string>; variables?: Record<string, unknown> } = {},
): Promise<Asked> => {
  const name = `Visit${++visit}`
  const response = await fetch(`${server.url}/api/graphql`, {
    body: JSON.stringify({ operationName: name, query: `query ${name}${operation}`, variables }),
    headers: { 'Accept-Language': 'de-DE', 'Content-Type': 'application/json', ...headers },
    method: 'POST',
  })
  const timing = response.headers.get('server-timing') ?? ''
  return {
    body: await response.text(),
    headers: Object.fromEntries(
      [...response.headers].filter(([header]) => !PER_ANSWER.has(header)),
    ),
    keptDocuments: /kept-documents;desc="(\d+\/\d+)"/.exec(timing)?.[1] ?? null,
    status: response.status,
  }
}

/** `Modules(limit: 5) { … }` asked as it is and with `select: false` (which Payload answers). */
const expectPayloadsAnswer = async (
  field: string,
  args: string,
  selection: string,
  options?: Parameters<typeof ask>[1],
  { variables = '' }: { variables?: string } = {},
) => {
  const asked = await ask(
    `${variables} { ${field}${args ? `(${args})` : ''} { ${selection} } }`,
    options,
  )
  const payloads = await ask(
    `${variables} { ${field}(${args ? `${args}, ` : ''}select: false) { ${selection} } }`,
    options,
  )
  expect(payloads.keptDocuments).toBeNull()
  const label = `${field}(${args}) { ${selection.slice(0, 200)} }`
  if (payloads.body.includes('"errors":')) {
    // Refused either way (where the errors are in the query text differs by `select: false`).
    const withoutLocations = (body: string) =>
      JSON.stringify(JSON.parse(body), (key, value: unknown) =>
        key === 'locations' ? undefined : value,
      )
    expect(asked.keptDocuments, label).toBeNull()
    expect(withoutLocations(asked.body), label).toBe(withoutLocations(payloads.body))
    return asked
  }
  expect(JSON.parse(asked.body), label).toEqual(JSON.parse(payloads.body))
  expect({ ...asked, keptDocuments: null, label }).toEqual({ ...payloads, label })
  return asked
}

/** A related document asked for what REST shows of it (its collection's `defaultPopulate`). */
const populateOf = (collection: string) =>
  server.payload.collections[collection as 'modules']?.config.defaultPopulate as
    Record<string, unknown> | undefined

const FIGURES =
  'totalDocs limit page totalPages hasNextPage hasPrevPage nextPage prevPage pagingCounter'

describe('GraphQL lists made from kept documents', () => {
  it('should answer every collection asked for every field exactly as Payload does', async () => {
    const madeFromKept: string[] = []
    for (const list of listQueries(query)) {
      for (const [depth, populated] of [
        [1, true],
        [2, true],
        [1, false],
      ] as const) {
        const fields = everyField(docsOf(list), depth, {
          populateOf: populated ? populateOf : undefined,
          withJoins: false,
        })!
        for (const language of populated ? ['de', 'en'] : ['de']) {
          const asked = await expectPayloadsAnswer(
            list.name,
            'limit: 20, sort: "id"',
            `docs { ${fields} } ${FIGURES}`,
            { headers: { 'Accept-Language': language } },
          )
          if (asked.status === 200 && asked.keptDocuments) {
            madeFromKept.push(`${list.name} ${depth} ${populated} ${language}`)
          }
        }
      }
    }
    // The demo content's lists take this way (those it can't answer were Payload's, and equal).
    for (const name of ['Modules', 'Projects', 'Events', 'Municipalities', 'Publications']) {
      expect(madeFromKept).toContain(`${name} 1 true de`)
    }
    expect(madeFromKept.length).toBeGreaterThanOrEqual(30)
  })

  it('should answer filters, pages, orders, fragments, aliases and variables as Payload does', async () => {
    const cases: [string, string, string, string?][] = [
      [
        'Modules',
        'limit: 20, where: { _status: { equals: published } }',
        `docs { id title slug targetGroups { id title slug } fieldsOfAction { id title slug order } editorialAssessment { processPhase participation } ratingSummary commentCount } ${FIGURES}`,
      ],
      ['Modules', 'limit: 3, page: 2, sort: "-title"', 'docs { title } totalDocs page'],
      ['Modules', 'where: { title: { like: "Zukunft" } }', 'docs { title summary }'],
      [
        'Projects',
        'limit: 10, sort: "title"',
        'docs { title municipality { name slug } fieldsOfAction { title } }',
      ],
      [
        'Projects',
        'limit: 5',
        'docs { ... on Project { title municipality { ... on Municipality { name } } } }',
      ],
      [
        'Events',
        'limit: 30, sort: "start"',
        'docs { title start end venue { name municipality { name } } series { title } }',
      ],
      [
        'Events',
        'where: { start: { greater_than: "2020-01-01T00:00:00.000Z" } }, limit: 5',
        'docs { title start registrationOpen seatsTaken waitingCount }',
      ],
      ['Municipalities', 'limit: 50', 'docs { __typename id name slug } totalDocs'],
      [
        'Modules',
        'limit: $limit, where: { title: { like: $words } }',
        'docs { id title }',
        '($limit: Int, $words: String)',
      ],
    ]
    for (const [field, args, selection, variables] of cases) {
      await expectPayloadsAnswer(
        field,
        args,
        selection,
        { variables: { limit: 4, words: 'Quartier' } },
        { variables },
      )
    }
    const aliased = await ask(
      ' { liste: Modules(limit: 5, sort: "id") { eintraege: docs { name: title } } }',
    )
    expect(aliased.keptDocuments).toMatch(/^\d+\/\d+$/)
    const payloads = await ask(
      ' { liste: Modules(limit: 5, sort: "id", select: false) { eintraege: docs { name: title } } }',
    )
    expect(aliased.body).toBe(payloads.body)
    expect(JSON.parse(aliased.body).data.liste.eintraege.length).toBeGreaterThan(0)
    const fragment = 'fragment P on Project { title municipality { name } }'
    const named = await ask(` { Projects(limit: 5, sort: "id") { docs { ...P } } } ${fragment}`)
    expect(named.keptDocuments).toMatch(/^\d+\/\d+$/)
    expect(named.body).toBe(
      (
        await ask(
          ` { Projects(limit: 5, sort: "id", select: false) { docs { ...P } } } ${fragment}`,
        )
      ).body,
    )
  })

  it('should answer by the client’s media type, with CORS as Payload', async () => {
    for (const headers of [
      { Accept: 'application/graphql-response+json' },
      { Accept: 'application/json' },
      { Origin: 'http://localhost:3000' },
    ] as Record<string, string>[]) {
      const asked = await expectPayloadsAnswer('Modules', 'limit: 2', 'docs { title }', { headers })
      expect(asked.keptDocuments, JSON.stringify(headers)).toMatch(/^\d+\/\d+$/)
    }
  })

  it('should leave to Payload what it can’t answer, with Payload’s answer', async () => {
    for (const [operation, reason] of [
      [' { Modules(limit: 2, draft: true) { docs { title } } }', 'draft'],
      [
        ' { Modules(limit: 2) { docs { title } } Projects(limit: 1) { docs { title } } }',
        'two fields',
      ],
      [' { Module(id: 1) { title } }', 'one document'],
      [' { Modules(limit: 2) { docs { summary objective(depth: 0) } } }', 'a field argument'],
      [' { Modules(limit: 101) { docs { title } } }', 'too large a page'],
      [' { Modules(limit: 2) { docs { unbekannt } } }', 'an unknown field'],
      [
        ' { Modules(limit: 2, where: { unbekannt: { equals: 1 } }) { docs { title } } }',
        'an unknown filter',
      ],
      [
        ' { Events(where: { capacity: { equals: "abc" } }) { docs { title } } }',
        'a mistyped filter',
      ],
    ] as const) {
      const asked = await ask(operation)
      expect(asked.keptDocuments, reason).toBeNull()
    }
    const fields = everyField(docsOf(query.getFields().Projects!), 1, { withJoins: false })
    const signedIn = await requestJson<{ data?: unknown }>(`${server.url}/api/graphql`, {
      body: { query: `query { Projects(limit: 5) { docs { ${fields} } } }` },
      method: 'POST',
      token: editorToken,
    })
    expect(signedIn.status).toBe(200)
    expect(signedIn.headers.get('server-timing')).toBeNull()
  })

  it('should list a relationship to several documents in the order it is stored, as REST does', async () => {
    // The demo's projects asked for everything: Payload's resolver listed a project's
    // Handlungsfelder in the order their loads finished, which other documents' relationships
    // decide ("Wohnen" before "Soziale Netze" where the editor put them the other way round).
    const selection = `docs { ${everyField(docsOf(query.getFields().Projects!), 2, { populateOf, withJoins: false })} }`
    const listedIn = (body: string) =>
      (
        JSON.parse(body) as { data: { Projects: { docs: { fieldsOfAction: { id: number }[] }[] } } }
      ).data.Projects.docs.map((doc) => doc.fieldsOfAction.map((related) => related.id))
    const rest = await requestJson<{ docs: { fieldsOfAction: { id: number }[] }[] }>(
      `${server.url}/api/projects?limit=50&sort=id&depth=1&draft=false`,
    )
    const stored = rest.body.docs.map((doc) => doc.fieldsOfAction.map((related) => related.id))
    expect(stored.some((ids) => ids.length > 1)).toBe(true)
    const payloads = await expectPayloadsAnswer('Projects', 'limit: 50, sort: "id"', selection)
    expect(listedIn(payloads.body)).toEqual(stored)
    const selected = await ask(
      ` { Projects(limit: 50, sort: "id", select: true) { ${selection} } }`,
    )
    expect(listedIn(selected.body)).toEqual(stored)
  })

  it('should show an edit, a rating and an unpublished related document in the next query', async () => {
    const selection = 'docs { id title ratingSummary fieldsOfAction { title } }'
    const first = JSON.parse(
      (await ask(` { Modules(limit: 5, sort: "id") { ${selection} } }`)).body,
    ).data.Modules.docs as { fieldsOfAction: { title: string }[]; id: number }[]
    const [module] = first
    await server.payload.update({
      collection: 'modules',
      data: { title: 'Umbenanntes Modul' },
      id: module!.id,
    })
    const rated = await requestJson(`${server.url}/api/modules/${module!.id}/ratings`, {
      body: { values: { participation: 5 } },
      method: 'POST',
    })
    expect(rated.status).toBe(201)
    const after = await expectPayloadsAnswer('Modules', 'limit: 5, sort: "id"', selection)
    expect(after.keptDocuments).toMatch(/^\d+\/\d+$/)
    expect(after.body).toContain('Umbenanntes Modul')

    // A related document visitors may no longer read: Payload leaves it out of the list.
    const withFields = JSON.parse(after.body).data.Modules.docs.find(
      (doc: { fieldsOfAction: unknown[] }) => doc.fieldsOfAction.length,
    ) as { fieldsOfAction: { title: string }[] }
    const hidden = await server.payload.find({
      collection: 'fields-of-action',
      where: { title: { equals: withFields.fieldsOfAction[0]!.title } },
    })
    await server.payload.update({
      collection: 'fields-of-action',
      data: { _status: 'draft' },
      id: hidden.docs[0]!.id,
    })
    const withoutHidden = await expectPayloadsAnswer('Modules', 'limit: 5, sort: "id"', selection)
    expect(withoutHidden.body).not.toContain(`"title":"${withFields.fieldsOfAction[0]!.title}"`)
  })
})
