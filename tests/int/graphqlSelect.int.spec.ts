/**
 * GraphQL reads only the fields a query asks for (src/api/graphqlSelect.ts: `select: true` by
 * default) and answers exactly as when it read everything: every collection of the demo
 * content asked for all its fields (relationships, joins, groups, arrays, blocks, rich text,
 * the plugins' computed fields), small selections of one field, by id, in both languages, a
 * signed-in editor's drafts, and an operation with two top-level fields. Real server, real
 * PostgreSQL, the demo content.
 */
import type { RunningServer } from '../../src/server/startServer'

import { configToSchema } from '@payloadcms/graphql'
import type { GraphQLObjectType } from 'graphql'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { docsOf, everyField, listQueries } from '../helpers/graphqlFields'
import { requestJson } from '../helpers/http'
import { startTestServer } from '../helpers/server'
import { createSignedInUsers } from '../helpers/users'

let server: RunningServer
let adminToken: string
let editorToken: string
let query: GraphQLObjectType

beforeAll(async () => {
  process.env.AUTH_RATE_LIMIT_MAX = '1000'
  server = await startTestServer()
  const { seed } = await import('../../src/seed')
  await seed({ log: () => {}, payload: server.payload })
  ;({
    tokens: { admin: adminToken, editor: editorToken },
  } = await createSignedInUsers(server.payload, {
    serverUrl: server.url,
    users: {
      admin: { email: 'graphql-select-admin@quartiersnetz.test', role: 'admin' },
      editor: { email: 'graphql-select@quartiersnetz.test', role: 'editor' },
    },
  }))
  await server.payload.create({
    collection: 'projects',
    data: { _status: 'draft', title: 'Entwurf: Quartiersgarten' },
    draft: true,
    overrideAccess: true,
  })
  // The demo's contacts are all private: one public contact, on a project.
  const contact = await server.payload.create({
    collection: 'people',
    data: {
      _status: 'published',
      email: 'quartiersbuero@beispielstadt.test',
      isContactPublic: true,
      name: 'Olga Offen',
      phone: '+49 231 5550',
    },
    overrideAccess: true,
  })
  await server.payload.create({
    collection: 'projects',
    data: { _status: 'published', contacts: [contact.id], title: 'Quartiersbüro am Markt' },
    overrideAccess: true,
  })
  query = configToSchema(server.payload.config).schema.getQueryType()!
})

afterAll(async () => {
  await server?.stop()
})

type Answer = { data?: Record<string, unknown> | null; errors?: { message: string }[] }

const ask = async (
  document: string,
  { language = 'de', token }: { language?: string; token?: string } = {},
) => {
  const { body, status } = await requestJson<Answer>(`${server.url}/api/graphql`, {
    body: { query: document },
    headers: { 'Accept-Language': language },
    method: 'POST',
    token,
  })
  return { ...body, status }
}

/** An answer without errors: its data. */
const dataOf = async (...args: Parameters<typeof ask>) => {
  const { data, errors, status } = await ask(...args)
  expect(status, args[0]).toBe(200)
  expect(errors, args[0]).toBeUndefined()
  return data
}

/** The same query with `select: false` (Payload reads every field) and as it is (the default). */
const expectSameAnswers = async (
  name: string,
  args: string,
  selection: string,
  options?: { language?: string; token?: string },
) => {
  const asked = await ask(`query { ${name}(${args}) { ${selection} } }`, options)
  const whole = await ask(`query { ${name}(${args}, select: false) { ${selection} } }`, options)
  // Errors too (a collection visitors may not read is refused either way).
  expect(asked, `${name}(${args}) { ${selection} }`).toEqual(whole)
  return asked.data?.[name]
}

