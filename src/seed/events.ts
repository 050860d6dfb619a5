import type { SeedContext } from './context'
import type { FieldOfActionIds } from './fieldsOfAction'
import type { MunicipalityIds } from './municipalities'
import type { NetworkIds } from './network'
import type { ProjectIds } from './projects'
import type { PublicationIds } from './publications'

import { EVENT_TIME_ZONE } from '../domain/eventKinds'
import { addMinutes, berlinTime, day } from './dates'
import { paragraphs } from './richText'
import { upsertBySlug } from './upsertBySlug'

type EventsArgs = {
  fieldsOfAction: FieldOfActionIds
  municipalities: MunicipalityIds
  network: NetworkIds
  projects: ProjectIds
  publications: PublicationIds
}

export type EventSeriesIds = {
  netzwerktreffen: number
}

/** The monthly Netzwerktreffen's series, whose dates the demo opens for registration. */
export const NETZWERKTREFFEN_SERIES_SLUG = 'netzwerktreffen-ag-soziale-stadt'

const WEBINAR_MINUTES = 30

/** Seed 002's list of the five stadt:impuls dates, all "Immer dienstags. Immer um 12 Uhr." */
const STADT_IMPULS = [
  {
    date: '2021-05-11',
    episode: 1,
    slug: 'stadt-impuls-1-quartier-gemeinwohl-index',
    theme: 'Quartier-Gemeinwohl-Index',
  },
  {
    date: '2021-06-08',
    episode: 2,
    slug: 'stadt-impuls-2-gerechte-stadt',
    theme: 'Gerechte Stadt',
  },
  { date: '2021-09-14', episode: 3, slug: 'stadt-impuls-3-gruene-stadt', theme: 'Grüne Stadt' },
  {
    date: '2021-10-12',
    episode: 4,
    slug: 'stadt-impuls-4-produktive-stadt',
    theme: 'Produktive Stadt',
  },
  {
    date: '2021-11-09',
    episode: 5,
    slug: 'stadt-impuls-5-digitale-transformation',
    theme: 'Digitale Transformation',
  },
] as const

/**
 * Seed 000 (the monthly Netzwerktreffen, the August 2024 Tagung) and seed 002 (the webinar
 * series stadt:impuls of the BBSR, its five dates, and the announcement of #2 in full).
 */
