/**
 * Fields with a validation of their own keep Payload's for their type (length, range, rows:
 * src/fields/keepDefaultValidation.ts); web address fields (a municipality's website, an
 * event's access link, links) take an http(s) address and refuse others in the admin's
 * language (src/fields/links.ts). Real server, REST as an editor.
 */
import type { RunningServer } from '../../src/server/startServer'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { requestJson } from '../helpers/http'
import { startTestServer } from '../helpers/server'
import { createSignedInUsers } from '../helpers/users'

let server: RunningServer
let token: string

beforeAll(async () => {
  process.env.AUTH_RATE_LIMIT_MAX = '1000'
  server = await startTestServer()
  ;({
    tokens: { editor: token },
  } = await createSignedInUsers(server.payload, {
    serverUrl: server.url,
    users: { editor: { email: 'field-validation@quartiersnetz.test', role: 'editor' } },
  }))
})

afterAll(async () => {
  await server?.stop()
})

type Refusal = { errors?: { data?: { errors?: { message: string; path: string }[] } }[] }

const createWithWebsite = (website: string, language = 'de') =>
  requestJson<Refusal & { doc?: { website?: string } }>(`${server.url}/api/municipalities`, {
    body: { name: 'Adressstadt', state: 'NW', website },
    headers: { 'Accept-Language': language },
    method: 'POST',
    token,
  })

const fieldErrorOf = (body: Refusal) => body.errors?.[0]?.data?.errors?.[0]

describe('web address fields', () => {
  it('should take an http or https address', async () => {
    const { body, status } = await createWithWebsite('https://www.essen.de/rathaus')
    expect(status).toBe(201)
    expect(body.doc?.website).toBe('https://www.essen.de/rathaus')
  })

  it('should refuse anything else at the field, in the admin’s language', async () => {
    for (const [website, de, en] of [
      [
        'www.essen.de',
        'Bitte geben Sie eine vollständige Adresse an, z. B. https://www.essen.de.',
        'Please enter a complete address, e.g. https://www.essen.de.',
      ],
      [
        'ftp://dateien.essen.de',
        'Nur Adressen mit http:// oder https:// sind möglich.',
        'Only addresses with http:// or https:// are possible.',
      ],
    ] as const) {
      const german = await createWithWebsite(website)
      expect(german.status, website).toBe(400)
      expect(fieldErrorOf(german.body)).toMatchObject({ message: de, path: 'website' })
      const english = await createWithWebsite(website, 'en')
      expect(fieldErrorOf(english.body)?.message).toBe(en)
    }
  })

  it('should keep the field’s length limit', async () => {
    const { body, status } = await createWithWebsite(`https://www.essen.de/${'a'.repeat(2000)}`)
    expect(status).toBe(400)
    expect(fieldErrorOf(body)?.path).toBe('website')
    expect(fieldErrorOf(body)?.message).toMatch(/2000/)
  })

  it('should refuse what Payload refuses for the field’s type, beside the own rule', async () => {
    // The editorial assessment: whole numbers (its own rule) from 1 to 5 (Payload's min and max).
    for (const participation of [7, 0]) {
      const assessed = await requestJson<Refusal>(`${server.url}/api/modules`, {
        body: { editorialAssessment: { participation }, title: 'Bewertungsskala' },
        method: 'POST',
        token,
      })
      expect(assessed.status, String(participation)).toBe(400)
      expect(fieldErrorOf(assessed.body)).toMatchObject({
        path: 'editorialAssessment.participation',
      })
    }
    const whole = await requestJson<Refusal>(`${server.url}/api/modules`, {
      body: { editorialAssessment: { participation: 2.5 }, title: 'Bewertungsskala' },
      method: 'POST',
      token,
    })
    expect(fieldErrorOf(whole.body)?.message).toBe('Bitte eine ganze Zahl von 1 bis 5.')
    const fine = await requestJson(`${server.url}/api/modules`, {
      body: { editorialAssessment: { participation: 5 }, title: 'Bewertungsskala' },
      method: 'POST',
      token,
    })
    expect(fine.status).toBe(201)
  })
})
