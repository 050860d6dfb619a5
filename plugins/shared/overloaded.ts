import type { PayloadRequest } from 'payload'

import { type ConcurrencyLimit, OverloadedError } from './concurrencyLimit'
import { languageOf } from './publicInput'

/** Seconds a client is asked to wait before it tries again. */
export const RETRY_AFTER_SECONDS = 5

/** 503 with Retry-After: the server is busy now, the request may succeed in a moment. */
export const overloadedResponse = (req: Pick<PayloadRequest, 'i18n'>) =>
  Response.json(
    {
      errors: [
        {
          message:
            languageOf(req) === 'de'
              ? 'Gerade gehen sehr viele Anfragen ein. Bitte versuchen Sie es in einigen Sekunden noch einmal; es wurde nichts gespeichert.'
              : 'Very many requests are arriving right now. Please try again in a few seconds; nothing was stored.',
        },
      ],
    },
    {
      headers: { 'Cache-Control': 'no-store', 'Retry-After': String(RETRY_AFTER_SECONDS) },
      status: 503,
    },
  )

/** Runs `work` within `limit`; a request the limit refuses is answered 503 (nothing ran). */
export const withinLimit = async (
  limit: ConcurrencyLimit,
  req: Pick<PayloadRequest, 'i18n'>,
  work: () => Promise<Response>,
): Promise<Response> => {
  try {
    return await limit(work)
  } catch (err) {
    if (err instanceof OverloadedError) {
      return overloadedResponse(req)
    }
    throw err
  }
}
