import type { Language } from '../../rule/describeRule'

export type GenerationCounts = {
  cancelled: number
  created: number
  total: number
  updated: number
}

export type OccurrencesTexts = {
  asDrafts: string
  asDraftsHint: string
  button: string
  description: string
  empty: string
  failed: string
  invalid: string
  locale: string
  moved: (to: string) => string
  more: (count: number, last: string) => string
  previewTitle: string
  saveFirst: string
  seriesIsDraft: string
  skipped: string
  success: (counts: GenerationCounts & { asDrafts: boolean }) => string
  summary: (count: number, horizonDays: number) => string
  unsaved: string
}

export const TEXTS: Record<Language, OccurrencesTexts> = {
  de: {
    asDrafts: 'Neue Termine als Entwürfe anlegen',
    asDraftsHint:
      'Sie prüfen die Termine dann unter „Veranstaltungen“ und veröffentlichen sie einzeln.',
    button: 'Termine jetzt erzeugen',
    description:
      'Legt die fehlenden Termine bis zum Horizont als Veranstaltungen an (das geschieht auch jede Nacht). Vorhandene Termine bleiben, wie sie sind; nur Ausnahmen (entfällt, verschoben) werden übernommen.',
    empty: 'Bis zum Horizont liegen keine Termine.',
    failed: 'Die Termine konnten nicht erzeugt werden.',
    invalid: 'Mit dieser Regel lassen sich keine Termine erzeugen:',
    locale: 'de-DE',
    moved: (to) => `verschoben auf ${to}`,
    more: (count, last) => `… und ${count} weitere bis ${last}`,
    previewTitle: 'Vorschau: die nächsten Termine',
    saveFirst: 'Bitte zuerst speichern: Erzeugt wird aus der gespeicherten Reihe.',
    seriesIsDraft:
      'Die Reihe ist nicht veröffentlicht: Neue Termine werden in jedem Fall als Entwürfe angelegt.',
    skipped: 'entfällt',
    success: ({ asDrafts, cancelled, created, total, updated }) =>
      `${created} neu angelegt${asDrafts && created > 0 ? ' (als Entwürfe)' : ''}, ${updated} verschoben, ${cancelled} abgesagt – ${total} Termine im Horizont.`,
    summary: (count, horizonDays) =>
      `${count === 1 ? '1 Termin' : `${count} Termine`} in den nächsten ${horizonDays} Tagen (Horizont).`,
    unsaved:
      'Die Vorschau zeigt Ihre ungespeicherten Änderungen; erzeugt wird aus der gespeicherten Reihe. Bitte speichern Sie zuerst.',
  },
  en: {
    asDrafts: 'Create new occurrences as drafts',
    asDraftsHint: 'You then review them under "Events" and publish them one by one.',
    button: 'Generate occurrences now',
    description:
      'Creates the missing occurrences up to the horizon as events (this also happens every night). Existing events stay as they are; only exceptions (skipped, moved) are applied.',
    empty: 'There are no occurrences up to the horizon.',
    failed: 'The occurrences could not be generated.',
    invalid: 'No occurrences can be generated with this rule:',
    locale: 'en-GB',
    moved: (to) => `moved to ${to}`,
    more: (count, last) => `… and ${count} more until ${last}`,
    previewTitle: 'Preview: the next occurrences',
    saveFirst: 'Please save first: occurrences are generated from the saved series.',
    seriesIsDraft: 'The series is not published: new occurrences are drafts in any case.',
    skipped: 'skipped',
    success: ({ asDrafts, cancelled, created, total, updated }) =>
      `${created} created${asDrafts && created > 0 ? ' (as drafts)' : ''}, ${updated} moved, ${cancelled} cancelled – ${total} occurrences within the horizon.`,
    summary: (count, horizonDays) =>
      `${count === 1 ? '1 occurrence' : `${count} occurrences`} in the next ${horizonDays} days (horizon).`,
    unsaved:
      'The preview shows your unsaved changes; occurrences are generated from the saved series. Please save first.',
  },
}
