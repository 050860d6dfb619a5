import type { PayloadRequest, SanitizedCollectionConfig, WidgetServerProps } from 'payload'

import { getTranslation } from '@payloadcms/translations'
import { collectionOf } from '@quartiersnetz/plugin-kit/data'

import { localize } from '../../../i18n/localize'
import { grantsAny, scopeOf, within } from '../access'
import type { CardCount, CardItem } from '../Card'
import { Card } from '../Card'
import { formatDateTime } from '../format'
import { documentUrl, listUrl } from '../links'
import { titleOf, titlesOf } from '../titles'

type Draft = Record<string, unknown> & { id: number | string; updatedAt: string }

type ScheduledJob = {
  id: number | string
  input?: { doc?: { relationTo: string; value: number | string }; type?: string } | null
  waitUntil?: null | string
}

const SHOWN = 8
const JOBS = 'payload-jobs'

/** Collections with drafts that appear in the admin. */
const draftCollections = (req: PayloadRequest): SanitizedCollectionConfig[] =>
  Object.values(req.payload.collections)
    .map(({ config }) => config)
    .filter((config) => Boolean(config.versions?.drafts) && config.admin.hidden !== true)

/**
 * Publications Payload's scheduler will make (collections with `schedulePublish`), of documents
 * the user may edit.
 */
const scheduledPublications = async (req: PayloadRequest) => {
  const isScheduling = draftCollections(req).some((config) =>
    Boolean(config.versions?.drafts && config.versions.drafts.schedulePublish),
  )
  if (!isScheduling) {
    return []
  }
  // Staff read scheduled publications only (src/access/readScheduledPublications.ts); shown are
  // those of documents the user may edit (onlyEditable).
  const jobs = await collectionOf<ScheduledJob>(req, JOBS).find({
    limit: 100,
    overrideAccess: false,
    sort: 'waitUntil',
    where: {
      and: [
        { taskSlug: { equals: 'schedulePublish' } },
        { completedAt: { exists: false } },
        { waitUntil: { greater_than: new Date().toISOString() } },
      ],
    },
  })
  const scheduled = jobs.docs.flatMap((job) =>
    job.input?.doc && job.waitUntil
      ? [{ at: job.waitUntil, doc: job.input.doc, isPublishing: job.input.type !== 'unpublish' }]
      : [],
  )
  return (await onlyEditable(req, scheduled)).slice(0, SHOWN)
}

/**
 * Of the scheduled publications, those whose document the user may edit: a municipality
 * editor sees their city's, as with the drafts.
 */
const onlyEditable = async <T extends { doc: { relationTo: string; value: number | string } }>(
  req: PayloadRequest,
  scheduled: T[],
): Promise<T[]> => {
  const editable = new Set<string>()
  const slugs = [...new Set(scheduled.map(({ doc }) => doc.relationTo))]
  await Promise.all(
    slugs.map(async (slug) => {
      const scope = await scopeOf(req, slug, 'update')
      const ids = scheduled.filter(({ doc }) => doc.relationTo === slug).map(({ doc }) => doc.value)
      if (scope === true) {
        ids.forEach((id) => editable.add(`${slug}:${id}`))
      } else if (grantsAny(scope)) {
        const found = await collectionOf<Draft>(req, slug).find({
          draft: true,
          limit: ids.length,
          overrideAccess: false,
          select: {},
          where: within(scope, { id: { in: ids } }),
        })
        found.docs.forEach(({ id }) => editable.add(`${slug}:${id}`))
      }
    }),
  )
  return scheduled.filter(({ doc }) => editable.has(`${doc.relationTo}:${doc.value}`))
}

/**
 * The newest drafts the user may edit (a municipality editor: their city's), across every
 * collection with drafts, and what is scheduled to be published.
 */
export const DraftsCard = async ({ req }: WidgetServerProps) => {
  const perCollection = await Promise.all(
    draftCollections(req).map(async (config) => {
      const scope = await scopeOf(req, config.slug, 'update')
      if (!grantsAny(scope)) {
        return undefined
      }
      const titleField = config.admin.useAsTitle ?? 'id'
      const found = await collectionOf<Draft>(req, config.slug).find({
        draft: true,
        limit: SHOWN,
        overrideAccess: false,
        select: { [titleField]: true, updatedAt: true },
        sort: '-updatedAt',
        where: within(scope, { _status: { equals: 'draft' } }),
      })
      return { config, found, titleField }
    }),
  )
  const collections = perCollection.filter((entry) => entry !== undefined)
  const scheduled = await scheduledPublications(req)
  const scheduledTitles = await titlesOf(
    req,
    scheduled.map(({ doc }) => ({ collection: doc.relationTo, id: doc.value })),
  )

  const counts: CardCount[] = collections
    .filter(({ found }) => found.totalDocs > 0)
    .map(({ config, found }) => ({
      href: listUrl(req, config.slug, { 'where[_status][equals]': 'draft' }),
      label: getTranslation(
        found.totalDocs === 1 ? config.labels.singular : config.labels.plural,
        req.i18n,
      ),
      value: found.totalDocs,
    }))
  const drafts: (CardItem & { updatedAt: string })[] = collections.flatMap(
    ({ config, found, titleField }) =>
      found.docs.map((doc) => ({
        badge: getTranslation(config.labels.singular, req.i18n),
        details: [
          localize(req, {
            de: `geändert ${formatDateTime(req, doc.updatedAt)}`,
            en: `changed ${formatDateTime(req, doc.updatedAt)}`,
          }),
        ],
        href: documentUrl(req, config.slug, doc.id),
        key: `${config.slug}:${doc.id}`,
        title:
          typeof doc[titleField] === 'string' && doc[titleField]
            ? String(doc[titleField])
            : String(doc.id),
        updatedAt: doc.updatedAt,
      })),
  )
  const scheduledItems: CardItem[] = scheduled.map(({ at, doc, isPublishing }) => {
    const target = titleOf(scheduledTitles, { collection: doc.relationTo, id: doc.value })
    return {
      badge: target.label,
      details: [
        isPublishing
          ? localize(req, {
              de: `wird veröffentlicht ${formatDateTime(req, at)}`,
              en: `to be published ${formatDateTime(req, at)}`,
            })
          : localize(req, {
              de: `wird zurückgezogen ${formatDateTime(req, at)}`,
              en: `to be unpublished ${formatDateTime(req, at)}`,
            }),
      ],
      href: documentUrl(req, doc.relationTo, doc.value),
      key: `scheduled:${doc.relationTo}:${doc.value}:${at}`,
      title: target.title,
    }
  })
  return (
    <Card
      counts={counts}
      empty={localize(req, {
        de: 'Keine Entwürfe: Alles, was Sie bearbeiten dürfen, ist veröffentlicht.',
        en: 'No drafts: everything you may edit is published.',
      })}
      id="drafts"
      items={[
        ...scheduledItems,
        ...drafts.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)).slice(0, SHOWN),
      ]}
      title={
        scheduledItems.length
          ? localize(req, {
              de: 'Entwürfe und geplante Veröffentlichungen',
              en: 'Drafts and scheduled publications',
            })
          : localize(req, { de: 'Entwürfe', en: 'Drafts' })
      }
    />
  )
}
