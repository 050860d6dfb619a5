type Relation = number | string | { id: number | string } | null | undefined

/** The id of a relationship value, whether it is populated or not. */
export const relationId = (value: Relation): number | string | undefined =>
  value && typeof value === 'object' ? value.id : (value ?? undefined)

/** The municipality a municipality editor belongs to. */
export const municipalityOf = (user: { municipality?: Relation } | null | undefined) =>
  relationId(user?.municipality)
