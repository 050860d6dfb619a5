/**
 * The express edge of the API: what no route should ever see is refused here, before Payload
 * or a plugin runs, with a 4xx in the client's language.
 *
 * Payload parses request bodies itself, before any access check, and some of what it parses
 * ends as a 500: a multipart `_payload` that is not JSON, a GraphQL body that is not JSON or
 * whose fragments spread each other, and any text with a NUL character or a lone UTF-16
 * surrogate, which PostgreSQL refuses. So every body sent to the API is read here (within the
 * limits bodyLimits.ts already enforced), checked, and handed to Next as a replay of the same
 * bytes (`requestForNext`). Bodies of other media types are refused with 415: Payload would
 * ignore them, and a POST without a JSON content type needs no CORS preflight, so any website
 * could make a visitor's browser send one.
 */
import type { Request, RequestHandler, Response } from 'express'

import { IncomingMessage } from 'node:http'

import busboy from 'busboy'
import { stringify } from 'qs-esm'

import type { LocalizedText } from '../i18n/localize'

import {
  findTextProblem,
  type FoundTextProblem,
  textProblemOf,
} from '@quartiersnetz/plugin-kit/textProblems'
import { METHOD_OVERRIDE_HEADERS } from './allowedMethods'
import { graphqlBodyProblem } from './graphqlDocument'
import { queryDepthProblem } from './queryDepth'
import { sendError } from './sendError'

type ApiInputArgs = {
  /** Payload's API route, e.g. `/api`. */
  apiRoute: string
  jsonBodyMaxBytes: number
  multipartBodyMaxBytes: number
  /** Payload's `maxDepth`: a `depth` above it is refused (Payload would lower it silently). */
  maxDepth?: number
  /** The upload collections' slugs: only their routes take files, so only they mention them. */
  uploadCollections?: string[]
}

type Refusal = { status: number; text: LocalizedText }

const JSON_TYPES = new Set(['application/json'])
const MULTIPART = 'multipart/form-data'
const URLENCODED = 'application/x-www-form-urlencoded'
const METHODS_WITH_BODY = new Set(['PATCH', 'POST', 'PUT'])

/** Replays of the bodies read here, for the request handed to Next. */
const replays = new WeakMap<IncomingMessage, IncomingMessage>()

/** The request Next should handle: the replay of a body read at the edge, or the request itself. */
export const requestForNext = (req: IncomingMessage): IncomingMessage => replays.get(req) ?? req

/**
 * A fresh IncomingMessage on the same socket, carrying the same request line and headers and
 * the buffered body: Next reads the body from it as it would from the original.
 */
const replayOf = (req: IncomingMessage, body: Buffer): IncomingMessage => {
  const replay = new IncomingMessage(req.socket)
  replay.method = req.method
  replay.url = req.url
  // Payload compares the media type case-sensitively: `Application/JSON` would go unread.
  const [type = '', ...parameters] = (req.headers['content-type'] ?? '').split(';')
  replay.headers = {
    ...req.headers,
    ...(req.headers['content-type']
      ? { 'content-type': [type.trim().toLowerCase(), ...parameters].join(';') }
      : {}),
  }
  replay.rawHeaders = req.rawHeaders
  replay.httpVersion = req.httpVersion
  replay.httpVersionMajor = req.httpVersionMajor
  replay.httpVersionMinor = req.httpVersionMinor
  replay.complete = true
  replay.push(body)
  replay.push(null)
  return replay
}

const textRefusal = ({ path, problem }: FoundTextProblem, where: LocalizedText): Refusal => {
  const field = path ? { de: `Das Feld „${path}“`, en: `The field "${path}"` } : where
  return {
    status: 400,
    text:
      problem === 'nul'
        ? {
            de: `${field.de} enthält ein Nullzeichen (\\u0000), das nicht verarbeitet werden kann. Bitte entfernen Sie es.`,
            en: `${field.en} contains a NUL character (\\u0000), which can't be processed. Please remove it.`,
          }
        : {
            de: `${field.de} enthält ein ungültiges Unicode-Zeichen (ein einzelnes UTF-16-Surrogat). Bitte senden Sie gültigen Text.`,
            en: `${field.en} contains an invalid Unicode character (a lone UTF-16 surrogate). Please send valid text.`,
          },
  }
}

