/**
 * What a link from a mail (confirm, cancel) answers: a small HTML page for people, JSON for
 * clients that ask for it. Opening such a link must change nothing, because mail scanners and
 * link previews open links too: in a browser it shows a question and a button that POSTs to
 * the same address, and only the POST (or a GET asking for JSON, which scanners don't) acts.
 */
import type { Endpoint, PayloadRequest } from 'payload'

import type { Language } from './publicInput'

import { escapeHtml } from './mailTemplate'

export const wantsJson = (req: PayloadRequest) =>
  (req.headers.get('accept') ?? '').includes('application/json')

/** What a link is about, shown as a card: the event (title, date) or the comment (its target, its text). */
export type LinkSubject = {
  heading: string
  /** A word above the heading: "Veranstaltung", "Kommentar". */
  label: string
  /** Lines beneath the heading, e.g. the event's date. */
  lines?: string[]
  /** Where the subject can be seen, e.g. the commented entry's public page (only http(s) addresses become links). */
  link?: { label: string; url: string }
  /** What the visitor wrote, as a quotation (line breaks kept). */
  quote?: string
}

/**
 * One page a mailed link opens: the network's name, the question or the result in plain words
 * (the `headline` is the h1, so it is what a screen reader announces first), what it is about,
 * and the way back to the page the visitor came from.
 */
export type LinkPage = {
  /** The page the visitor registered or commented on; only http(s) addresses become links. */
  back?: { label: string; url: string }
  /** A button that POSTs to the same address (token included): the question's answer, or "try again". */
  button?: string
  headline: string
  /** The language of the texts: the visitor's stored one where known, else the request's. */
  language: Language
  /** The explanation, in plain words; also the JSON answer's `message`. */
  message: string
  /** The network's name, at the top. */
  siteName?: string
  subject?: LinkSubject
  /** How a result is marked besides its words: a coloured rule (none for questions). */
  tone?: 'problem' | 'success' | 'waiting'
}

/**
 * A title inside our own quotation marks. Titles may bring their own („Grün & Blau“): those
 * become the inner marks (‚…‘ in German, ‘…’ in English), so quotation marks never nest alike.
 */
export const quoted = (text: string, language: Language) =>
  language === 'de'
    ? `„${text.replace(/[„“"]([^„“"]*)[“"]/g, '‚$1‘')}“`
    : `“${text.replace(/[“"]([^“”"]*)[”"]/g, '‘$1’')}”`

/**
 * The page's look, shared with the widgets (widgets/shared/styles.ts): system fonts, the same
 * colours and radius; a dark scheme with the same contrasts. Contrast against the background:
 * text 14.8:1, muted 7.6:1, links and button 7.1:1 (dark: 14.8, 9.4, 9.6). The focus ring is
 * yellow with a ring in the text colour around it, visible on any background. Inline because
 * the page is one response without assets (the server's CSP allows inline styles).
 */
const STYLE = `
:root { color-scheme: light dark; --text: #1f2933; --bg: #ffffff; --muted: #4b5563; --surface: #f3f5f7; --border: #8a96a3; --accent: #005a9c; --accent-strong: #00467a; --on-accent: #ffffff; --success: #1e6b34; --problem: #b42318; --focus: #ffbf47; --focus-text: #1f2933; }
@media (prefers-color-scheme: dark) {
  :root { --text: #e6e9ec; --bg: #14171a; --muted: #b4bcc4; --surface: #1e2328; --border: #7b8794; --accent: #7cc4ff; --accent-strong: #a8d8ff; --on-accent: #14171a; --success: #7fd18f; --problem: #ff9b8f; }
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; background: var(--bg); color: var(--text); font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif; font-size: 1rem; line-height: 1.5; overflow-wrap: break-word; }
.site { border-bottom: 1px solid var(--border); }
.site p, main { max-width: 40rem; margin: 0 auto; padding-left: 1rem; padding-right: 1rem; }
.site p { padding-top: 1rem; padding-bottom: 1rem; font-weight: 700; font-size: 1.0625rem; }
main { padding-top: 2rem; padding-bottom: 3rem; }
h1 { font-size: 1.75rem; line-height: 1.25; margin: 0 0 0.75rem; }
.result { border-left: 4px solid var(--tone); padding-left: 1rem; }
.result.success { --tone: var(--success); }
.result.waiting { --tone: var(--accent); }
.result.problem { --tone: var(--problem); }
.result p { margin: 0; }
.subject { margin: 1.5rem 0; padding: 1rem 1.25rem; background: var(--surface); border-radius: 6px; }
.subject .label { margin: 0; color: var(--muted); font-size: 0.875rem; }
.subject h2 { margin: 0.125rem 0 0.25rem; font-size: 1.25rem; line-height: 1.3; }
.subject p { margin: 0; }
.subject .subject-link { margin-top: 0.5rem; }
blockquote { margin: 0.75rem 0 0; padding: 0 0 0 1rem; border-left: 3px solid var(--border); white-space: pre-line; overflow-wrap: anywhere; }
form { margin: 1.5rem 0; }
button { font: inherit; font-weight: 600; min-height: 2.75rem; padding: 0.5rem 1.5rem; border: 2px solid var(--accent); border-radius: 6px; background: var(--accent); color: var(--on-accent); cursor: pointer; }
button:hover { background: var(--accent-strong); border-color: var(--accent-strong); }
a { color: var(--accent); text-decoration: underline; text-underline-offset: 0.15em; }
a:hover { text-decoration-thickness: 2px; }
.back { margin: 2rem 0 0; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 0; box-shadow: 0 0 0 6px var(--text); }
a:focus-visible { outline-color: transparent; background: var(--focus); color: var(--focus-text); text-decoration: none; box-shadow: 0 -2px var(--focus), 0 4px var(--text); }
@media (prefers-reduced-motion: no-preference) { button { transition: background-color 120ms ease-out; } }
@media (forced-colors: active) { button { border-color: ButtonText; } :focus-visible { outline-color: Highlight; } }
`.trim()

