import { fill } from '../../i18n/localize'

/** The view's texts, German first ("Sie"), English for admins who chose it. */
export const texts = {
  de: {
    addressLabel: 'E-Mail-Adresse der Person',
    addressHint:
      'Groß- und Kleinschreibung spielen keine Rolle. Die Adresse wird nicht gespeichert, auch nicht im Protokoll.',
    anonymise: 'wird anonymisiert',
    cancel: 'Abbrechen',
    confirmHeading: 'Wirklich alles löschen?',
    confirmLabel: 'Zur Bestätigung die E-Mail-Adresse noch einmal eingeben',
    confirmText:
      'Das kann nicht rückgängig gemacht werden. Einträge werden gelöscht; wo eine Zahl stimmen muss (belegte Plätze einer begonnenen Veranstaltung, ein Kommentar mit Antworten anderer), bleiben sie ohne Name, Adresse und Text erhalten. Wartende E-Mails an die Adresse werden nicht mehr verschickt.',
    delete: 'wird gelöscht',
    denied: 'Keine Berechtigung',
    deniedText:
      'Datenschutzanfragen bearbeitet die Koordinierungsstelle (Administration und Redaktion).',
    erase: 'Alles löschen …',
    eraseFinal: 'Endgültig löschen',
    erased:
      'Erledigt: {deleted} gelöscht, {anonymised} anonymisiert. Die Anfrage ist protokolliert (ohne E-Mail-Adresse).',
    export: 'Als Datei exportieren (JSON)',
    exported: 'Die Datei wurde heruntergeladen. Die Anfrage ist protokolliert.',
    failed: 'Das hat nicht geklappt: {message}',
    heading: 'Datenschutzanfragen',
    intro:
      'Wenn eine Person Auskunft über ihre Daten, eine Kopie oder deren Löschung verlangt (DSGVO Art. 15, 17 und 20): Geben Sie ihre E-Mail-Adresse ein. Sie sehen alles, was zu dieser Adresse gespeichert ist, können es als Datei exportieren und löschen.',
    log: 'Protokoll der Anfragen',
    newRequest: 'Anfrage bearbeiten: Daten anzeigen, exportieren, löschen',
    nothing: 'Zu dieser Adresse ist nichts gespeichert.',
    nothingHere: 'nichts gespeichert',
    record: '1 Eintrag',
    records: '{count} Einträge',
    search: 'Gespeicherte Daten anzeigen',
    searching: 'Wird gesucht …',
    total: 'Zu {address} gespeichert: {records}.',
    working: 'Wird gelöscht …',
  },
  en: {
    addressLabel: "The person's e-mail address",
    addressHint:
      'Upper and lower case do not matter. The address is not stored, not even in the log.',
    anonymise: 'will be anonymised',
    cancel: 'Cancel',
    confirmHeading: 'Really erase everything?',
    confirmLabel: 'To confirm, enter the e-mail address again',
    confirmText:
      'This cannot be undone. Records are deleted; where a number must stay true (seats taken at an event that has begun, a comment others replied to), they stay without name, address and text. Mails waiting to be sent to the address are not sent.',
    delete: 'will be deleted',
    denied: 'No permission',
    deniedText: 'Privacy requests are handled by the coordination office (admins and editors).',
    erase: 'Erase everything …',
    eraseFinal: 'Erase for good',
    erased:
      'Done: {deleted} deleted, {anonymised} anonymised. The request is logged (without the e-mail address).',
    export: 'Export as a file (JSON)',
    exported: 'The file was downloaded. The request is logged.',
    failed: 'That did not work: {message}',
    heading: 'Privacy requests',
    intro:
      'When a person asks what is stored about them, for a copy or for erasure (GDPR Art. 15, 17 and 20): enter their e-mail address. You see everything stored for it, can export it as a file and erase it.',
    log: 'Log of requests',
    newRequest: 'Answer a request: show, export, erase data',
    nothing: 'Nothing is stored for this address.',
    nothingHere: 'nothing stored',
    record: '1 record',
    records: '{count} records',
    search: 'Show stored data',
    searching: 'Searching …',
    total: 'Stored for {address}: {records}.',
    working: 'Erasing …',
  },
} as const

export type PrivacyTexts = { [K in keyof (typeof texts)['de']]: string }

export const textsFor = (language: string): PrivacyTexts =>
  language === 'en' ? texts.en : texts.de

/** "1 Eintrag", "3 Einträge". */
export const recordsIn = (text: PrivacyTexts, count: number) =>
  count === 1 ? text.record : fill(text.records, { count })