const mediaTypeOf = (req: Request) =>
  (req.headers['content-type'] ?? '').split(';', 1)[0]!.trim().toLowerCase()

/** Whether a request carries a body (a declared length above 0, or chunked). */
export const hasBody = (req: Request) =>
  Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined

/**
 * Malformed percent-encoding, a NUL in the path or in any query key or value, or a key nested
 * deeper than Payload reads (queryDepth.ts).
 */
/**
 * `depth` as a whole number Payload keeps: Payload read `depth=abc` and `depth=-1` as no depth and
 * lowered `depth=99` to its maximum, all without a word (a user test), so a website never
 * learnt why its relationships came as ids or stayed shallow.
 */
const depthRefusal = (value: string, maxDepth: number): Refusal | undefined =>
  /^\d+$/.test(value.trim()) && Number(value) <= maxDepth
    ? undefined
    : {
        status: 400,
        text: {
          de: `„depth“ muss eine ganze Zahl von 0 bis ${maxDepth} sein (gegeben: „${value.slice(0, 40)}“): so viele Ebenen verknüpfter Einträge enthält die Antwort.`,
          en: `"depth" must be a whole number from 0 to ${maxDepth} (given: "${value.slice(0, 40)}"): the levels of related entries the answer contains.`,
        },
      }

const urlRefusal = (url: string, maxDepth = Infinity): Refusal | undefined => {
  const [path = '', query = ''] = url.split(/\?(.*)/s, 2)
  let decodedPath: string
  try {
    decodedPath = decodeURIComponent(path)
  } catch {
    return {
      status: 400,
      text: {
        de: 'Die Adresse enthält eine ungültige Prozent-Kodierung.',
        en: 'The address contains invalid percent-encoding.',
      },
    }
  }
  if (textProblemOf(decodedPath) === 'nul') {
    return textRefusal({ path: '', problem: 'nul' }, { de: 'Die Adresse', en: 'The address' })
  }
  for (const [key, value] of new URLSearchParams(query)) {
    const tooDeep = queryDepthProblem(key)
    if (tooDeep) {
      return { status: 400, text: tooDeep }
    }
    const badDepth = key === 'depth' ? depthRefusal(value, maxDepth) : undefined
    if (badDepth) {
      return badDepth
    }
    const problem = textProblemOf(key) ?? textProblemOf(value)
    if (problem) {
      return textRefusal(
        { path: '', problem },
        {
          de: `Der Parameter „${key.replaceAll('\u0000', '')}“`,
          en: `The parameter "${key.replaceAll('\u0000', '')}"`,
        },
      )
    }
  }
  return undefined
}

const readBody = async (req: Request, maxBytes: number): Promise<Buffer | undefined> => {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > maxBytes) {
      return undefined
    }
    chunks.push(chunk)
  }
  return Buffer.concat(chunks, size)
}

const TOO_LARGE: Refusal = {
  status: 413,
  text: { de: 'Die Anfrage ist zu groß.', en: 'The request is too large.' },
}

/**
 * The body, or undefined once answered: 413 past `maxBytes` (closing the connection, as the
 * rest goes unread), nothing to a client that went away while sending.
 */
const bodyOrAnswer = async (
  req: Request,
  res: Response,
  maxBytes: number,
  refuse: (refusal: Refusal) => void,
): Promise<Buffer | undefined> => {
  let body: Buffer | undefined
  try {
    body = await readBody(req, maxBytes)
  } catch {
    req.socket.destroy()
    return undefined
  }
  if (!body) {
    res.setHeader('Connection', 'close')
    refuse(TOO_LARGE)
  }
  return body
}

const NOT_UTF8: Refusal = {
  status: 400,
  text: {
    de: 'Der Inhalt der Anfrage ist kein gültiger UTF-8-Text.',
    en: 'The request body is not valid UTF-8 text.',
  },
}

