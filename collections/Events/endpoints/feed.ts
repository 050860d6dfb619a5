import type { Endpoint } from 'payload'

import { findFeedEvents, icsResponse, renderCalendar } from '../../../src/events/icsFeed'

/** GET /api/events/feed.ics: every upcoming published event of the network. */
export const eventsFeed: Endpoint = {
  handler: async (req) => {
    const events = await findFeedEvents({ payload: req.payload })
    const body = renderCalendar({ events, name: 'Quartiersnetz – Veranstaltungen', serverUrl: req.payload.config.serverURL })
    return icsResponse({ body, filename: 'veranstaltungen.ics', req })
  },
  method: 'get',
  path: '/feed.ics',
}