describe('GraphQL reading only the fields asked', () => {
  it('should answer every collection asked for every field as when it reads everything', async () => {
    const lists = listQueries(query)
    expect(lists.map((field) => field.name)).toEqual(
      expect.arrayContaining(['Modules', 'Projects', 'Events', 'Municipalities', 'Publications']),
    )
    const withDocs = { admin: 0, visitor: 0 }
    for (const list of lists) {
      // Relationships two levels deep, or one where that passes the depth and complexity limits.
      const deep = everyField(docsOf(list), 2)!
      const isTooDeep =
        (await ask(`query { ${list.name}(limit: 10) { docs { ${deep} } } }`, { token: adminToken }))
          .status === 400
      const fields = isTooDeep ? everyField(docsOf(list), 1)! : deep
      for (const [who, token, language] of [
        ['visitor', undefined, 'de'],
        ['visitor', undefined, 'en'],
        ['admin', adminToken, 'de'],
      ] as const) {
        const answer = (await expectSameAnswers(
          list.name,
          'limit: 10, sort: "id"',
          `docs { ${fields} } totalDocs`,
          { language, token },
        )) as { docs?: unknown[] } | null | undefined
        if (answer?.docs?.length) {
          withDocs[who]++
        }
      }
    }
    // The demo content fills the collections: the comparison compared documents.
    expect(withDocs.visitor).toBeGreaterThanOrEqual(20)
    expect(withDocs.admin).toBeGreaterThanOrEqual(15)
  })

  it('should answer small selections, one document and an editor’s drafts the same way', async () => {
    for (const [name, selection] of [
      ['Modules', 'docs { id title }'],
      ['Modules', 'docs { ratingSummary }'],
      ['Modules', 'docs { commentCount }'],
      ['Modules', 'docs { fieldsOfAction { title } targetGroups { id } }'],
      ['Modules', 'docs { editorialAssessment { participation } }'],
      ['Events', 'docs { registrationOpen }'],
      ['Events', 'docs { title seatsTaken waitingCount registrationOpen }'],
      ['Events', 'docs { venue { municipality { name } } series { title } }'],
      ['Projects', 'docs { municipality { name slug } fieldsOfAction { slug } }'],
      ['Projects', 'docs { __typename }'],
      // The contact fields' access reads isContactPublic, asked or not.
      ['People', 'docs { name email phone }'],
      ['Projects', 'docs { contacts { name email } }'],
      ['Projects', 'docs { title contacts { phone } }'],
      ['Projects', 'totalDocs'],
    ] as const) {
      await expectSameAnswers(name, 'limit: 100, sort: "-id"', selection)
    }
    const people = (await dataOf('query { People(limit: 100) { docs { email } } }')) as {
      People: { docs: { email: null | string }[] }
    }
    expect(people.People.docs.filter((doc) => doc.email).length).toBeGreaterThan(0)
    const modules = (await dataOf('query { Modules(limit: 3, sort: "id") { docs { id } } }')) as {
      Modules: { docs: { id: number }[] }
    }
    const fields = everyField(docsOf(query.getFields().Modules!), 2)!
    for (const { id } of modules.Modules.docs) {
      await expectSameAnswers('Module', `id: ${id}`, fields)
      await expectSameAnswers('Module', `id: ${id}`, 'title ratingSummary commentCount')
    }
    const drafts = (await expectSameAnswers(
      'Projects',
      'limit: 50, sort: "id", draft: true, where: { _status: { equals: draft } }',
      `docs { ${everyField(docsOf(query.getFields().Projects!), 1)} }`,
      { token: editorToken },
    )) as { docs: unknown[] }
    expect(drafts.docs.length).toBeGreaterThan(0)
  })

  it('should answer two top-level fields as each alone', async () => {
    // Payload keeps a query's select in the context both fields share: the default applies to
    // an operation with one top-level field only.
    // The second's select would be the first's: its Handlungsfelder read without title and slug.
    const modules = 'Modules(limit: 5, sort: "id") { docs { fieldsOfAction { title slug } } }'
    const projects = 'Projects(limit: 5, sort: "id") { docs { id fieldsOfAction { id } } }'
    const both = await dataOf(`query { ${modules} ${projects} }`)
    expect(both).toEqual({
      ...(await dataOf(`query { ${modules} }`)),
      ...(await dataOf(`query { ${projects} }`)),
    })
  })
})
