/**
 * `npm run ratings:recount [-- --fix]`: recomputes every rating summary from the ratings and
 * reports each difference; with --fix it also writes the recomputed values. Exits 1 when it
 * found differences it did not fix.
 */
import type { SanitizedConfig } from 'payload'

import { getPayload } from 'payload'

import { ratingsOptionsOf, recountRatings } from '@quartiersnetz/plugin-ratings'

export const script = async (config: SanitizedConfig) => {
  try {
    const options = ratingsOptionsOf(config)
    if (!options) {
      throw new Error('The ratings plugin is not configured.')
    }
    const shouldFix = process.argv.includes('--fix')
    const payload = await getPayload({ config })
    const { checked, differences } = await recountRatings({ options, payload, shouldFix })
    for (const difference of differences) {
      payload.logger.warn(
        `${difference.targetCollection} ${difference.targetId} ${difference.field}: gespeichert ${JSON.stringify(difference.stored)}, aus den Bewertungen ${JSON.stringify(difference.actual)}`,
      )
    }
    payload.logger.info(
      `${checked} Bewertungsübersichten geprüft, ${differences.length} Abweichungen${shouldFix && differences.length ? ' korrigiert' : ''}.`,
    )
    if (differences.length && !shouldFix) {
      process.exit(1)
    }
  } catch (err) {
    console.error(err)
    process.exit(1)
  }
}