const decodeUtf8 = (body: Buffer): string | undefined => {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body)
  } catch {
    return undefined
  }
}

const invalidJson = (err: unknown, what: LocalizedText): Refusal => {
  const position = /position (\d+)/.exec(err instanceof Error ? err.message : '')?.[1]
  return {
    status: 400,
    text: {
      de: `${what.de} ist kein gültiges JSON${position ? ` (Fehler an Zeichen ${Number(position) + 1})` : ''}.`,
      en: `${what.en} is not valid JSON${position ? ` (error at character ${Number(position) + 1})` : ''}.`,
    },
  }
}

const REQUEST_BODY: LocalizedText = { de: 'Der Inhalt der Anfrage', en: 'The request body' }

/** A JSON body's value, or why it is refused: not UTF-8, not JSON, a NUL or a lone surrogate. */
const jsonValueOf = (body: Buffer): { refusal: Refusal } | { value: unknown } => {
  const text = decodeUtf8(body)
  if (text === undefined) {
    return { refusal: NOT_UTF8 }
  }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (err) {
    return { refusal: invalidJson(err, REQUEST_BODY) }
  }
  const problem = findTextProblem(value)
  return problem ? { refusal: textRefusal(problem, REQUEST_BODY) } : { value }
}

const jsonRefusal = (body: Buffer, { isGraphql }: { isGraphql: boolean }): Refusal | undefined => {
  const read = jsonValueOf(body)
  if ('refusal' in read) {
    return read.refusal
  }
  if (isGraphql) {
    const graphqlProblem = graphqlBodyProblem(read.value)
    return graphqlProblem ? { status: 400, text: graphqlProblem } : undefined
  }
  // Every API route takes an object of fields; Payload would try to write into anything else.
  return isJsonObject(read.value) ? undefined : NOT_AN_OBJECT
}

const isJsonObject = (value: unknown) =>
  Boolean(value) && typeof value === 'object' && !Array.isArray(value)

const NOT_AN_OBJECT: Refusal = {
  status: 400,
  text: {
    de: 'Der Inhalt der Anfrage muss ein JSON-Objekt mit Feldern sein ({…}), keine Liste und kein einzelner Wert.',
    en: 'The request body must be a JSON object of fields ({…}), not a list or a single value.',
  },
}

const MALFORMED_MULTIPART: Refusal = {
  status: 400,
  text: {
    de: 'Der mehrteilige Inhalt der Anfrage (multipart/form-data) ist fehlerhaft.',
    en: 'The multipart/form-data request body is malformed.',
  },
}

/** Field values (Payload's `_payload` as JSON) and file names; file contents are not read. */
const multipartRefusal = (
  body: Buffer,
  headers: Request['headers'],
): Promise<Refusal | undefined> =>
  new Promise((resolve) => {
    let parser: busboy.Busboy
    try {
      // Field values arrive as latin1, i.e. byte for byte, so their UTF-8 can be checked here
      // (busboy's own UTF-8 decoding would silently turn invalid bytes into U+FFFD).
      parser = busboy({
        defCharset: 'latin1',
        defParamCharset: 'utf8',
        headers,
        limits: { fieldSize: body.length, fields: 1_000, parts: 2_000 },
      })
    } catch {
      resolve(MALFORMED_MULTIPART)
      return
    }
    let refusal: Refusal | undefined
    const refuse = (found: Refusal | undefined) => {
      refusal ??= found
    }
    parser.on('field', (name, bytes) => {
      const value = decodeUtf8(Buffer.from(bytes, 'latin1'))
      if (value === undefined) {
        refuse({
          status: 400,
          text: {
            de: `Das Formularfeld „${name}“ ist kein gültiger UTF-8-Text.`,
            en: `The form field "${name}" is not valid UTF-8 text.`,
          },
        })
        return
      }
      if (name === 'file') {
        // Payload reads a text field "file" as a reference to a client-side upload, which this
        // server doesn't offer (no storage adapter with client uploads): files come as files.
        refuse({
          status: 400,
          text: {
            de: 'Das Formularfeld „file“ muss eine Datei sein.',
            en: 'The form field "file" must be a file.',
          },
        })
        return
      }
      const nameProblem = textProblemOf(name)
      if (nameProblem) {
        refuse(
          textRefusal(
            { path: '', problem: nameProblem },
            { de: 'Ein Feldname', en: 'A field name' },
          ),
        )
        return
      }
      if (name !== '_payload') {
        const problem = textProblemOf(value)
        refuse(problem ? textRefusal({ path: name, problem }, { de: '', en: '' }) : undefined)
        return
      }
      let data: unknown
      try {
        data = JSON.parse(value)
      } catch (err) {
        refuse(
          invalidJson(err, { de: 'Das Formularfeld „_payload“', en: 'The form field "_payload"' }),
        )
        return
      }
      if (!data || typeof data !== 'object' || Array.isArray(data)) {
        refuse({
          status: 400,
          text: {
            de: 'Das Formularfeld „_payload“ muss ein JSON-Objekt sein.',
            en: 'The form field "_payload" must be a JSON object.',
          },
        })
        return
      }
      const problem = findTextProblem(data)
      refuse(problem ? textRefusal(problem, { de: '', en: '' }) : undefined)
    })
    parser.on('file', (_name, stream, info) => {
      const problem = textProblemOf(info.filename ?? '')
      refuse(
        problem
          ? textRefusal({ path: '', problem }, { de: 'Der Dateiname', en: 'The file name' })
          : undefined,
      )
      stream.resume()
    })
    parser.on('error', () => resolve(refusal ?? MALFORMED_MULTIPART))
    parser.on('close', () => resolve(refusal))
    parser.end(body)
  })

