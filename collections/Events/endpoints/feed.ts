import type { Endpoint } from 'payload'

import { resolveFeedFilters } from '../../../src/events/feedFilters'
import { findFeedEvents, icsResponse, renderCalendar } from '../../../src/events/icsFeed'

/**
 * GET /api/events/feed.ics: every upcoming published event of the network, or only those of a
 * municipality, a series and/or a Handlungsfeld (`?municipality=essen&series=…&fieldOfAction=…`).
 */
export const eventsFeed: Endpoint = {
  handler: async (req) => {
    const { nameSuffix, slugs, where } = await resolveFeedFilters(req)
    const events = await findFeedEvents({ payload: req.payload, where })
    const body = renderCalendar({
      events,
      name: `Quartiersnetz – Veranstaltungen${nameSuffix}`,
      serverUrl: req.payload.config.serverURL,
    })
    return icsResponse({ body, filename: ['veranstaltungen', ...slugs].join('-') + '.ics', req })
  },
  method: 'get',
  path: '/feed.ics',
}
