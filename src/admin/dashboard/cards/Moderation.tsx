import type { WidgetServerProps, Where } from 'payload'

import { collectionOf } from '@quartiersnetz/plugin-kit/data'
import {
  MODERATION_VIEW_PATH,
  waitingForDecisionSort,
  waitingForDecisionWhere,
} from '@quartiersnetz/plugin-comments/lib/moderationQueue'

import { localize } from '../../../i18n/localize'
import { scopeOf } from '../access'
import { Card } from '../Card'
import { formatDateTime } from '../format'
import { adminUrl, listUrl } from '../links'
import { titleOf, titlesOf } from '../titles'
import { Unavailable } from './Unavailable'

type Props = WidgetServerProps & { commentsSlug: string }

type WaitingComment = {
  authorName: string
  createdAt: string
  id: number
  isHiddenByReports?: boolean | null
  reportCount?: number | null
  targetCollection: string
  targetId: string
  text: string
}

/** Reported comments nobody has rejected yet: visible ones and those reports have hidden. */
const reportedWhere: Where = {
  and: [{ reportCount: { greater_than: 0 } }, { status: { in: ['pending', 'approved'] } }],
}

const excerpt = (text: string, length = 90) =>
  text.length > length ? `${text.slice(0, length).trimEnd()} …` : text

/** Comments waiting for a moderator (in the queue's order) and reported ones; the work is in the queue. */
export const ModerationCard = async ({ commentsSlug, req }: Props) => {
  const title = localize(req, { de: 'Kommentare', en: 'Comments' })
  // Moderators only: the plugin grants moderation on `true`, never on a query.
  if ((await scopeOf(req, commentsSlug, 'update')) !== true) {
    return <Unavailable id="moderation" req={req} title={title} />
  }
  const comments = collectionOf<WaitingComment>(req, commentsSlug)
  const [waiting, reported] = await Promise.all([
    comments.find({
      limit: 5,
      overrideAccess: false,
      select: {
        authorName: true,
        createdAt: true,
        isHiddenByReports: true,
        reportCount: true,
        targetCollection: true,
        targetId: true,
        text: true,
      },
      sort: waitingForDecisionSort,
      where: waitingForDecisionWhere,
    }),
    comments.count({ overrideAccess: false, where: reportedWhere }),
  ])
  const targets = await titlesOf(
    req,
    waiting.docs.map((doc) => ({ collection: doc.targetCollection, id: doc.targetId })),
  )
  const queueUrl = adminUrl(req, MODERATION_VIEW_PATH)
  return (
    <Card
      action={{ href: queueUrl, label: localize(req, { de: 'Zur Moderation', en: 'Moderate' }) }}
      counts={[
        {
          href: queueUrl,
          isUrgent: waiting.totalDocs > 0,
          label: localize(req, {
            de: 'warten auf Ihre Entscheidung',
            en: 'awaiting your decision',
          }),
          value: waiting.totalDocs,
        },
        {
          href: listUrl(req, commentsSlug, {
            sort: '-reportCount',
            'where[reportCount][greater_than]': 0,
            'where[status][in]': 'pending,approved',
          }),
          isUrgent: reported.totalDocs > 0,
          label: localize(req, { de: 'gemeldet', en: 'reported' }),
          value: reported.totalDocs,
        },
      ]}
      empty={localize(req, {
        de: 'Kein Kommentar wartet auf eine Entscheidung.',
        en: 'No comment is waiting for a decision.',
      })}
      id="moderation"
      items={waiting.docs.map((doc) => {
        const target = titleOf(targets, { collection: doc.targetCollection, id: doc.targetId })
        return {
          badge: doc.isHiddenByReports
            ? localize(req, { de: 'nach Meldungen verborgen', en: 'hidden after reports' })
            : doc.reportCount
              ? localize(req, {
                  de: `${doc.reportCount}× gemeldet`,
                  en: `reported ${doc.reportCount}×`,
                })
              : undefined,
          details: [
            localize(req, {
              de: `von ${doc.authorName}`,
              en: `by ${doc.authorName}`,
            }),
            `${target.label}: ${target.title}`,
            formatDateTime(req, doc.createdAt),
          ],
          href: queueUrl,
          key: doc.id,
          title: `„${excerpt(doc.text)}“`,
        }
      })}
      title={title}
    />
  )
}