/** Whether a path is the API's, and whether it is GraphQL's. */
const apiPathsOf = (apiRoute: string) => {
  const graphqlPath = `${apiRoute}/graphql`
  return {
    isApi: (path: string) => path === apiRoute || path.startsWith(`${apiRoute}/`),
    isGraphql: (path: string) => path === graphqlPath || path === `${graphqlPath}/`,
  }
}

/** Answers a refusal in the client's language, kept by no cache. */
const refusing =
  (req: Request, res: Response) =>
  ({ status, text }: Refusal) => {
    res.setHeader('Cache-Control', 'no-store')
    sendError(req, res, status, text)
  }

const isMethodOverride = (req: Request) =>
  req.method === 'POST' &&
  METHOD_OVERRIDE_HEADERS.some((name) => String(req.headers[name] ?? '').toUpperCase() === 'GET')

/**
 * The query a JSON body with the method override stands for: its object written in the
 * address's bracket notation (`{"where": {"title": {"equals": "A"}}}` →
 * `where%5Btitle%5D%5Bequals%5D=A`), as Payload's SDK writes queries. Refused as the body of a
 * POST would be: not UTF-8, not JSON, a NUL or lone surrogate in it, or no object.
 */
const queryOfJson = (body: Buffer): { query: string } | { refusal: Refusal } => {
  const read = jsonValueOf(body)
  if ('refusal' in read) {
    return read
  }
  return isJsonObject(read.value) ? { query: stringify(read.value) } : { refusal: NOT_AN_OBJECT }
}

/**
 * A form's query as a browser would send it in an address: a raw `#` would end the query there
 * (and the parameters after it be lost), spaces and other letters are percent-encoded.
 */