export const seedEvents = async (
  context: SeedContext,
  { fieldsOfAction, municipalities, network, projects, publications }: EventsArgs,
): Promise<EventSeriesIds> => {
  const bbsr = await upsertBySlug(context, 'organisations', {
    slug: 'bbsr',
    title: 'Bundesinstitut für Bau-, Stadt- und Raumforschung',
    description: paragraphs(
      'Veranstalter der Webinar-Reihe stadt:impuls zur Nationalen Stadtentwicklungspolitik; die Moderation übernimmt Friederike Vogel (BBSR).',
    ),
    kind: 'institution',
    shortName: 'BBSR',
  })
  await upsertBySlug(context, 'organisations', {
    slug: 'einsateam',
    title: 'EINSATEAM',
    description: paragraphs(
      'Koordiniert die Webinar-Reihe stadt:impuls. Anmeldung und weitere Informationen zu stadt:impuls #2 unter stadtimpuls@einsateam.de.',
    ),
    kind: 'institution',
    seat: { municipality: municipalities.berlin },
  })

  // Named with function and affiliation only; their contact data is not published.
  const friederikeVogel = await upsertBySlug(context, 'people', {
    slug: 'friederike-vogel',
    name: 'Friederike Vogel',
    affiliation: 'BBSR',
    isContactPublic: false,
    organisation: bbsr,
    position: 'Moderation der Webinar-Reihe stadt:impuls',
  })
  const frankSchmitz = await upsertBySlug(context, 'people', {
    slug: 'frank-schmitz',
    name: 'Frank Schmitz',
    affiliation: 'Stadt Saarbrücken',
    bio: 'Frank Schmitz ist seit 2011 für den Fachbereich Sozialplanung im Amt für Gesundheit, Prävention und Soziales in Saarbrücken zuständig und hat das Projekt „PatchWorkCity“ im Leitungsteam begleitet. Der studierte Sozialarbeiter mit einem zusätzlichen Masterabschluss in Community Development verfügt über mehr als 20 Jahre Erfahrung im Bereich Gemeinwesenarbeit, Beteiligungs- und Kooperationsprozesse in der Stadtteilentwicklung und ressortübergreifender Zusammenarbeit.',
    isContactPublic: false,
    municipality: municipalities.saarbruecken,
    position: 'Sozialplanung, Amt für Gesundheit, Prävention und Soziales',
  })

  const stadtImpuls = await upsertBySlug(context, 'event-series', {
    slug: 'stadt-impuls',
    title: 'stadt:impuls',
    announcementLeadDays: 28,
    audience: ['professionals'],
    defaultFormat: 'online',
    description: paragraphs(
      'Wie lässt sich das, was die Neue Leipzig-Charta als Leitdokument für gemeinwohlorientierte Stadtentwicklung fordert, im Alltag und vor Ort umsetzen? Diesen und anderen Fragen widmet sich die Webinar-Reihe stadt:impuls.',
      'In kompakten praxisorientierten Live-Impulsvorträgen und anschließenden Fragerunden teilen Projektmacherinnen und -macher ihre Erfahrungen. Die in den Pilotprojekten der Nationalen Stadtentwicklungspolitik gewonnenen Erkenntnisse werden so allen zugänglich, die vor Ort als Mitarbeitende in kommunalen oder zivilgesellschaftlichen Initiativen Stadt gemeinsam machen und gemeinwohlorientiert Stadt gestalten.',
      '5 x 30 Minuten Praxis-Wissen zu integrierter Stadtentwicklung: kompakt, konkret und kostenfrei. Immer dienstags. Immer um 12 Uhr.',
      'Weitere Informationen zum Programm, zu den Impulsgebenden und zur Anmeldung finden Sie bei den jeweiligen Terminankündigungen jeweils ca. 4 Wochen vor dem Termin.',
      'Impulsgebende: Projektmacherinnen und -macher der Pilotprojekte der Nationalen Stadtentwicklungspolitik. Moderation: Friederike Vogel (BBSR). Koordination: EINSATEAM, Berlin.',
    ),
    kind: 'webinar',
    organiser: bbsr,
    plannedEpisodes: STADT_IMPULS.length,
    // Five fixed Tuesdays, not a regular rhythm: no rule, so nothing is generated; the time
    // and length hold for every date.
    recurrence: {
      durationMinutes: WEBINAR_MINUTES,
      endsOn: day('2021-11-09'),
      startsOn: day('2021-05-11'),
      startTime: '12:00',
    },
  })

  const partners = [{ name: 'EINSATEAM, Berlin', role: 'Koordination' }]
  const moderation = { affiliation: 'BBSR', person: friederikeVogel, role: 'moderation' as const }
  const themeFields: Partial<Record<(typeof STADT_IMPULS)[number]['theme'], number[]>> = {
    'Gerechte Stadt': [fieldsOfAction.integration],
    'Grüne Stadt': [fieldsOfAction.oekologie],
    'Produktive Stadt': [fieldsOfAction['wirtschaftsfoerderung-und-lokale-oekonomie']],
  }
  for (const { date, episode, slug, theme } of STADT_IMPULS) {
    const start = berlinTime(date, '12:00')
    const isGerechteStadt = episode === 2
    await upsertBySlug(context, 'events', {
      slug,
      title: isGerechteStadt
        ? 'stadt:impuls #2: Gerechte Stadt – PatchWorkCity Saarbrücken'
        : `stadt:impuls #${episode}: ${theme}`,
      audience: ['professionals'],
      end: addMinutes(start, WEBINAR_MINUTES),
      end_tz: EVENT_TIME_ZONE,
      episodeNumber: episode,
      fee: { isFree: true },
      fieldsOfAction: themeFields[theme],
      format: 'online',
      kind: 'webinar',
      organiser: bbsr,
      partners,
      series: stadtImpuls,
      speakers: isGerechteStadt
        ? [{ affiliation: 'Stadt Saarbrücken', person: frankSchmitz, role: 'impulse' }, moderation]
        : [moderation],
      start,
      start_tz: EVENT_TIME_ZONE,
      teaser: isGerechteStadt
        ? 'Praxis-Impuls aus Saarbrücken zum Thema Gerechte Stadt: Wie kann der Zusammenhalt in einer von Einwanderung und Vielfalt geprägten Stadt gelingen?'
        : `Folge ${episode} der Webinar-Reihe stadt:impuls zum Thema ${theme}.`,
      theme,
      ...(isGerechteStadt
        ? {
            description: paragraphs(
              'Wie kann der Zusammenhalt in einer von Einwanderung und Vielfalt geprägten Stadt gelingen?',
              'Die zweite Ausgabe der Webinar-Reihe stadt:impuls rückt das Leitbild der Gerechten Stadt mit einem Praxis-Impuls zum Projekt PatchWorkCity Saarbrücken in den Fokus.',
              '„Die transformative Kraft der Städte gewährleistet Chancengleichheit (…) für alle, unabhängig von Geschlecht, sozioökonomischem Status, Alter und Herkunft“, heißt es in der Neuen Leipzig-Charta. „Die gerechte Stadt lässt niemanden außen vor. Sie bietet jeder und jedem die Möglichkeit, sich in die Gesellschaft zu integrieren.“',
              'Mit welchen konkreten Maßnahmen das Zusammenleben in einer vielfältigen Stadtgesellschaft gelingen kann, zeigt das Projekt PatchWorkCity Saarbrücken. Als Pilotprojekt der Nationalen Stadtentwicklungspolitik (2017 bis 2019) wurde hier erprobt, wie Ankunftsgebiete erfolgreich gestärkt werden können und welche Rolle die Zusammenarbeit von Verwaltung und Anwohnerschaft dabei spielt. Über die Laufzeit des Projektes hinaus sind Kooperationen und Netzwerke entstanden und aktiv geblieben, die es der Stadt Saarbrücken zum Beispiel bereits zu Beginn der Corona-Krise erleichtert haben, Menschen zu unterstützen, die besonders von der Krise betroffen sind.',
              'Frank Schmitz ist seit 2011 für den Fachbereich Sozialplanung im Amt für Gesundheit, Prävention und Soziales in Saarbrücken zuständig und hat das Projekt „PatchWorkCity“ im Leitungsteam begleitet. Der studierte Sozialarbeiter mit einem zusätzlichen Masterabschluss in Community Development verfügt über mehr als 20 Jahre Erfahrung im Bereich Gemeinwesenarbeit, Beteiligungs- und Kooperationsprozesse in der Stadtteilentwicklung und ressortübergreifender Zusammenarbeit. Er stellt Ansätze und nachhaltige Effekte des PatchWorkCity-Projektes im Rahmen von stadt:impuls #2 vor.',
              'Weitere Informationen und Materialien wie der „Leitfaden Ankunftsgebiete stärken“ finden Sie auf der Website der Landeshauptstadt Saarbrücken. Ende April 2021 ist zudem eine Publikation erschienen, die Erfahrungen aus zehn Pilotprojekten der Nationalen Stadtentwicklungspolitik zum Thema „Stadtentwicklung und Migration“ zusammenfasst: „Ankunftsstädte gestalten“.',
            ),
            fee: { isFree: true, note: 'Die Teilnahme am Webinar ist kostenfrei.' },
            municipalities: [municipalities.saarbruecken],
            publications: [
              publications.leitfadenAnkunftsgebiete,
              publications.ankunftsstaedteGestalten,
            ],
            registration: {
              contactEmail: 'stadtimpuls@einsateam.de',
              deadline: day('2021-06-04'),
              hasLimitedSeats: true,
              note: 'Begrenzte Platzkapazitäten. Bitte melden Sie sich bis zum 4. Juni 2021 per E-Mail an. Sie erhalten dann einen Teilnahme-Link. Anmeldung und weitere Informationen unter stadtimpuls@einsateam.de.',
            },
            relatedProjects: [projects.patchWorkCity],
          }
        : {}),
    })
  }

  const netzwerktreffenDescription =
    'Jeden 1. Donnerstag im Monat lädt die AG Soziale Stadt zum monatlichen Netzwerktreffen ein: eine Austauschrunde zu einem bestimmten Themenschwerpunkt, digital und vor Ort zugleich. Die Treffen bestehen in der Regel aus einem themenspezifischen Impuls aus der Wissenschaft und Forschung oder aus einer Mitgliedskommune und bieten anschließend die Möglichkeit zu einem offenen Erfahrungsaustausch der Anwesenden. Im Rahmen einzelner Termine finden Besuche von Mitgliedskommunen statt, um Einblicke in Programmgebiete in NRW zu erhalten.'
  const netzwerktreffen = await upsertBySlug(context, 'event-series', {
    slug: NETZWERKTREFFEN_SERIES_SLUG,
    title: 'Monatliches Netzwerktreffen der AG Soziale Stadt',
    audience: ['members', 'network-municipalities'],
    defaultFormat: 'hybrid',
    description: paragraphs(netzwerktreffenDescription),
    kind: 'network-meeting',
    organiser: network.agSozialeStadt,
    // Every first Thursday. The page gives no time, length or start date: the collection's
    // defaults (10:00, 120 minutes, 180 days ahead) stand until the coordination office sets
    // them. The dates themselves are generated in src/seed/upcomingEvents.ts.
    recurrence: { rule: 'FREQ=MONTHLY;BYDAY=+1TH' },
  })

  await upsertBySlug(context, 'events', {
    slug: 'tagung-gesundheit-im-quartier-2024',
    title: 'Gesundheit im Quartier – Gesundheitsförderung in der integrierten Stadtteilentwicklung',
    audience: ['members', 'network-municipalities'],
    description: paragraphs(
      'Die AG Soziale Stadt bietet in unregelmäßigen Abständen Tagungen zu aktuellen Themen des Programms „Sozialer Zusammenhalt“ an. Diese Tagung fand im August 2024 zum Thema „Gesundheit im Quartier – Gesundheitsförderung in der integrierten Stadtteilentwicklung“ statt.',
    ),
    fieldsOfAction: [fieldsOfAction.gesundheit],
    // The page says "im August 2024" only and nothing about the format: the day (1 August),
    // the time and "on site" (the collection's default) are placeholders.
    format: 'on-site',
    kind: 'conference',
    organiser: network.agSozialeStadt,
    start: berlinTime('2024-08-01', '10:00'),
    start_tz: EVENT_TIME_ZONE,
    teaser:
      'Tagung der AG Soziale Stadt im August 2024 zu einem aktuellen Thema des Programms „Sozialer Zusammenhalt“.',
    theme: 'Gesundheit im Quartier',
  })

  return { netzwerktreffen }
}
