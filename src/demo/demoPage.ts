/**
 * The demo page of a member city (`/demo/`): what a municipal website looks like with the
 * widgets pasted in. It is served by this server but loads the widgets from the server's other
 * local name (127.0.0.1 vs localhost), so the browser treats it as another website: CORS, the
 * strict content security policy a municipal site would have (no inline scripts or styles) and
 * the visitor token in that site's storage are all real.
 *
 * It shows the module "Stadtteilkonferenz", the next monthly Netzwerktreffen with registration,
 * the Handlungsfeld "Soziale Netze und Bürgerschaftliches Engagement" with its projects and
 * events, and the method finder.
 */
import type { Request, RequestHandler } from 'express'
import type { Payload } from 'payload'

import { WIDGETS_PATH } from '../server/widgets'

const FIELD_OF_ACTION = 'soziale-netze-und-buergerschaftliches-engagement'
const MODULE = 'stadtteilkonferenz'
const SERIES = 'netzwerktreffen-ag-soziale-stadt'

const escapeHtml = (value: string) =>
  value.replace(
    /[&<>"']/g,
    (char) => ({ '"': '&quot;', '&': '&amp;', "'": '&#39;', '<': '&lt;', '>': '&gt;' })[char]!,
  )

/** The server under its other local name: the demo page's widgets come from there. */
const widgetsOriginFor = (req: Request, port: number) => {
  const host = (req.headers.host ?? '').split(':')[0]
  return host === 'localhost' ? `http://127.0.0.1:${port}` : `http://localhost:${port}`
}

/** The next event of the monthly series with registration open (the demo content has one). */
const nextRegistration = async (payload: Payload): Promise<string | undefined> => {
  const { docs } = await payload.find({
    collection: 'events',
    depth: 0,
    limit: 1,
    overrideAccess: false,
    select: { slug: true },
    sort: 'start',
    where: {
      and: [
        { 'series.slug': { equals: SERIES } },
        { registrationOpen: { equals: true } },
        { start: { greater_than: new Date().toISOString() } },
      ],
    },
  })
  return docs[0]?.slug ?? undefined
}

const STYLES = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; font-family: Georgia, 'Times New Roman', serif; color: #222; background: #f4f1ea; line-height: 1.55; }
a { color: #7a1f1f; }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem 1rem; z-index: 1; }
header { background: #7a1f1f; color: #fff; padding: 1rem 1.5rem; }
header a { color: #fff; }
header p { margin: 0; font-size: .9rem; }
header .name { font-size: 1.6rem; font-weight: bold; }
nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: 1rem; margin: .75rem 0 0; padding: 0; }
main { max-width: 60rem; margin: 0 auto; padding: 1.5rem; }
main > section { background: #fff; border: 1px solid #d8d2c4; border-radius: 4px; padding: 1.25rem 1.5rem; margin-bottom: 1.5rem; }
.explain { font-size: .95rem; color: #444; border-left: 4px solid #7a1f1f; padding-left: .75rem; }
footer { text-align: center; font-size: .9rem; padding: 2rem 1rem; color: #444; }
qn-module, qn-registration, qn-events, qn-projects, qn-module-finder, qn-search { --qn-color-accent: #7a1f1f; --qn-color-focus: #7a1f1f; margin-top: 1rem; }
code { font-size: .9em; background: #f4f1ea; padding: 0 .25rem; }
`

const page = ({
  eventSlug,
  isEnglish,
  module,
  widgetsOrigin,
}: {
  eventSlug: string | undefined
  isEnglish: boolean
  module: string
  widgetsOrigin: string
}) => {
  const script = `${widgetsOrigin}${WIDGETS_PATH}quartiersnetz.js`
  const t = (de: string, en: string) => (isEnglish ? en : de)
  return `<!doctype html>
<html lang="${isEnglish ? 'en' : 'de'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${t('Quartiersentwicklung – Stadt Beispielstadt (Demo)', 'Neighbourhood development – City of Beispielstadt (demo)')}</title>
<!-- No icon of its own (a member city's page has theirs): no request for /favicon.ico. -->
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/demo/demo.css">
<script type="module" src="${escapeHtml(script)}"></script>
</head>
<body>
<a class="skip" href="#inhalt">${t('Zum Inhalt springen', 'Skip to content')}</a>
<header>
  <p class="name">Stadt Beispielstadt</p>
  <p>${t('Demo-Seite einer Mitgliedskommune: alle Inhalte unten kommen als Widgets vom Quartiersnetz.', 'Demo page of a member city: everything below comes as widgets from Quartiersnetz.')}</p>
  <nav aria-label="${t('Sprache und Abschnitte', 'Language and sections')}"><ul>
    <li><a href="#methode">${t('Methode des Monats', 'Method of the month')}</a></li>
    <li><a href="#netzwerktreffen">Netzwerktreffen</a></li>
    <li><a href="#handlungsfeld">${t('Handlungsfeld', 'Field of action')}</a></li>
    <li><a href="#finder">${t('Methodenfinder', 'Method finder')}</a></li>
    <li><a href="#suche">${t('Suche', 'Search')}</a></li>
    <li><a href="${isEnglish ? '/demo/' : '/demo/?lang=en'}" lang="${isEnglish ? 'de' : 'en'}">${isEnglish ? 'Deutsch' : 'English'}</a></li>
  </ul></nav>
</header>
<main id="inhalt">
  <h1>${t('Quartiersentwicklung in Beispielstadt', 'Neighbourhood development in Beispielstadt')}</h1>
  <p class="explain">${t(
    `Diese Seite bindet die Widgets von <code>${escapeHtml(widgetsOrigin)}</code> ein, einer anderen Adresse als ihrer eigenen, und hat eine strenge Content Security Policy (keine Inline-Skripte und -Stile), wie eine kommunale Website.`,
    `This page embeds the widgets from <code>${escapeHtml(widgetsOrigin)}</code>, an address other than its own, and has a strict content security policy (no inline scripts or styles), as a municipal website would.`,
  )}</p>
  <section id="methode" aria-labelledby="methode-titel">
    <h2 id="methode-titel">${t('Methode des Monats', 'Method of the month')}</h2>
    <qn-module slug="${escapeHtml(module)}" heading-level="3" href-template="/demo/?methode={slug}#methode"></qn-module>
  </section>
  <section id="netzwerktreffen" aria-labelledby="netzwerktreffen-titel">
    <h2 id="netzwerktreffen-titel">${t('Das nächste Netzwerktreffen', 'The next network meeting')}</h2>
    ${
      eventSlug
        ? `<qn-registration event="${escapeHtml(eventSlug)}" heading-level="3"></qn-registration>`
        : `<p>${t('Zurzeit ist für kein Netzwerktreffen die Anmeldung geöffnet.', 'Registration is not open for any network meeting at the moment.')}</p>`
    }
    <qn-events series="${SERIES}" limit="3" heading-level="3"></qn-events>
  </section>
  <section id="handlungsfeld" aria-labelledby="handlungsfeld-titel">
    <h2 id="handlungsfeld-titel">${t('Handlungsfeld: Soziale Netze und Bürgerschaftliches Engagement', 'Field of action: social networks and civic engagement')}</h2>
    <qn-projects field-of-action="${FIELD_OF_ACTION}" heading-level="3"></qn-projects>
    <qn-events field-of-action="${FIELD_OF_ACTION}" limit="3" heading-level="3"></qn-events>
  </section>
  <section id="finder" aria-labelledby="finder-titel">
    <h2 id="finder-titel">${t('Methodenfinder', 'Method finder')}</h2>
    <qn-module-finder heading-level="3" href-template="/demo/?methode={slug}#methode"></qn-module-finder>
  </section>
  <section id="suche" aria-labelledby="suche-titel">
    <h2 id="suche-titel">${t('Suche im Netzwerk', 'Search the network')}</h2>
    <qn-search heading-level="3" href-template-modules="/demo/?methode={slug}#methode"></qn-search>
  </section>
</main>
<footer>${t('Stadt Beispielstadt · eine Demo des Quartiersnetzes', 'City of Beispielstadt · a Quartiersnetz demo')}</footer>
</body>
</html>`
}

/** GET /demo/ and /demo/demo.css; `port` is the port the server listens on. */
export const demoPage =
  ({ payload, port }: { payload: Payload; port: () => number }): RequestHandler =>
  async (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      next()
      return
    }
    if (req.path === '/demo/demo.css') {
      res.setHeader('Cache-Control', 'no-cache')
      res.type('text/css; charset=utf-8').send(STYLES)
      return
    }
    if (req.path !== '/demo' && req.path !== '/demo/') {
      next()
      return
    }
    const widgetsOrigin = widgetsOriginFor(req, port())
    // What a municipal site's policy would allow: its own files, and the widgets' server.
    res.setHeader(
      'Content-Security-Policy',
      [
        "default-src 'self'",
        `script-src 'self' ${widgetsOrigin}`,
        `connect-src 'self' ${widgetsOrigin}`,
        "style-src 'self'",
        "img-src 'self' data:",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "object-src 'none'",
      ].join('; '),
    )
    res.setHeader('Cache-Control', 'no-store')
    const asked =
      typeof req.query.methode === 'string' && /^[a-z0-9-]{1,120}$/.test(req.query.methode)
        ? req.query.methode
        : MODULE
    let eventSlug: string | undefined
    try {
      eventSlug = await nextRegistration(payload)
    } catch (err) {
      payload.logger.warn({ err, msg: 'Demo page: the next Netzwerktreffen could not be read.' })
      res
        .status(503)
        .type('text/plain; charset=utf-8')
        .send(
          'Die Demo-Seite ist gerade nicht verfügbar (Datenbank). Bitte in einigen Sekunden neu laden.',
        )
      return
    }
    res
      .type('text/html; charset=utf-8')
      .send(page({ eventSlug, isEnglish: req.query.lang === 'en', module: asked, widgetsOrigin }))
  }
