/**
 * The floor: what "20 published modules with their Handlungsfelder" costs without a framework.
 * A minimal node:http server with a `pg` pool answers `GET /modules` with the JSON that
 * Payload's REST API gives a visitor for
 * `GET /api/modules?limit=20&where[_status][equals]=published&depth=1` (same documents, same
 * fields, populated Handlungsfelder and target groups, comment count, rating summary in German,
 * pagination), from one SQL statement: the page with its total, each module's relationships,
 * links, rating summary and comment count gathered by subqueries. The benchmark checks that
 * both answers are equal before it measures.
 *
 * Started by bench/run.ts as a process of its own: `DATABASE_URL`, `PORT`, `DATABASE_POOL_SIZE`.
 * Only what the benchmark's data holds is mirrored (e.g. no contacts or related projects).
 */
import http from 'node:http'

import pg from 'pg'

import { RATING_DIMENSIONS } from '../src/domain/ratingDimensions'

const LIMIT = 20
const SCALE = { max: 5, min: 1 }

const snake = (key: string) => key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)

const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DATABASE_POOL_SIZE || 10),
})

const PAGE_SQL = `
SELECT m.id, m.title, m.slug, m.summary, m.objective, m.users, m.target_group_note, m.implementation, m.steps, m.pitfalls,
  m.assessment, m.contacts_note, m.financing, m.advice,
  m.editorial_assessment_process_phase, m.editorial_assessment_time_effort, m.editorial_assessment_staff_effort,
  m.editorial_assessment_financial_effort, m.editorial_assessment_participation, m.editorial_assessment_complexity,
  m.ratings_locked, m.updated_at, m.created_at, m._status, m.duration,
  count(*) OVER () AS total,
  (SELECT coalesce(json_agg(x.value ORDER BY x."order"), '[]') FROM modules_process_phases x WHERE x.parent_id = m.id) AS process_phases,
  (SELECT coalesce(json_agg(x.value ORDER BY x."order"), '[]') FROM modules_participants x WHERE x.parent_id = m.id) AS participants,
  (SELECT coalesce(json_agg(x.value ORDER BY x."order"), '[]') FROM modules_participation_levels x WHERE x.parent_id = m.id) AS participation_levels,
  (SELECT coalesce(json_agg(x.value ORDER BY x."order"), '[]') FROM modules_formats x WHERE x.parent_id = m.id) AS formats,
  (SELECT coalesce(json_agg(json_build_object('id', f.id, 'title', f.title, 'slug', f.slug, 'order', f."order") ORDER BY r."order"), '[]')
     FROM modules_rels r JOIN fields_of_action f ON f.id = r.fields_of_action_id AND f._status = 'published'
     WHERE r.parent_id = m.id AND r.path = 'fieldsOfAction') AS fields_of_action,
  (SELECT coalesce(json_agg(json_build_object('id', t.id, 'title', t.title, 'slug', t.slug) ORDER BY r."order"), '[]')
     FROM modules_rels r JOIN target_groups t ON t.id = r.target_groups_id AND t._status = 'published'
     WHERE r.parent_id = m.id AND r.path = 'targetGroups') AS target_groups,
  (SELECT coalesce(json_agg(json_build_object('id', l.id, 'label', l.label, 'url', l.url) ORDER BY l._order), '[]')
     FROM modules_links l WHERE l._parent_id = m.id) AS links,
  (SELECT to_json(s) FROM rating_summaries s WHERE s.target_collection = 'modules' AND s.target_id = m.id::text LIMIT 1) AS rating_summary,
  (SELECT count(*)::int FROM comments c LEFT JOIN comments p ON p.id = c.parent_id
     WHERE c.target_collection = 'modules' AND c.target_id = m.id::text AND c.status = 'approved' AND c.is_confirmed
       AND NOT coalesce(c.is_hidden_by_reports, false)
       AND (c.parent_id IS NULL OR (p.status = 'approved' AND p.is_confirmed
         AND NOT coalesce(p.is_hidden_by_reports, false)))) AS comment_count
FROM modules m
WHERE m._status = 'published'
ORDER BY m.created_at DESC
LIMIT $1`

type Row = Record<string, unknown> & { total: string }

const numberOrNull = (value: unknown) =>
  value === null || value === undefined ? null : Number(value)
const iso = (value: unknown) => (value instanceof Date ? value.toISOString() : value)

