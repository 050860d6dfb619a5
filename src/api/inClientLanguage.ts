/**
 * Wraps Payload's Next route handlers (REST and GraphQL) so that error messages reach German
 * clients in German: Payload writes some of its messages in English whatever the request's
 * language (i18n/payloadMessages.ts). The client's language is the one Payload picks (the
 * admin's language cookie, then Accept-Language, German by default); English clients get
 * Payload's text unchanged.
 */
import type { SanitizedConfig } from 'payload'

import { getRequestLanguage } from 'payload'

import { germanFor } from '../i18n/payloadMessages'
import { isErrorFree } from './graphqlRefusals'

type RouteHandler<Context> = (request: Request, context: Context) => Promise<Response>

type ErrorEntry = { data?: { errors?: { message?: unknown }[] }; message?: unknown }

const cookiesOf = (request: Request) =>
  new Map(
    (request.headers.get('cookie') ?? '')
      .split(';')
      .map((part) => part.trim().split('='))
      .filter(([name]) => name)
      .map(([name, ...value]) => [name!, value.join('=')] as const),
  )

const translateEntry = (entry: ErrorEntry): ErrorEntry => ({
  ...entry,
  ...(typeof entry.message === 'string' ? { message: germanFor(entry.message) } : {}),
  ...(entry.data?.errors
    ? {
        data: {
          ...entry.data,
          errors: entry.data.errors.map((error) =>
            typeof error.message === 'string'
              ? { ...error, message: germanFor(error.message) }
              : error,
          ),
        },
      }
    : {}),
})

/** `{ errors: [...] }` (REST and GraphQL) or `{ message }` (Payload's "not found" answers). */
const translateBody = (body: unknown): unknown => {
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    return body
  }
  const { errors, message } = body as { errors?: unknown; message?: unknown }
  return {
    ...body,
    ...(Array.isArray(errors)
      ? {
          errors: errors.map((entry: ErrorEntry) =>
            entry && typeof entry === 'object' ? translateEntry(entry) : entry,
          ),
        }
      : {}),
    ...(typeof message === 'string' ? { message: germanFor(message) } : {}),
  }
}

const STATUS_TEXTS: Record<number, { de: string; en: string }> = {
  404: { de: 'Diese Adresse gibt es nicht.', en: 'There is no such address.' },
  405: {
    de: 'Diese Methode ist für diese Adresse nicht erlaubt.',
    en: 'This method is not allowed for this address.',
  },
  415: {
    de: 'Dieser Inhaltstyp wird nicht angenommen; senden Sie application/json.',
    en: 'This content type is not accepted; send application/json.',
  },
}

/**
 * Some answers (graphql-http's 415, the playground's "Route Not Found") come without a JSON
 * body: every API error answer carries a message in `{ errors: [{ message }] }`.
 */
const answerWithoutBody = async (
  config: Promise<SanitizedConfig>,
  request: Request,
  response: Response,
) => {
  const language = getRequestLanguage({
    config: await config,
    cookies: cookiesOf(request),
    headers: request.headers,
  })
  const text = STATUS_TEXTS[response.status] ?? {
    de: 'Die Anfrage konnte nicht bearbeitet werden.',
    en: 'The request could not be handled.',
  }
  const headers = new Headers(response.headers)
  headers.set('content-type', 'application/json')
  headers.delete('content-length')
  return Response.json(
    { errors: [{ message: language === 'en' ? text.en : text.de }] },
    { headers, status: response.status },
  )
}

/**
 * Payload answers an unknown route `{ message }` where every other error is
 * `{ errors: [{ message }] }` (docs/api.md): one shape for clients.
 */
const inErrorsShape = (body: unknown): unknown => {
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    return body
  }
  const { errors, message, ...rest } = body as Record<string, unknown>
  return errors === undefined && typeof message === 'string' && !Object.keys(rest).length
    ? { errors: [{ message }] }
    : body
}

export const inClientLanguage =
  <Context>(
    config: Promise<SanitizedConfig>,
    handler: RouteHandler<Context>,
  ): RouteHandler<Context> =>
  async (request, context) => {
    const response = await handler(request, context)
    const type = response.headers.get('content-type') ?? ''
    const isJson = type.includes('application/json')
    // Pages for people (a mailed link's page, text/html) keep their form; bare answers don't.
    if (response.status >= 400 && (!type || type.startsWith('text/plain'))) {
      return answerWithoutBody(config, request, response)
    }
    // Successful GraphQL answers can carry errors too (unless known not to); other successes
    // have none.
    const mayHaveErrors =
      response.status >= 400 ||
      (!isErrorFree(response) && new URL(request.url).pathname.endsWith('/graphql'))
    if (!isJson || !mayHaveErrors || !response.body) {
      return response
    }
    const isGerman =
      getRequestLanguage({
        config: await config,
        cookies: cookiesOf(request),
        headers: request.headers,
      }) === 'de'
    const text = await response.text()
    if (response.status < 400 && (!isGerman || !text.includes('"errors"'))) {
      return new Response(text, response)
    }
    let body: unknown
    try {
      body = JSON.parse(text)
    } catch {
      return new Response(text, response)
    }
    if (response.status >= 400) {
      body = inErrorsShape(body)
    }
    const headers = new Headers(response.headers)
    headers.delete('content-length')
    return new Response(JSON.stringify(isGerman ? translateBody(body) : body), {
      headers,
      status: response.status,
      statusText: response.statusText,
    })
  }
