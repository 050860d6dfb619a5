/**
 * The benchmark's data set, written straight into the migrated schema with bulk INSERTs (the
 * Local API would take minutes for 5,000 projects): Handlungsfelder, target groups,
 * municipalities, projects, participation modules and events with German-ish titles, teasers
 * and rich text, about one in twenty a draft, relationships filled (Handlungsfelder, target
 * groups, municipalities), and the ratings. The same seed gives the same data.
 *
 * Only the documents' main tables and their relationship tables are filled, as Payload stores
 * a document's current state; no version history (no public read touches it).
 */
import pg from 'pg'

export type DatasetSize = {
  events: number
  modules: number
  municipalities: number
  projects: number
  ratings: number
}

export type Dataset = {
  /** Published ids, for the requests a member site sends. */
  eventMunicipalityIds: number[]
  fieldOfActionIds: number[]
  /** The module with half of all ratings (the issue-4 read rows). */
  bigModuleId: number
  /** A published module without generated ratings (it gets 10 through the API). */
  smallModuleId: number
  moduleIds: number[]
  municipalityIds: number[]
  projectSlugs: string[]
  /** Rows written per table. */
  counts: Record<string, number>
}

const DRAFT_SHARE = 0.05
const BATCH_ROWS = 1000
const DAY_MS = 86_400_000

