import type { Access, FieldAccess, PayloadRequest } from 'payload'

import type { ResolvedCommentsOptions } from '../types'

/** Whether the request's user moderates (a Where from `canModerate` counts as no: moderation is all or nothing). */
export const isModerator = async (options: ResolvedCommentsOptions, req: PayloadRequest): Promise<boolean> =>
  (await options.canModerate({ req } as Parameters<Access>[0])) === true

export const moderatorsOnly =
  (options: ResolvedCommentsOptions): FieldAccess =>
  async ({ req }) =>
    isModerator(options, req)

export const nobody: FieldAccess = () => false
