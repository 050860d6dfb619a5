import type { FieldHook, FilterOptions, PayloadRequest, RelationshipField } from 'payload'

import { municipalityOf } from '../access/municipalityOf'
import { ownMunicipalityOf } from '../access/municipalityScoped'
import { hasRole } from '../access/roles'

type MaybeUser = Partial<NonNullable<PayloadRequest['user']>> | null | undefined

const isMunicipalityEditor = (user: MaybeUser): boolean => hasRole(user, 'municipality-editor')

/**
 * A municipality editor is offered their own city only. The list view's filter asks without a
 * document (`data` is empty there): they read every city's entries and may filter by any.
 */
const ownCityForMunicipalityEditors: FilterOptions = ({ data, user }) => {
  if (!isMunicipalityEditor(user) || !data || Object.keys(data).length === 0) {
    return true
  }
  const own = municipalityOf(user)
  return own === undefined ? false : { id: { equals: own } }
}

/**
 * Field access strips a value it refuses, which would turn "move this project to another city"
 * into a silent no-op: refuse it with 403 first, as the collections' own rule does.
 */
const refuseOtherMunicipality: FieldHook = ({ req, value }) => {
  if (isMunicipalityEditor(req.user)) {
    ownMunicipalityOf(req, value)
  }
  return value
}

type MunicipalityFieldArgs = {
  index?: boolean
  /** @default 'municipality' */
  name?: string
  required?: boolean
}

/**
 * The "Kommune" of an entry. Coordinators and admins choose any city. A municipality editor is
 * offered their own city only, finds it filled in on "create" and can't change it afterwards
 * (the form shows it read-only); the collections' access rules (src/access/municipalityScoped.ts)
 * decide what they may write at all.
 */
export const municipalityField = ({
  name = 'municipality',
  index,
  required,
}: MunicipalityFieldArgs = {}): RelationshipField => ({
  name,
  type: 'relationship',
  access: {
    update: ({ req: { user } }) => !isMunicipalityEditor(user),
  },
  defaultValue: ({ user }: { user: MaybeUser }) =>
    isMunicipalityEditor(user) ? municipalityOf(user) : undefined,
  filterOptions: ownCityForMunicipalityEditors,
  hooks: { beforeValidate: [refuseOtherMunicipality] },
  index,
  label: { de: 'Kommune', en: 'Municipality' },
  maxDepth: 1,
  relationTo: 'municipalities',
  required,
})