/** Only web addresses become links (a stored value is checked again before it is shown). */
const isWebAddress = (url: string) => /^https?:\/\//i.test(url)

const subjectHtml = ({ heading, label, lines = [], link, quote }: LinkSubject) =>
  [
    '<section class="subject" aria-labelledby="subject">',
    `<p class="label">${escapeHtml(label)}</p>`,
    `<h2 id="subject">${escapeHtml(heading)}</h2>`,
    ...lines.map((line) => `<p>${escapeHtml(line)}</p>`),
    link && isWebAddress(link.url)
      ? `<p class="subject-link"><a href="${escapeHtml(link.url)}" rel="noreferrer">${escapeHtml(link.label)}</a></p>`
      : '',
    quote ? `<blockquote><p>${escapeHtml(quote)}</p></blockquote>` : '',
    '</section>',
  ]
    .filter(Boolean)
    .join('\n')

/** The page as HTML: everything escaped (titles, names and comments come from people). */
export const renderLinkPage = (page: LinkPage, { token }: { token?: string } = {}) => {
  const intro = `<h1>${escapeHtml(page.headline)}</h1>\n<p>${escapeHtml(page.message)}</p>`
  const blocks = [
    page.tone ? `<div class="result ${page.tone}">\n${intro}\n</div>` : intro,
    page.subject ? subjectHtml(page.subject) : '',
    page.button
      ? `<form method="post" action="?token=${encodeURIComponent(token ?? '')}">\n<button type="submit">${escapeHtml(page.button)}</button>\n</form>`
      : '',
    // No referrer: the address of this page carries the token.
    page.back && isWebAddress(page.back.url)
      ? `<p class="back"><a href="${escapeHtml(page.back.url)}" rel="noreferrer"><span aria-hidden="true">← </span>${escapeHtml(page.back.label)}</a></p>`
      : '',
  ].filter(Boolean)
  const title = [page.headline, page.siteName].filter(Boolean).join(' – ')
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(page.language)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="robots" content="noindex">',
    '<meta name="referrer" content="no-referrer">',
    '<meta name="color-scheme" content="light dark">',
    // No icon of its own: no request for /favicon.ico, which answers 404.
    '<link rel="icon" href="data:,">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>\n${STYLE}\n</style>`,
    '</head>',
    '<body>',
    page.siteName ? `<header class="site">\n<p>${escapeHtml(page.siteName)}</p>\n</header>` : '',
    '<main>',
    ...blocks,
    '</main>',
    '</body>',
    '</html>',
    '',
  ]
    .filter(Boolean)
    .join('\n')
}

const tokenOf = (req: PayloadRequest) =>
  String((req.query as Record<string, unknown> | undefined)?.token ?? '')

/**
 * The outcome: the page, or JSON (`{ message, ...extra }`, or `{ errors }` from 400 on) for
 * clients that ask for it. A page with a `button` posts back to the same address.
 */
export const answerLink = (
  req: PayloadRequest,
  { extra = {}, page, status }: { extra?: Record<string, unknown>; page: LinkPage; status: number },
) =>
  wantsJson(req)
    ? Response.json(
        status < 400
          ? { message: page.message, ...extra }
          : { errors: [{ message: page.message }] },
        { headers: { 'Cache-Control': 'no-store' }, status },
      )
    : new Response(renderLinkPage(page, { token: tokenOf(req) }), {
        headers: { 'Cache-Control': 'no-store', 'Content-Type': 'text/html; charset=utf-8' },
        status,
      })

/**
 * A mailed link's two endpoints: POST acts (the page's button, or any client); GET acts for
 * clients that ask for JSON and otherwise shows `preview`, which must change nothing.
 */
export const linkEndpoints = ({
  act,
  custom,
  path,
  preview,
}: {
  act: Endpoint['handler']
  /** Given to both endpoints (e.g. `OWN_QUEUE` when act and preview both wait in a limit). */
  custom?: Endpoint['custom']
  path: string
  preview: Endpoint['handler']
}): Endpoint[] => [
  { custom, handler: act, method: 'post', path },
  {
    custom,
    handler: async (req) => (wantsJson(req) ? act(req) : preview(req)),
    method: 'get',
    path,
  },
]
