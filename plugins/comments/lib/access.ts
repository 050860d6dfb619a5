import type { FieldAccess, PayloadRequest } from 'payload'

import type { ResolvedCommentsOptions } from '../types'

import { grantsOnlyTrue } from '@quartiersnetz/plugin-kit/access'

/** Whether the request's user moderates (a Where from `canModerate` counts as no: moderation is all or nothing). */
export const isModerator = async (
  options: ResolvedCommentsOptions,
  req: PayloadRequest,
): Promise<boolean> => grantsOnlyTrue(options.canModerate)({ req })

export const moderatorsOnly =
  (options: ResolvedCommentsOptions): FieldAccess =>
  async ({ req }) =>
    isModerator(options, req)

export const nobody: FieldAccess = () => false
