import type { Endpoint } from 'payload'

import { APIError } from 'payload'

import { refuseFeedParameters } from '../../../src/events/feedFilters'
import { localize } from '../../../src/i18n/localize'
import {
  findFeedEvents,
  findPublishedBySlug,
  icsResponse,
  renderCalendar,
} from '../../../src/events/icsFeed'

/** GET /api/event-series/:slug/feed.ics: the upcoming published events of one series. */
export const seriesFeed: Endpoint = {
  handler: async (req) => {
    refuseFeedParameters(req)
    const slug = String(req.routeParams?.slug ?? '')
    const series = await findPublishedBySlug({
      collection: 'event-series',
      payload: req.payload,
      slug,
    })
    if (!series) {
      throw new APIError(
        localize(req, {
          de: `Die Veranstaltungsreihe „${slug}“ gibt es nicht (oder sie ist nicht veröffentlicht).`,
          en: `There is no published event series "${slug}".`,
        }),
        404,
        undefined,
        true,
      )
    }
    const events = await findFeedEvents({
      payload: req.payload,
      where: { series: { equals: series.id } },
    })
    const body = renderCalendar({
      events,
      name: `Quartiersnetz – ${series.title}`,
      serverUrl: req.payload.config.serverURL,
    })
    return icsResponse({ body, filename: `${series.slug ?? series.id}.ics`, req })
  },
  method: 'get',
  path: '/:slug/feed.ics',
}
