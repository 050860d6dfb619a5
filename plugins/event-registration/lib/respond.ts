import type { PayloadRequest } from 'payload'

import type { RegistrationTranslationKey } from '../translations'

export type Translate = (key: RegistrationTranslationKey, vars?: Record<string, unknown>) => string

export const translatorOf = (req: PayloadRequest): Translate => req.t as unknown as Translate

export const fail = (status: number, message: string) => Response.json({ errors: [{ message }] }, { headers: { 'Cache-Control': 'no-store' }, status })

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (char) => ({ '"': '&quot;', '&': '&amp;', "'": '&#39;', '<': '&lt;', '>': '&gt;' })[char]!)

/** A small page for the visitor who clicks a link from a mail; JSON for clients that ask for it. */
export const answerLink = (req: PayloadRequest, status: number, message: string, extra: Record<string, unknown> = {}) => {
  const headers = { 'Cache-Control': 'no-store' }
  if ((req.headers.get('accept') ?? '').includes('application/json')) {
    return Response.json(status < 400 ? { message, ...extra } : { errors: [{ message }] }, { headers, status })
  }
  const title = escapeHtml(translatorOf(req)('plugin-event-registration:pageTitle'))
  const html = `<!doctype html><html lang="${escapeHtml(req.i18n?.language ?? 'de')}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${title}</title></head><body style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 4rem auto; padding: 0 1rem; line-height: 1.5"><h1>${title}</h1><p>${escapeHtml(message)}</p></body></html>`
  return new Response(html, {
    headers: { ...headers, 'Content-Type': 'text/html; charset=utf-8' },
    status,
  })
}
