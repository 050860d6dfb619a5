/**
 * The bench rows of issue 16: full-text search and the method catalogue on the bench data set,
 * uncached (custom endpoints are never cached), at the bench's connection count; the target is
 * p99 ≤ 50 ms on a quiet machine. `searchRows` fills what the SQL-written data set lacks (the
 * modules' editorial facets, the search index through the same code the hooks use), then
 * measures with the caller's `measure`.
 *
 * Wiring in bench/run.ts, after the other rows (same database, server and floor):
 *   import { searchRows } from './search'
 *   rows.push(...(await searchRows({ connections, databaseUrl, env, floorRate, log, measure: measureAll })))
 */
import type { TableRow } from './lib/report'

import pg from 'pg'

import type { Measurement, Scenario } from './lib/load'

import { runScript } from './lib/processes'

/** Words of the data set's titles and texts (bench/lib/dataset.ts), one- to three-word queries. */
export const SEARCH_QUERIES = [
  'Zukunftswerkstatt',
  'Planungszelle',
  'Nachbarschaftsgarten',
  'Stadtteilbüro',
  'Seniorennetzwerk',
  'Familien Kinder',
  'Bewohnerinnen Ideen',
  'Sozialer Zusammenhalt',
  'Quartier',
  'Steuerungsgruppe Verwaltung',
  'Buergerhaus',
  'Stadtteilspaziergang digital',
  'Runder Tisch',
  'Verfuegungsfonds',
  'Jugendbeteiligung',
  'Zukunftswerkstat',
]

export const CATALOGUE_QUERIES = [
  'phase=planning',
  'format=digital&participationLevel=co-decide',
  'phase=analysis,planning&participants=medium',
  'duration=days&format=analog',
  'participation[min]=3',
  'financialEffort[max]=2.5&phase=implementation',
  'q=Zukunftswerkstatt',
  'q=Jugendlichen&format=hybrid',
  '',
]

/** The same round-robin as the other uncached rows: a path per request, cycled. */
const cycling = (paths: string[]) => {
  let next = 0
  return {
    method: 'GET' as const,
    setupRequest: <T extends { path?: string }>(request: T): T => ({
      ...request,
      path: paths[next++ % paths.length]!,
    }),
  }
}

/** The modules' facets, spread deterministically (by id) over every value, as editors would set them. */
const fillModuleFacets = async (databaseUrl: string) => {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    await client.query(`
      DELETE FROM modules_process_phases; DELETE FROM modules_participants;
      DELETE FROM modules_participation_levels; DELETE FROM modules_formats;
      INSERT INTO modules_process_phases (parent_id, "order", value)
        SELECT id, n, (ARRAY['analysis','planning','implementation','evaluation'])[1 + (id + n) % 4]::enum_modules_process_phases
        FROM modules, generate_series(1, 1 + id % 2) n;
      INSERT INTO modules_participants (parent_id, "order", value)
        SELECT id, 1, (ARRAY['small','medium','large','very-large'])[1 + id % 4]::enum_modules_participants FROM modules;
      INSERT INTO modules_participation_levels (parent_id, "order", value)
        SELECT id, n, (ARRAY['inform','consult','co-decide'])[1 + (id + n) % 3]::enum_modules_participation_levels
        FROM modules, generate_series(1, 1 + id % 2) n;
      INSERT INTO modules_formats (parent_id, "order", value)
        SELECT id, 1, (ARRAY['analog','digital','hybrid'])[1 + id % 3]::enum_modules_formats FROM modules;
      UPDATE modules SET duration = (ARRAY['hours','days','weeks','months','ongoing'])[1 + id % 5]::enum_modules_duration;`)
  } finally {
    await client.end()
  }
}

/** Editors at work: a published document's index row written again every second (an edit). */
const EDIT_INTERVAL_MS = 1_000