/** mulberry32: small, fast and seedable, so every run writes the same data. */
const randomFrom = (seed: number) => {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const FIELDS_OF_ACTION = [
  'Wohnen und Wohnumfeld',
  'Bildung und Erziehung',
  'Gesundheit und Prävention',
  'Integration und Zusammenleben',
  'Lokale Ökonomie und Beschäftigung',
  'Umwelt, Klima und Verkehr',
  'Kultur im Stadtteil',
  'Sport und Freizeit',
  'Sicherheit und Sauberkeit',
  'Beteiligung und Aktivierung',
  'Image und Öffentlichkeitsarbeit',
  'Soziale Infrastruktur',
]
const TARGET_GROUPS = [
  'Kinder und Jugendliche',
  'Seniorinnen und Senioren',
  'Familien',
  'Menschen mit Migrationsgeschichte',
  'Alleinerziehende',
  'Menschen mit Behinderung',
  'Erwerbslose',
  'Gewerbetreibende',
]
const TOWN_STEMS = [
  'Ahl',
  'Bergh',
  'Dors',
  'Ems',
  'Fried',
  'Gel',
  'Hal',
  'Ibb',
  'Lüd',
  'Mesch',
  'Nie',
  'Olp',
  'Pader',
  'Rhe',
  'Sol',
  'Tel',
  'Unn',
  'Vier',
  'Warb',
  'Xan',
]
const TOWN_ENDINGS = [
  'en',
  'heim',
  'hausen',
  'dorf',
  'berg',
  'stadt',
  'feld',
  'born',
  'kirchen',
  'ingen',
  'bach',
  'burg',
  'au',
  'rode',
  'beck',
  'holz',
  'hagen',
  'wald',
  'brück',
  'ried',
]
const STATES = ['NW', 'NW', 'NW', 'BW', 'BW', 'NI', 'HE', 'RP', 'BY', 'SN']
const PROJECT_NOUNS = [
  'Nachbarschaftsgarten',
  'Stadtteilbüro',
  'Quartierstreff',
  'Familienzentrum',
  'Spielplatzumgestaltung',
  'Lernwerkstatt',
  'Seniorennetzwerk',
  'Bürgerhaus',
  'Jugendforum',
  'Quartiersfonds',
  'Mobilitätsstation',
  'Hof- und Fassadenprogramm',
  'Sprachcafé',
  'Gesundheitskiosk',
  'Stadtteilfest',
  'Repair-Café',
  'Schulhofsanierung',
  'Begegnungszentrum',
  'Grünzug',
  'Beteiligungswerkstatt',
]
const DISTRICTS = [
  'Nord',
  'Süd',
  'Mitte',
  'Altstadt',
  'Hafenviertel',
  'Bahnhofsviertel',
  'Am Berg',
  'Westend',
  'Oststadt',
  'Innenstadt',
]
const MODULE_NAMES = [
  'Aktivierende Befragung',
  'Stadtteilspaziergang',
  'Zukunftswerkstatt',
  'Planungszelle',
  'Quartiersrat',
  'Verfügungsfonds',
  'Runder Tisch',
  'Kinder- und Jugendbeteiligung',
  'Online-Beteiligung',
  'Bürgerversammlung',
  'Open Space',
  'World Café',
  'Planning for Real',
  'Fotostreifzug',
  'Nachbarschaftsdialog',
  'Quartiersmanagement vor Ort',
  'Bewohnerbeirat',
  'Ideenwettbewerb',
  'Mitmachbaustelle',
  'Stadtteilzeitung',
  'Bürgerhaushalt',
  'Kiezdetektive',
  'Lokaler Aktionsplan',
  'Mieterversammlung',
  'Gewerbestammtisch',
  'Seniorenbefragung',
  'Elterncafé',
  'Interkultureller Dialog',
  'Begehung mit Menschen mit Behinderung',
  'Pop-up-Büro',
]
const MODULE_VARIANTS = [
  '',
  'für Kinder',
  'mit Jugendlichen',
  'im ländlichen Raum',
  'digital',
  'mehrsprachig',
  'in Großwohnsiedlungen',
  'für Ältere',
  'im Sanierungsgebiet',
  'mit Schulen',
]
const EVENT_KINDS = [
  'network-meeting',
  'excursion',
  'study-trip',
  'workshop',
  'working-group',
  'seminar',
  'conference',
  'webinar',
] as const
const EVENT_KIND_LABELS: Record<(typeof EVENT_KINDS)[number], string> = {
  conference: 'Fachtagung',
  excursion: 'Exkursion',
  'network-meeting': 'Netzwerktreffen',
  seminar: 'Seminar',
  'study-trip': 'Studienreise',
  webinar: 'Webinar',
  workshop: 'Werkstatt',
  'working-group': 'Arbeitskreis',
}
const FORMATS = ['on-site', 'on-site', 'online', 'hybrid']
const SENTENCES = [
  'Im Quartier leben viele Familien mit kleinen Kindern, die bisher kaum Angebote in der Nähe finden.',
  'Gemeinsam mit den Bewohnerinnen und Bewohnern wurden Ideen gesammelt, bewertet und in kleinen Schritten umgesetzt.',
  'Das Stadtteilbüro koordiniert die Arbeit der Träger und ist an drei Tagen in der Woche geöffnet.',
  'Die Finanzierung erfolgt über das Städtebauförderprogramm Sozialer Zusammenhalt und einen Eigenanteil der Kommune.',
  'Wichtig war, auch Menschen zu erreichen, die sich sonst nicht an Beteiligungsverfahren beteiligen.',
  'Nach zwei Jahren zeigen sich erste Erfolge: Der Platz wird wieder genutzt, und die Nachbarschaft trifft sich regelmäßig.',
  'Eine Steuerungsgruppe aus Verwaltung, Wohnungswirtschaft und Zivilgesellschaft begleitet das Vorhaben.',
  'Stolpersteine waren lange Abstimmungswege zwischen den Ämtern und wechselnde Zuständigkeiten.',
  'Die Ergebnisse wurden in einer Ausstellung im Bürgerhaus vorgestellt und diskutiert.',
  'Für die Verstetigung sucht das Netzwerk nach Partnern aus der lokalen Wirtschaft.',
  'Mehrsprachige Einladungen und aufsuchende Gespräche an der Haustür haben die Beteiligung deutlich erhöht.',
  'Der Aufwand für Vorbereitung und Moderation sollte nicht unterschätzt werden.',
]

const slugify = (text: string) =>
  text
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')

/** Payload's Lexical JSON for plain paragraphs. */
const richText = (paragraphs: string[]) => ({
  root: {
    children: paragraphs.map((text) => ({
      children: [
        { detail: 0, format: 0, mode: 'normal', style: '', text, type: 'text', version: 1 },
      ],
      direction: 'ltr',
      format: '',
      indent: 0,
      textFormat: 0,
      type: 'paragraph',
      version: 1,
    })),
    direction: 'ltr',
    format: '',
    indent: 0,
    type: 'root',
    version: 1,
  },
})

type Row = Record<string, unknown>

/** Inserts rows (objects keyed by column) in batches through json_populate_recordset. */
const insertRows = async (client: pg.Client, table: string, rows: Row[]) => {
  if (!rows.length) {
    return
  }
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))]
    .map((column) => `"${column}"`)
    .join(', ')
  for (let start = 0; start < rows.length; start += BATCH_ROWS) {
    await client.query(
      `INSERT INTO "${table}" (${columns}) SELECT ${columns} FROM json_populate_recordset(NULL::"${table}", $1::json)`,
      [JSON.stringify(rows.slice(start, start + BATCH_ROWS))],
    )
  }
}

