import type { LocalizedText } from '../../i18n/localize'

type Subject = {
  /** German: the entry as the subject ("Dieses Projekt") and the pronoun that stands for it ("es"). */
  de: { it: string; this: string }
  en: string
}

const ENTRY: Subject = { de: { it: 'ihn', this: 'Dieser Eintrag' }, en: 'This entry' }

/** German nouns have genders: "Dieses Projekt … es", "Diese Veranstaltung … sie". */
const SUBJECTS: Record<string, Subject> = {
  'event-series': {
    de: { it: 'sie', this: 'Diese Veranstaltungsreihe' },
    en: 'This event series',
  },
  events: { de: { it: 'sie', this: 'Diese Veranstaltung' }, en: 'This event' },
  'fields-of-action': {
    de: { it: 'es', this: 'Dieses Handlungsfeld' },
    en: 'This field of action',
  },
  modules: { de: { it: 'es', this: 'Dieses Beteiligungsmodul' }, en: 'This participation module' },
  organisations: { de: { it: 'sie', this: 'Diese Organisation' }, en: 'This organisation' },
  people: { de: { it: 'ihn', this: 'Dieser Personeneintrag' }, en: 'This person' },
  'program-areas': { de: { it: 'es', this: 'Dieses Programmgebiet' }, en: 'This program area' },
  programmes: { de: { it: 'es', this: 'Dieses Programm' }, en: 'This programme' },
  projects: { de: { it: 'es', this: 'Dieses Projekt' }, en: 'This project' },
  publications: { de: { it: 'sie', this: 'Diese Publikation' }, en: 'This publication' },
  'target-groups': { de: { it: 'sie', this: 'Diese Zielgruppe' }, en: 'This target group' },
}

export type NoticeReason =
  /** A city's entry (project, program area) of a city other than the editor's. */
  | { kind: 'other-municipality'; municipality: string }
  /** Another city's profile. */
  | { kind: 'other-profile'; municipality: string }
  /** Kept by the coordination office only. */
  | { kind: 'coordination-office' }

/** Why a signed-in person may read this document but not change it, in plain words. */
export const noticeText = (collectionSlug: string, reason: NoticeReason): LocalizedText => {
  const subject = SUBJECTS[collectionSlug] ?? ENTRY
  switch (reason.kind) {
    case 'other-municipality':
      return {
        de: `${subject.de.this} gehört zur Kommune ${reason.municipality}; Sie können ${subject.de.it} ansehen, aber nicht bearbeiten. Ändern können ${subject.de.it} die Redaktion dieser Kommune und die Koordinierungsstelle.`,
        en: `${subject.en} belongs to the municipality ${reason.municipality}; you can view it but not edit it. It can be changed by that municipality's editors and the coordination office.`,
      }
    case 'other-profile':
      return {
        de: `Dies ist das Profil der Kommune ${reason.municipality}; Sie können es ansehen, aber nur das Profil Ihrer eigenen Kommune bearbeiten.`,
        en: `This is the profile of the municipality ${reason.municipality}; you can view it, but you can only edit your own municipality's profile.`,
      }
    case 'coordination-office':
      return {
        de: `${subject.de.this} wird von der Koordinierungsstelle gepflegt; Sie können ${subject.de.it} ansehen, aber nicht bearbeiten.`,
        en: `${subject.en} is kept by the coordination office; you can view it but not edit it.`,
      }
  }
}
