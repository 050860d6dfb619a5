/**
 * ICS feeds of published, upcoming events for calendar apps and member-city websites. What a
 * feed shows is what a visitor may read: the queries run as a visitor (no user, access
 * enforced), so drafts never appear, and the access link is neither selected nor readable.
 */
import type { Payload, PayloadRequest, Where } from 'payload'

import type { Event } from '../../payload-types'

import crypto from 'node:crypto'

import ical, { ICalCalendarMethod } from 'ical-generator'

import { EVENT_TIME_ZONE } from '../domain/eventKinds'
import { matchesEtag } from '../server/httpCache/validators'

/** Calendar apps poll; a quarter of an hour keeps them close to the admin without load. */
const MAX_AGE_SECONDS = 15 * 60
/** More upcoming events than any network plans; a feed is not an archive. */
const FEED_LIMIT = 500

const FEED_FIELDS = {
  createdAt: true,
  end: true,
  format: true,
  start: true,
  teaser: true,
  theme: true,
  title: true,
  updatedAt: true,
  venue: { address: true, name: true },
} as const

type FeedEvent = Pick<
  Event,
  'createdAt' | 'end' | 'format' | 'id' | 'start' | 'teaser' | 'theme' | 'title' | 'updatedAt'
> & {
  venue?: { address?: null | string; name?: null | string } | null
}

/**
 * Published, not cancelled events that have not ended yet (or, without an end, not started),
 * matching `where`. Deliberately without `req`: the request's user (an editor's cookie) must not
 * turn the public feed into a view of drafts.
 */
export const findFeedEvents = async ({
  now = new Date(),
  payload,
  where,
}: {
  now?: Date
  payload: Payload
  where?: Where
}): Promise<FeedEvent[]> => {
  const { docs } = await payload.find({
    collection: 'events',
    depth: 0,
    draft: false,
    limit: FEED_LIMIT,
    overrideAccess: false,
    select: FEED_FIELDS,
    sort: 'start',
    where: {
      and: [
        ...(where ? [where] : []),
        { or: [{ isCancelled: { equals: false } }, { isCancelled: { exists: false } }] },
        {
          or: [
            { end: { greater_than_equal: now.toISOString() } },
            { start: { greater_than_equal: now.toISOString() } },
          ],
        },
      ],
    },
  })
  return docs
}

/** A published document by slug, as a visitor sees it; undefined when there is none. */
export const findPublishedBySlug = async <
  TSlug extends 'event-series' | 'fields-of-action' | 'municipalities',
>({
  collection,
  payload,
  slug,
}: {
  collection: TSlug
  payload: Payload
  slug: string
}) => {
  const { docs } = await payload.find({
    collection,
    depth: 0,
    draft: false,
    limit: 1,
    overrideAccess: false,
    pagination: false,
    where: { slug: { equals: slug } },
  })
  return docs[0]
}

const locationOf = (event: FeedEvent): string | undefined => {
  const onSite = [event.venue?.name, event.venue?.address?.replace(/\s*\n\s*/g, ', ')]
    .filter(Boolean)
    .join(', ')
  if (event.format === 'online') {
    return 'Online'
  }
  if (event.format === 'hybrid') {
    // Without a place yet it is still held on site too: not "Online" (a user test).
    return onSite ? `${onSite} (und online)` : 'Vor Ort und online'
  }
  return onSite || undefined
}

/**
 * The calendar as text. Times are written in UTC: valid in every client without a VTIMEZONE
 * block, and exact across DST changes; X-WR-TIMEZONE tells apps to show them in Berlin time.
 */
export const renderCalendar = ({
  events,
  name,
  serverUrl,
}: {
  events: FeedEvent[]
  name: string
  serverUrl: string
}): string => {
  const host = new URL(serverUrl).hostname
  const calendar = ical({
    method: ICalCalendarMethod.PUBLISH,
    name,
    prodId: { company: 'Quartiersnetz', language: 'DE', product: 'Veranstaltungen' },
    ttl: MAX_AGE_SECONDS,
  })
  for (const event of events) {
    calendar.createEvent({
      created: new Date(event.createdAt),
      description: event.teaser || event.theme || undefined,
      end: event.end ? new Date(event.end) : undefined,
      // Stable across renames and reschedules: the event's id, never its title or date.
      id: `event-${event.id}@${host}`,
      lastModified: new Date(event.updatedAt),
      location: locationOf(event),
      // The last change, not the time of the request: the same data gives the same bytes (ETag).
      stamp: new Date(event.updatedAt),
      start: new Date(event.start),
      summary: event.title,
    })
  }
  // Among the calendar's properties, before its events (RFC 5545, 3.6): ical-generator writes
  // custom properties after them.
  const text = calendar.toString()
  const at = text.search(/BEGIN:VEVENT\r\n|END:VCALENDAR/)
  return `${text.slice(0, at)}X-WR-TIMEZONE:${EVENT_TIME_ZONE}\r\n${text.slice(at)}`
}

/**
 * The feed with caching headers; a client that has this version gets 304. The ETag is strong
 * (the same events give the same bytes); If-None-Match compares weakly, as for every GET.
 */
export const icsResponse = ({
  body,
  filename,
  req,
}: {
  body: string
  filename: string
  req: PayloadRequest
}): Response => {
  const etag = `"${crypto.createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`
  const headers = new Headers({
    'Cache-Control': `public, max-age=${MAX_AGE_SECONDS}`,
    'Content-Disposition': `inline; filename="${filename}"`,
    'Content-Type': 'text/calendar; charset=utf-8',
    ETag: etag,
  })
  // Compared weakly, with `*` and lists (RFC 9110): a CDN may send back W/"…" for our tag.
  if (matchesEtag(req.headers.get('if-none-match'), etag)) {
    return new Response(null, { headers, status: 304 })
  }
  return new Response(body, { headers, status: 200 })
}
