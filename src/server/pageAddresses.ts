/**
 * An address of the admin (or any other page) with a NUL character (`?search=%00`): PostgreSQL
 * refuses NUL in text, so the admin's list would fail on it and show an empty page (user test).
 * Answered 400 with a page in words instead, before Next runs. The API has its own check
 * (apiInput.ts: the same refusal, as JSON).
 */
import type { RequestHandler } from 'express'

import { escapeHtml } from '@quartiersnetz/plugin-kit/mailTemplate'

import { prefersEnglish } from './sendError'

export const refuseNulInPageAddresses =
  ({ apiRoute, adminRoute }: { adminRoute: string; apiRoute: string }): RequestHandler =>
  (req, res, next) => {
    if (req.path.startsWith(`${apiRoute}/`) || !/%00/i.test(req.originalUrl)) {
      next()
      return
    }
    const isEnglish = prefersEnglish(req)
    const [title, text, back] = isEnglish
      ? [
          'Invalid address',
          'The address contains a null character (%00), which cannot be processed. Please remove it from the search or the filter.',
          'Back to the overview',
        ]
      : [
          'Ungültige Adresse',
          'Die Adresse enthält ein Nullzeichen (%00), das nicht verarbeitet werden kann. Bitte entfernen Sie es aus der Suche oder dem Filter.',
          'Zurück zur Übersicht',
        ]
    res
      .status(400)
      .set('Cache-Control', 'no-store')
      .type('html')
      .send(
        `<!doctype html><html lang="${isEnglish ? 'en' : 'de'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head><body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p><p><a href="${escapeHtml(adminRoute)}">${escapeHtml(back)}</a></p></main></body></html>`,
      )
  }
