/**
 * GET /datenschutz and GET /netiquette: the texts visitors agree to, as the editors published
 * them (globals `privacy-notice` and `netiquette`, globals/consentTexts.ts; the built-in texts
 * until one is published), linked from the widgets' consent checkboxes (unless the host page
 * links its own with `privacy-href`) and from the mails. Placeholders are filled in from the
 * settings, so the retention times the notice states are the ones in force; the version shown
 * at the end is the one a consent given now records. `?format=json` answers the same as JSON.
 * With PRIVACY_URL set (the network's own notice) /datenschutz redirects there.
 */
import type { Request, RequestHandler } from 'express'
import type { Payload } from 'payload'

import type { Settings } from '../runtime/settings'

import {
  type ConsentTextSlug,
  NETIQUETTE_SLUG,
  PRIVACY_NOTICE_SLUG,
  publishedConsentText,
} from '../../globals/consentTexts'
import { prefersEnglish, sendError } from './sendError'

const escapeHtml = (value: string) =>
  value.replace(
    /[&<>"']/g,
    (char) => ({ '"': '&quot;', '&': '&amp;', "'": '&#39;', '<': '&lt;', '>': '&gt;' })[char]!,
  )

const STYLE = `body{margin:0;font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;line-height:1.55;color:#1f2933;background:#fff}
header{background:#1f2933;color:#fff;padding:1rem 1.5rem}main{max-width:44rem;margin:0 auto;padding:1.5rem}
h1{line-height:1.25}h2{margin-top:2rem}a{color:#005a9c}a:focus-visible{outline:3px solid #005a9c;outline-offset:2px}
.version{margin-top:2.5rem;color:#52606d;font-size:.9rem}
@media (prefers-color-scheme:dark){body{background:#14171a;color:#e6e9ec}a{color:#7cc4ff}.version{color:#aab4be}}`

const PAGES: Record<string, ConsentTextSlug> = {
  '/datenschutz': PRIVACY_NOTICE_SLUG,
  '/netiquette': NETIQUETTE_SLUG,
}

/** The sentence with the privacy contact, as a placeholder's value (HTML). */
const contactHtml = (settings: Settings, isEnglish: boolean) => {
  const address = settings.privacyContactEmail
  if (!address) {
    return ''
  }
  const link = `<a href="mailto:${escapeHtml(address)}">${escapeHtml(address)}</a>`
  return isEnglish ? `Please write to ${link}.` : `Wenden Sie sich dafür an ${link}.`
}

/**
 * The editors' text as HTML: escaped first, then paragraphs (blank lines) and headings
 * ("## "); placeholders filled in with the settings' values.
 */
export const renderConsentText = ({
  isEnglish,
  settings,
  text,
}: {
  isEnglish: boolean
  settings: Settings
  text: string
}): string => {
  const values: Record<string, string> = {
    '{confirmHours}': String(settings.eventRegistrationConfirmHours),
    '{contact}': contactHtml(settings, isEnglish),
    '{retentionDays}': String(settings.eventRegistrationRetentionDays),
    '{siteName}': escapeHtml(settings.siteName),
  }
  const fill = (html: string) =>
    html.replace(/\{(siteName|confirmHours|retentionDays|contact)\}/g, (key) => values[key] ?? key)
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter(Boolean)
    .map((block) =>
      block.startsWith('## ')
        ? `<h2>${fill(escapeHtml(block.slice(3).trim()))}</h2>`
        : `<p>${fill(escapeHtml(block)).replace(/\n/g, '<br>')}</p>`,
    )
    .join('\n')
}

const versionLine = (
  version: null | number | string,
  publishedAt: null | string,
  isEnglish: boolean,
) => {
  if (version === null || !publishedAt) {
    return isEnglish ? 'Version: the initial text' : 'Fassung: Ausgangstext'
  }
  const date = new Intl.DateTimeFormat(isEnglish ? 'en-GB' : 'de-DE', {
    dateStyle: 'long',
    timeZone: 'Europe/Berlin',
  }).format(new Date(publishedAt))
  return isEnglish
    ? `Version ${version}, published on ${date}`
    : `Fassung ${version}, veröffentlicht am ${date}`
}

const isEnglishRequest = (req: Request) =>
  req.query.lang === 'en' || (req.query.lang !== 'de' && prefersEnglish(req))

export const privacyNotice =
  ({ payload, settings }: { payload: Payload; settings: Settings }): RequestHandler =>
  async (req, res, next) => {
    const slug = PAGES[req.path.replace(/\/$/, '')]
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !slug) {
      next()
      return
    }
    if (slug === PRIVACY_NOTICE_SLUG && settings.privacyUrl) {
      res.redirect(302, settings.privacyUrl)
      return
    }
    const isEnglish = isEnglishRequest(req)
    let published
    try {
      published = await publishedConsentText({ payload, slug })
    } catch (err) {
      payload.logger.error({ err, msg: `The ${slug} text could not be read.` })
      res.setHeader('Retry-After', '5')
      sendError(req, res, 503, {
        de: 'Der Text kann gerade nicht gelesen werden. Bitte versuchen Sie es gleich noch einmal.',
        en: 'The text cannot be read right now. Please try again in a moment.',
      })
      return
    }
    const title = isEnglish ? published.titleEn : published.title
    const body = renderConsentText({
      isEnglish,
      settings,
      text: isEnglish ? published.textEn : published.text,
    })
    // Short: a newly published text reaches visitors within a minute.
    res.setHeader('Cache-Control', 'public, max-age=60')
    res.setHeader('Vary', 'Accept-Language')
    if (req.query.format === 'json') {
      res.json({
        html: body,
        language: isEnglish ? 'en' : 'de',
        publishedAt: published.publishedAt,
        slug,
        title,
        version: published.version,
      })
      return
    }
    const heading = escapeHtml(title)
    res.type('text/html; charset=utf-8').send(`<!doctype html>
<html lang="${isEnglish ? 'en' : 'de'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">
<title>${heading} – ${escapeHtml(settings.siteName)}</title><style>${STYLE}</style></head>
<body><header>${escapeHtml(settings.siteName)}</header><main><h1>${heading}</h1>
${body}
<p class="version">${escapeHtml(versionLine(published.version, published.publishedAt, isEnglish))}</p></main></body></html>`)
  }
