import type { WidgetServerProps } from 'payload'

import { collectionOf } from '@quartiersnetz/plugin-kit/data'

import { localize } from '../../../i18n/localize'
import { scopeOf } from '../access'
import { Card } from '../Card'
import { formatDateTime } from '../format'
import { documentUrl, listUrl } from '../links'
import { titleOf, titlesOf } from '../titles'
import { Unavailable } from './Unavailable'

type Props = WidgetServerProps & { ratingsSlug: string }

type Rating = { updatedAt: string; id: number; targetCollection: string; targetId: string }

const WEEK_MS = 7 * 24 * 60 * 60 * 1000
/** The newest ratings read to group by what they rate. */
const READ = 100
const SHOWN = 5

/** What visitors rated lately, grouped by the rated entry (whose page shows the ratings). */
export const LatestRatingsCard = async ({ ratingsSlug, req }: Props) => {
  const title = localize(req, { de: 'Neueste Bewertungen', en: 'Latest ratings' })
  // Moderators only: the plugin grants reading ratings on `true`, never on a query.
  if ((await scopeOf(req, ratingsSlug, 'read')) !== true) {
    return <Unavailable id="ratings" req={req} title={title} />
  }
  const ratings = collectionOf<Rating>(req, ratingsSlug)
  const weekAgo = new Date(Date.now() - WEEK_MS).toISOString()
  const [latest, lastWeek] = await Promise.all([
    ratings.find({
      limit: READ,
      overrideAccess: false,
      select: { updatedAt: true, targetCollection: true, targetId: true },
      sort: '-updatedAt',
    }),
    ratings.count({ overrideAccess: false, where: { updatedAt: { greater_than: weekAgo } } }),
  ])
  const byTarget = new Map<string, { count: number; latest: Rating }>()
  for (const rating of latest.docs) {
    const key = `${rating.targetCollection}:${rating.targetId}`
    const entry = byTarget.get(key)
    byTarget.set(key, entry ? { ...entry, count: entry.count + 1 } : { count: 1, latest: rating })
  }
  const shown = [...byTarget.values()].slice(0, SHOWN)
  const titles = await titlesOf(
    req,
    shown.map(({ latest: rating }) => ({
      collection: rating.targetCollection,
      id: rating.targetId,
    })),
  )
  return (
    <Card
      action={{
        href: listUrl(req, ratingsSlug, { sort: '-updatedAt' }),
        label: localize(req, { de: 'Alle Bewertungen', en: 'All ratings' }),
      }}
      counts={[
        {
          href: listUrl(req, ratingsSlug, {
            sort: '-updatedAt',
            'where[updatedAt][greater_than]': weekAgo,
          }),
          label: localize(req, { de: 'in den letzten 7 Tagen', en: 'in the last 7 days' }),
          value: lastWeek.totalDocs,
        },
        {
          label: localize(req, { de: 'insgesamt', en: 'in total' }),
          value: latest.totalDocs,
        },
      ]}
      empty={localize(req, { de: 'Noch keine Bewertungen.', en: 'No ratings yet.' })}
      id="ratings"
      items={shown.map(({ count, latest: rating }) => {
        const target = titleOf(titles, { collection: rating.targetCollection, id: rating.targetId })
        return {
          badge: target.label,
          details: [
            localize(req, {
              de: count === 1 ? '1 Bewertung' : `${count} Bewertungen`,
              en: count === 1 ? '1 rating' : `${count} ratings`,
            }),
            localize(req, {
              de: `zuletzt ${formatDateTime(req, rating.updatedAt)}`,
              en: `latest ${formatDateTime(req, rating.updatedAt)}`,
            }),
          ],
          href: documentUrl(req, rating.targetCollection, rating.targetId),
          key: `${rating.targetCollection}:${rating.targetId}`,
          title: target.title,
        }
      })}
      title={title}
    />
  )
}