const leanOf = (mean: null | number) => {
  if (mean === null) {
    return null
  }
  const middle = (SCALE.min + SCALE.max) / 2
  if (Math.abs(mean - middle) <= (SCALE.max - SCALE.min) / 8) {
    return 'balanced'
  }
  return mean < middle ? 'low' : 'high'
}

/** As the ratings plugin presents a stored summary to a German-speaking visitor. */
const ratingSummary = (stored: null | Record<string, unknown>) => {
  const raterCount = numberOrNull(stored?.rater_count) ?? 0
  const dimensions: Record<string, unknown> = {}
  for (const dimension of RATING_DIMENSIONS) {
    const column = snake(dimension.key)
    const mean = numberOrNull(stored?.[`${column}_mean`])
    const lean = leanOf(mean)
    dimensions[dimension.key] = {
      count: numberOrNull(stored?.[`${column}_count`]) ?? 0,
      distribution: (stored?.[`${column}_distribution`] as null | number[]) ?? [0, 0, 0, 0, 0],
      high: dimension.high.de,
      label: dimension.label.de,
      lean,
      leanLabel:
        lean === 'balanced'
          ? 'ausgeglichen'
          : lean === 'low'
            ? dimension.low.de
            : lean === 'high'
              ? dimension.high.de
              : null,
      low: dimension.low.de,
      mean,
    }
  }
  return {
    dimensions,
    isLocked: false,
    raterCount,
    scale: SCALE,
    text:
      raterCount === 0
        ? 'Dieser Eintrag wurde bisher noch nicht bewertet.'
        : raterCount === 1
          ? 'Dieser Eintrag wurde bisher von einer Person bewertet.'
          : `Dieser Eintrag wurde bisher von ${raterCount} Nutzerinnen und Nutzern bewertet.`,
  }
}

const moduleOf = (row: Row) => ({
  id: row.id,
  title: row.title,
  slug: row.slug,
  summary: row.summary,
  objective: row.objective,
  users: row.users,
  targetGroups: row.target_groups,
  targetGroupNote: row.target_group_note,
  fieldsOfAction: row.fields_of_action,
  implementation: row.implementation,
  steps: row.steps,
  pitfalls: row.pitfalls,
  assessment: row.assessment,
  contactsNote: row.contacts_note,
  contacts: [],
  financing: row.financing,
  advice: row.advice,
  relatedProjects: [],
  relatedModules: [],
  links: row.links,
  processPhases: row.process_phases,
  participants: row.participants,
  duration: row.duration ?? null,
  participationLevels: row.participation_levels,
  formats: row.formats,
  editorialAssessment: Object.fromEntries(
    RATING_DIMENSIONS.map(({ key }) => [
      key,
      numberOrNull(row[`editorial_assessment_${snake(key)}`]),
    ]),
  ),
  ratingsLocked: Boolean(row.ratings_locked),
  updatedAt: iso(row.updated_at),
  createdAt: iso(row.created_at),
  _status: row._status,
  commentCount: row.comment_count,
  ratingSummary: ratingSummary(row.rating_summary as null | Record<string, unknown>),
})

const page = async () => {
  const { rows } = await pool.query<Row>(PAGE_SQL, [LIMIT])
  const totalDocs = rows.length ? Number(rows[0]!.total) : 0
  const totalPages = Math.ceil(totalDocs / LIMIT)
  return {
    docs: rows.map(moduleOf),
    hasNextPage: totalPages > 1,
    hasPrevPage: false,
    limit: LIMIT,
    nextPage: totalPages > 1 ? 2 : null,
    page: 1,
    pagingCounter: 1,
    prevPage: null,
    totalDocs,
    totalPages,
  }
}

const server = http.createServer((req, res) => {
  if (req.method !== 'GET' || req.url !== '/modules') {
    res.writeHead(404).end()
    return
  }
  page().then(
    (body) => {
      const json = JSON.stringify(body)
      res
        .writeHead(200, {
          'Content-Length': Buffer.byteLength(json),
          'Content-Type': 'application/json',
        })
        .end(json)
    },
    (err: unknown) => {
      console.error(err)
      res.writeHead(500).end()
    },
  )
})

server.listen(Number(process.env.PORT), '127.0.0.1', () =>
  console.info(`floor ready on ${process.env.PORT}`),
)
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.close()
    void pool.end().finally(() => process.exit(0))
  })
}
