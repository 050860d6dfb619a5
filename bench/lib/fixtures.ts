/**
 * What the benchmark needs beside the generated data set (dataset.ts): a fresh database, an
 * admin, ratings and an event with seats created over the real API, the confirmation links of
 * the queued mails, and a few checks read from the database.
 */
import type autocannon from 'autocannon'

import pg from 'pg'

import { RATING_DIMENSIONS } from '../../src/domain/ratingDimensions'

const ADMIN_EMAIL = 'bench@quartiersnetz.test'
const ADMIN_PASSWORD = 'Bench-Passwort-2026-lang'

export const withClient = async <T>(
  url: string,
  run: (client: pg.Client) => Promise<T>,
): Promise<T> => {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await run(client)
  } finally {
    await client.end()
  }
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`

export const recreateDatabase = async (adminUrl: string, name: string) =>
  withClient(adminUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`)
    await client.query(`CREATE DATABASE ${quote(name)}`)
  })

export const dropDatabase = async (adminUrl: string, name: string) =>
  withClient(adminUrl, (client) =>
    client.query(`DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`),
  )

export const postgresVersion = async (url: string): Promise<string> =>
  withClient(
    url,
    async (client) =>
      (
        await client.query<{ version: string }>(
          `SELECT current_setting('server_version') AS version`,
        )
      ).rows[0]!.version,
  )

type JsonBody = Record<string, unknown>

const requestJson = async (
  url: string,
  { body, method = 'GET', token }: { body?: unknown; method?: string; token?: string } = {},
): Promise<{ body: JsonBody; status: number }> => {
  const response = await fetch(url, {
    body: body === undefined ? undefined : JSON.stringify(body),
    headers: {
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(token ? { Authorization: `JWT ${token}` } : {}),
    },
    method,
    signal: AbortSignal.timeout(30_000),
  })
  const text = await response.text()
  try {
    return { body: (text ? JSON.parse(text) : {}) as JsonBody, status: response.status }
  } catch {
    return { body: { text }, status: response.status }
  }
}

const expectStatus = (
  what: string,
  { body, status }: { body: JsonBody; status: number },
  expected: number[],
) => {
  if (!expected.includes(status)) {
    throw new Error(`${what} answered ${status}: ${JSON.stringify(body).slice(0, 500)}`)
  }
}

/** The first user (who becomes admin) over the API, signed in. */
export const createAdmin = async (baseUrl: string): Promise<string> => {
  const credentials = { email: ADMIN_EMAIL, password: ADMIN_PASSWORD }
  expectStatus(
    'first-register',
    await requestJson(`${baseUrl}/api/users/first-register`, { body: credentials, method: 'POST' }),
    [200, 201],
  )
  const login = await requestJson(`${baseUrl}/api/users/login`, {
    body: credentials,
    method: 'POST',
  })
  expectStatus('login', login, [200])
  return String(login.body.token)
}

/** Random values 1..5 on every dimension, as a visitor sends them. */
export const randomRatingBody = (): string =>
  JSON.stringify({
    values: Object.fromEntries(
      RATING_DIMENSIONS.map(({ key }) => [key, 1 + Math.floor(Math.random() * 5)]),
    ),
  })

/** `count` ratings by as many new visitors through the rating endpoint. */
export const rateThroughApi = async ({
  baseUrl,
  count,
  moduleId,
}: {
  baseUrl: string
  count: number
  moduleId: number
}) => {
  for (let i = 0; i < count; i++) {
    const response = await fetch(`${baseUrl}/api/modules/${moduleId}/ratings`, {
      body: randomRatingBody(),
      headers: { 'Content-Type': 'application/json' },
      method: 'POST',
      signal: AbortSignal.timeout(30_000),
    })
    if (response.status !== 201) {
      throw new Error(
        `rating module ${moduleId} answered ${response.status}: ${(await response.text()).slice(0, 500)}`,
      )
    }
  }
}

