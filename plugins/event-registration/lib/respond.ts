import type { PayloadRequest } from 'payload'

import type { RegistrationTranslationKey } from '../translations'

import { answerLink as answerSharedLink, askToAct as askShared } from '../../shared/linkPage'

export { linkEndpoints } from '../../shared/linkPage'

export type Translate = (key: RegistrationTranslationKey, vars?: Record<string, unknown>) => string

export const translatorOf = (req: PayloadRequest): Translate => req.t as unknown as Translate

export const fail = (status: number, message: string) => Response.json({ errors: [{ message }] }, { headers: { 'Cache-Control': 'no-store' }, status })

const titleOf = (req: PayloadRequest) => translatorOf(req)('plugin-event-registration:pageTitle')

/** A small page for the visitor who clicks a link from a mail; JSON for clients that ask for it. */
export const answerLink = (req: PayloadRequest, status: number, message: string, extra: Record<string, unknown> = {}) =>
  answerSharedLink(req, { extra, message, status, title: titleOf(req) })

/** The page a mailed link opens in a browser: a question and a button that POSTs (plugins/shared/linkPage.ts). */
export const askToAct = (req: PayloadRequest, args: { button: string; message: string }) => askShared(req, { ...args, title: titleOf(req) })
