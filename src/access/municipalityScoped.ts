import type {
  Access,
  CollectionBeforeValidateHook,
  CollectionConfig,
  PayloadRequest,
  Where,
} from 'payload'

import { APIError } from 'payload'

import { localize } from '../i18n/localize'
import { municipalityOf, relationId } from './municipalityOf'
import { hasRole } from './roles'

type ScopeArgs = {
  /** The relationship field that names the owning municipality; `id` for the municipality itself. */
  field: 'id' | 'municipality'
  /** Whether municipality editors may create and delete such documents (not their profile itself). */
  canCreateAndDelete: boolean
}

/**
 * Admins and editors keep everything; a municipality editor only what belongs to their
 * municipality. The where-constraints apply to updates and deletes, and to reading drafts and
 * versions: a municipality editor reads other cities' documents only as published.
 */
export const municipalityScoped = ({
  canCreateAndDelete,
  field,
}: ScopeArgs): NonNullable<CollectionConfig['access']> => {
  /** Everything (the coordination office), one city's id (its editor), or nothing. */
  const cityOf = (user: Parameters<typeof municipalityOf>[0] & Parameters<typeof hasRole>[0]) =>
    hasRole(user, 'admin', 'editor')
      ? ('all' as const)
      : hasRole(user, 'municipality-editor')
        ? municipalityOf(user)
        : undefined
  const own: Access = ({ req: { user } }) => {
    const city = cityOf(user)
    return city === 'all' || (city !== undefined && { [field]: { equals: city } })
  }
  const create: Access = ({ data, req: { user } }) => {
    if (hasRole(user, 'admin', 'editor')) {
      return true
    }
    if (!canCreateAndDelete || !hasRole(user, 'municipality-editor')) {
      return false
    }
    const municipality = municipalityOf(user)
    const requested = data ? relationId(data[field]) : undefined
    // Without data (the admin asks whether to show "create"), answer for the user's own city.
    // Ids compare as strings: a REST client may send "7" for 7.
    return (
      municipality !== undefined &&
      (requested === undefined || String(requested) === String(municipality))
    )
  }
  const read: Access = ({ req: { user } }) => {
    const city = cityOf(user)
    const published: Where = { _status: { equals: 'published' } }
    return city === 'all'
      ? true
      : city === undefined
        ? published
        : { or: [published, { [field]: { equals: city } }] }
  }
  const readVersions: Access = ({ req: { user } }) => {
    const city = cityOf(user)
    if (city === 'all' || city === undefined) {
      return city === 'all'
    }
    return field === 'id'
      ? { parent: { equals: city } }
      : { [`version.${field}`]: { equals: city } }
  }
  return {
    create,
    delete: canCreateAndDelete ? own : ({ req: { user } }) => hasRole(user, 'admin', 'editor'),
    read,
    readVersions,
    update: own,
  }
}

/**
 * The municipality a municipality editor's entry belongs to: their own. Naming another one is
 * refused (403) rather than silently corrected, so that nobody believes they moved an entry.
 */
export const ownMunicipalityOf = (
  req: PayloadRequest,
  requested: Parameters<typeof relationId>[0],
): number | string | undefined => {
  const own = municipalityOf(req.user)
  const requestedId = relationId(requested)
  if (requestedId !== undefined && String(requestedId) !== String(own)) {
    throw new APIError(
      localize(req, {
        de: 'Sie können nur Einträge Ihrer eigenen Kommune anlegen und bearbeiten.',
        en: 'You can only create and edit entries of your own municipality.',
      }),
      403,
      undefined,
      true,
    )
  }
  return own
}

/** A municipality editor's documents always belong to their municipality; moving one away is refused. */
export const keepOwnMunicipality: CollectionBeforeValidateHook = ({ data, req }) => {
  if (!data || !hasRole(req.user, 'municipality-editor')) {
    return data
  }
  return { ...data, municipality: ownMunicipalityOf(req, data.municipality) }
}
