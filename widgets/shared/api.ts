/**
 * How the widgets talk to their server: the origin the script was loaded from (never another),
 * JSON only, no cookies (`credentials: 'omit'`), a timeout, and errors that carry the server's
 * message in the visitor's language, or a message of our own when there is none (network down,
 * 503). A field error (`data.errors[].path`) is kept so a form can show it beside the field.
 */
import { type Language, sharedTexts } from './i18n'

/** The script lives at <server>/widgets/v1/…: the API is at <server>/api/. */
export const serverBase = new URL('../../', import.meta.url)
export const apiBase = new URL('api/', serverBase)

const TIMEOUT_MS = 20_000

export type FieldError = { message: string; path: string }

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly fieldErrors: FieldError[] = [],
  ) {
    super(message)
    this.name = 'ApiError'
  }

  /** A state a retry may fix (no connection, busy, a timeout): the element offers "Erneut versuchen". */
  get isTemporary() {
    return this.status === 0 || this.status === 503 || this.status === 504 || this.status === 429
  }
}

type ErrorBody = {
  errors?: { data?: { errors?: FieldError[] }; message?: string }[]
  message?: string
}

const messageOf = (body: ErrorBody | null) => body?.errors?.[0]?.message ?? body?.message

/** The URL of an API path with query parameters (`where[slug][equals]` style keys as they are). */
export const apiUrl = (path: string, query: Record<string, number | string | undefined> = {}) => {
  const url = new URL(path.replace(/^\//, ''), apiBase)
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') {
      url.searchParams.set(key, String(value))
    }
  }
  return url
}

/** A signal that aborts after `ms` or when `outer` aborts (without AbortSignal.any, for older browsers). */
const withTimeout = (ms: number, outer?: AbortSignal) => {
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), ms)
  outer?.addEventListener('abort', () => controller.abort(), { once: true })
  return { done: () => clearTimeout(timer), signal: controller.signal }
}

let hasWarnedOfCors = false

/**
 * A fetch that fails with a TypeError got no answer the page may read: the network or the server
 * is down, or (most often while a site is set up) the server doesn't answer this page's origin
 * because CORS_ORIGINS lacks it. The visitor is told the service can't be reached; the webmaster,
 * who opens the console, is told the likely cause, once per page, in German and English.
 */
const warnOfCors = () => {
  const page = window.location.origin
  const server = serverBase.origin
  if (hasWarnedOfCors || page === server) {
    return
  }
  hasWarnedOfCors = true
  const german = [
    `Quartiersnetz-Widgets: Anfragen an den Quartiersnetz-Server ${server} sind gescheitert.`,
    `Wahrscheinlich fehlt der Ursprung dieser Seite, ${page}, in CORS_ORIGINS des Servers:`,
    'Bitte lassen Sie ihn dort eintragen. Sonst sind Server oder Netz nicht erreichbar.',
    'Siehe docs/widgets.md, „Troubleshooting“.',
  ]
  const english = [
    `Quartiersnetz widgets: requests to the Quartiersnetz server ${server} failed.`,
    `Most likely this page's origin, ${page}, is missing from the server's CORS_ORIGINS:`,
    'please have it added there. Otherwise the server or the network is down.',
    'See docs/widgets.md, "Troubleshooting".',
  ]
  console.warn(`${german.join(' ')}\n${english.join(' ')}`)
}

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text)
  } catch {
    // Not JSON (a proxy's error page): the status decides what to say.
    return undefined
  }
}

export const requestJson = async <T>(
  url: URL,
  {
    body,
    headers = {},
    language,
    method = 'GET',
    signal,
  }: {
    body?: unknown
    headers?: Record<string, string>
    language: Language
    method?: string
    signal?: AbortSignal
  },
): Promise<T> => {
  const texts = sharedTexts[language]
  const timeout = withTimeout(TIMEOUT_MS, signal)
  let status = 0
  let text = ''
  try {
    const response = await fetch(url, {
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'omit',
      headers: {
        Accept: 'application/json',
        'Accept-Language': language,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...headers,
      },
      method,
      mode: 'cors',
      signal: timeout.signal,
    })
    status = response.status
    text = await response.text()
  } catch (err) {
    if (signal?.aborted) {
      throw err
    }
    if (err instanceof TypeError) {
      warnOfCors()
    }
    throw new ApiError(texts.networkError, 0)
  } finally {
    timeout.done()
  }
  const parsed = parseJson(text) as (ErrorBody & T) | undefined
  if (status < 200 || status >= 300) {
    const fallback =
      status === 503 || status === 429
        ? texts.busy
        : status === 404
          ? texts.notFound
          : texts.unexpected
    throw new ApiError(
      messageOf(parsed ?? null) ?? fallback,
      status,
      parsed?.errors?.[0]?.data?.errors ?? [],
    )
  }
  if (parsed === undefined) {
    throw new ApiError(texts.unexpected, status)
  }
  return parsed
}
