import type { Endpoint } from 'payload'

import { addDataAndFileToRequest, APIError } from 'payload'

import { hasRole } from '../../../src/access/roles'
import { generateOccurrences } from '../../../src/events/generateOccurrences'
import { InvalidRecurrenceError } from '../../../src/events/recurrence'
import { localize } from '../../../src/i18n/localize'

/**
 * POST /api/event-series/:id/generate-occurrences: the admin button's "generate now". Answers
 * `{ created, updated, cancelled, total }`; running it again creates nothing twice. With the
 * JSON body `{ "asDrafts": true }` the new events are drafts, whatever the series' status.
 */
export const generateOccurrencesEndpoint: Endpoint = {
  handler: async (req) => {
    if (!hasRole(req.user, 'admin', 'editor')) {
      throw new APIError(
        localize(req, {
          de: 'Termine erzeugen dürfen nur Redaktion und Administration der Geschäftsstelle.',
          en: 'Only editors and admins of the coordination office can generate occurrences.',
        }),
        403,
        undefined,
        true,
      )
    }
    const id = String(req.routeParams?.id ?? '')
    const notFound = new APIError(
      localize(req, {
        de: `Die Veranstaltungsreihe ${id} gibt es nicht.`,
        en: `There is no event series ${id}.`,
      }),
      404,
      undefined,
      true,
    )
    // Ids are integers; anything else can't name a series (and must not reach the database as one).
    if (!/^\d{1,15}$/.test(id)) {
      throw notFound
    }
    await addDataAndFileToRequest(req)
    const asDrafts = (req.data as { asDrafts?: unknown } | undefined)?.asDrafts === true
    try {
      const result = await generateOccurrences({ asDrafts, req, seriesId: Number(id) })
      if (!result) {
        throw notFound
      }
      const { cancelled, created, total, updated } = result
      return Response.json({ cancelled, created, total, updated })
    } catch (err) {
      if (err instanceof InvalidRecurrenceError) {
        throw new APIError(localize(req, err.text), 400, undefined, true)
      }
      throw err
    }
  },
  method: 'post',
  path: '/:id/generate-occurrences',
}