/** Runs `measure` while a published document is edited every second; answers how many edits. */
const whileEditing = async <T>(databaseUrl: string, measure: () => Promise<T>) => {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  let edits = 0
  let editing = Promise.resolve()
  const timer = setInterval(() => {
    editing = editing.then(async () => {
      await client.query(
        `UPDATE search_documents SET updated_at = now()
         WHERE version = 'published' AND (collection, doc_id) = (
           SELECT collection, doc_id FROM search_documents WHERE version = 'published'
           ORDER BY collection, doc_id OFFSET $1 LIMIT 1)`,
        [(edits * 97) % 5_000],
      )
      edits++
    })
  }, EDIT_INTERVAL_MS)
  try {
    return { edits: () => edits, result: await measure() }
  } finally {
    clearInterval(timer)
    await editing
    await client.end()
  }
}

export const searchRows = async ({
  connections,
  databaseUrl,
  env,
  floorRate,
  log,
  measure,
}: {
  connections: number
  databaseUrl: string
  env: NodeJS.ProcessEnv
  /** The floor's req/s of the same run, for the ratio column. */
  floorRate: number
  log: (message: string) => void
  measure: (scenarios: Scenario[]) => Promise<Measurement[]>
}): Promise<TableRow[]> => {
  log('rows: search and the method catalogue')
  await fillModuleFacets(databaseUrl)
  const { exitCode, output } = await runScript({
    args: ['bench/searchIndex.ts'],
    env: { ...env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' },
    timeoutMs: 10 * 60_000,
  })
  const indexed = /search index: (\d+)/.exec(output)
  if (exitCode !== 0 || !indexed) {
    throw new Error(
      `building the search index failed (exit code ${exitCode}):\n${output.slice(-4000)}`,
    )
  }
  const searchPaths = SEARCH_QUERIES.flatMap((query) =>
    [1, 2].map((page) => `/api/search?q=${encodeURIComponent(query)}&page=${page}`),
  )
  const cataloguePaths = CATALOGUE_QUERIES.map(
    (query) => `/api/modules/catalogue${query ? `?${query}` : ''}`,
  )
  const [search, catalogue] = await measure([
    { connections, name: 'search', requests: [cycling(searchPaths)] },
    { connections, name: 'catalogue', requests: [cycling(cataloguePaths)] },
  ])
  const editing = await whileEditing(databaseUrl, () =>
    measure([{ connections, name: 'search while editing', requests: [cycling(searchPaths)] }]),
  )
  const [searchWhileEditing] = editing.result
  const describe = (measurement: Measurement) => {
    const failed = Object.entries(measurement.non2xx)
      .map(([status, count]) => `${count}× ${status}`)
      .join(', ')
    return `p99 target ≤ 50 ms (quiet machine): ${measurement.median.p99Ms <= 50 ? 'met' : 'not met'}${failed ? `; non-2xx: ${failed}` : ''}${measurement.errors ? `; ${measurement.errors} errors` : ''}`
  }
  return [
    {
      name: `search \`/api/search?q=…\` (${SEARCH_QUERIES.length} queries × 2 pages), ${connections} conn., uncached`,
      notes: `${indexed[1]} published documents indexed; counts per type, a page of 10 with snippets; ${describe(search!)}`,
      ratioToFloor: search!.median.requestsPerSecond / floorRate,
      ...search!.median,
    },
    {
      name: '… while editors publish: a published document edited every second',
      notes: `${editing.edits()} edits during the row; each brings the index in memory up to date (only the rows written since are read again); ${describe(searchWhileEditing!)}`,
      ratioToFloor: searchWhileEditing!.median.requestsPerSecond / floorRate,
      ...searchWhileEditing!.median,
    },
    {
      name: `method catalogue \`/api/modules/catalogue?…\` (${CATALOGUE_QUERIES.length} filter sets), ${connections} conn., uncached`,
      notes: `facets, profile and words combined, every facet value counted; ${describe(catalogue!)}`,
      ratioToFloor: catalogue!.median.requestsPerSecond / floorRate,
      ...catalogue!.median,
    },
  ]
}
