/**
 * A visitor's page of a REST list holds at most `MAX_PUBLIC_PAGE_SIZE` documents: `limit` above
 * it, `limit=0` or `pagination=false` (all documents at once, in Payload's reading) are refused
 * with 400 and say how to page on. Without it one request could ask for every project with its
 * relations, megabytes built in the server's memory while everyone else waits (a user test:
 * `?limit=99999999` answered every document). Signed-in users (the admin, editors' scripts) are
 * not limited; a request that only looks signed in (a header or cookie Payload doesn't accept)
 * is a visitor. Member sites that need every date use the ICS feed or page through.
 */
import type { RequestHandler } from 'express'
import type { Payload } from 'payload'

import { MAX_PUBLIC_PAGE_SIZE } from '../domain/pageSize'
import { hasCredentials } from './httpCache/policy'
import { headersOf } from './payloadApi'
import { sendError } from './sendError'

/** The query's single value of `name`, or undefined (absent, or given as a nested object). */
const valueOf = (query: URLSearchParams, name: string) => {
  const values = query.getAll(name)
  return values.length ? values.at(-1) : undefined
}

export const refuseLargePages = ({ payload }: { payload: Payload }): RequestHandler => {
  const apiPrefix = `${payload.config.routes.api}/`
  const collections = new Set<string>(
    payload.config.collections.map((collection) => collection.slug),
  )
  const cookiePrefix = `${payload.config.cookiePrefix}-`
  return async (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      next()
      return
    }
    const segments = req.path.slice(apiPrefix.length).replace(/\/$/, '').split('/')
    if (
      !req.path.startsWith(apiPrefix) ||
      segments.length !== 1 ||
      !collections.has(segments[0]!)
    ) {
      next()
      return
    }
    const index = req.originalUrl.indexOf('?')
    const query = new URLSearchParams(index < 0 ? '' : req.originalUrl.slice(index + 1))
    const limit = valueOf(query, 'limit')
    const limitNumber = limit === undefined || limit.trim() === '' ? NaN : Number(limit)
    const isTooLarge =
      valueOf(query, 'pagination') === 'false' ||
      (Number.isFinite(limitNumber) && (limitNumber === 0 || limitNumber > MAX_PUBLIC_PAGE_SIZE))
    if (!isTooLarge) {
      next()
      return
    }
    if (hasCredentials(req, cookiePrefix)) {
      try {
        // Every header: Payload takes the login cookie only from an admitted Origin (CSRF).
        const { user } = await payload.auth({ headers: headersOf(req) })
        if (user) {
          next()
          return
        }
      } catch {
        // Not signed in after all: a visitor's page size applies.
      }
    }
    res.setHeader('Cache-Control', 'no-store')
    sendError(req, res, 400, {
      de: `Eine Seite enthält höchstens ${MAX_PUBLIC_PAGE_SIZE} Einträge (limit von 1 bis ${MAX_PUBLIC_PAGE_SIZE}); die weiteren erhalten Sie mit page=2, 3 usw. Alle Termine auf einmal liefert der Kalender-Feed (/api/events/feed.ics).`,
      en: `A page holds at most ${MAX_PUBLIC_PAGE_SIZE} entries (limit from 1 to ${MAX_PUBLIC_PAGE_SIZE}); get the others with page=2, 3 and so on. The calendar feed (/api/events/feed.ics) has every date at once.`,
    })
  }
}