export const generateDataset = async ({
  databaseUrl,
  seed = 20261122,
  size,
}: {
  databaseUrl: string
  seed?: number
  size: DatasetSize
}): Promise<Dataset> => {
  const random = randomFrom(seed)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!
  const some = <T>(items: readonly T[], min: number, max: number): T[] => {
    const count = min + Math.floor(random() * (max - min + 1))
    return [...new Set(Array.from({ length: count }, () => pick(items)))]
  }
  const isDraft = () => random() < DRAFT_SHARE
  const status = (draft: boolean) => (draft ? 'draft' : 'published')
  const paragraphs = (count: number) =>
    Array.from({ length: count }, () => some(SENTENCES, 2, 4).join(' '))
  const now = Date.now()
  const createdAt = (index: number, total: number) =>
    new Date(now - (total - index) * 3_600_000).toISOString()

  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  const counts: Record<string, number> = {}
  const write = async (table: string, rows: Row[]) => {
    await insertRows(client, table, rows)
    counts[table] = (counts[table] ?? 0) + rows.length
  }
  try {
    await client.query('BEGIN')

    const fieldOfActionIds = FIELDS_OF_ACTION.map((_, index) => index + 1)
    await write(
      'fields_of_action',
      FIELDS_OF_ACTION.map((title, index) => ({
        _status: 'published',
        created_at: createdAt(index, FIELDS_OF_ACTION.length),
        id: index + 1,
        introduction: richText(paragraphs(2)),
        order: index + 1,
        slug: slugify(title),
        title,
        updated_at: createdAt(index, FIELDS_OF_ACTION.length),
      })),
    )
    const targetGroupIds = TARGET_GROUPS.map((_, index) => index + 1)
    await write(
      'target_groups',
      TARGET_GROUPS.map((title, index) => ({
        _status: 'published',
        created_at: createdAt(index, TARGET_GROUPS.length),
        id: index + 1,
        slug: slugify(title),
        title,
        updated_at: createdAt(index, TARGET_GROUPS.length),
      })),
    )

    const municipalities: Row[] = []
    const municipalityIds: number[] = []
    for (let index = 0; index < size.municipalities; index++) {
      const name = `${TOWN_STEMS[index % TOWN_STEMS.length]}${TOWN_ENDINGS[Math.floor(index / TOWN_STEMS.length) % TOWN_ENDINGS.length]}${index >= 400 ? ` ${Math.floor(index / 400) + 1}` : ''}`
      const draft = isDraft()
      const id = index + 1
      if (!draft) {
        municipalityIds.push(id)
      }
      municipalities.push({
        _status: status(draft),
        coordinates_latitude: (47.5 + random() * 7).toFixed(5),
        coordinates_longitude: (6 + random() * 9).toFixed(5),
        created_at: createdAt(index, size.municipalities),
        description: richText(paragraphs(1)),
        id,
        name,
        official_name: `Stadt ${name}`,
        slug: `${slugify(name)}-${id}`,
        state: pick(STATES),
        updated_at: createdAt(index, size.municipalities),
        website: `https://www.${slugify(name)}.de`,
      })
    }
    await write('municipalities', municipalities)

    const projects: Row[] = []
    const projectRels: Row[] = []
    const projectSlugs: string[] = []
    for (let index = 0; index < size.projects; index++) {
      const id = index + 1
      const municipality = municipalities[Math.floor(random() * municipalities.length)]!
      const title = `${pick(PROJECT_NOUNS)} ${pick(DISTRICTS)} ${String(municipality.name)}`
      const slug = `${slugify(title)}-${id}`
      const draft = isDraft()
      if (!draft) {
        projectSlugs.push(slug)
      }
      const from = now - Math.floor(random() * 3650) * DAY_MS
      projects.push({
        _status: status(draft),
        body: richText(paragraphs(3)),
        created_at: createdAt(index, size.projects),
        district: pick(DISTRICTS),
        id,
        municipality_id: municipality.id,
        period_from: new Date(from).toISOString(),
        period_precision: 'month',
        period_until: new Date(from + (365 + Math.floor(random() * 1460)) * DAY_MS).toISOString(),
        slug,
        teaser: some(SENTENCES, 1, 2).join(' '),
        title,
        updated_at: createdAt(index, size.projects),
      })
      some(fieldOfActionIds, 1, 3).forEach((target, order) =>
        projectRels.push({
          fields_of_action_id: target,
          order: order + 1,
          parent_id: id,
          path: 'fieldsOfAction',
        }),
      )
      some(targetGroupIds, 0, 2).forEach((target, order) =>
        projectRels.push({
          order: order + 1,
          parent_id: id,
          path: 'targetGroups',
          target_groups_id: target,
        }),
      )
    }
    await write('projects', projects)
    await write('projects_rels', projectRels)

    const modules: Row[] = []
    const moduleRels: Row[] = []
    const moduleIds: number[] = []
    for (let index = 0; index < size.modules; index++) {
      const id = index + 1
      const variant =
        MODULE_VARIANTS[Math.floor(index / MODULE_NAMES.length) % MODULE_VARIANTS.length]
      const round = Math.floor(index / (MODULE_NAMES.length * MODULE_VARIANTS.length))
      const title = [
        MODULE_NAMES[index % MODULE_NAMES.length],
        variant,
        round ? `(${round + 1})` : '',
      ]
        .filter(Boolean)
        .join(' ')
      // The first two are the read rows' modules: always published.
      const draft = index > 1 && isDraft()
      if (!draft) {
        moduleIds.push(id)
      }
      const assessment = () => 1 + Math.floor(random() * 5)
      modules.push({
        _status: status(draft),
        advice: richText(paragraphs(1)),
        assessment: richText(paragraphs(1)),
        contacts_note: richText(paragraphs(1)),
        created_at: createdAt(index, size.modules),
        editorial_assessment_complexity: assessment(),
        editorial_assessment_financial_effort: assessment(),
        editorial_assessment_participation: assessment(),
        editorial_assessment_process_phase: assessment(),
        editorial_assessment_staff_effort: assessment(),
        editorial_assessment_time_effort: assessment(),
        financing: richText(paragraphs(1)),
        id,
        implementation: richText(paragraphs(2)),
        objective: richText(paragraphs(2)),
        pitfalls: richText(paragraphs(1)),
        slug: `${slugify(title)}-${id}`,
        steps: richText(paragraphs(2)),
        summary: some(SENTENCES, 2, 3).join(' '),
        target_group_note: pick(SENTENCES),
        title,
        updated_at: createdAt(index, size.modules),
        users: richText(paragraphs(1)),
      })
      some(fieldOfActionIds, 1, 3).forEach((target, order) =>
        moduleRels.push({
          fields_of_action_id: target,
          order: order + 1,
          parent_id: id,
          path: 'fieldsOfAction',
        }),
      )
      some(targetGroupIds, 1, 2).forEach((target, order) =>
        moduleRels.push({
          order: order + 1,
          parent_id: id,
          path: 'targetGroups',
          target_groups_id: target,
        }),
      )
    }
    await write('modules', modules)
    await write('modules_rels', moduleRels)

    const events: Row[] = []
    const eventRels: Row[] = []
    const eventMunicipalityIds = new Set<number>()
    for (let index = 0; index < size.events; index++) {
      const id = index + 1
      const kind = pick(EVENT_KINDS)
      const topic = pick([...FIELDS_OF_ACTION, ...MODULE_NAMES])
      const title = `${EVENT_KIND_LABELS[kind]}: ${topic}`
      // From half a year ago to a year ahead, on the hour between 9:00 and 17:00 UTC.
      const start = new Date(now - 180 * DAY_MS + Math.floor(random() * 545) * DAY_MS)
      start.setUTCHours(8 + Math.floor(random() * 9), 0, 0, 0)
      const venue = municipalities[Math.floor(random() * municipalities.length)]!
      const draft = isDraft()
      events.push({
        _status: status(draft),
        created_at: createdAt(index, size.events),
        description: richText(paragraphs(2)),
        end: new Date(start.getTime() + (2 + Math.floor(random() * 6)) * 3_600_000).toISOString(),
        format: pick(FORMATS),
        id,
        kind,
        slug: `${slugify(title)}-${id}`,
        start: start.toISOString(),
        teaser: some(SENTENCES, 1, 2).join(' '),
        title,
        updated_at: createdAt(index, size.events),
        venue_address: `Marktplatz ${1 + Math.floor(random() * 40)}, ${String(venue.name)}`,
        venue_municipality_id: venue.id,
        venue_name: `Bürgerhaus ${String(venue.name)}`,
      })
      const involved = [venue.id as number, ...some(municipalityIds, 0, 1)]
      ;[...new Set(involved)].forEach((target, order) => {
        eventRels.push({
          municipalities_id: target,
          order: order + 1,
          parent_id: id,
          path: 'municipalities',
        })
        if (!draft) {
          eventMunicipalityIds.add(target)
        }
      })
      some(fieldOfActionIds, 1, 2).forEach((target, order) =>
        eventRels.push({
          fields_of_action_id: target,
          order: order + 1,
          parent_id: id,
          path: 'fieldsOfAction',
        }),
      )
    }
    await write('events', events)
    await write('events_rels', eventRels)

    // Half of the ratings on the big module, the rest spread over the others (not the small one).
    const [bigModuleId, smallModuleId] = [moduleIds[0]!, moduleIds[1]!]
    const otherModules = moduleIds.slice(2)
    const { rows: valueColumns } = await client.query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'ratings' AND column_name LIKE 'values\\_%' ORDER BY ordinal_position`,
    )
    const columns = valueColumns.map((row) => `"${row.column_name}"`)
    await client.query(`SELECT setseed(0.42)`)
    await client.query(
      `INSERT INTO ratings (target_collection, target_id, visitor_hash, ${columns.join(', ')})
       SELECT 'modules', CASE WHEN g <= $1::int / 2 OR cardinality($2::int[]) = 0 THEN $3::int ELSE ($2::int[])[1 + floor(random() * cardinality($2::int[]))::int] END::varchar,
              md5('bench-visitor:' || g), ${columns.map(() => '1 + floor(random() * 5)::int').join(', ')}
       FROM generate_series(1, $1::int) AS g`,
      [size.ratings, otherModules, bigModuleId],
    )
    counts.ratings = size.ratings

    for (const table of [
      'fields_of_action',
      'target_groups',
      'municipalities',
      'projects',
      'projects_rels',
      'modules',
      'modules_rels',
      'events',
      'events_rels',
    ]) {
      await client.query(
        `SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), (SELECT max(id) FROM "${table}"))`,
      )
    }
    await client.query('COMMIT')
    await client.query('VACUUM (ANALYZE)')
    return {
      bigModuleId,
      counts,
      eventMunicipalityIds: [...eventMunicipalityIds].sort((a, b) => a - b),
      fieldOfActionIds,
      moduleIds,
      municipalityIds,
      projectSlugs,
      smallModuleId,
    }
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined)
    throw err
  } finally {
    await client.end()
  }
}
