import type { UIFieldServerProps } from 'payload'

import type { NoticeReason } from './texts'

import { municipalityOf, relationId } from '../../access/municipalityOf'
import { hasRole } from '../../access/roles'
import { localize } from '../../i18n/localize'
import { ReadOnlyNoticeClient } from './index.client'
import { noticeText } from './texts'

/**
 * Which field names the city a document belongs to, for the collections whose access is
 * `municipalityScoped` (src/access/municipalityScoped.ts): a municipality editor may change
 * those of their own city. Everything else only the coordination office changes.
 */
const OWNING_FIELD: Record<string, 'id' | 'municipality'> = {
  municipalities: 'id',
  'program-areas': 'municipality',
  projects: 'municipality',
}

/**
 * The notice at the top of a document a municipality editor may read but not change, saying
 * why. The reason is worked out here (with the owning city's name); whether the document is
 * read-only is the form's own answer (`hasSavePermission`), so the notice and the form agree.
 */
export const ReadOnlyNotice = async ({ collectionSlug, data, id, req }: UIFieldServerProps) => {
  const { user } = req
  if (id === undefined || id === null || id === '' || !hasRole(user, 'municipality-editor')) {
    return null
  }
  const owningField = OWNING_FIELD[collectionSlug]
  let reason: NoticeReason = { kind: 'coordination-office' }
  if (owningField) {
    const owner = relationId(owningField === 'id' ? id : data?.municipality)
    if (owner !== undefined && String(owner) === String(municipalityOf(user))) {
      // Their own city's: nothing to explain (should it still be read-only, Payload says why).
      return null
    }
    const municipality =
      owner === undefined
        ? null
        : await req.payload.findByID({
            collection: 'municipalities',
            depth: 0,
            disableErrors: true,
            id: owner,
            overrideAccess: false,
            req,
            select: { name: true },
          })
    if (municipality?.name) {
      reason = {
        kind: owningField === 'id' ? 'other-profile' : 'other-municipality',
        municipality: municipality.name,
      }
    }
  }
  return <ReadOnlyNoticeClient text={localize(req, noticeText(collectionSlug, reason))} />
}
