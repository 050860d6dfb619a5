import type { DefaultServerCellComponentProps, PayloadRequest } from 'payload'

import type { RatingsTranslationKey } from '../../translations'

import { getTranslation } from '@payloadcms/translations'
import { translatorOf } from '@quartiersnetz/plugin-kit/respond'
import {
  loadTargets,
  type TargetCollection,
  targetKey,
  targetLinkOf,
  targetRefOf,
} from '@quartiersnetz/plugin-kit/targets'
import { TargetLinkField, TargetLinkText } from '@quartiersnetz/plugin-kit/targetLink'

/** The list column: "Beteiligungsmodul: Stadtteilkonferenz", linked to its edit view. */
export const TargetCell = ({ cellData, i18n, payload }: DefaultServerCellComponentProps) => {
  const t = translatorOf<RatingsTranslationKey>(i18n)
  const link = targetLinkOf({
    language: i18n.language,
    missing: t('plugin-ratings:targetMissing'),
    payload,
    target: cellData,
  })
  return link ? <TargetLinkText link={link} /> : null
}

type FieldProps = {
  data?: Record<string, unknown>
  field: { label?: Parameters<typeof getTranslation>[0] }
  req: PayloadRequest
  targets: TargetCollection[]
}

/**
 * The edit view's line "Eintrag: Beteiligungsmodul: Stadtteilkonferenz", linked; read as the
 * signed-in user from the form's data.
 */
export const TargetField = async ({ data, field, req, targets }: FieldProps) => {
  const t = translatorOf<RatingsTranslationKey>(req.i18n)
  const ref = targetRefOf(data)
  if (!ref) {
    return null
  }
  const target = (await loadTargets({ overrideAccess: false, refs: [ref], req, targets })).get(
    targetKey(ref),
  )
  const link = targetLinkOf({
    language: req.i18n.language,
    missing: t('plugin-ratings:targetMissing'),
    payload: req.payload,
    target,
  })
  return link ? (
    <TargetLinkField label={field.label ? getTranslation(field.label, req.i18n) : ''} link={link} />
  ) : null
}
