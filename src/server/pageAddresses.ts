/**
 * Admin addresses the admin's pages would fail on and show an empty page (user tests), answered
 * 400 with a page in words instead, before Next runs: a NUL character (`?search=%00`; PostgreSQL
 * refuses NUL in text) in any page's address, and a list's filter the database can't apply
 * (`?where[capacity][equals]=abc`). The API has its own checks (apiInput.ts, and errors/: the
 * same refusals, as JSON).
 */
import type { Request, RequestHandler, Response } from 'express'
import type { AcceptedLanguages } from '@payloadcms/translations'
import type { CollectionSlug, Payload, Where } from 'payload'

import { getLocalI18n, QueryError } from 'payload'
import { parse } from 'qs-esm'

import { escapeHtml } from '@quartiersnetz/plugin-kit/mailTemplate'

import { classifyError } from '../errors/classifyError'
import { hasCredentials } from './httpCache/policy'
import { prefersEnglish } from './sendError'

type Words = { back: string; detail?: string; text: string; title: string }

/** A small page in words with one link on: no admin around it, as the admin failed on it. */
const sendPage = (
  req: Request,
  res: Response,
  { de, en, href }: { de: Words; en: Words; href: string },
) => {
  const isEnglish = prefersEnglish(req)
  const { back, detail, text, title } = isEnglish ? en : de
  res
    .status(400)
    .set('Cache-Control', 'no-store')
    .type('html')
    .send(
      `<!doctype html><html lang="${isEnglish ? 'en' : 'de'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,"><title>${escapeHtml(title)}</title></head><body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p>${detail ? `<p>${escapeHtml(detail)}</p>` : ''}<p><a href="${escapeHtml(href)}">${escapeHtml(back)}</a></p></main></body></html>`,
    )
}

export const refuseNulInPageAddresses =
  ({ apiRoute, adminRoute }: { adminRoute: string; apiRoute: string }): RequestHandler =>
  (req, res, next) => {
    if (req.path.startsWith(`${apiRoute}/`) || !/%00/i.test(req.originalUrl)) {
      next()
      return
    }
    sendPage(req, res, {
      de: {
        back: 'Zurück zur Übersicht',
        text: 'Die Adresse enthält ein Nullzeichen (%00), das nicht verarbeitet werden kann. Bitte entfernen Sie es aus der Suche oder dem Filter.',
        title: 'Ungültige Adresse',
      },
      en: {
        back: 'Back to the overview',
        text: 'The address contains a null character (%00), which cannot be processed. Please remove it from the search or the filter.',
        title: 'Invalid address',
      },
      href: adminRoute,
    })
  }

/**
 * A list's filter (`where` in the address, as the admin's filter builder writes it, or edited by
 * hand) is tried as a count before the list is rendered: a value the database refuses (text for
 * a number or a date) or a field that can't be filtered on is answered with a page that says so
 * and links to the list without the filter. Only when there is a filter: one count, nothing
 * read, and only for a request with credentials (the page itself checks them).
 */
export const refuseInvalidListFilters =
  ({ payload }: { payload: Payload }): RequestHandler =>
  async (req, res, next) => {
    const adminRoute = payload.config.routes.admin
    // A list is `/admin/collections/<slug>`, or `<slug>/trash`; a document has its id there.
    const prefix = `${adminRoute}/collections/`
    const [slug, view, ...more] = req.path.startsWith(prefix)
      ? req.path.slice(prefix.length).split('/').filter(Boolean)
      : []
    const isTrash = view === 'trash'
    const query = req.originalUrl.split('?')[1] ?? ''
    if (
      req.method !== 'GET' ||
      // Signed out, the admin only asks for a sign-in: nobody runs a count without credentials.
      !hasCredentials(req, `${payload.config.cookiePrefix}-`) ||
      !slug ||
      (view && !isTrash) ||
      more.length ||
      !/(^|&)where(\[|%5B)/i.test(query) ||
      !payload.config.collections.some((collection) => collection.slug === slug)
    ) {
      next()
      return
    }
    // As Payload's admin reads its list's address (views/List).
    const { where } = parse(query, { depth: 10, ignoreQueryPrefix: true }) as { where?: unknown }
    const isEnglish = prefersEnglish(req)
    try {
      if (where && typeof where === 'object') {
        await payload.count({
          collection: slug as CollectionSlug,
          overrideAccess: true,
          // In the page's language: a refusal's words (refuseMistypedFilters) are its detail.
          req: {
            i18n: await getLocalI18n({
              config: payload.config,
              language: (isEnglish ? 'en' : 'de') satisfies AcceptedLanguages,
            }),
          },
          trash: isTrash,
          where: where as Where,
        })
      }
    } catch (err) {
      // A field that can't be filtered on (QueryError), a value refuseMistypedFilters names in
      // German (APIError 400), a value only PostgreSQL refuses; anything else is Next's to show.
      const isRefusal = (err as { status?: unknown }).status === 400
      if (!isRefusal && classifyError(err) !== 'bad-input') {
        next()
        return
      }
      const detail = isRefusal && !(err instanceof QueryError) ? (err as Error).message : undefined
      sendPage(req, res, {
        de: {
          back: 'Liste ohne Filter öffnen',
          detail,
          text: 'Der Filter in dieser Adresse passt nicht zu den Feldern der Liste (zum Beispiel Text, wo eine Zahl oder ein Datum erwartet wird). Bitte öffnen Sie die Liste ohne Filter und wählen Sie den Filter dort neu.',
          title: 'Ungültiger Filter',
        },
        en: {
          back: 'Open the list without the filter',
          detail,
          text: "The filter in this address does not fit the list's fields (for example text where a number or a date is expected). Please open the list without the filter and choose the filter there again.",
          title: 'Invalid filter',
        },
        href: `${prefix}${encodeURIComponent(slug)}${isTrash ? '/trash' : ''}`,
      })
      return
    }
    next()
  }
