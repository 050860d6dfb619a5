import type { Request, Response } from 'express'

import type { LocalizedText } from '../i18n/localize'

/** German unless the client prefers English (the same rule as Payload's own messages). */
export const prefersEnglish = (req: Request): boolean => req.acceptsLanguages('de', 'en') === 'en'

/** An error in Payload's REST shape ({ errors: [{ message }] }), so clients handle one format. */
export const sendError = (req: Request, res: Response, status: number, text: LocalizedText) => {
  res.status(status).json({ errors: [{ message: prefersEnglish(req) ? text.en : text.de }] })
}
