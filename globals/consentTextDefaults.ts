/**
 * The texts visitors agree to as the network starts with them (the demo content publishes them
 * into the globals; until a text is published, the pages show these). Paragraphs are separated
 * by a blank line, a line starting with "## " is a heading; placeholders in braces are filled in
 * from the settings in force (see `CONSENT_TEXT_PLACEHOLDERS`).
 */
export type ConsentTextContent = { text: string; textEn: string; title: string; titleEn: string }

export const DEFAULT_PRIVACY_NOTICE: ConsentTextContent = {
  text: `Diese Hinweise gelten für die Funktionen des {siteName}, die Websites der Mitgliedskommunen einbinden. Es werden keine Inhalte von Dritten geladen und keine Daten an Dritte übermittelt. Ein Cookie setzt nur die Bewertung, und nur auf Seiten des {siteName} selbst: die zufällige Kennung (siehe „Bewertungen“); auf den Websites der Mitgliedskommunen speichert Ihr Browser sie ohne Cookie.

## Bewertungen

Gespeichert werden Ihre Einschätzung und eine zufällige Kennung, die Ihr Browser nach dem Bewerten speichert, damit Sie Ihre Bewertung ändern können. Zum Schutz vor Missbrauch wird Ihre IP-Adresse nur als Prüfsumme gespeichert, deren Schlüssel täglich wechselt, und nach zwei Stunden gelöscht; Rückschlüsse auf Sie sind nicht möglich.

## Kommentare

Gespeichert werden Ihr Name und Ihr Kommentar (beide werden nach Prüfung durch die Redaktion veröffentlicht), Ihre E-Mail-Adresse (nie veröffentlicht; für die Bestätigung und, wenn Sie es wünschen, für Benachrichtigungen) sowie Zeitpunkt und Fassung Ihrer Einwilligung. Nicht bestätigte Kommentare werden nach 72 Stunden gelöscht.

## Anmeldungen zu Veranstaltungen

Gespeichert werden Ihr Name, Ihre E-Mail-Adresse, Ihre Antworten auf die Fragen der Veranstaltung sowie Zeitpunkt und Fassung Ihrer Einwilligung. Nicht bestätigte Anmeldungen werden nach {confirmHours} Stunden gelöscht; Name, E-Mail-Adresse und Antworten aller Anmeldungen {retentionDays} Tage nach der Veranstaltung.

## Ihre Rechte

Sie haben das Recht auf Auskunft, Berichtigung, Löschung und Einschränkung der Verarbeitung sowie auf Widerruf Ihrer Einwilligung mit Wirkung für die Zukunft und auf Beschwerde bei einer Datenschutzaufsichtsbehörde. {contact}`,
  textEn: `This notice covers the features of {siteName} that member cities' websites embed. Nothing is loaded from third parties and no data is passed to third parties. Only ratings set a cookie, and only on pages of {siteName} itself: the random token (see "Ratings"); on member cities' websites your browser keeps it without a cookie.

## Ratings

We store your assessment and a random token that your browser keeps after you rate, so that you can change your rating. Against abuse, your IP address is stored only as a checksum whose key changes daily, and erased after two hours; it cannot be traced back to you.

## Comments

We store your name and comment (both published after the editors' review), your e-mail address (never published; for the confirmation and, if you wish, for notices) and the time and version of your consent. Unconfirmed comments are deleted after 72 hours.

## Event registrations

We store your name, e-mail address, your answers to the event's questions and the time and version of your consent. Unconfirmed registrations are deleted after {confirmHours} hours; names, e-mail addresses and answers of all registrations {retentionDays} days after the event.

## Your rights

You have the right of access, rectification, erasure and restriction of processing, to withdraw your consent for the future and to lodge a complaint with a supervisory authority. {contact}`,
  title: 'Datenschutz bei Bewertungen, Kommentaren und Veranstaltungsanmeldungen',
  titleEn: 'Privacy for ratings, comments and event registrations',
}

export const DEFAULT_NETIQUETTE: ConsentTextContent = {
  text: `Die Kommentare sind ein Ort für den Austausch über Beteiligung im Quartier. Damit das so bleibt, bitten wir Sie um Folgendes:

## Sachlich und respektvoll

Schreiben Sie so, wie Sie auch im Gespräch miteinander umgehen würden. Beleidigungen, Drohungen, Diskriminierung und Hetze veröffentlichen wir nicht.

## Beim Thema bleiben

Kommentieren Sie das Modul oder Projekt, um das es geht. Werbung, Kettenbriefe und viele Links veröffentlichen wir nicht.

## Persönliche Daten schützen

Nennen Sie keine Telefonnummern, Adressen oder andere persönliche Daten, weder Ihre eigenen noch die anderer Menschen.

## Prüfung durch die Redaktion

Die Redaktion liest jeden Kommentar, bevor er erscheint, und kann Kommentare ablehnen, die gegen diese Regeln verstoßen. Gemeldete Kommentare werden verborgen, bis die Redaktion entschieden hat.`,
  textEn: `The comments are a place to exchange experience of participation in neighbourhoods. To keep it that way, we ask you to:

## Be factual and respectful

Write as you would speak to each other. We do not publish insults, threats, discrimination or hate.

## Stay on topic

Comment on the module or project at hand. We do not publish advertising, chain letters or many links.

## Protect personal data

Do not give phone numbers, addresses or other personal data, neither your own nor anybody else's.

## Review by the editors

The editors read every comment before it appears and may reject comments that break these rules. Reported comments are hidden until the editors have decided.`,
  title: 'Netiquette für Kommentare',
  titleEn: 'Netiquette for comments',
}
