/**
 * Malformed input from outside, over real HTTP against the production build: the class of
 * defects, not single requests. Every route a client can reach (each collection's create and
 * update routes, the auth routes, the plugins' public endpoints and mail links, every endpoint
 * of every collection with garbage ids, list and detail queries, GraphQL) is sent the inputs
 * that used to end in a 500 or in English: bodies that are not JSON, `_payload` fields that are
 * not objects, NUL characters and lone UTF-16 surrogates, bytes that are not UTF-8, media types
 * Payload doesn't read, garbage ids and query parameters, GraphQL that can't run.
 *
 * Every answer must be below 500; a 4xx for malformed input (probes marked `answered` may also
 * be 2xx, where the input is legitimately accepted; the reason stands beside each); JSON with a
 * message; German for German clients (and English in at least one sample per route class for
 * `Accept-Language: en`); and nothing stored (rows and versions of every collection, counted
 * before and after each group). Violations are collected per group and asserted at once, so a
 * failing run lists every offending request.
 */
import type { CollectionSlug, Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import type { RunningServer } from '../../src/server/startServer'

import { issueFormToken } from '../../plugins/shared/formToken'
import { RATING_DIMENSIONS } from '../../src/domain/ratingDimensions'
import { MAX_LISTED_VALUES } from '../../src/hooks/refuseMistypedFilters'
import { createMunicipality, createOpenEvent } from '../helpers/fixtures'
import { requestJson } from '../helpers/http'
import { startTestServer } from '../helpers/server'
import { createSignedInUsers } from '../helpers/users'

const MEMBER_SITE = 'http://member.example'

// A group sends hundreds to thousands of requests (on a busy machine, over a minute for the largest).
vi.setConfig({ testTimeout: 150_000 })

// The config and the server read these when they are imported or started, before any hook runs.
vi.hoisted(() => {
  // Thousands of requests from one address: the limits have their own test files.
  process.env.AUTH_RATE_LIMIT_MAX = '1000000'
  process.env.COMMENTS_RATE_LIMIT_MAX = '0'
  process.env.EVENT_REGISTRATION_RATE_LIMIT_MAX = '0'
  process.env.RATINGS_PER_CLIENT_PER_HOUR = '0'
  process.env.COMMENTS_MIN_SUBMIT_SECONDS = '0'
  process.env.CORS_ORIGINS = 'http://member.example'
})

type Actor = 'admin' | 'anonymous' | 'editor' | 'municipality-editor'
type Language = 'de' | 'en' | 'none'
type Method = 'DELETE' | 'GET' | 'PATCH' | 'POST' | 'PUT'

/**
 * refused: a 4xx. answered: a 2xx or a 4xx (the input may legitimately be accepted).
 * error: a 4xx, or a 2xx whose body carries `errors` (GraphQL answers execution errors so).
 */
type Expectation = 'answered' | 'error' | 'refused'

type Body = {
  bytes: Buffer
  contentType?: string
  label: string
  /** Not refused at the express edge: reaches Payload or the plugin, which must refuse it. */
  passesEdge?: boolean
}

type Probe = {
  /** `text/html` for what a browser sends to a mail link; JSON otherwise. */
  accept?: string
  actor: Actor
  body?: Body
  expect: Expectation
  headers?: Record<string, string>
  language: Language
  method: Method
  path: string
  /** What kind of route this is, for "at least one English answer per route class". */
  routeClass: string
}

type Answer = {
  /** GraphQL errors whose `extensions.statusCode` says 500 or more: a 500 inside a 200. */
  hiddenServerErrors?: number
  headers: Headers
  isJson: boolean
  messages: string[]
  probe: Probe
  status: number
  text: string
}

const CONCURRENCY = 20
const WRITE_CONCURRENCY = 4
const DIMENSION = RATING_DIMENSIONS[0].key
/** Ids no document has, in every shape a URL can carry. */
const GARBAGE_IDS = ['abc', '-1', '0', '99999999999', '%00', '%E0%A4%A', '1.5', '%20']
/** The shapes of the generated sweep over every endpoint (the rest add nothing there). */
const SWEEP_IDS = GARBAGE_IDS.slice(0, 6)
const ALL_ACTORS: Actor[] = ['anonymous', 'editor', 'admin', 'municipality-editor']

let server: RunningServer
let payload: Payload
const tokens: Record<Exclude<Actor, 'anonymous'>, string> = {
  admin: '',
  editor: '',
  'municipality-editor': '',
}
/** An existing document of each collection (by slug), for the update routes. */
const existing: Record<string, number | string> = {}
const ids = { comment: 0, event: 0, module: 0 }
let counter = 0

// ---------------------------------------------------------------------------------------------
// Bodies

const jsonBody = (label: string, text: string, extra: Partial<Body> = {}): Body => ({
  bytes: Buffer.from(text, 'utf8'),
  contentType: 'application/json',
  label,
  ...extra,
})

const rawBody = (
  label: string,
  bytes: Buffer,
  contentType: string | undefined,
  extra: Partial<Body> = {},
): Body => ({
  bytes,
  contentType,
  label,
  ...extra,
})

type Part = { filename?: string; name: string; type?: string; value: Buffer | string }

const BOUNDARY = 'qn-malformed-7f3a9c'

const multipartBytes = (parts: Part[]) =>
  Buffer.concat([
    ...parts.flatMap(({ filename, name, type, value }) => [
      Buffer.from(
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"${filename === undefined ? '' : `; filename="${filename}"`}\r\n${type ? `Content-Type: ${type}\r\n` : ''}\r\n`,
        'utf8',
      ),
      typeof value === 'string' ? Buffer.from(value, 'utf8') : value,
      Buffer.from('\r\n'),
    ]),
    Buffer.from(`--${BOUNDARY}--\r\n`),
  ])

const multipartBody = (label: string, parts: Part[], extra: Partial<Body> = {}): Body => ({
  bytes: multipartBytes(parts),
  contentType: `multipart/form-data; boundary=${BOUNDARY}`,
  label,
  ...extra,
})

const payloadField = (label: string, value: Buffer | string) =>
  multipartBody(`multipart _payload ${label}`, [{ name: '_payload', value }])

/** JSON text with bytes spliced in that are not UTF-8 (or not allowed in it). */
const jsonWithBytes = (before: string, bytes: number[], after: string) =>
  Buffer.concat([Buffer.from(before, 'utf8'), Buffer.from(bytes), Buffer.from(after, 'utf8')])

const DOCUMENT = '{"title":"Titel","name":"Name"}'

/**
 * What the create and update routes (and, where they read a body, the auth routes and the
 * plugins' endpoints) are sent. The JSON escapes `\u0000` and `\ud800` are written literally:
 * the server's JSON parser turns them into the characters PostgreSQL refuses.
 */
const MALFORMED_BODIES: Body[] = [
  payloadField('"{"', '{'),
  payloadField('"[1]"', '[1]'),
  payloadField('"\\"text\\""', '"text"'),
  payloadField('"{\'a\':1}"', "{'a':1}"),
  payloadField('"{\\"a\\":1,}"', '{"a":1,}'),
  payloadField('with \\u0000 in a value', '{"title":"Ti\\u0000tel"}'),
  payloadField('with \\u0000 in a key', '{"ti\\u0000tle":"Titel"}'),
  payloadField('with a raw NUL byte in a value', jsonWithBytes('{"title":"Ti', [0], 'tel"}')),
  payloadField('with a lone surrogate \\ud800', '{"title":"\\ud800"}'),
  // Let through by the edge today (the field is decoded leniently), so sent only where that is harmless.
  {
    ...payloadField(
      'with bytes that are not UTF-8',
      jsonWithBytes('{"title":"Ti', [0xff, 0xfe], 'tel"}'),
    ),
    passesEdge: true,
  },
  multipartBody('multipart field name with NUL', [{ name: '_pay\u0000load', value: DOCUMENT }]),
  multipartBody('multipart plain field with NUL', [{ name: 'title', value: 'Ti\u0000tel' }]),
  multipartBody('multipart file name with NUL', [
    { name: '_payload', value: '{}' },
    { filename: 'bild\u0000.png', name: 'file', type: 'image/png', value: Buffer.from('x') },
  ]),
  multipartBody('multipart text field "file" that is not JSON', [{ name: 'file', value: '{' }], {
    passesEdge: true,
  }),
  multipartBody(
    'multipart text field "file" naming a client upload',
    [{ name: 'file', value: '{"filename":"bild.png","mimeType":"image/png","size":1}' }],
    {
      passesEdge: true,
    },
  ),
  rawBody(
    'multipart without a closing boundary',
    Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="_payload"\r\n\r\n{}`),
    `multipart/form-data; boundary=${BOUNDARY}`,
  ),
  rawBody('multipart without a boundary', Buffer.from(DOCUMENT), 'multipart/form-data'),
  jsonBody('JSON with \\u0000 in a value', '{"title":"Ti\\u0000tel","name":"Na\\u0000me"}'),
  jsonBody('JSON with \\u0000 in a key', '{"ti\\u0000tle":"Titel"}'),
  jsonBody('JSON with a lone surrogate \\ud800 in a value', '{"title":"\\ud800","name":"Name"}'),
  jsonBody('JSON with a reversed surrogate pair', '{"title":"\\udfff\\ud800"}'),
  jsonBody(
    'JSON with a lone surrogate deep inside',
    '{"title":"Titel","layout":[{"blocks":[{"text":"\\ud83d"}]}]}',
  ),
  jsonBody('not JSON: "{"', '{'),
  jsonBody('not JSON: trailing comma', '{"title":"Titel",}'),
  jsonBody('not JSON: single quotes', "{'title':'Titel'}"),
  jsonBody('not JSON: NaN', 'NaN'),
  jsonBody('not JSON: trailing garbage', `${DOCUMENT}garbage`),
  jsonBody('JSON that is an array', '[1]', { passesEdge: true }),
  jsonBody('JSON that is a string', '"text"', { passesEdge: true }),
  jsonBody('JSON that is null', 'null', { passesEdge: true }),
  jsonBody('JSON that is a number', '1', { passesEdge: true }),
  rawBody('JSON body as text/plain', Buffer.from(DOCUMENT), 'text/plain'),
  rawBody('JSON body without a content type', Buffer.from(DOCUMENT), undefined),
  rawBody('JSON body as application/ld+json', Buffer.from(DOCUMENT), 'application/ld+json'),
  rawBody(
    'JSON with bytes that are not UTF-8',
    jsonWithBytes('{"title":"Ti', [0xff, 0xfe], 'tel"}'),
    'application/json',
  ),
  rawBody(
    'JSON with NUL as overlong UTF-8',
    jsonWithBytes('{"title":"Ti', [0xc0, 0x80], 'tel"}'),
    'application/json',
  ),
  rawBody(
    'JSON with a surrogate encoded as UTF-8 (CESU-8)',
    jsonWithBytes('{"title":"Ti', [0xed, 0xa0, 0x80], 'tel"}'),
    'application/json',
  ),
  rawBody('form with NUL', Buffer.from('title=Ti%00tel'), 'application/x-www-form-urlencoded'),
  rawBody(
    'form with bytes that are not UTF-8',
    Buffer.from([0x74, 0x3d, 0xff]),
    'application/x-www-form-urlencoded',
  ),
  rawBody(
    'form body Payload does not read',
    Buffer.from('title=Titel'),
    'application/x-www-form-urlencoded',
    { passesEdge: true },
  ),
  rawBody('text/plain, empty', Buffer.alloc(0), 'text/plain', { passesEdge: true }),
]

// ---------------------------------------------------------------------------------------------
// Sending and judging

const LANGUAGE_HEADERS: Record<Language, Record<string, string>> = {
  de: { 'Accept-Language': 'de-DE,de;q=0.9' },
  en: { 'Accept-Language': 'en-US,en;q=0.9' },
  none: {},
}

/**
 * Whether a message reads as English. Quoted parts are left out: they echo the client's input
 * (field names, paths), which may be anything.
 */
const looksEnglish = (message: string): boolean =>
  /\b(the|is|are|no|not|invalid|not found|must|required|missing|cannot|can't|could not|unknown|expected|received|error occurred|please|you|your|not allowed|does not|did you mean|field|value|request|provided|failed|only)\b/i.test(
    message.replace(/„[^“]*“|"[^"]*"/g, ' '),
  )

const messagesIn = (body: unknown): string[] => {
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    return []
  }
  const { errors, message } = body as { errors?: unknown; message?: unknown }
  const found: string[] = typeof message === 'string' ? [message] : []
  for (const entry of Array.isArray(errors) ? errors : []) {
    const { data, message: text } = (entry ?? {}) as {
      data?: { errors?: { message?: unknown }[] }
      message?: unknown
    }
    if (typeof text === 'string') {
      found.push(text)
    }
    for (const fieldError of Array.isArray(data?.errors) ? data.errors : []) {
      if (typeof fieldError?.message === 'string') {
        found.push(fieldError.message)
      }
    }
  }
  return found
}

const hiddenServerErrorsIn = (body: unknown): number => {
  const { errors } = (body && typeof body === 'object' ? body : {}) as { errors?: unknown }
  return (Array.isArray(errors) ? errors : []).filter((entry) => {
    const status = (entry as { extensions?: { statusCode?: unknown } })?.extensions?.statusCode
    return typeof status === 'number' && status >= 500
  }).length
}

/** The text a person reads on a mail link's page. */
const messagesInPage = (html: string): string[] =>
  [...html.matchAll(/<(?:h1|p)>([^<]*)<\/(?:h1|p)>/g)]
    .map((match) => match[1]!.replace(/&[a-z#0-9]+;/g, ' '))
    .filter(Boolean)

const send = async (probe: Probe): Promise<Answer> => {
  const headers: Record<string, string> = {
    Accept: probe.accept ?? 'application/json',
    ...LANGUAGE_HEADERS[probe.language],
    ...(probe.body?.contentType ? { 'Content-Type': probe.body.contentType } : {}),
    ...(probe.actor === 'anonymous' ? {} : { Authorization: `JWT ${tokens[probe.actor]}` }),
    ...probe.headers,
  }
  let response: Response
  try {
    // A Uint8Array body gets no content type of its own (a string would be text/plain).
    response = await fetch(`${server.url}${probe.path}`, {
      body: probe.body ? new Uint8Array(probe.body.bytes) : undefined,
      headers,
      method: probe.method,
      redirect: 'manual',
    })
  } catch (err) {
    return {
      headers: new Headers(),
      isJson: false,
      messages: [],
      probe,
      status: 0,
      text: `no answer: ${String((err as Error).cause ?? err)}`,
    }
  }
  const text = await response.text()
  const contentType = response.headers.get('content-type') ?? ''
  if (contentType.includes('text/html')) {
    return {
      headers: response.headers,
      isJson: false,
      messages: messagesInPage(text),
      probe,
      status: response.status,
      text,
    }
  }
  try {
    const parsed: unknown = JSON.parse(text)
    return {
      hiddenServerErrors: hiddenServerErrorsIn(parsed),
      headers: response.headers,
      isJson: true,
      messages: messagesIn(parsed),
      probe,
      status: response.status,
      text,
    }
  } catch {
    return {
      headers: response.headers,
      isJson: false,
      messages: [],
      probe,
      status: response.status,
      text,
    }
  }
}

const preview = (bytes: Buffer) => {
  const text = bytes.toString('utf8')
  const shown = text.includes('\ufffd')
    ? `0x${bytes.subarray(0, 60).toString('hex')}`
    : JSON.stringify(text)
  return shown.length > 140 ? `${shown.slice(0, 140)}…(${bytes.length} bytes)` : shown
}

/** The request as the lead needs it to reproduce: method, path, headers, body. */
const describeProbe = ({ accept, actor, body, headers, language, method, path }: Probe) =>
  [
    `${method} ${path.length > 160 ? `${path.slice(0, 160)}…` : path}`,
    `[${actor}`,
    `Accept-Language: ${LANGUAGE_HEADERS[language]['Accept-Language'] ?? '(none)'}`,
    accept && accept !== 'application/json' ? `Accept: ${accept}` : undefined,
    ...Object.entries(headers ?? {}).map(
      ([name, value]) => `${name}: ${value.length > 40 ? `${value.slice(0, 40)}…` : value}`,
    ),
    body ? `Content-Type: ${body.contentType ?? '(none)'}]` : ']',
    body ? `${body.label}: ${preview(body.bytes)}` : undefined,
  ]
    .filter(Boolean)
    .join(' ')
    .replace(/ \]/, ']')

const isClientError = (status: number) => status >= 400 && status < 500
const isSuccess = (status: number) => status >= 200 && status < 300

const violationsOf = ({
  hiddenServerErrors = 0,
  isJson,
  messages,
  probe,
  status,
  text,
}: Answer): string[] => {
  const problems: string[] = []
  if (status === 0) {
    problems.push(text)
  } else if (status >= 500) {
    problems.push('5xx')
  } else if (probe.expect === 'refused' && !isClientError(status)) {
    problems.push('expected a 4xx')
  } else if (probe.expect === 'answered' && !isClientError(status) && !isSuccess(status)) {
    problems.push('expected a 2xx or a 4xx')
  } else if (
    probe.expect === 'error' &&
    !isClientError(status) &&
    !(isSuccess(status) && messages.length > 0)
  ) {
    problems.push('expected a 4xx or errors')
  }
  if (hiddenServerErrors > 0) {
    problems.push('a server error (statusCode ≥ 500) among the GraphQL errors')
  }
  if (status >= 400 && probe.accept !== 'text/html' && !isJson) {
    problems.push('not JSON')
  }
  if (status >= 400 && messages.length === 0) {
    problems.push('no message')
  }
  if (probe.language !== 'en' && messages.some(looksEnglish)) {
    problems.push('English for a German client')
  }
  if (problems.length === 0) {
    return []
  }
  const shown = messages.length
    ? messages.map((message) => JSON.stringify(message.slice(0, 300))).join(' | ')
    : JSON.stringify(text.slice(0, 200))
  return [`${describeProbe(probe)} → ${status} ${shown} (${problems.join(', ')})`]
}

/** English clients get English: in each route class, at least one refusal reads as English. */
const englishGaps = (answers: Answer[]): string[] => {
  const samples = new Map<string, string[]>()
  for (const { messages, probe, status } of answers) {
    if (probe.language === 'en' && status >= 400 && status < 500) {
      samples.set(probe.routeClass, [...(samples.get(probe.routeClass) ?? []), ...messages])
    }
  }
  return [...samples]
    .filter(([, messages]) => !messages.some(looksEnglish))
    .map(
      ([routeClass, messages]) =>
        `${routeClass}: no English answer for Accept-Language: en among ${messages.length} (${messages.slice(0, 3).join(' | ')})`,
    )
}

/** Reads, and bodies the express edge refuses before anything else runs: cheap to send many at once. */
const isCheap = (probe: Probe) =>
  probe.method === 'GET' ||
  (probe.body !== undefined && MALFORMED_BODIES.includes(probe.body) && !probe.body.passesEdge)

const mapConcurrently = async <T, R>(
  items: T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> => {
  const results: R[] = new Array(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const index = next++
      results[index] = await work(items[index]!)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}

/** Rows (and versions) of every collection, including the jobs queue and the mail keys. */
const countRows = async (): Promise<Record<string, number>> => {
  const counts = await Promise.all(
    payload.config.collections.flatMap((collection) => {
      const slug = collection.slug as CollectionSlug
      return [
        payload
          .count({ collection: slug, overrideAccess: true })
          .then(({ totalDocs }) => [slug, totalDocs] as const),
        ...(collection.versions
          ? [
              payload
                .countVersions({ collection: slug, overrideAccess: true })
                .then(({ totalDocs }) => [`${slug} (versions)`, totalDocs] as const),
            ]
          : []),
      ]
    }),
  )
  return Object.fromEntries(counts)
}

/** Sends a group of probes; returns every violation, including rows that appeared or went. */
const runGroup = async (probes: Probe[]): Promise<{ answers: Answer[]; violations: string[] }> => {
  const before = await countRows()
  // Writes that reach Payload go a few at a time: twenty parallel updates exhaust the database
  // pool (503), which is about load, not about the input this file is testing.
  const light = probes.filter(isCheap)
  const heavy = probes.filter((probe) => !isCheap(probe))
  const answers = [
    ...(await mapConcurrently(light, CONCURRENCY, send)),
    ...(await mapConcurrently(heavy, WRITE_CONCURRENCY, send)),
  ]
  const after = await countRows()
  const changedRows = Object.keys({ ...before, ...after })
    .filter((key) => before[key] !== after[key])
    .map((key) => `rows of ${key} changed: ${before[key]} → ${after[key]}`)
  return {
    answers,
    violations: [...answers.flatMap(violationsOf), ...englishGaps(answers), ...changedRows],
  }
}

const expectNoViolations = async (probes: Probe[], { atLeast }: { atLeast: number }) => {
  // A table that generated (almost) nothing would pass without proving anything.
  expect(probes.length).toBeGreaterThanOrEqual(atLeast)
  const { violations } = await runGroup(probes)
  expect(violations, `${violations.length} of ${probes.length} requests misbehaved`).toEqual([])
}

/** German for the signed-in (no Accept-Language: German by default), German asked for otherwise. */
const germanFor = (actor: Actor): Language => (actor === 'anonymous' ? 'de' : 'none')

const slugs = () => payload.config.collections.map((collection) => collection.slug)

const authSlugs = () =>
  payload.config.collections
    .filter((collection) => collection.auth)
    .map((collection) => collection.slug)

// ---------------------------------------------------------------------------------------------
// Fixtures

const PIXEL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
)

const createFixtures = async () => {
  const published = { _status: 'published' as const }
  const city = await createMunicipality(payload, { name: 'Eingabestadt' })
  const signedIn = await createSignedInUsers(payload, {
    serverUrl: server.url,
    users: {
      admin: { email: 'admin@malformed.test', role: 'admin' },
      editor: { email: 'redaktion@malformed.test', role: 'editor' },
      'municipality-editor': {
        email: 'kommune@malformed.test',
        municipality: city.id,
        role: 'municipality-editor',
      },
    },
  })
  Object.assign(tokens, signedIn.tokens)
  existing.users = signedIn.users.editor.id
  existing.municipalities = city.id
  existing.organisations = (
    await payload.create({
      collection: 'organisations',
      data: { ...published, kind: 'network', title: 'Netzwerk Eingabe' },
    })
  ).id
  existing.people = (
    await payload.create({ collection: 'people', data: { ...published, name: 'Erika Eingabe' } })
  ).id
  existing['program-areas'] = (
    await payload.create({
      collection: 'program-areas',
      data: {
        ...published,
        municipality: city.id,
        programmeStatus: 'running',
        title: 'Gebiet Eingabe',
      },
    })
  ).id
  existing['fields-of-action'] = (
    await payload.create({
      collection: 'fields-of-action',
      data: { ...published, title: 'Handlungsfeld Eingabe' },
    })
  ).id
  existing.projects = (
    await payload.create({
      collection: 'projects',
      data: { ...published, municipality: city.id, title: 'Projekt Eingabe' },
    })
  ).id
  existing['event-series'] = (
    await payload.create({
      collection: 'event-series',
      data: { ...published, kind: 'workshop', title: 'Reihe Eingabe' },
    })
  ).id
  existing.programmes = (
    await payload.create({
      collection: 'programmes',
      data: { ...published, title: 'Programm Eingabe' },
    })
  ).id
  existing.publications = (
    await payload.create({
      collection: 'publications',
      data: { ...published, title: 'Publikation Eingabe' },
    })
  ).id
  existing['target-groups'] = (
    await payload.create({
      collection: 'target-groups',
      data: { ...published, title: 'Zielgruppe Eingabe' },
    })
  ).id
  existing.media = (
    await payload.create({
      collection: 'media',
      data: { alt: 'Ein Pixel' },
      file: { data: PIXEL_PNG, mimetype: 'image/png', name: 'pixel.png', size: PIXEL_PNG.length },
    })
  ).id
  ids.module = (
    await payload.create({ collection: 'modules', data: { ...published, title: 'Modul Eingabe' } })
  ).id
  existing.modules = ids.module
  ids.event = (
    await createOpenEvent(payload, {
      accessLink: 'https://meet.malformed.test/raum',
      capacity: 20,
      customQuestions: [{ key: 'organisation', label: 'Organisation', type: 'text' }],
      title: 'Veranstaltung Eingabe',
    })
  ).id
  existing.events = ids.event
  // A visible comment (a moderator's, through the Local API: approved and confirmed) and a report of it.
  ids.comment = (
    await payload.create({
      collection: 'comments',
      data: {
        authorName: 'Redaktion',
        targetCollection: 'modules',
        targetId: String(ids.module),
        text: 'Sichtbarer Kommentar',
      } as never,
    })
  ).id
  existing.comments = ids.comment
  existing['comment-reports'] = (
    await payload.create({
      collection: 'comment-reports',
      data: { clientHash: 'fixture', comment: ids.comment } as never,
    })
  ).id
  // A registration, a rating and their rows (summary, queued mail, mail key) as visitors make them.
  const registered = await fetch(`${server.url}/api/events/${ids.event}/registrations`, {
    body: JSON.stringify({
      answers: { organisation: 'Verein' },
      consent: true,
      email: 'gast@malformed.test',
      name: 'Gast Eingabe',
    }),
    headers: { 'Content-Type': 'application/json' },
    method: 'POST',
  })
  expect(registered.status).toBe(202)
  const rated = await fetch(`${server.url}/api/modules/${ids.module}/ratings`, {
    body: JSON.stringify({ values: { [DIMENSION]: 3 } }),
    headers: { 'Content-Type': 'application/json' },
    method: 'POST',
  })
  expect(rated.status).toBe(201)
  // Whatever else exists (registrations, ratings, jobs, mail keys, Payload's own collections).
  for (const slug of slugs()) {
    if (existing[slug] === undefined) {
      const { docs } = await payload.find({
        collection: slug as CollectionSlug,
        depth: 0,
        limit: 1,
        overrideAccess: true,
        pagination: false,
      })
      // No document at all (e.g. payload-kv): id 1 stands in; the bodies are refused before the id matters.
      existing[slug] = docs[0]?.id ?? 1
    }
  }
}

beforeAll(async () => {
  server = await startTestServer()
  payload = server.payload
  await createFixtures()
}, 180_000)

afterAll(async () => {
  await server?.stop()
})

// ---------------------------------------------------------------------------------------------
// Tables

type Route = { method: Method; path: string; routeClass: string }

const probesFor = (routes: Route[], bodies: Body[], actorsOf: (body: Body) => Actor[]): Probe[] =>
  routes.flatMap((route) =>
    bodies.flatMap((body) =>
      actorsOf(body).map((actor): Probe => ({
        ...route,
        actor,
        body,
        expect: 'refused',
        language: germanFor(actor),
      })),
    ),
  )

const inEnglish = (probes: Probe[]): Probe[] =>
  probes.map((probe) => ({ ...probe, language: 'en' }))

/** The first few probes of each route class again, for an English client. */
const englishSamples = (probes: Probe[], perClass = 6): Probe[] => {
  const taken = new Map<string, number>()
  return inEnglish(
    probes.filter((probe) => {
      const count = taken.get(probe.routeClass) ?? 0
      taken.set(probe.routeClass, count + 1)
      return count < perClass
    }),
  )
}

/** Collections a municipality editor may write (their city's profile, program areas, projects). */
const MUNICIPALITY_WRITES = new Set(['municipalities', 'program-areas', 'projects'])

/**
 * Edge refusals need no actor but the anonymous and the editor; what passes the edge meets every
 * role that gets past access control (elsewhere a municipality editor is refused like the anonymous).
 */
const writeActorsFor =
  (slug: string) =>
  (body: Body): Actor[] =>
    !body.passesEdge
      ? ['anonymous', 'editor']
      : MUNICIPALITY_WRITES.has(slug)
        ? ALL_ACTORS
        : ['anonymous', 'editor', 'admin']

const writeRoutes = (slug: string): Route[] => [
  { method: 'POST', path: `/api/${slug}`, routeClass: 'create' },
  { method: 'PATCH', path: `/api/${slug}/${existing[slug]}`, routeClass: 'update by id' },
  {
    method: 'PATCH',
    path: `/api/${slug}?where[id][equals]=${existing[slug]}`,
    routeClass: 'update by where',
  },
]

describe('malformed bodies to the create and update routes', () => {
  it('should refuse them on every collection, anonymous and signed in, and store nothing', async () => {
    const probes = [
      ...slugs().flatMap((slug) =>
        probesFor(writeRoutes(slug), MALFORMED_BODIES, writeActorsFor(slug)),
      ),
      ...inEnglish(probesFor(writeRoutes('modules'), MALFORMED_BODIES, () => ['anonymous'])),
    ]
    await expectNoViolations(probes, { atLeast: slugs().length * MALFORMED_BODIES.length * 6 })
  })
})

describe('the auth routes', () => {
  const authRoutes = (slug: string): Route[] =>
    [
      'login',
      'logout',
      'refresh-token',
      'forgot-password',
      'reset-password',
      'first-register',
      'unlock',
      'verify/abc',
      'me',
    ].map((operation) => ({
      method: 'POST',
      path: `/api/${slug}/${operation}`,
      routeClass: `auth ${operation}`,
    }))

  it('should refuse malformed bodies on login, logout, refresh-token, forgot-password, reset-password, first-register, unlock, verify and me', async () => {
    // Only the bodies the edge refuses: what passes it (an empty body, a form) is a legitimate
    // logout or refresh, which the next test sends on a token of its own.
    const edgeBodies = MALFORMED_BODIES.filter((body) => !body.passesEdge)
    const probes = authSlugs().flatMap((slug) => [
      ...probesFor(authRoutes(slug), edgeBodies, () => ['anonymous', 'editor']),
      ...inEnglish(probesFor(authRoutes(slug), edgeBodies.slice(0, 4), () => ['anonymous'])),
    ])
    await expectNoViolations(probes, { atLeast: 9 * edgeBodies.length * 2 })
  })

  it("should answer the auth routes' own refusals in the client's language", async () => {
    const users = authSlugs()[0]!
    const unknown = 'niemand@malformed.test'
    const post = (
      operation: string,
      json: string,
      expectation: Expectation = 'refused',
      actor: Actor = 'anonymous',
    ): Probe => ({
      actor,
      body: jsonBody(operation, json),
      expect: expectation,
      language: germanFor(actor),
      method: 'POST',
      path: `/api/${users}/${operation}`,
      routeClass: `auth ${operation}`,
    })
    const get = (path: string, headers?: Record<string, string>): Probe => ({
      actor: 'anonymous',
      // Anonymous is a legitimate answer (`{ user: null }`).
      expect: 'answered',
      headers,
      language: 'de',
      method: 'GET',
      path: `/api/${users}/${path}`,
      routeClass: `auth ${path}`,
    })
    const probes: Probe[] = [
      post('login', '{}'),
      post('login', '{"email":"","password":""}'),
      post('login', '{"email":1,"password":2}'),
      post('login', '{"email":["a@b.de"],"password":{"x":1}}'),
      post('login', '{"email":{"equals":"redaktion@malformed.test"},"password":"x"}'),
      post('login', `{"email":"${unknown}","password":"falsch"}`),
      post('login', '{"username":"niemand","password":"falsch"}'),
      post('login', `{"email":"${'a'.repeat(5000)}@malformed.test","password":"falsch"}`),
      post('forgot-password', '{}'),
      post('forgot-password', '{"email":1}'),
      post('forgot-password', '{"email":{"like":"%"}}'),
      post('forgot-password', '{"email":["a@b.de"]}'),
      // An unknown address is answered like a known one (no account enumeration): a 2xx.
      post('forgot-password', `{"email":"${unknown}"}`, 'answered'),
      post('reset-password', '{}'),
      post('reset-password', '{"token":"abc","password":"Neues-Passwort-2026"}'),
      post('reset-password', '{"token":1,"password":1}'),
      post('reset-password', '{"token":{"a":1},"password":["x"]}'),
      post('first-register', '{}'),
      post('first-register', '{"email":"erste@malformed.test","password":"Erstes-Passwort-2026"}'),
      post('first-register', '{"email":1,"password":1}'),
      post('unlock', '{}'),
      post('unlock', `{"email":"${unknown}"}`),
      post('unlock', '{"email":1}', 'refused', 'editor'),
      post('unlock', '{"email":{"like":"%"}}', 'refused', 'admin'),
      post('verify/abc', '{}'),
      post('verify/0', '{}'),
      post('verify/99999999999', '{}'),
      { ...post('refresh-token', '{}'), headers: { Authorization: 'JWT kein.gueltiges.token' } },
      post('refresh-token', '{}'),
      post('logout', '{}'),
      get('me'),
      get('me?depth=abc&locale=xx'),
      get('me', { Authorization: 'JWT abc' }),
      get('me', { Authorization: `JWT ${'a'.repeat(8000)}` }),
      get('me', { Authorization: 'Bearer abc' }),
      get('me', { Authorization: `${users} API-Key abc` }),
      get('init'),
    ]
    await expectNoViolations(
      [...probes, ...inEnglish(probes.filter((probe) => probe.method === 'POST'))],
      { atLeast: 60 },
    )
  })

  it('should accept an empty text/plain body where the route needs none (logout, refresh-token)', async () => {
    // A legitimate request, not malformed input: no body to read, so no media type to refuse.
    const users = authSlugs()[0]!
    // An account of its own: logging out ends only this session, and the other tests' logins stay valid.
    const {
      tokens: { throwaway },
    } = await createSignedInUsers(payload, {
      serverUrl: server.url,
      users: { throwaway: { email: 'abmelden@malformed.test', role: 'editor' } },
    })
    const empty = rawBody('text/plain, empty', Buffer.alloc(0), 'text/plain')
    const call = (operation: string) =>
      fetch(`${server.url}/api/${users}/${operation}`, {
        body: new Uint8Array(empty.bytes),
        headers: { Authorization: `JWT ${throwaway}`, 'Content-Type': 'text/plain' },
        method: 'POST',
      })
    const refreshed = await call('refresh-token')
    expect(refreshed.status).toBe(200)
    const loggedOut = await call('logout')
    expect(loggedOut.status).toBe(200)
    const body = (await loggedOut.json()) as { message?: string }
    expect(looksEnglish(body.message ?? ''), body.message).toBe(false)
  })
})

describe("the plugins' public endpoints", () => {
  const registrationBody = (fields: string) =>
    `{"answers":{"organisation":"Verein"},"consent":true,"email":"gast-${++counter}@malformed.test","name":"Gast",${fields}}`
  const post = (
    path: string,
    routeClass: string,
    body: Body,
    actor: Actor = 'anonymous',
    language: Language = germanFor(actor),
  ): Probe => ({
    actor,
    body,
    expect: 'refused',
    language,
    method: 'POST',
    path,
    routeClass,
  })

  it('should refuse malformed ratings and store nothing', async () => {
    const path = `/api/modules/${ids.module}/ratings`
    const rating = (label: string, json: string) => post(path, 'rate', jsonBody(label, json))
    const valid = `{"values":{"${DIMENSION}":3}}`
    const probes = [
      ...MALFORMED_BODIES.map((body) => post(path, 'rate', body)),
      ...MALFORMED_BODIES.slice(0, 6).map((body) => post(path, 'rate', body, 'editor')),
      rating('NUL in a dimension', `{"values":{"${DIMENSION}\\u0000":3}}`),
      rating('lone surrogate as a dimension', '{"values":{"\\ud800":3}}'),
      rating('NUL as a value', `{"values":{"${DIMENSION}":"\\u0000"}}`),
      rating('value as text', `{"values":{"${DIMENSION}":"3"}}`),
      rating('fraction', `{"values":{"${DIMENSION}":3.5}}`),
      rating('huge', `{"values":{"${DIMENSION}":99999999999}}`),
      rating('negative', `{"values":{"${DIMENSION}":-1}}`),
      rating('values an array', '{"values":[3]}'),
      rating('values text', '{"values":"3"}'),
      rating('values empty', '{"values":{}}'),
      rating('values null', '{"values":null}'),
      rating('no values', '{}'),
      rating('extra key', `{"values":{"${DIMENSION}":3},"extra":1}`),
      rating('unknown dimension', '{"values":{"gibtsnicht":3}}'),
      rating('too large', `{"values":{"${DIMENSION}":3},"x":"${'a'.repeat(3000)}"}`),
      ...GARBAGE_IDS.flatMap((id) => [
        post(`/api/modules/${id}/ratings`, 'rate', jsonBody('valid rating', valid)),
        post(`/api/modules/${id}/ratings`, 'rate', jsonBody('not JSON', '{')),
      ]),
    ]
    await expectNoViolations([...probes, ...englishSamples(probes)], { atLeast: 80 })
  })

  it('should refuse malformed comments, moderator posts and reports and store nothing', async () => {
    const comment = (fields: Record<string, unknown>) =>
      JSON.stringify({
        authorName: 'Erika',
        consent: true,
        email: `besucherin-${++counter}@malformed.test`,
        formToken: issueFormToken({
          issuedAt: Date.now() - 10_000,
          scope: 'comments',
          secret: payload.secret,
        }),
        targetCollection: 'modules',
        targetId: ids.module,
        text: 'Ein Kommentar',
        ...fields,
      })
        // The JSON escapes stay escapes (JSON.stringify would double the backslash).
        .replace(/\\\\u/g, '\\u')
    const submit = (label: string, fields: Record<string, unknown>, actor: Actor = 'anonymous') =>
      post('/api/comments', 'comment', jsonBody(label, comment(fields)), actor)
    const probes = [
      ...MALFORMED_BODIES.map((body) => post('/api/comments', 'comment', body)),
      // A moderator's POST /api/comments is Payload's create: what passes the edge meets its validation.
      ...MALFORMED_BODIES.map((body) =>
        post('/api/comments', 'comment by a moderator', body, 'editor'),
      ),
      submit('NUL in the name', { authorName: 'Eri\\u0000ka' }),
      submit('NUL in the text', { text: 'Ein\\u0000Kommentar' }),
      submit('lone surrogate in the text', { text: 'Ein \\ud800 Kommentar' }),
      submit('NUL in the address', { email: 'a\\u0000@b.de' }),
      submit('NUL in a key', { 'x\\u0000': 1 }),
      submit('lone surrogate in the form token', { formToken: '\\udc00' }),
      ...['abc', '-1', '0', '99999999999', '1.5', ''].map((id) =>
        submit(`target ${id}`, { targetId: id }),
      ),
      submit('target an object', { targetId: { equals: 1 } }),
      submit('target a number out of range', { targetId: 99999999999 }),
      submit('target collection users', { targetCollection: 'users' }),
      ...['abc', '-1', '0', '99999999999'].map((id) => submit(`parent ${id}`, { parent: id })),
      submit('parent an object', { parent: { id: 1 } }),
      submit('form token garbage', { formToken: 'abc' }),
      submit('form token too long', { formToken: 'a'.repeat(300) }),
      submit('consent as text', { consent: 'ja' }),
      submit('text empty', { text: '   ' }),
      submit('text too long', { text: 'a'.repeat(20_000) }),
      submit('unknown field', { gibtsnicht: 1 }),
      submit('moderator: no name', { authorName: undefined, email: undefined }, 'editor'),
      submit('moderator: parent abc', { parent: 'abc' }, 'editor'),
      submit('moderator: status garbage', { status: 'gibtsnicht' }, 'editor'),
      // Reports read no body: only what the edge refuses (a body it lets through is ignored).
      ...MALFORMED_BODIES.filter((body) => !body.passesEdge).map((body) =>
        post(`/api/comments/${ids.comment}/report`, 'report', body),
      ),
      ...GARBAGE_IDS.map((id): Probe => ({
        actor: 'anonymous',
        expect: 'refused',
        language: 'de',
        method: 'POST',
        path: `/api/comments/${id}/report`,
        routeClass: 'report',
      })),
      // The form token route takes no parameters: any it is sent are ignored (a 2xx), unless malformed.
      ...['?x=%00', '?%00=1', '/%00', '/%E0%A4%A'].map((query): Probe => ({
        actor: 'anonymous',
        expect: 'refused',
        language: 'de',
        method: 'GET',
        path: `/api/comments/form-token${query}`,
        routeClass: 'form token',
      })),
      ...['?depth=abc', '?a[b][c][d][e][f][g]=1', '?x=%E0%A4%A', '?limit=-1&page=abc'].map(
        (query): Probe => ({
          actor: 'anonymous',
          expect: 'answered',
          language: 'de',
          method: 'GET',
          path: `/api/comments/form-token${query}`,
          routeClass: 'form token',
        }),
      ),
    ]
    await expectNoViolations([...probes, ...englishSamples(probes)], { atLeast: 150 })
  })

  it('should refuse malformed registrations (NUL, lone surrogates in the answers) and store nothing', async () => {
    const path = `/api/events/${ids.event}/registrations`
    const register = (label: string, fields: string) =>
      post(path, 'register', jsonBody(label, registrationBody(fields).replace(/,}$/, '}')))
    const probes = [
      ...MALFORMED_BODIES.map((body) => post(path, 'register', body)),
      ...MALFORMED_BODIES.slice(0, 8).map((body) => post(path, 'register', body, 'editor')),
      register('NUL in the name', '"name":"Ga\\u0000st"'),
      register('lone surrogate in the name', '"name":"Gast \\ud800"'),
      register('NUL in the address', '"email":"ga\\u0000st@malformed.test"'),
      register('NUL in the answer', '"answers":{"organisation":"Ver\\u0000ein"}'),
      register('lone surrogate in the answer', '"answers":{"organisation":"Verein \\ud800"}'),
      register('lone low surrogate in the answer', '"answers":{"organisation":"\\udc00"}'),
      register(
        'reversed surrogate pair in the answer',
        '"answers":{"organisation":"\\udc00\\ud800"}',
      ),
      register('NUL in an answer key', '"answers":{"organi\\u0000sation":"Verein"}'),
      register('lone surrogate as an answer key', '"answers":{"\\ud800":"Verein"}'),
      register('answers an array', '"answers":["Verein"]'),
      register('answers nested', '"answers":{"organisation":{"name":"Verein"}}'),
      register('answer a number', '"answers":{"organisation":1}'),
      register('answer too long', `"answers":{"organisation":"${'a'.repeat(501)}"}`),
      register('no consent', '"consent":false'),
      register('consent as text', '"consent":"true"'),
      register('not an address', '"email":"kein-e-mail"'),
      register('no name', '"name":""'),
      register('unknown field', '"gibtsnicht":1'),
      register('too large', `"name":"${'a'.repeat(17_000)}"`),
      ...GARBAGE_IDS.map((id) =>
        post(
          `/api/events/${id}/registrations`,
          'register',
          jsonBody('valid registration', registrationBody('').replace(/,}$/, '}')),
        ),
      ),
    ]
    await expectNoViolations([...probes, ...englishSamples(probes, 40)], { atLeast: 80 })
  })

  it('should refuse malformed tokens in the confirm and cancel links', async () => {
    const links = [
      '/api/registrations/confirm',
      '/api/registrations/cancel',
      '/api/comments/confirm',
    ]
    const queries = [
      '',
      '?token=',
      '?token=abc',
      '?token=%00',
      '?token=%E0%A4%A',
      '?token=%ED%A0%80',
      `?token=${'a'.repeat(5000)}`,
      `?token=${'0'.repeat(64)}`,
      `?token=${'A'.repeat(43)}`,
      '?token[]=a&token[]=b',
      '?token=a&token=b',
      '?token[x]=y',
      '?token[x][y][z]=1',
    ]
    const form = rawBody(
      'the page button (an empty form)',
      Buffer.alloc(0),
      'application/x-www-form-urlencoded',
    )
    const probes = links.flatMap((link) =>
      queries.flatMap((query): Probe[] => {
        const base = {
          actor: 'anonymous' as const,
          expect: 'refused' as const,
          language: 'de' as const,
          path: `${link}${query}`,
          routeClass: link,
        }
        return [
          { ...base, method: 'GET' },
          { ...base, method: 'POST' },
          { ...base, body: form, method: 'POST' },
          // What a browser opening the link gets: a page (in German) and no change.
          { ...base, accept: 'text/html', method: 'GET' },
          { ...base, language: 'en', method: 'GET' },
        ]
      }),
    )
    await expectNoViolations(probes, { atLeast: 150 })
  })

  it('should refuse malformed ratings finder queries', async () => {
    const refused = [
      'limit=abc',
      'limit=0',
      'limit=101',
      'limit=-1',
      'limit=1.5',
      'limit=%E0%A4%A',
      'page=0',
      'page=abc',
      'page=-1',
      'sort=gibtsnicht',
      'sort[]=raterCount',
      'minRaters=-1',
      'minRaters=abc',
      `${DIMENSION}[min]=abc`,
      `${DIMENSION}[min]=99`,
      `${DIMENSION}[max]=-5`,
      `${DIMENSION}=3`,
      `${DIMENSION}[gt]=1`,
      `${DIMENSION}[min][x]=1`,
      'gibtsnicht=1',
      'where[title][equals]=x',
      'x=%00',
      '%00=1',
    ]
    // A page after the last is an empty page, not an error.
    const answered = ['page=99999999999', 'depth=abc', 'locale=xx', 'draft=true']
    const probe = (query: string, expectation: Expectation, language: Language = 'de'): Probe => ({
      actor: 'anonymous',
      expect: expectation,
      language,
      method: 'GET',
      path: `/api/modules/ratings-finder?${query}`,
      routeClass: 'ratings finder',
    })
    const probes = [
      ...refused.map((query) => probe(query, 'refused')),
      ...refused.map((query) => probe(query, 'refused', 'en')),
      ...answered.map((query) => probe(query, 'answered')),
    ]
    await expectNoViolations(probes, { atLeast: 40 })
  })

  it('should refuse a report not sent as JSON (a cross-site form could send it) with 415, and take one sent as JSON', async () => {
    // A report changes what the public sees (enough of them hide a comment): like every public
    // write it needs a JSON content type, which no cross-site form can send without CORS.
    const comment = await payload.create({
      collection: 'comments',
      data: {
        authorName: 'Redaktion',
        targetCollection: 'modules',
        targetId: String(ids.module),
        text: 'Noch ein Kommentar',
      } as never,
    })
    const reportsOf = async () =>
      (
        await payload.count({
          collection: 'comment-reports',
          where: { comment: { equals: comment.id } },
        })
      ).totalDocs
    const asForm = await fetch(`${server.url}/api/comments/${comment.id}/report`, {
      body: new Uint8Array(0),
      headers: { 'Accept-Language': 'de', 'Content-Type': 'text/plain' },
      method: 'POST',
    })
    expect(asForm.status).toBe(415)
    expect(((await asForm.json()) as { errors: { message: string }[] }).errors[0]!.message).toMatch(
      /JSON/,
    )
    expect(await reportsOf()).toBe(0)
    const asJson = await fetch(`${server.url}/api/comments/${comment.id}/report`, {
      body: '{}',
      headers: { 'Accept-Language': 'de', 'Content-Type': 'application/json' },
      method: 'POST',
    })
    expect(asJson.status).toBe(202)
    expect(await reportsOf()).toBe(1)
  })

  it('should mention files in a 415 only where files are uploaded', async () => {
    const messageOf = async (path: string) => {
      const response = await fetch(`${server.url}${path}`, {
        body: 'name=Gast',
        headers: { 'Accept-Language': 'de', 'Content-Type': 'text/csv' },
        method: 'POST',
      })
      expect(response.status, path).toBe(415)
      return ((await response.json()) as { errors: { message: string }[] }).errors[0]!.message
    }
    const registration = await messageOf(`/api/events/${ids.event}/registrations`)
    expect(registration).toBe(
      'Der Inhaltstyp „text/csv“ wird nicht angenommen. Senden Sie application/json.',
    )
    expect(await messageOf('/api/media')).toBe(
      'Der Inhaltstyp „text/csv“ wird nicht angenommen. Senden Sie application/json (Dateien als multipart/form-data).',
    )
  })
})

describe('every endpoint of every collection', () => {
  it('should answer garbage ids and parameters below 500, in German, and change nothing', async () => {
    // Legitimate work for a signed-in user, not malformed input, so sent anonymously only: running
    // or scheduling jobs (creates and removes jobs), and saving one's own preference under a key
    // (Payload's preferences are addressed by key, so any garbage "id" is a valid key).
    const isRealWork = (slug: string, path: string, method: Method) =>
      (slug === 'payload-jobs' && /^\/(run|handle-schedules)/.test(path)) ||
      (slug === 'payload-preferences' && method === 'POST')
    const probes = payload.config.collections.flatMap((collection) =>
      (collection.endpoints || []).flatMap((endpoint): Probe[] => {
        const method = endpoint.method.toUpperCase() as Method
        const hasParams = endpoint.path.includes('/:')
        const paths = hasParams
          ? SWEEP_IDS.flatMap((id) => {
              const filled = endpoint.path
                .replace(/\/:[A-Za-z]+\?/g, `/${id}`)
                .replace(/\/:[A-Za-z]+/g, `/${id}`)
              const withoutOptional = endpoint.path.replace(/\/:[A-Za-z]+\?/g, '')
              return withoutOptional.includes('/:') || withoutOptional === endpoint.path
                ? [filled]
                : [filled, withoutOptional]
            })
          : [endpoint.path === '/' ? '' : endpoint.path]
        const unique = [...new Set(paths)]
        return unique.flatMap((path) => {
          const actors: Actor[] = isRealWork(collection.slug, path, method)
            ? ['anonymous']
            : ['anonymous', 'editor']
          const hasBody = method === 'PATCH' || method === 'POST' || method === 'PUT'
          // With garbage in the path the handler itself runs on `{}`; without, only a malformed body is safe to send.
          const body = hasBody
            ? hasParams
              ? jsonBody('an empty object', '{}')
              : jsonBody('not JSON', '{')
            : undefined
          // Paths without parameters: a DELETE needs a where that matches nothing; GETs get garbage parameters.
          const query =
            method === 'DELETE' && !hasParams
              ? '?where[id][equals]=0'
              : method === 'GET' && !hasParams
                ? '?depth=abc&limit=-1&page=0&sort=%20&gibtsnicht[x]=1'
                : ''
          return actors.map((actor): Probe => ({
            actor,
            body,
            expect: 'answered',
            language: germanFor(actor),
            method,
            path: `/api/${collection.slug}${path}${query}`,
            routeClass: `${endpoint.method} ${endpoint.path}`,
          }))
        })
      }),
    )
    // Payload's preferences declare `/:key` beside the default `/:id` routes: one request each.
    const unique = [
      ...new Map(
        probes.map((probe) => [`${probe.method} ${probe.path} ${probe.actor}`, probe]),
      ).values(),
    ]
    await expectNoViolations(
      [
        ...unique,
        ...englishSamples(
          unique.filter((probe) => probe.actor === 'anonymous'),
          2,
        ),
      ],
      { atLeast: 500 },
    )
  })
})

describe('list and detail routes with malformed query parameters', () => {
  /** [query, expectation]; `answered` where a garbage parameter is legitimately ignored or matches nothing. */
  const LIST_QUERIES: [string, Expectation][] = [
    ['where[title][equals]=%00', 'refused'],
    ['where[ti%00tle][equals]=x', 'refused'],
    ['locale=%00', 'refused'],
    ['where[title][equals]=a%00b&depth=0', 'refused'],
    ['where[gibtsnicht][equals]=x', 'refused'],
    ['where[title.gibtsnicht][equals]=x', 'refused'],
    // Refused where ids are numbers (refuseMistypedFilters.ts, test below); Payload's own
    // collections answer an empty list.
    ['where[id][equals]=abc', 'answered'],
    ['where[id][in]=abc,-1,99999999999', 'answered'],
    ['where[id][greater_than]=abc', 'answered'],
    // A date field compared with no date: refused (src/hooks/refuseMistypedFilters.ts; Payload's own
    // collections answer an empty list), see the test below.
    ['where[createdAt][greater_than]=gestern', 'answered'],
    ['where[or][0][updatedAt][in]=2026-01-01,kein-datum', 'answered'],
    ['where[updatedAt][equals]=99999999999999999', 'answered'],
    ['where[title][gibtsnicht]=x', 'answered'],
    // Operators Payload knows but PostgreSQL's adapter can't run (src/db/unsupportedOperators.ts).
    ['where[id][all]=1', 'refused'],
    ['where[title][all]=x', 'refused'],
    ['where[id][near]=1,2', 'refused'],
    ['where[or][0][id][within]=x', 'refused'],
    ['where[and][0][id][intersects]=x', 'refused'],
    ['where[title][like][x]=1', 'answered'],
    ['where[or][0][and]=x', 'answered'],
    ['where[or]=x', 'answered'],
    ['where=abc', 'answered'],
    [`where${'[and][0]'.repeat(40)}[title][equals]=x`, 'answered'],
    ['where[id][equals]=%E0%A4%A', 'answered'],
    ['depth=abc', 'answered'],
    ['depth=-1', 'answered'],
    ['depth=99999999999', 'answered'],
    ['depth[]=1', 'answered'],
    ['limit=abc', 'answered'],
    ['limit=-1', 'answered'],
    ['limit=99999999999', 'answered'],
    ['page=abc', 'answered'],
    ['page=-1', 'answered'],
    ['page=0', 'answered'],
    ['page=99999999999', 'answered'],
    ['sort=gibtsnicht', 'answered'],
    ['sort=-', 'answered'],
    ['sort[]=title&sort[x]=y', 'answered'],
    ['sort=title,,,-', 'answered'],
    ['draft=true', 'answered'],
    ['draft=abc', 'answered'],
    ['locale=xx', 'answered'],
    ['locale[]=de&fallback-locale=none', 'answered'],
    ['select[gibtsnicht]=true', 'answered'],
    ['select=abc', 'answered'],
    ['populate[gibtsnicht][title]=true', 'answered'],
    ['joins[x][limit]=abc', 'answered'],
    ['trash=true', 'answered'],
    ['pagination=abc', 'answered'],
  ]
  const WHERE_QUERIES = LIST_QUERIES.filter(([query]) => query.startsWith('where'))
  /**
   * Payload's preferences are addressed by key, not id (GET /api/payload-preferences/:key, so
   * `count` and `abc` are keys too): an unknown key is `{ message, value: null }`, a 200 by design.
   */
  const byKey = (slug: string, [query]: [string, Expectation]): [string, Expectation] => [
    query,
    slug === 'payload-preferences' ? 'answered' : 'refused',
  ]
  const DETAIL_QUERIES = LIST_QUERIES.filter(([query]) => !query.startsWith('where'))

  const probe = (
    path: string,
    routeClass: string,
    [query, expectation]: [string, Expectation],
    actor: Actor,
    language = germanFor(actor),
  ): Probe => ({
    actor,
    expect: expectation,
    language,
    method: 'GET',
    path: query ? `${path}?${query}` : path,
    routeClass,
  })

  it('should answer malformed list, count and versions queries below 500 and in German', async () => {
    const probes = slugs().flatMap((slug) => {
      const versioned = payload.collections[slug as CollectionSlug].config.versions
      return (['anonymous', 'editor'] as const).flatMap((actor) => [
        ...LIST_QUERIES.map((query) => probe(`/api/${slug}`, 'list', query, actor)),
        ...WHERE_QUERIES.map((query) =>
          probe(
            `/api/${slug}/count`,
            'count',
            slug === 'payload-preferences' ? byKey(slug, query) : query,
            actor,
          ),
        ),
        ...(versioned
          ? WHERE_QUERIES.map((query) => probe(`/api/${slug}/versions`, 'versions', query, actor))
          : []),
      ])
    })
    const english = ['modules', 'users'].flatMap((slug) =>
      LIST_QUERIES.map((query) => probe(`/api/${slug}`, 'list', query, 'anonymous', 'en')),
    )
    await expectNoViolations([...probes, ...english], {
      atLeast: slugs().length * LIST_QUERIES.length * 2,
    })
  })

  it('should name the field and the value of a date filter that is no date, and take real dates', async () => {
    const refused = await fetch(`${server.url}/api/events?where[start][greater_than]=2026-13-45`, {
      headers: { 'Accept-Language': 'de' },
    })
    expect(refused.status).toBe(400)
    expect(((await refused.json()) as { errors: { message: string }[] }).errors[0]!.message).toBe(
      '„2026-13-45“ ist kein Datum (Filter auf „start“). Erwartet wird ein Datum wie 2026-12-01 oder 2026-12-01T09:00:00Z.',
    )
    // Every collection of ours, its list and its count, nested in and/or too.
    const ours = payload.config.collections
      .map((collection) => collection.slug)
      .filter((slug) => !slug.startsWith('payload-'))
    const misanswered: string[] = []
    for (const slug of ours) {
      for (const path of [
        `/api/${slug}?where[createdAt][greater_than]=gestern`,
        `/api/${slug}/count?where[or][0][updatedAt][in]=2026-01-01,kein-datum`,
      ]) {
        const response = await fetch(`${server.url}${path}`)
        if (response.status !== 400) {
          misanswered.push(`${path}: ${response.status}`)
        }
      }
    }
    expect(misanswered).toEqual([])
    for (const date of ['2026-12-01', '2026-12-01T09:00:00Z', '2026-12-01T10:00:00.000+01:00']) {
      const taken = await fetch(
        `${server.url}/api/events?where[start][greater_than]=${encodeURIComponent(date)}&limit=1`,
      )
      expect(taken.status, date).toBe(200)
    }
  })

  it('should name the field and the value of a number filter that is no number, and take real numbers', async () => {
    const refused = await fetch(`${server.url}/api/events?where[capacity][equals]=abc`, {
      headers: { 'Accept-Language': 'de' },
    })
    expect(refused.status).toBe(400)
    expect(((await refused.json()) as { errors: { message: string }[] }).errors[0]!.message).toBe(
      '„abc“ ist keine Zahl (Filter auf „capacity“). Erwartet wird eine Zahl wie 20 oder 2.5.',
    )
    for (const path of [
      '/api/events?where[or][0][capacity][in]=20,zwanzig',
      '/api/events/count?where[capacity][greater_than]=1e999',
    ]) {
      expect((await fetch(`${server.url}${path}`)).status, path).toBe(400)
    }
    for (const value of ['20', '2.5', '-1', '1e3', '20,30']) {
      const operator = value.includes(',') ? 'in' : 'greater_than'
      const taken = await fetch(
        `${server.url}/api/events?where[capacity][${operator}]=${value}&limit=1`,
      )
      expect(taken.status, value).toBe(200)
    }
  })

  it('should name the field and the value of an id filter that is no id, and take real ids', async () => {
    const refused = await fetch(`${server.url}/api/modules?where[id][equals]=abc`, {
      headers: { 'Accept-Language': 'de' },
    })
    expect(refused.status).toBe(400)
    expect(((await refused.json()) as { errors: { message: string }[] }).errors[0]!.message).toBe(
      '„abc“ ist keine ID (Filter auf „id“). Erwartet wird eine ID, eine ganze Zahl wie 12; nach dem Kurznamen filtern Sie mit where[slug][equals]=….',
    )
    const related = await fetch(`${server.url}/api/modules?where[fieldsOfAction][in]=3,abc`, {
      headers: { 'Accept-Language': 'en' },
    })
    expect(related.status).toBe(400)
    expect(((await related.json()) as { errors: { message: string }[] }).errors[0]!.message).toBe(
      '"abc" is not an id (filter on "fieldsOfAction"). Expected an id, a whole number such as 12; filter by slug with where[fieldsOfAction.slug][equals]=….',
    )
    // Through groups and relationships, as a website writes them (a user test: these said only
    // "a value the database doesn't take").
    for (const [path, field, slugHint] of [
      [
        '/api/events?where[venue.municipality][equals]=abc',
        'venue.municipality',
        'venue.municipality.slug',
      ],
      ['/api/projects?where[fieldsOfAction.id][in]=x', 'fieldsOfAction.id', 'fieldsOfAction.slug'],
      [
        '/api/events?where[municipalities.id][equals]=abc',
        'municipalities.id',
        'municipalities.slug',
      ],
    ] as const) {
      const response = await fetch(`${server.url}${path}`, { headers: { 'Accept-Language': 'de' } })
      expect(response.status, path).toBe(400)
      const message = ((await response.json()) as { errors: { message: string }[] }).errors[0]!
        .message
      expect(message, path).toMatch(
        new RegExp(`ist keine ID \\(Filter auf „${field.replace(/\./g, '\\.')}“\\)`),
      )
      expect(message, path).toContain(`where[${slugHint}][equals]=…`)
    }
    const relatedDate = await fetch(
      `${server.url}/api/events?where[series.updatedAt][greater_than]=abc`,
      { headers: { 'Accept-Language': 'en' } },
    )
    expect(relatedDate.status).toBe(400)
    expect(
      ((await relatedDate.json()) as { errors: { message: string }[] }).errors[0]!.message,
    ).toMatch(/^"abc" is not a date \(filter on "series\.updatedAt"\)/)
    for (const query of [
      'where[venue.municipality][equals]=1',
      'where[fieldsOfAction.id][in]=1,2',
      'where[series.updatedAt][greater_than]=2026-01-01',
      'where[venue.municipality.slug][equals]=essen',
    ]) {
      expect((await fetch(`${server.url}/api/events?${query}&limit=1`)).status, query).toBe(200)
    }
    // A value without an operator: said so, not "start.0, start.1, start.2" (a user test).
    const operatorless = await fetch(`${server.url}/api/events?where[start]=2026-12-01`, {
      headers: { 'Accept-Language': 'de' },
    })
    expect(operatorless.status).toBe(400)
    expect(
      ((await operatorless.json()) as { errors: { message: string }[] }).errors[0]!.message,
    ).toBe(
      'Der Filter auf „start“ braucht einen Vergleich, z. B. where[start][equals]=2026-12-01 (auch not_equals, like, in, greater_than, less_than, exists).',
    )
    // A field behind a relationship or group that isn't there: named with its whole path
    // (Payload's refusal named only "start"). An object where a value belongs (a user test:
    // an empty list).
    for (const [query, message] of [
      [
        'where[series.start][equals]=x',
        'Nach „series.start“ kann nicht gefiltert werden: Bei „series“ gibt es kein Feld „start“.',
      ],
      [
        'where[venue.gibtsnicht][equals]=1',
        'Nach „venue.gibtsnicht“ kann nicht gefiltert werden: Bei „venue“ gibt es kein Feld „gibtsnicht“.',
      ],
      [
        'where[title][equals][foo]=bar',
        'Der Filter auf „title“ vergleicht mit einem Wert, nicht mit „[foo]“: z. B. where[title][equals]=… (mehrere Werte bei in und not_in durch Kommas getrennt).',
      ],
      [
        'where[or][0][start][in][0][x]=1',
        'Der Filter auf „start“ vergleicht mit einem Wert, nicht mit „[x]“: z. B. where[start][in]=… (mehrere Werte bei in und not_in durch Kommas getrennt).',
      ],
    ] as const) {
      const response = await fetch(`${server.url}/api/events?${query}`, {
        headers: { 'Accept-Language': 'de' },
      })
      expect(response.status, query).toBe(400)
      expect(
        ((await response.json()) as { errors: { message: string }[] }).errors[0]!.message,
        query,
      ).toBe(message)
    }
    const exists = await fetch(`${server.url}/api/events?where[start][exists]=maybe`, {
      headers: { 'Accept-Language': 'de' },
    })
    expect(exists.status).toBe(400)
    expect(((await exists.json()) as { errors: { message: string }[] }).errors[0]!.message).toBe(
      '„exists“ nimmt true oder false (Filter auf „start“, gegeben: „maybe“).',
    )
    for (const value of ['true', 'false']) {
      expect((await fetch(`${server.url}/api/events?where[start][exists]=${value}`)).status).toBe(
        200,
      )
    }
    // Lists as qs writes them, and values of a hasMany field by contains (a nested query into
    // related documents is refuseNestedQueriesIntoHiddenRelations's: publicApi.int.spec.ts).
    for (const path of [
      '/api/events?where[slug][in][0]=a&where[slug][in][1]=b',
      '/api/events?where[slug][in][25]=a',
      '/api/events?where[start][greater_than]=2026-01-01',
      '/api/modules?where[formats][contains][0]=digital&where[formats][contains][1]=hybrid',
    ]) {
      expect((await fetch(`${server.url}${path}&limit=1`)).status, path).toBe(200)
    }
    // Every collection of ours whose ids are numbers, list and count, nested in and/or too.
    const ours = payload.config.collections
      .map((collection) => collection.slug)
      .filter((slug) => !slug.startsWith('payload-'))
    const misanswered: string[] = []
    for (const slug of ours) {
      for (const path of [
        `/api/${slug}?where[id][equals]=abc`,
        `/api/${slug}?where[id][equals]=`,
        `/api/${slug}?where[id][not_equals]=1.5`,
        `/api/${slug}/count?where[or][0][id][in]=1,zwei`,
        `/api/${slug}?where[and][0][id][greater_than]=99999999999`,
      ]) {
        const response = await fetch(`${server.url}${path}`)
        if (response.status !== 400) {
          misanswered.push(`${path}: ${response.status}`)
        }
      }
    }
    expect(misanswered).toEqual([])
    const moduleId = ids.module
    for (const query of [
      `where[id][equals]=${moduleId}`,
      `where[id][in]=${moduleId},2`,
      'where[id][greater_than]=0',
      'where[id][not_equals]=-1',
      'where[fieldsOfAction][in]=1,2',
      'where[fieldsOfAction][equals]=null',
      'where[fieldsOfAction.slug][equals]=abc',
      'where[slug][equals]=abc',
    ]) {
      const taken = await fetch(`${server.url}/api/modules?${query}&limit=1`)
      expect(taken.status, query).toBe(200)
    }
    const found = await fetch(`${server.url}/api/modules?where[id][equals]=${moduleId}&depth=0`)
    expect(((await found.json()) as { docs: { id: number }[] }).docs.map((doc) => doc.id)).toEqual([
      moduleId,
    ])
    // A list past qs's array limit (REST: 1,000; the admin's list page: 20) comes as an object
    // of indexes, and Payload dropped the condition: every document. It is read as the list.
    const idsBy = async (query: string) =>
      (
        (await (await fetch(`${server.url}/api/modules?${query}&depth=0&limit=100`)).json()) as {
          docs: { id: number }[]
        }
      ).docs.map((doc) => doc.id)
    expect(await idsBy(`where[id][in][0]=${moduleId}&where[id][in][1001]=-5`)).toEqual([moduleId])
    expect(
      await idsBy(`where[title][in][0]=Modul%20Eingabe&where[title][in][1001]=gibt%20es%20nicht`),
    ).toEqual([moduleId])
    expect(
      await idsBy(`where[or][0][id][not_in][0]=${moduleId}&where[or][0][id][not_in][2000]=-5`),
    ).not.toContain(moduleId)
    const asTheAdminReadsIt = await payload.find({
      collection: 'modules',
      depth: 0,
      // 22 ids, the first ours, the others none.
      where: {
        id: { in: Object.fromEntries([moduleId, ...Array(21).fill(-5)].map((id, at) => [at, id])) },
      },
    })
    expect(asTheAdminReadsIt.docs.map((doc) => doc.id)).toEqual([moduleId])
    // Longer lists than PostgreSQL takes parameters were "the database is unavailable" (503,
    // try again): 400, saying the limit. REST by the admin's POST form, GraphQL by variables.
    const values = (count: number) => [moduleId, ...Array(count - 1).fill(-5)]
    const byForm = (count: number, operator = 'in') =>
      fetch(`${server.url}/api/modules`, {
        body: `where[id][${operator}]=${values(count).join(',')}&depth=0&limit=1`,
        headers: {
          'Accept-Language': 'de',
          'Content-Type': 'application/x-www-form-urlencoded',
          'X-Payload-HTTP-Method-Override': 'GET',
        },
        method: 'POST',
      })
    const taken = await byForm(MAX_LISTED_VALUES)
    expect(taken.status).toBe(200)
    expect(((await taken.json()) as { docs: { id: number }[] }).docs.map((doc) => doc.id)).toEqual([
      moduleId,
    ])
    const tooMany = await byForm(70_000, 'not_in')
    expect(tooMany.status).toBe(400)
    expect(((await tooMany.json()) as { errors: { message: string }[] }).errors[0]!.message).toBe(
      'Ein Filter nennt in seinen Listen (in, not_in) und Suchwörtern (like) höchstens 10.000 Werte, dieser 70.000. Bitte teilen Sie lange Listen auf mehrere Anfragen auf und kürzen Sie lange Suchtexte.',
    )
    // `like` compares word by word, each word a parameter: a phrase of 70,000 words likewise.
    const byPhrase = (words: number) =>
      fetch(`${server.url}/api/modules`, {
        body: `where[title][like]=${Array(words).fill('Modul').join('+')}&depth=0&limit=1`,
        headers: {
          'Accept-Language': 'de',
          'Content-Type': 'application/x-www-form-urlencoded',
          'X-Payload-HTTP-Method-Override': 'GET',
        },
        method: 'POST',
      })
    expect((await byPhrase(MAX_LISTED_VALUES)).status).toBe(200)
    const longPhrase = await byPhrase(70_000)
    expect(longPhrase.status).toBe(400)
    expect(
      ((await longPhrase.json()) as { errors: { message: string }[] }).errors[0]!.message,
    ).toBe(
      'Ein Filter nennt in seinen Listen (in, not_in) und Suchwörtern (like) höchstens 10.000 Werte, dieser 70.000. Bitte teilen Sie lange Listen auf mehrere Anfragen auf und kürzen Sie lange Suchtexte.',
    )
    const graphql = await requestJson<{ errors?: { extensions?: { statusCode?: number } }[] }>(
      `${server.url}/api/graphql`,
      {
        body: {
          query:
            'query ($titles: [String]) { Modules(where: { title: { in: $titles } }) { totalDocs } }',
          variables: { titles: values(70_000).map(String) },
        },
        headers: { 'Accept-Language': 'en' },
        method: 'POST',
      },
    )
    expect(graphql.body.errors?.[0]?.extensions?.statusCode).toBe(400)
    expect(JSON.stringify(graphql.body)).toContain('at most 10,000 values')
  })

  it('should say the limit of nested and/or filters and how to write them, and take what fits', async () => {
    /** `levels` and/or groups inside each other around one condition on the title. */
    const nestedFilter = (levels: number, title: string) =>
      `where${Array.from({ length: levels }, (_, level) => `[${level % 2 ? 'and' : 'or'}][0]`).join('')}[title][equals]=${encodeURIComponent(title)}`
    const idsOf = async (query: string) => {
      const response = await fetch(`${server.url}/api/modules?${query}&depth=0`)
      expect(response.status, query).toBe(200)
      return ((await response.json()) as { docs: { id: number }[] }).docs.map((doc) => doc.id)
    }
    // Four groups inside each other: what Payload reads (twice the widgets' and inside or).
    expect(await idsOf(nestedFilter(4, 'Modul Eingabe'))).toEqual([ids.module])
    expect(
      await idsOf(
        'where[and][0][or][0][title][equals]=Modul%20Eingabe&where[and][0][or][1][slug][equals]=x&where[and][1][id][greater_than]=0',
      ),
    ).toEqual([ids.module])
    for (const levels of [5, 6, 40]) {
      for (const path of [
        `/api/modules?${nestedFilter(levels, 'x')}`,
        `/api/events/count?${nestedFilter(levels, 'x')}`,
      ]) {
        const refused = await fetch(`${server.url}${path}`, {
          headers: { 'Accept-Language': 'de' },
        })
        expect(refused.status, path).toBe(400)
        const { message } = ((await refused.json()) as { errors: { message: string }[] }).errors[0]!
        expect(message).toMatch(
          new RegExp(
            `^Der Parameter „where\\[or\\]\\[0\\]\\[and\\].*“ ist zu tief verschachtelt: ${levels * 2 + 2} Klammerpaare, höchstens 10 sind möglich\\. Das sind bis zu vier and/or-Gruppen ineinander`,
          ),
        )
        expect(message).toContain('als „oder“ von „und“-Gruppen schreiben')
      }
    }
    const english = await fetch(`${server.url}/api/modules?${nestedFilter(6, 'x')}`, {
      headers: { 'Accept-Language': 'en' },
    })
    expect(
      ((await english.json()) as { errors: { message: string }[] }).errors[0]!.message,
    ).toMatch(
      /is nested too deeply: 14 pairs of brackets, at most 10 are possible\. That is up to four and\/or groups/,
    )
    // The same filter six deep, as the message says, by GraphQL.
    const deep = (levels: number): string =>
      levels
        ? `{ ${levels % 2 ? 'AND' : 'OR'}: [${deep(levels - 1)}] }`
        : '{ title: { equals: "Modul Eingabe" } }'
    const graphql = await fetch(`${server.url}/api/graphql`, {
      body: JSON.stringify({ query: `{ Modules(where: ${deep(6)}) { docs { id } } }` }),
      headers: { 'Content-Type': 'application/json' },
      method: 'POST',
    })
    expect(graphql.status).toBe(200)
    expect(
      ((await graphql.json()) as { data?: { Modules: { docs: { id: number }[] } } }).data?.Modules
        .docs,
    ).toEqual([{ id: ids.module }])
  })

  it('should refuse garbage ids on the detail routes and answer malformed detail queries below 500', async () => {
    const probes = slugs().flatMap((slug) =>
      (['anonymous', 'editor'] as const).flatMap((actor) => [
        ...GARBAGE_IDS.map((id) =>
          probe(`/api/${slug}/${id}`, 'detail', byKey(slug, ['', 'refused']), actor),
        ),
        ...GARBAGE_IDS.map((id) =>
          probe(`/api/${slug}/versions/${id}`, 'version', ['', 'refused'], actor),
        ),
        ...DETAIL_QUERIES.map((query) =>
          probe(`/api/${slug}/${existing[slug]}`, 'detail', query, actor),
        ),
      ]),
    )
    const english = GARBAGE_IDS.map((id) =>
      probe(`/api/modules/${id}`, 'detail', ['', 'refused'], 'anonymous', 'en'),
    )
    await expectNoViolations([...probes, ...english], { atLeast: slugs().length * 40 })
  })
})

describe('GraphQL', () => {
  const nested = (levels: number) =>
    `{ ${'Modules { docs { '.repeat(levels)}id${' } }'.repeat(levels)} }`
  const graphql = (
    label: string,
    body: Body | string,
    expectation: Expectation,
    actor: Actor = 'anonymous',
  ): Probe => ({
    actor,
    body: typeof body === 'string' ? jsonBody(label, body) : { ...body, label },
    expect: expectation,
    language: germanFor(actor),
    method: 'POST',
    path: '/api/graphql',
    routeClass: expectation === 'refused' ? 'graphql refused at the edge' : 'graphql validation',
  })
  const query = (text: string, extra: Record<string, unknown> = {}) =>
    JSON.stringify({ query: text, ...extra })

  it('should refuse GraphQL requests that are not JSON objects with a query, or that could not run', async () => {
    const probes = [
      graphql('"{"', '{', 'refused'),
      graphql('trailing comma', '{"query":"{ __typename }",}', 'refused'),
      graphql('single quotes', "{'query':'{ __typename }'}", 'refused'),
      graphql('an array', '[]', 'refused'),
      graphql('an array of queries', '[{"query":"{ __typename }"}]', 'refused'),
      graphql('a string', '"x"', 'refused'),
      graphql('null', 'null', 'refused'),
      graphql('no query', '{}', 'refused'),
      graphql('query a number', '{"query":1}', 'refused'),
      graphql('query an object', '{"query":{"a":1}}', 'refused'),
      graphql('variables an array', query('{ __typename }', { variables: [1] }), 'refused'),
      graphql('variables a string', query('{ __typename }', { variables: 'x' }), 'refused'),
      graphql('operationName a number', query('{ __typename }', { operationName: 1 }), 'refused'),
      graphql('syntax error', query('{ Modules { docs { id }'), 'refused'),
      graphql('empty query', query(''), 'refused'),
      graphql(
        'two fragments in a cycle',
        query('query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }'),
        'refused',
      ),
      graphql(
        'three fragments in a cycle',
        query(
          'query { ...A } fragment A on Query { ...B } fragment B on Query { ...C } fragment C on Query { ...A }',
        ),
        'refused',
      ),
      graphql(
        'a fragment spreading itself',
        query('query { ...A } fragment A on Query { __typename ...A }'),
        'refused',
      ),
      graphql(
        'a cycle inside fields',
        query(
          '{ Modules { ...A } } fragment A on Modules { docs { id } ...B } fragment B on Modules { ...A }',
        ),
        'refused',
      ),
      graphql(
        '10,000 levels of braces',
        query(`{ ${'a { '.repeat(10_000)}b${' }'.repeat(10_000)} }`),
        'refused',
      ),
      graphql('30 levels of selections', query(nested(30)), 'refused'),
      graphql(
        '100,000 aliases',
        query(
          `{ ${Array.from({ length: 100_000 }, (_, index) => `a${index}: __typename`).join(' ')} }`,
        ),
        'refused',
      ),
      graphql('100,000 tokens', query(`{ ${'__typename '.repeat(100_000)}}`), 'refused'),
      graphql(
        'NUL in a variable',
        query('query($t: String) { __typename }', { variables: { t: 'a\u0000b' } }),
        'refused',
      ),
      graphql(
        'lone surrogate in a variable',
        '{"query":"query($t: String) { __typename }","variables":{"t":"\\ud800"}}',
        'refused',
      ),
      graphql(
        'lone surrogate escape in the query',
        query('{ Modules(where: { title: { equals: "\\ud800" } }) { docs { id } } }'),
        'refused',
      ),
      graphql(
        'as text/plain',
        rawBody('', Buffer.from(query('{ __typename }')), 'text/plain'),
        'refused',
      ),
      graphql(
        'without a content type',
        rawBody('', Buffer.from(query('{ __typename }')), undefined),
        'refused',
      ),
      graphql(
        'bytes that are not UTF-8',
        rawBody(
          '',
          jsonWithBytes('{"query":"{ __typename }","x":"', [0xff], '"}'),
          'application/json',
        ),
        'refused',
      ),
      graphql(
        'as a form',
        rawBody(
          '',
          Buffer.from('query=%7B%20__typename%20%7D'),
          'application/x-www-form-urlencoded',
        ),
        'refused',
      ),
      graphql(
        'as multipart',
        multipartBody('', [{ name: 'operations', value: query('{ __typename }') }]),
        'refused',
      ),
      graphql('"{"', '{', 'refused', 'editor'),
      graphql(
        'two fragments in a cycle',
        query('query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }'),
        'refused',
        'editor',
      ),
    ]
    const getProbes: Probe[] = [
      '/api/graphql?query=%7B',
      // A GET query is answered (HTTP cache, CDN-friendly), a mutation by GET is refused.
      '/api/graphql?query=mutation%20%7B%20__typename%20%7D',
      '/api/graphql-playground?%E0%A4%A',
      '/api/graphql/%00',
    ].map((path) => ({
      actor: 'anonymous',
      expect: 'refused',
      language: 'de',
      method: 'GET',
      path,
      routeClass: 'graphql GET',
    }))
    await expectNoViolations([...probes, ...inEnglish(probes), ...getProbes], { atLeast: 70 })
  })

  it('should say that a GraphQL query is too long, not that its syntax is wrong', async () => {
    // It said "syntax error" (graphql-js words its token limit as one).
    const long = `{ ${'__typename '.repeat(30_000)}}`
    for (const [language, message] of [
      ['de', 'Die GraphQL-Abfrage ist zu lang (höchstens 20.000 Bestandteile).'],
      ['en', 'The GraphQL query is too long (at most 20,000 tokens).'],
    ] as const) {
      const answer = await requestJson<{ errors: { message: string }[] }>(
        `${server.url}/api/graphql`,
        { body: { query: long }, headers: { 'Accept-Language': language }, method: 'POST' },
      )
      expect(answer.status).toBe(400)
      expect(answer.body.errors[0]!.message).toBe(message)
    }
  })

  it("should answer GraphQL validation and execution errors in the client's language", async () => {
    const aliases = Array.from(
      { length: 2000 },
      (_, index) => `a${index}: Modules { totalDocs }`,
    ).join(' ')
    const probes = [
      graphql('unknown field', query('{ gibtsNicht }'), 'error'),
      graphql('unknown field in a list', query('{ Modules { docs { gibtsNicht } } }'), 'error'),
      graphql('no selection', query('{ Modules }'), 'error'),
      graphql('unknown argument', query('{ Modules(gibtsnicht: 1) { docs { id } } }'), 'error'),
      graphql(
        'unknown where field',
        query('{ Modules(where: { gibtsnicht: { equals: 1 } }) { docs { id } } }'),
        'error',
      ),
      graphql('limit as text', query('{ Modules(limit: "x") { docs { id } } }'), 'error'),
      graphql('id as text', query('{ Module(id: "abc") { id } }'), 'error'),
      graphql('id out of range', query('{ Module(id: 99999999999) { id } }'), 'error'),
      graphql('id 0', query('{ Module(id: 0) { id } }'), 'error'),
      graphql('id missing', query('{ Module { id } }'), 'error'),
      graphql(
        'unknown operation name',
        query('query A { __typename }', { operationName: 'B' }),
        'error',
      ),
      graphql('two anonymous operations', query('{ __typename } { __typename }'), 'error'),
      graphql('unknown fragment', query('{ ...Nope }'), 'error'),
      graphql('undefined variable', query('{ Module(id: $x) { id } }'), 'error'),
      graphql(
        'variable of the wrong type',
        query('query($id: Int!) { Module(id: $id) { id } }', { variables: { id: 'abc' } }),
        'error',
      ),
      graphql('variable missing', query('query($id: Int!) { Module(id: $id) { id } }'), 'error'),
      graphql('unknown directive', query('{ __typename @gibtsnicht }'), 'error'),
      graphql('too complex (2,000 aliases)', query(`{ ${aliases} }`), 'error'),
      graphql(
        'NUL through a GraphQL escape',
        query('{ Modules(where: { title: { equals: "Ti\\u0000tel" } }) { docs { id } } }'),
        'error',
      ),
      graphql('negative page', query('{ Modules(page: -1) { docs { id } } }'), 'error'),
      graphql('negative limit', query('{ Modules(limit: -1) { docs { id } } }'), 'answered'),
      graphql(
        'sort by an unknown field',
        query('{ Modules(sort: "gibtsnicht") { docs { id } } }'),
        'answered',
      ),
      graphql(
        'a mutation without an account',
        query('mutation { createModule(data: { title: "Titel" }) { id } }'),
        'error',
      ),
      graphql(
        'a mutation storing NUL',
        query('mutation { createModule(data: { title: "Ti\\u0000tel" }) { id } }'),
        'error',
        'editor',
      ),
      graphql(
        'an update storing NUL',
        query(
          `mutation { updateModule(id: ${ids.module}, data: { title: "Ti\\u0000tel" }) { id } }`,
        ),
        'error',
        'editor',
      ),
      graphql(
        'an update of a garbage id',
        query('mutation { updateModule(id: 0, data: { title: "Titel" }) { id } }'),
        'error',
        'editor',
      ),
      graphql(
        'a delete of a garbage id',
        query('mutation { deleteModule(id: 0) { id } }'),
        'error',
        'editor',
      ),
      graphql(
        'an operator the database cannot run',
        query('{ Modules(where: { title: { all: ["x"] } }) { totalDocs } }'),
        'error',
      ),
      graphql(
        'an operator the database cannot run, in a nested condition',
        query('{ Events(where: { OR: [{ id: { all: [1] } }] }) { totalDocs } }'),
        'error',
      ),
      // Introspection is switched off (disableIntrospectionInProduction); the refusal is a message like any other.
      graphql('introspection', query('{ __schema { queryType { name } } }'), 'error'),
    ]
    await expectNoViolations([...probes, ...inEnglish(probes)], { atLeast: 50 })
  })
})

describe('CORS on refusals', () => {
  const cases: { body?: Body; label: string; method: Method; path: string }[] = [
    {
      body: rawBody('', Buffer.from(DOCUMENT), 'text/plain'),
      label: '415 at the edge',
      method: 'POST',
      path: '/api/modules',
    },
    {
      body: jsonBody('', '{'),
      label: 'invalid JSON at the edge',
      method: 'POST',
      path: '/api/comments',
    },
    {
      body: jsonBody('', '{"title":"\\u0000"}'),
      label: 'NUL at the edge',
      method: 'POST',
      path: '/api/modules',
    },
    {
      body: jsonBody('', '{'),
      label: 'GraphQL refused at the edge',
      method: 'POST',
      path: '/api/graphql',
    },
    {
      label: 'malformed percent-encoding at the edge',
      method: 'GET',
      path: '/api/modules/%E0%A4%A',
    },
    {
      body: rawBody('', Buffer.from('name=Gast'), 'application/x-www-form-urlencoded'),
      label: "the plugin's 415",
      method: 'POST',
      path: '/api/events/{event}/registrations',
    },
    {
      body: rawBody('', Buffer.from('x=1'), 'application/x-www-form-urlencoded'),
      label: "the comments plugin's 415",
      method: 'POST',
      path: '/api/comments',
    },
  ]

  it('should let an allowed member site read edge refusals and 415 answers, and no other origin', async () => {
    const answers = await Promise.all(
      cases.flatMap(({ body, label, method, path }) =>
        [MEMBER_SITE, 'http://evil.example'].map(async (origin) => {
          const response = await fetch(
            `${server.url}${path.replace('{event}', String(ids.event))}`,
            {
              body: body ? new Uint8Array(body.bytes) : undefined,
              headers: {
                'Accept-Language': 'de',
                Origin: origin,
                ...(body?.contentType ? { 'Content-Type': body.contentType } : {}),
              },
              method,
            },
          )
          const text = await response.text()
          return {
            allowed: response.headers.get('access-control-allow-origin'),
            label,
            origin,
            status: response.status,
            text,
          }
        }),
      ),
    )
    for (const { allowed, label, origin, status, text } of answers) {
      expect(status, `${label}: ${text}`).toBeGreaterThanOrEqual(400)
      expect(status, `${label}: ${text}`).toBeLessThan(500)
      expect(allowed, `${label} from ${origin}`).toBe(origin === MEMBER_SITE ? MEMBER_SITE : null)
    }
    expect(answers.filter(({ status }) => status === 415).length).toBeGreaterThanOrEqual(3)
  })
})

describe("a visitor's page size", () => {
  it('should refuse more than 100 documents per page, all at once, and no limit, for visitors only', async () => {
    const messageOf = async (query: string, headers: Record<string, string> = {}) => {
      const response = await fetch(`${server.url}/api/projects?${query}`, {
        headers: { 'Accept-Language': 'de', ...headers },
      })
      return {
        status: response.status,
        text: ((await response.json()) as { errors?: { message: string }[] }).errors?.[0]?.message,
      }
    }
    for (const query of ['limit=101', 'limit=0', 'limit=99999999', 'pagination=false']) {
      const answer = await messageOf(query)
      expect(answer.status, query).toBe(400)
      expect(answer.text, query).toMatch(/^Eine Seite enthält höchstens 100 Einträge/)
      // A token Payload doesn't accept makes no editor.
      expect((await messageOf(query, { Authorization: 'JWT kein-token' })).status, query).toBe(400)
    }
    for (const query of ['limit=100', 'limit=1', '']) {
      expect((await messageOf(query)).status, query).toBe(200)
    }
    const editor = await messageOf('limit=500', { Authorization: `JWT ${tokens.editor}` })
    expect(editor.status).toBe(200)
    // The admin's own requests: the login cookie from the admin's origin (its registrations
    // panel asks for limit=0).
    const admin = await messageOf('limit=0', {
      Cookie: `${payload.config.cookiePrefix}-token=${tokens.editor}`,
      Origin: server.url,
    })
    expect(admin.status).toBe(200)
  })

  it('should hold GraphQL lists and joins to the same page size', async () => {
    const ask = async (query: string, headers: Record<string, string> = {}) => {
      const response = await fetch(`${server.url}/api/graphql`, {
        body: JSON.stringify({ query }),
        headers: { 'Accept-Language': 'de', 'Content-Type': 'application/json', ...headers },
        method: 'POST',
      })
      return (await response.json()) as {
        data?: Record<string, { docs: unknown[] } | null>
        errors?: { message: string }[]
      }
    }
    for (const args of ['limit: 101', 'limit: 0', 'limit: 99999999', 'pagination: false']) {
      const answer = await ask(`{ Projects(${args}) { docs { id } } }`)
      expect(answer.data?.Projects ?? null, args).toBeNull()
      expect(answer.errors?.[0]?.message, args).toMatch(
        /^Eine Seite enthält höchstens 100 Einträge/,
      )
    }
    const english = await ask('{ Projects(limit: 500) { docs { id } } }', {
      'Accept-Language': 'en',
    })
    expect(english.errors?.[0]?.message).toMatch(/^A page holds at most 100 entries/)
    expect((await ask('{ Projects(limit: 100) { docs { id } } }')).errors).toBeUndefined()
    const editor = await ask('{ Projects(limit: 500) { docs { id } } }', {
      Authorization: `JWT ${tokens.editor}`,
    })
    expect(editor.errors).toBeUndefined()
  })
})

describe('methods an address does not take', () => {
  type Case = { allow: string[]; method: Method; path: string }
  const send = (method: string, path: string, language = 'de') =>
    fetch(`${server.url}${path}`, {
      body: method === 'GET' || method === 'DELETE' ? undefined : '{"title":"Überschrieben"}',
      headers: { 'Accept-Language': language, 'Content-Type': 'application/json' },
      method,
    })
  /** The modules' list as a GET with `query` in the address, in German. */
  const direct = async (query: string) => {
    const response = await fetch(`${server.url}/api/modules?${query}`, {
      headers: { 'Accept-Language': 'de' },
    })
    return { body: await response.json(), status: response.status }
  }

  it('should answer 405 with Allow, not "not found", and run nothing', async () => {
    const collections = payload.config.collections.filter(
      (collection) => collection.endpoints !== false,
    )
    const cases: Case[] = [
      // Payload has no PUT anywhere: every collection's list and document addresses.
      ...collections.flatMap(({ slug }): Case[] => [
        {
          allow: ['GET', 'HEAD', 'POST', 'PATCH', 'DELETE', 'OPTIONS'],
          method: 'PUT',
          path: `/api/${slug}`,
        },
        {
          allow: ['GET', 'HEAD', 'PATCH', 'DELETE', 'OPTIONS'],
          method: 'PUT',
          path: `/api/${slug}/${existing[slug] ?? 1}`,
        },
      ]),
      { allow: ['GET', 'HEAD', 'OPTIONS'], method: 'DELETE', path: '/api/search?q=Quartier' },
      { allow: ['GET', 'HEAD', 'OPTIONS'], method: 'POST', path: '/api/search' },
      { allow: ['POST', 'OPTIONS'], method: 'GET', path: `/api/events/${ids.event}/registrations` },
      { allow: ['POST', 'OPTIONS'], method: 'PUT', path: `/api/events/${ids.event}/registrations` },
      {
        allow: ['POST', 'OPTIONS'],
        method: 'DELETE',
        path: `/api/events/${ids.event}/registrations`,
      },
      // An endpoint's own name is not a document id: DELETE /confirm is no missing document.
      {
        allow: ['GET', 'HEAD', 'POST', 'OPTIONS'],
        method: 'DELETE',
        path: '/api/registrations/confirm?token=x',
      },
      { allow: ['GET', 'HEAD', 'OPTIONS'], method: 'PATCH', path: '/api/events/feed.ics' },
      { allow: ['GET', 'HEAD', 'OPTIONS'], method: 'DELETE', path: '/api/events/feed.ics' },
      { allow: ['GET', 'HEAD', 'POST', 'OPTIONS'], method: 'PUT', path: '/api/globals/netiquette' },
      { allow: ['GET', 'POST', 'OPTIONS'], method: 'PUT', path: '/api/graphql' },
      { allow: ['GET', 'POST', 'OPTIONS'], method: 'DELETE', path: '/api/graphql' },
    ]
    const before = await payload.findByID({
      collection: 'modules',
      depth: 0,
      id: ids.module,
      overrideAccess: true,
    })
    const violations: string[] = []
    for (const { allow, method, path } of cases) {
      const response = await send(method, path)
      const text = await response.text()
      const said = `${method} ${path}: ${response.status} ${text}`
      if (response.status !== 405) {
        violations.push(said)
        continue
      }
      const allowed = (response.headers.get('allow') ?? '').split(/,\s*/)
      for (const expected of allow) {
        if (!allowed.includes(expected)) {
          violations.push(`${said}: Allow ${allowed.join(', ')} lacks ${expected}`)
        }
      }
      if (allowed.includes(method)) {
        violations.push(`${said}: Allow names ${method} itself`)
      }
      if (!text.includes(`Diese Adresse nimmt keine ${method}-Anfragen an.`)) {
        violations.push(`${said}: not the German message`)
      }
    }
    expect(violations).toEqual([])
    const after = await payload.findByID({
      collection: 'modules',
      depth: 0,
      id: ids.module,
      overrideAccess: true,
    })
    expect(after.title).toBe(before.title)
    expect(after.updatedAt).toBe(before.updatedAt)

    const english = await send('PUT', `/api/modules/${ids.module}`, 'en')
    expect(english.status).toBe(405)
    expect(await english.text()).toContain('This address does not take PUT requests.')

    // `Allow` names the endpoint's methods, not those of the document route `/:id` beside it.
    const feed = await send('POST', '/api/events/feed.ics')
    expect(feed.status).toBe(405)
    expect(feed.headers.get('allow')).toBe('GET, HEAD, OPTIONS')
  })

  it('should answer a GET sent as a POST form as the GET itself, whatever the charset and the address hold', async () => {
    const viaForm = (path: string, form: BodyInit, type = 'application/x-www-form-urlencoded') =>
      fetch(`${server.url}${path}`, {
        body: form,
        headers: {
          'Accept-Language': 'de',
          'Content-Type': type,
          'X-Payload-HTTP-Method-Override': 'GET',
        },
        method: 'POST',
      })
    // No module has this title: a form that goes unread answers every module instead.
    const none = 'where[title][equals]=gibt%20es%20nicht'
    const ours = `${none}&depth=0`
    const expected = await direct(ours)
    expect(expected.status).toBe(200)
    expect((expected.body as { docs: unknown[] }).docs).toEqual([])
    expect((await direct('depth=0')).body).toMatchObject({ docs: [expect.anything()] })
    // A browser's fetch sends a URLSearchParams body with `;charset=UTF-8`: Payload ignored the
    // form and answered every module. And a form beside a query in the address lost its filter.
    for (const [path, form, type] of [
      ['/api/modules', ours, 'application/x-www-form-urlencoded;charset=UTF-8'],
      ['/api/modules?depth=0', none, undefined],
      ['/api/modules', ours, 'Application/X-WWW-Form-Urlencoded; charset=utf-8'],
    ] as const) {
      const answer = await viaForm(path, form, type)
      expect(answer.status, `${path} ${form} ${type}`).toBe(200)
      expect(await answer.json(), `${path} ${form} ${type}`).toEqual(expected.body)
    }
    // The edge's checks of the query apply as to the GET: a page of 1,000, an id that is none.
    for (const query of ['limit=1000', 'where[id][equals]=abc', 'depth=99']) {
      const refused = await direct(query)
      expect(refused.status, query).toBe(400)
      const answer = await viaForm('/api/modules', query)
      expect(answer.status, query).toBe(400)
      expect(await answer.json(), query).toEqual(refused.body)
    }
    // A form that is no UTF-8 text, from a member site: refused, and its browser may read why.
    const latin1 = await fetch(`${server.url}/api/modules`, {
      body: new Blob([Buffer.from('where[title][equals]=Gr\xfcn', 'latin1')]),
      headers: {
        'Accept-Language': 'de',
        'Content-Type': 'application/x-www-form-urlencoded',
        Origin: MEMBER_SITE,
        'X-Payload-HTTP-Method-Override': 'GET',
      },
      method: 'POST',
    })
    expect(latin1.status).toBe(400)
    expect(latin1.headers.get('access-control-allow-origin')).toBe(MEMBER_SITE)
    expect(await latin1.json()).toEqual({
      errors: [{ message: 'Der Inhalt der Anfrage ist kein gültiger UTF-8-Text.' }],
    })
    // Larger than a body may be: the size limit's own answer, before anything is read.
    const large = await viaForm('/api/modules', `where[title][equals]=${'x'.repeat(1024 * 1024)}`)
    expect(large.status).toBe(413)
    expect(((await large.json()) as { errors: { message: string }[] }).errors[0]!.message).toBe(
      'Die Anfrage ist zu groß (höchstens 1.0 MB).',
    )
    // Written raw (not percent-encoded), as a hand-made form may be: a `#` and spaces are text.
    const raute = await payload.create({
      collection: 'modules',
      data: { _status: 'published', title: 'Formular #7 mit Raute' } as never,
      overrideAccess: true,
    })
    try {
      const raw = await viaForm(
        '/api/modules',
        'where[title][equals]=Formular #7 mit Raute&depth=0',
      )
      expect(raw.status).toBe(200)
      expect(((await raw.json()) as { docs: { id: number }[] }).docs.map((doc) => doc.id)).toEqual([
        raute.id,
      ])
    } finally {
      await payload.delete({ collection: 'modules', id: raute.id, overrideAccess: true })
    }
  })

  it('should answer a GET sent as a POST with a JSON object as the GET itself, and refuse what is no object', async () => {
    const viaJson = (path: string, body: string, language = 'de') =>
      fetch(`${server.url}${path}`, {
        body,
        headers: {
          'Accept-Language': language,
          'Content-Type': 'application/json',
          'X-Payload-HTTP-Method-Override': 'GET',
        },
        method: 'POST',
      })
    // No module has this title. Payload read only `locale` of a JSON body (appended with a second
    // `?` to an address with a query) and answered every module.
    const none = { where: { title: { equals: 'gibt es nicht' } } }
    const expected = await direct('where[title][equals]=gibt%20es%20nicht&depth=0')
    expect((expected.body as { docs: unknown[] }).docs).toEqual([])
    for (const [path, body] of [
      ['/api/modules', { ...none, depth: 0 }],
      ['/api/modules?depth=0', none],
      ['/api/modules?depth=0', { ...none, locale: 'de' }],
    ] as const) {
      const answer = await viaJson(path, JSON.stringify(body))
      expect(answer.status, `${path} ${JSON.stringify(body)}`).toBe(200)
      expect(await answer.json(), `${path} ${JSON.stringify(body)}`).toEqual(expected.body)
    }
    // Lists, paging and selected fields as in the address.
    const second = await payload.create({
      collection: 'modules',
      data: { _status: 'published', title: 'Zweites Modul für Seiten' } as never,
      overrideAccess: true,
    })
    try {
      const page = await viaJson(
        '/api/modules',
        JSON.stringify({
          depth: 0,
          limit: 1,
          page: 2,
          select: { title: true },
          sort: 'id',
          where: { id: { in: [ids.module, second.id] } },
        }),
      )
      expect(page.status).toBe(200)
      expect(await page.json()).toMatchObject({
        docs: [{ id: second.id, title: 'Zweites Modul für Seiten' }],
        page: 2,
        totalDocs: 2,
      })
    } finally {
      await payload.delete({ collection: 'modules', id: second.id, overrideAccess: true })
    }
    // The edge's checks of the query apply as to the GET.
    for (const [query, body] of [
      ['limit=1000', { limit: 1000 }],
      ['where[id][equals]=abc', { where: { id: { equals: 'abc' } } }],
      ['depth=99', { depth: 99 }],
    ] as const) {
      const refused = await direct(query)
      expect(refused.status, query).toBe(400)
      const answer = await viaJson('/api/modules', JSON.stringify(body))
      expect(answer.status, query).toBe(400)
      expect(await answer.json(), query).toEqual(refused.body)
    }
    // Refused as any JSON body would be, in the client's language: no JSON, no object, a NUL.
    for (const [body, message] of [
      ['{"where": ', 'Der Inhalt der Anfrage ist kein gültiges JSON'],
      ['[1, 2]', 'Der Inhalt der Anfrage muss ein JSON-Objekt mit Feldern sein'],
      ['{"where": {"title": {"equals": "a\\u0000b"}}}', 'enthält ein Nullzeichen'],
    ] as const) {
      const answer = await viaJson('/api/modules', body)
      expect(answer.status, body).toBe(400)
      expect(await answer.text(), body).toContain(message)
    }
    const english = await viaJson('/api/modules', '[]', 'en')
    expect(english.status).toBe(400)
    expect(await english.json()).toEqual({
      errors: [
        {
          message:
            'The request body must be a JSON object of fields ({…}), not a list or a single value.',
        },
      ],
    })
  })

  it('should keep answering the methods an address takes, and "not found" where there is no address', async () => {
    // Taken, refused for other reasons: access (403), or answered.
    expect((await send('PATCH', `/api/modules/${ids.module}`)).status).toBe(403)
    expect((await send('GET', '/api/search?q=Quartier')).status).toBe(200)
    const head = await fetch(`${server.url}/api/modules?limit=1`, { method: 'HEAD' })
    expect(head.status).toBe(200)
    // The admin reads long relationship queries as a POST that says it is a GET.
    const asGet = await fetch(`${server.url}/api/modules`, {
      body: 'limit=1&depth=0',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        'X-Payload-HTTP-Method-Override': 'GET',
      },
      method: 'POST',
    })
    expect(asGet.status).toBe(200)
    expect(((await asGet.json()) as { docs: unknown[] }).docs).toHaveLength(1)
    // A browser's preflight is answered for every address.
    const preflight = await fetch(`${server.url}/api/events/${ids.event}/registrations`, {
      headers: { 'Access-Control-Request-Method': 'POST', Origin: MEMBER_SITE },
      method: 'OPTIONS',
    })
    expect(preflight.status).toBeLessThan(300)
    // No address at all: still 404, with the address named.
    const nowhere = await send('PUT', '/api/gibtsnicht/1')
    expect(nowhere.status).toBe(404)
    // In the shape of every other error (docs/api.md), in either language.
    expect(await nowhere.json()).toEqual({
      errors: [{ message: 'Diese Adresse gibt es in der API nicht: „/api/gibtsnicht/1“.' }],
    })
    const english = await send('GET', '/api/nichtda', 'en')
    expect(english.status).toBe(404)
    expect(await english.json()).toEqual({
      errors: [{ message: 'Route not found "/api/nichtda"' }],
    })
  })
})