/** The rater count a visitor reads with the module. */
export const readRaterCount = async ({
  baseUrl,
  moduleId,
}: {
  baseUrl: string
  moduleId: number
}): Promise<number> => {
  const read = await requestJson(`${baseUrl}/api/modules/${moduleId}`)
  expectStatus(`reading module ${moduleId}`, read, [200])
  return Number((read.body.ratingSummary as { raterCount?: number } | undefined)?.raterCount)
}

/**
 * How often PostgreSQL has scanned the ratings table (sequential and index scans). Backends
 * report their counts when idle, within about 10 s (PGSTAT_IDLE_INTERVAL), so wait that long
 * after the last request before reading.
 */
export const ratingsTableScans = async (databaseUrl: string): Promise<number> =>
  withClient(databaseUrl, async (client) => {
    const { rows } = await client.query<{ scans: string }>(
      `SELECT coalesce(seq_scan, 0) + coalesce(idx_scan, 0) AS scans FROM pg_stat_user_tables WHERE relname = 'ratings'`,
    )
    return Number(rows[0]?.scans ?? 0)
  })

/** A published event 30 days ahead with `seats` seats and a waiting list, open for registration. */
export const createBurstEvent = async ({
  baseUrl,
  seats,
  token,
}: {
  baseUrl: string
  seats: number
  token: string
}): Promise<number> => {
  const start = Date.now() + 30 * 86_400_000
  const created = await requestJson(`${baseUrl}/api/events`, {
    body: {
      _status: 'published',
      capacity: seats,
      end: new Date(start + 3 * 3_600_000).toISOString(),
      format: 'on-site',
      hasWaitingList: true,
      kind: 'conference',
      registrationOpen: true,
      start: new Date(start).toISOString(),
      title: 'Fachtagung Sozialer Zusammenhalt (Anmeldeansturm)',
    },
    method: 'POST',
    token,
  })
  expectStatus('creating the burst event', created, [201])
  return Number((created.body.doc as { id: number }).id)
}

/** The confirmation tokens in the queued (unsent) mails: the links registrants would click. */
export const confirmTokensOf = async (databaseUrl: string): Promise<string[]> =>
  withClient(databaseUrl, async (client) => {
    const { rows } = await client.query<{ input: string }>(
      `SELECT input::text AS input FROM payload_jobs WHERE input::text LIKE '%/registrations/confirm?token=%'`,
    )
    const tokens = rows.flatMap(({ input }) =>
      [...input.matchAll(/\/registrations\/confirm\?token=([A-Za-z0-9_-]{43})/g)].map(
        (match) => match[1]!,
      ),
    )
    return [...new Set(tokens)]
  })

/** Registrations of an event by status. */
export const registrationStatuses = async (
  databaseUrl: string,
  eventId: number,
): Promise<Record<string, number>> =>
  withClient(databaseUrl, async (client) => {
    const { rows } = await client.query<{ n: number; status: string }>(
      `SELECT status::text AS status, count(*)::int AS n FROM registrations WHERE event_id = $1 GROUP BY status ORDER BY status`,
      [eventId],
    )
    return Object.fromEntries(rows.map((row) => [row.status, row.n]))
  })

/** The burst's request: a new visitor registering for `eventId` each time. */
export const registrationRequest = (eventId: number): autocannon.Request => {
  let registrant = 0
  return {
    headers: { 'content-type': 'application/json' },
    method: 'POST',
    path: `/api/events/${eventId}/registrations`,
    setupRequest: (request) => {
      const index = registrant++
      return {
        ...request,
        body: JSON.stringify({
          answers: {},
          consent: true,
          email: `gast-${index}@anmeldung.test`,
          name: `Gast ${index}`,
        }),
      }
    },
  }
}

/**
 * The confirmation page's button, once per mailed link in turn: a POST to the link (a GET only
 * shows the page).
 */
export const confirmationRequest = (tokens: string[]): autocannon.Request => {
  let next = 0
  return {
    headers: { accept: 'application/json' },
    method: 'POST',
    setupRequest: (request) => ({
      ...request,
      path: `/api/registrations/confirm?token=${tokens[next++ % tokens.length]}`,
    }),
  }
}