const queryOfForm = (body: Buffer): { query: string } | { refusal: Refusal } => {
  const form = decodeUtf8(body)
  return form === undefined
    ? { refusal: NOT_UTF8 }
    : { query: form.replace(/^\?/, '').replace(/[^\x21-\x7e]|#/gu, encodeURIComponent) }
}

/**
 * A long GET sent as POST (`X-Payload-HTTP-Method-Override: GET` with the query as the body)
 * becomes the GET it stands for, before anything reads the query: a form, as Payload's admin
 * sends long filters, or a JSON object of the same parameters. Payload read the form only when
 * its content type was exactly `application/x-www-form-urlencoded` (with `;charset=UTF-8`, as a
 * browser's fetch sends a URLSearchParams body, it answered every document), appended it with
 * `?` to an address that already had a query (the form's filter dropped: every document
 * again), and kept of a JSON body only `locale`, appended with `?` as well (its filter and page
 * unread: every document). The edge's checks of the query (page sizes, ids, filters, nesting)
 * saw neither. GraphQL takes its own JSON body (guardApiInput).
 */
export const bodyQueryAsGet = ({
  apiRoute,
  maxBytes,
}: {
  apiRoute: string
  maxBytes: number
}): RequestHandler => {
  const { isApi, isGraphql } = apiPathsOf(apiRoute)
  return async (req, res, next) => {
    const type = mediaTypeOf(req)
    const isJson = JSON_TYPES.has(type)
    if (
      !isApi(req.path) ||
      isGraphql(req.path) ||
      !isMethodOverride(req) ||
      (type !== URLENCODED && !isJson)
    ) {
      next()
      return
    }
    const refuse = refusing(req, res)
    const body = await bodyOrAnswer(req, res, maxBytes, refuse)
    if (!body) {
      return
    }
    const read = isJson ? queryOfJson(body) : queryOfForm(body)
    if ('refusal' in read) {
      refuse(read.refusal)
      return
    }
    const [path, query = ''] = req.url.split(/\?(.*)/s, 2)
    const merged = [query, read.query].filter(Boolean).join('&')
    req.url = merged ? `${path}?${merged}` : path!
    req.originalUrl = req.url
    req.method = 'GET'
    for (const name of [
      ...METHOD_OVERRIDE_HEADERS,
      'content-length',
      'content-type',
      'transfer-encoding',
    ]) {
      delete req.headers[name]
    }
    next()
  }
}

const unsupportedType = (type: string, { isUpload }: { isUpload: boolean }): Refusal => ({
  status: 415,
  text: {
    de: `Der Inhaltstyp ${type ? `„${type}“` : '(keiner angegeben)'} wird nicht angenommen. Senden Sie application/json${isUpload ? ' (Dateien als multipart/form-data)' : ''}.`,
    en: `The content type ${type ? `"${type}"` : '(none given)'} is not accepted. Send application/json${isUpload ? ' (files as multipart/form-data)' : ''}.`,
  },
})

export const guardApiInput = ({
  apiRoute,
  jsonBodyMaxBytes,
  maxDepth,
  multipartBodyMaxBytes,
  uploadCollections = [],
}: ApiInputArgs): RequestHandler => {
  const { isApi, isGraphql } = apiPathsOf(apiRoute)
  const uploadPrefixes = uploadCollections.map((slug) => `${apiRoute}/${slug}`)
  const isUploadRoute = (path: string) =>
    uploadPrefixes.some((prefix) => path === prefix || path.startsWith(`${prefix}/`))
  return async (req, res, next) => {
    if (!isApi(req.path)) {
      next()
      return
    }
    const refuse = refusing(req, res)
    const urlProblem = urlRefusal(req.originalUrl, maxDepth)
    if (urlProblem) {
      refuse(urlProblem)
      return
    }
    if (!METHODS_WITH_BODY.has(req.method) || !hasBody(req)) {
      next()
      return
    }
    const type = mediaTypeOf(req)
    const isJson = JSON_TYPES.has(type)
    // A form or JSON body for a GET was made the GET it stands for (bodyQueryAsGet).
    const isAccepted = isJson || (!isGraphql(req.path) && type === MULTIPART)
    if (!isAccepted) {
      // The rest of the body is not read: close the connection after answering.
      res.setHeader('Connection', 'close')
      refuse(unsupportedType(type, { isUpload: isUploadRoute(req.path) }))
      return
    }
    const maxBytes = type === MULTIPART ? multipartBodyMaxBytes : jsonBodyMaxBytes
    const body = await bodyOrAnswer(req, res, maxBytes, refuse)
    if (!body) {
      return
    }
    const refusal = isJson
      ? jsonRefusal(body, { isGraphql: isGraphql(req.path) })
      : await multipartRefusal(body, req.headers)
    if (refusal) {
      refuse(refusal)
      return
    }
    replays.set(req, replayOf(req, body))
    next()
  }
}
