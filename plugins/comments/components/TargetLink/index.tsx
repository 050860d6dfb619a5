import type { DefaultServerCellComponentProps, PayloadRequest } from 'payload'

import type { CommentsTranslationKey } from '../../translations'

import { getTranslation } from '@payloadcms/translations'
import { collectionOf } from '@quartiersnetz/plugin-kit/data'
import { translatorOf } from '@quartiersnetz/plugin-kit/respond'
import {
  loadTargets,
  type TargetCollection,
  type TargetRef,
  targetKey,
  targetLinkOf,
  targetRefOf,
} from '@quartiersnetz/plugin-kit/targets'
import { TargetLinkField, TargetLinkText } from '@quartiersnetz/plugin-kit/targetLink'

/** The list column: "Beteiligungsmodul: Stadtteilkonferenz", linked to its edit view. */
export const TargetCell = ({ cellData, i18n, payload }: DefaultServerCellComponentProps) => {
  const t = translatorOf<CommentsTranslationKey>(i18n)
  const link = targetLinkOf({
    language: i18n.language,
    missing: t('plugin-comments:targetMissing'),
    payload,
    target: cellData,
  })
  return link ? <TargetLinkText link={link} /> : null
}

type FieldProps = {
  commentsSlug: string
  data?: Record<string, unknown>
  field: { label?: Parameters<typeof getTranslation>[0] }
  req: PayloadRequest
  targets: TargetCollection[]
  value?: unknown
}

const idOf = (value: unknown): string | undefined =>
  typeof value === 'number' || typeof value === 'string'
    ? String(value)
    : value && typeof value === 'object' && 'id' in value
      ? idOf(value.id)
      : undefined

/** The document's target: its own, or (a report) its comment's. */
const targetRefIn = async ({
  commentsSlug,
  data,
  req,
}: Pick<FieldProps, 'commentsSlug' | 'data' | 'req'>): Promise<TargetRef | undefined> => {
  const own = targetRefOf(data)
  const commentId = idOf(data?.comment)
  if (own || commentId === undefined) {
    return own
  }
  const comment = await collectionOf<Record<string, unknown>>(req, commentsSlug).findByID({
    id: commentId,
    overrideAccess: false,
    select: { targetCollection: true, targetId: true },
  })
  return targetRefOf(comment)
}

/**
 * The edit view's line "Eintrag: Beteiligungsmodul: Stadtteilkonferenz", linked; read as the
 * signed-in user from the form's data (so it follows a save), nothing while there is no target.
 */
export const TargetField = async ({ commentsSlug, data, field, req, targets }: FieldProps) => {
  const t = translatorOf<CommentsTranslationKey>(req.i18n)
  const ref = await targetRefIn({ commentsSlug, data, req })
  if (!ref) {
    return null
  }
  const target = (await loadTargets({ overrideAccess: false, refs: [ref], req, targets })).get(
    targetKey(ref),
  )
  const link = targetLinkOf({
    language: req.i18n.language,
    missing: t('plugin-comments:targetMissing'),
    payload: req.payload,
    target,
  })
  return link ? (
    <TargetLinkField label={field.label ? getTranslation(field.label, req.i18n) : ''} link={link} />
  ) : null
}
