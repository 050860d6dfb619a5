import type { Endpoint } from 'payload'

import { APIError } from 'payload'

import { localize } from '../../../src/i18n/localize'
import { eventsOfMunicipality, refuseFeedParameters } from '../../../src/events/feedFilters'
import {
  findFeedEvents,
  findPublishedBySlug,
  icsResponse,
  renderCalendar,
} from '../../../src/events/icsFeed'

/**
 * GET /api/municipalities/:slug/events.ics: upcoming published events that involve the
 * municipality or take place there. Registered on the municipalities collection.
 */
export const municipalityEventsFeed: Endpoint = {
  handler: async (req) => {
    refuseFeedParameters(req)
    const slug = String(req.routeParams?.slug ?? '')
    const municipality = await findPublishedBySlug({
      collection: 'municipalities',
      payload: req.payload,
      slug,
    })
    if (!municipality) {
      throw new APIError(
        localize(req, {
          de: `Die Kommune „${slug}“ gibt es nicht (oder sie ist nicht veröffentlicht).`,
          en: `There is no published municipality "${slug}".`,
        }),
        404,
        undefined,
        true,
      )
    }
    const events = await findFeedEvents({
      payload: req.payload,
      where: eventsOfMunicipality(municipality.id),
    })
    const body = renderCalendar({
      events,
      name: `Quartiersnetz – Veranstaltungen in ${municipality.name}`,
      serverUrl: req.payload.config.serverURL,
    })
    return icsResponse({
      body,
      filename: `veranstaltungen-${municipality.slug ?? municipality.id}.ics`,
      req,
    })
  },
  method: 'get',
  path: '/:slug/events.ics',
}
