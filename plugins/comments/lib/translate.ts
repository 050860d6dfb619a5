import type { PayloadRequest } from 'payload'

import type { CommentsTranslationKey } from '../translations'

export type Translate = (key: CommentsTranslationKey, vars?: Record<string, unknown>) => string

export const translatorOf = (req: PayloadRequest): Translate => req.t as unknown as Translate

export const fail = (status: number, message: string, headers?: HeadersInit) => Response.json({ errors: [{ message }] }, { headers, status })
