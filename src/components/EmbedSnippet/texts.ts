import type { EmbedKind, SnippetKey } from './snippets'

type Vars = Record<string, string>

/** Fills {{name}}-style placeholders, as Payload's translations do. */
export const fill = (text: string, vars: Vars = {}) =>
  text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => vars[key] ?? '')

const de = {
  alternatives: 'Oder nur einen Teil:',
  copied: 'In die Zwischenablage kopiert.',
  copy: 'Kopieren',
  copyLabel: 'Kopieren: {{label}}',
  intro: 'Für Websites der Mitgliedskommunen: diesen Code in die Seite einfügen.',
  registrationClosed:
    'Die Online-Anmeldung ist nicht geöffnet; ein Anmeldeformular lässt sich einbinden, sobald sie geöffnet ist.',
  registrationNotPublished:
    'Die Online-Anmeldung ist erst nach dem Veröffentlichen für Besucher geöffnet.',
  selected: 'Der Code ist markiert: mit Strg+C (Mac: ⌘+C) kopieren.',
  slugChanged:
    'Der geänderte Kurzname gilt für Besucher erst nach dem Veröffentlichen; bis dahin: „{{slug}}“.',
  snippets: {
    event: { feed: 'Kalender-Abo aller Veranstaltungen (ICS)', registration: 'Anmeldeformular' },
    'event-series': { events: 'Termine der Reihe', feed: 'Kalender-Abo der Reihe (ICS)' },
    module: { comments: 'Nur die Kommentare', module: 'Modul', rating: 'Nur die Bewertung' },
    municipality: { events: 'Veranstaltungen der Kommune', feed: 'Kalender-Abo der Kommune (ICS)' },
  } satisfies Record<EmbedKind, Partial<Record<SnippetKey, string>>>,
  title: 'Einbinden',
  unpublished: 'Erst nach dem Veröffentlichen für Besucher sichtbar.',
  unsaved: 'Nach dem ersten Speichern verfügbar.',
}

export type EmbedTexts = typeof de

const en: EmbedTexts = {
  alternatives: 'Or only a part:',
  copied: 'Copied to the clipboard.',
  copy: 'Copy',
  copyLabel: 'Copy: {{label}}',
  intro: 'For the member municipalities’ websites: paste this code into the page.',
  registrationClosed:
    'Online registration is not open; a registration form can be embedded once it is.',
  registrationNotPublished: 'Online registration opens for visitors once the event is published.',
  selected: 'The code is selected: press Ctrl+C (Mac: ⌘+C) to copy it.',
  slugChanged: 'Visitors see the changed slug only after publishing; until then: “{{slug}}”.',
  snippets: {
    event: { feed: 'Calendar subscription, all events (ICS)', registration: 'Registration form' },
    'event-series': {
      events: 'Dates of the series',
      feed: 'Calendar subscription, this series (ICS)',
    },
    module: { comments: 'Only the comments', module: 'Module', rating: 'Only the rating' },
    municipality: {
      events: 'Events of the municipality',
      feed: 'Calendar subscription, this municipality (ICS)',
    },
  },
  title: 'Embed',
  unpublished: 'Visible to visitors only after publishing.',
  unsaved: 'Available after the first save.',
}

export const textsFor = (language: string): EmbedTexts => (language === 'en' ? en : de)
