/**
 * GET /datenschutz: what the visitor-facing features store and for how long, linked from the
 * widgets' consent checkboxes (unless the host page links its own notice with `privacy-href`).
 * Written from the settings, so the retention times it states are the ones in force. With
 * PRIVACY_URL set (the network's own notice) it redirects there.
 */
import type { RequestHandler } from 'express'

import type { Settings } from '../runtime/settings'

import { prefersEnglish } from './sendError'

const escapeHtml = (value: string) =>
  value.replace(
    /[&<>"']/g,
    (char) => ({ '"': '&quot;', '&': '&amp;', "'": '&#39;', '<': '&lt;', '>': '&gt;' })[char]!,
  )

const STYLE = `body{margin:0;font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;line-height:1.55;color:#1f2933;background:#fff}
header{background:#1f2933;color:#fff;padding:1rem 1.5rem}main{max-width:44rem;margin:0 auto;padding:1.5rem}
h1{line-height:1.25}h2{margin-top:2rem}a{color:#005a9c}a:focus-visible{outline:3px solid #005a9c;outline-offset:2px}
@media (prefers-color-scheme:dark){body{background:#14171a;color:#e6e9ec}a{color:#7cc4ff}}`

const germanNotice = (settings: Settings) => `
<h1>Datenschutz bei Bewertungen, Kommentaren und Veranstaltungsanmeldungen</h1>
<p>Diese Hinweise gelten für die Funktionen des ${escapeHtml(settings.siteName)}, die Websites der Mitgliedskommunen einbinden.
Es werden keine Cookies gesetzt, keine Inhalte von Dritten geladen und keine Daten an Dritte übermittelt.</p>
<h2>Bewertungen</h2>
<p>Gespeichert werden Ihre Einschätzung und eine zufällige Kennung, die Ihr Browser nach dem Bewerten speichert, damit Sie Ihre Bewertung ändern können.
Zum Schutz vor Missbrauch wird Ihre IP-Adresse nur als Prüfsumme gespeichert, deren Schlüssel täglich wechselt; Rückschlüsse auf Sie sind nicht möglich.</p>
<h2>Kommentare</h2>
<p>Gespeichert werden Ihr Name und Ihr Kommentar (beide werden nach Prüfung durch die Redaktion veröffentlicht), Ihre E-Mail-Adresse (nie veröffentlicht; für die Bestätigung und,
wenn Sie es wünschen, für Benachrichtigungen) sowie Zeitpunkt und Fassung Ihrer Einwilligung. Nicht bestätigte Kommentare werden nach 72 Stunden gelöscht.</p>
<h2>Anmeldungen zu Veranstaltungen</h2>
<p>Gespeichert werden Ihr Name, Ihre E-Mail-Adresse, Ihre Antworten auf die Fragen der Veranstaltung sowie Zeitpunkt und Fassung Ihrer Einwilligung.
Nicht bestätigte Anmeldungen werden nach ${settings.eventRegistrationConfirmHours} Stunden gelöscht; Name, E-Mail-Adresse und Antworten aller Anmeldungen ${settings.eventRegistrationRetentionDays} Tage nach der Veranstaltung.</p>
<h2>Ihre Rechte</h2>
<p>Sie haben das Recht auf Auskunft, Berichtigung, Löschung und Einschränkung der Verarbeitung sowie auf Widerruf Ihrer Einwilligung mit Wirkung für die Zukunft
und auf Beschwerde bei einer Datenschutzaufsichtsbehörde.${settings.privacyContactEmail ? ` Wenden Sie sich dafür an <a href="mailto:${escapeHtml(settings.privacyContactEmail)}">${escapeHtml(settings.privacyContactEmail)}</a>.` : ''}</p>`

const englishNotice = (settings: Settings) => `
<h1>Privacy for ratings, comments and event registrations</h1>
<p>This notice covers the features of ${escapeHtml(settings.siteName)} that member cities' websites embed.
No cookies are set, nothing is loaded from third parties and no data is passed to third parties.</p>
<h2>Ratings</h2>
<p>We store your assessment and a random token that your browser keeps after you rate, so that you can change your rating.
Against abuse, your IP address is stored only as a checksum whose key changes daily; it cannot be traced back to you.</p>
<h2>Comments</h2>
<p>We store your name and comment (both published after the editors' review), your e-mail address (never published; for the confirmation and, if you wish,
for notices) and the time and version of your consent. Unconfirmed comments are deleted after 72 hours.</p>
<h2>Event registrations</h2>
<p>We store your name, e-mail address, your answers to the event's questions and the time and version of your consent.
Unconfirmed registrations are deleted after ${settings.eventRegistrationConfirmHours} hours; names, e-mail addresses and answers of all registrations ${settings.eventRegistrationRetentionDays} days after the event.</p>
<h2>Your rights</h2>
<p>You have the right of access, rectification, erasure and restriction of processing, to withdraw your consent for the future and to lodge a complaint with a
supervisory authority.${settings.privacyContactEmail ? ` Please write to <a href="mailto:${escapeHtml(settings.privacyContactEmail)}">${escapeHtml(settings.privacyContactEmail)}</a>.` : ''}</p>`

export const privacyNotice =
  (settings: Settings): RequestHandler =>
  (req, res, next) => {
    if (
      (req.method !== 'GET' && req.method !== 'HEAD') ||
      (req.path !== '/datenschutz' && req.path !== '/datenschutz/')
    ) {
      next()
      return
    }
    if (settings.privacyUrl) {
      res.redirect(302, settings.privacyUrl)
      return
    }
    const isEnglish = req.query.lang === 'en' || (req.query.lang !== 'de' && prefersEnglish(req))
    res.setHeader('Cache-Control', 'public, max-age=300')
    res.type('text/html; charset=utf-8').send(`<!doctype html>
<html lang="${isEnglish ? 'en' : 'de'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${isEnglish ? 'Privacy' : 'Datenschutz'} – ${escapeHtml(settings.siteName)}</title><style>${STYLE}</style></head>
<body><header>${escapeHtml(settings.siteName)}</header><main>${isEnglish ? englishNotice(settings) : germanNotice(settings)}</main></body></html>`)
  }
