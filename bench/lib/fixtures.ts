/**
 * The data the benchmark needs: a fresh database, an admin, published modules (created over
 * the real API), ratings through the rating endpoint, and the million ratings written straight
 * into the table with one INSERT … SELECT (then recounted, so the summary matches).
 */
import pg from 'pg'

import { RATING_DIMENSIONS } from '../../src/domain/ratingDimensions'

const ADMIN_EMAIL = 'bench@quartiersnetz.test'
const ADMIN_PASSWORD = 'Bench-Passwort-2026-lang'

const withClient = async <T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> => {
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
  withClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`))

export const postgresVersion = async (url: string): Promise<string> =>
  withClient(url, async (client) => (await client.query<{ version: string }>(`SELECT current_setting('server_version') AS version`)).rows[0]!.version)

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

const expectStatus = (what: string, { body, status }: { body: JsonBody; status: number }, expected: number[]) => {
  if (!expected.includes(status)) {
    throw new Error(`${what} answered ${status}: ${JSON.stringify(body).slice(0, 500)}`)
  }
}

/** The first user (who becomes admin) over the API, signed in. */
export const createAdmin = async (baseUrl: string): Promise<string> => {
  const credentials = { email: ADMIN_EMAIL, password: ADMIN_PASSWORD }
  expectStatus('first-register', await requestJson(`${baseUrl}/api/users/first-register`, { body: credentials, method: 'POST' }), [200, 201])
  const login = await requestJson(`${baseUrl}/api/users/login`, { body: credentials, method: 'POST' })
  expectStatus('login', login, [200])
  return String(login.body.token)
}

/** Published modules with the given titles; their ids in the same order. */
export const createModules = async ({ baseUrl, titles, token }: { baseUrl: string; titles: string[]; token: string }): Promise<number[]> => {
  const ids: number[] = []
  for (const title of titles) {
    const created = await requestJson(`${baseUrl}/api/modules`, {
      body: { _status: 'published', summary: `Ein Modul für den Benchmark: ${title}.`, title },
      method: 'POST',
      token,
    })
    expectStatus(`creating module "${title}"`, created, [201])
    ids.push(Number((created.body.doc as { id: number }).id))
  }
  return ids
}

/** Random values 1..5 on every dimension, as a visitor sends them. */
export const randomRatingBody = (): string =>
  JSON.stringify({ values: Object.fromEntries(RATING_DIMENSIONS.map(({ key }) => [key, 1 + Math.floor(Math.random() * 5)])) })

/** `count` ratings by as many new visitors through the rating endpoint. */
export const rateThroughApi = async ({ baseUrl, count, moduleId }: { baseUrl: string; count: number; moduleId: number }) => {
  for (let i = 0; i < count; i++) {
    const response = await fetch(`${baseUrl}/api/modules/${moduleId}/ratings`, {
      body: randomRatingBody(),
      headers: { 'Content-Type': 'application/json' },
      method: 'POST',
      signal: AbortSignal.timeout(30_000),
    })
    if (response.status !== 201) {
      throw new Error(`rating module ${moduleId} answered ${response.status}: ${(await response.text()).slice(0, 500)}`)
    }
  }
}

/** The rater count a visitor reads with the module. */
export const readRaterCount = async ({ baseUrl, moduleId }: { baseUrl: string; moduleId: number }): Promise<number> => {
  const read = await requestJson(`${baseUrl}/api/modules/${moduleId}`)
  expectStatus(`reading module ${moduleId}`, read, [200])
  return Number((read.body.ratingSummary as { raterCount?: number } | undefined)?.raterCount)
}

/**
 * `count` ratings of one module by distinct visitors, random values 1..5 on every dimension,
 * in one statement; then VACUUM ANALYZE, as autovacuum would eventually do on a live table.
 * The value columns are read from the table, so new dimensions need no change here.
 */
export const insertRatings = async ({ count, databaseUrl, moduleId }: { count: number; databaseUrl: string; moduleId: number }) =>
  withClient(databaseUrl, async (client) => {
    const { rows } = await client.query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'ratings' AND column_name LIKE 'values\\_%' ORDER BY ordinal_position`,
    )
    if (!rows.length) {
      throw new Error('The ratings table has no values_* columns: did the migrations run?')
    }
    const columns = rows.map((row) => quote(row.column_name))
    await client.query(
      `INSERT INTO ratings (target_collection, target_id, visitor_hash, ${columns.join(', ')})
       SELECT 'modules', $1::varchar, md5('bench-visitor:' || $1::varchar || ':' || g), ${columns.map(() => '1 + floor(random() * 5)::int').join(', ')}
       FROM generate_series(1, $2::int) AS g`,
      [String(moduleId), count],
    )
    await client.query('VACUUM (ANALYZE) ratings')
  })

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
