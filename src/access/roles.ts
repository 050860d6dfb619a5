/** The roles a user can have, from most to least privileged. */
export const ROLES = ['admin', 'editor', 'municipality-editor'] as const

export type Role = (typeof ROLES)[number]

type MaybeUser = { role?: Role | null } | null | undefined

export const hasRole = (user: MaybeUser, ...roles: Role[]): boolean =>
  Boolean(user?.role && roles.includes(user.role))
