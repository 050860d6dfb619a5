import type { SeedContext } from './context'
import type { FieldOfActionIds } from './fieldsOfAction'
import type { MunicipalityIds } from './municipalities'
import type { PublicationIds } from './publications'
import type { TaxonomyIds } from './taxonomies'

import { day } from './dates'
import { paragraphs } from './richText'
import { upsertBySlug } from './upsertBySlug'

export type ProjectIds = {
  arnsbergerSeniorenNetzwerk: number
  haverkamp: number
  patchWorkCity: number
}

type ProjectsArgs = {
  fieldsOfAction: FieldOfActionIds
  municipalities: MunicipalityIds
  publications: PublicationIds
  taxonomies: TaxonomyIds
}

const PREIS_SOZIALE_STADT = 'Preis Soziale Stadt'

/**
 * Seed 001 lists good-practice projects of the Handlungsfeld "Soziale Netze und
 * Bürgerschaftliches Engagement"; some entries have no title or city on the page. Those get a
 * descriptive title made from their own text and no municipality: nothing is made up.
 * Seed 002 adds PatchWorkCity Saarbrücken, seed 003 the Haverkamp project.
 */
export const seedProjects = async (
  context: SeedContext,
  { fieldsOfAction, municipalities, publications, taxonomies }: ProjectsArgs,
): Promise<ProjectIds> => {
  const socialNetworks = [fieldsOfAction['soziale-netze-und-buergerschaftliches-engagement']]
  const { targetGroups } = taxonomies

  await upsertBySlug(context, 'projects', {
    slug: 'lern-und-hausaufgabenbetreuung-durch-studierende',
    title: 'Ehrenamtliche Lern- und Hausaufgabenbetreuung durch Studierende',
    awards: [{ name: PREIS_SOZIALE_STADT, year: 2004 }],
    fieldsOfAction: socialNetworks,
    targetGroups: [targetGroups.kinderUndJugendliche],
    teaser:
      'Studenten bieten im Stadtteil ehrenamtlich eine kostenlose Lern- und Hausaufgabenbetreuung für sozial benachteiligte Kinder und Jugendliche an.',
  })
  const arnsbergerSeniorenNetzwerk = await upsertBySlug(context, 'projects', {
    slug: 'arnsberger-senioren-netzwerk',
    title: 'Arnsberger-Senioren-Netzwerk',
    awards: [{ name: PREIS_SOZIALE_STADT, year: 2004 }],
    // The page's "Stadtteil" field says "Arnsberg".
    district: 'Arnsberg',
    fieldsOfAction: socialNetworks,
    municipality: municipalities.arnsberg,
    targetGroups: [targetGroups.seniorinnenUndSenioren],
    teaser:
      'Das „Arnsberger-Senioren-Netzwerk“ organisiert sich weitgehend selbst und erklärt die älteren Menschen zu Experten in eigener Sache.',
  })
  await upsertBySlug(context, 'projects', {
    slug: 'praxisnetzwerk-quartiersentwicklung-dortmund-nordstadt',
    title:
      'Praxisnetzwerk zur bewohnerorientierten Quartiersentwicklung im Stadtteil Nordstadt, Dortmund',
    awards: [{ name: PREIS_SOZIALE_STADT, year: 2000 }],
    district: 'Nordstadt',
    fieldsOfAction: socialNetworks,
    municipality: municipalities.dortmund,
    targetGroups: [targetGroups.bewohnerschaft],
  })
  await upsertBySlug(context, 'projects', {
    slug: 'buergeraktivierung-buero-fuer-gemeinwesenarbeit-dueren',
    title:
      'Bürgeraktivierung durch das Dürener Büro für Gemeinwesenarbeit der Evangelischen Kirche',
    awards: [{ name: PREIS_SOZIALE_STADT, year: 2004 }],
    fieldsOfAction: socialNetworks,
    municipality: municipalities.dueren,
    targetGroups: [targetGroups.bewohnerschaft],
    teaser:
      'Vom Dürener Büro für Gemeinwesenarbeit der Evangelischen Kirche wurde ein eigenständiger Arbeitsansatz der Bürgeraktivierung entwickelt.',
  })
  await upsertBySlug(context, 'projects', {
    slug: 'buergerbeteiligung-begegnungsstaette',
    title: 'Bürgerbeteiligung bei Entwicklung und Betrieb einer Begegnungsstätte',
    fieldsOfAction: socialNetworks,
    targetGroups: [targetGroups.bewohnerschaft],
    teaser:
      'Beteiligung der Bürgerschaft bei der Entwicklung einer Begegnungsstätte und deren Betrieb.',
  })
  await upsertBySlug(context, 'projects', {
    slug: 'selbsthilfe-und-selbstorganisation-koeln',
    title: 'Selbsthilfe und Selbstorganisation in Köln',
    awards: [{ name: PREIS_SOZIALE_STADT, year: 2012 }],
    // The page's "Stadtteil" field says "Köln".
    district: 'Köln',
    fieldsOfAction: socialNetworks,
    municipality: municipalities.koeln,
    teaser:
      'Projekt zur Selbsthilfe und Selbstorganisation in Köln: Aktivierung, Beteiligung und Vernetzung.',
  })
  await upsertBySlug(context, 'projects', {
    slug: 'stadtteilinitiative-muenster-kinderhaus-brueningheide',
    title:
      'Stadtteilinitiative gegen Wohnmissstände in Münster-Kinderhaus, Wohnquartier Brüningheide',
    awards: [{ name: PREIS_SOZIALE_STADT, year: 2012 }],
    district: 'Kinderhaus, Wohnquartier Brüningheide',
    fieldsOfAction: [...socialNetworks, fieldsOfAction.wohnen],
    municipality: municipalities.muenster,
  })
  await upsertBySlug(context, 'projects', {
    slug: 'messe-buerger-engagement-im-stadtteil',
    title: 'Messe Bürger-Engagement im Stadtteil',
    fieldsOfAction: socialNetworks,
    // "Stadtteil: Alle Stadtteile".
    isCitywide: true,
    targetGroups: [targetGroups.bewohnerschaft],
    teaser: 'Messe Bürger-Engagement im Stadtteil präsentiert vielfältige Praxis.',
  })

  const haverkamp = await upsertBySlug(context, 'projects', {
    slug: 'quartiersentwicklung-im-haverkamp-gelsenkirchen',
    title: 'Quartiersentwicklung im Haverkamp, Gelsenkirchen',
    district: 'Haverkamp',
    municipality: municipalities.gelsenkirchen,
  })

  const patchWorkCity = await upsertBySlug(context, 'projects', {
    slug: 'patchworkcity-saarbruecken',
    title: 'PatchWorkCity Saarbrücken',
    body: paragraphs(
      'Mit welchen konkreten Maßnahmen das Zusammenleben in einer vielfältigen Stadtgesellschaft gelingen kann, zeigt das Projekt PatchWorkCity Saarbrücken. Als Pilotprojekt der Nationalen Stadtentwicklungspolitik (2017 bis 2019) wurde hier erprobt, wie Ankunftsgebiete erfolgreich gestärkt werden können und welche Rolle die Zusammenarbeit von Verwaltung und Anwohnerschaft dabei spielt.',
      'Über die Laufzeit des Projektes hinaus sind Kooperationen und Netzwerke entstanden und aktiv geblieben, die es der Stadt Saarbrücken zum Beispiel bereits zu Beginn der Corona-Krise erleichtert haben, Menschen zu unterstützen, die besonders von der Krise betroffen sind.',
      'Frank Schmitz (Fachbereich Sozialplanung im Amt für Gesundheit, Prävention und Soziales der Stadt Saarbrücken) hat das Projekt im Leitungsteam begleitet. Weitere Informationen und Materialien wie der „Leitfaden Ankunftsgebiete stärken“ finden sich auf der Website der Landeshauptstadt Saarbrücken.',
    ),
    fieldsOfAction: [fieldsOfAction.integration],
    // The page links "PatchWorkCity Saarbrücken" on the city's website without giving the
    // address; the city's homepage stands in for it.
    links: [
      {
        label: 'PatchWorkCity Saarbrücken (Website der Landeshauptstadt Saarbrücken)',
        url: 'https://www.saarbruecken.de',
      },
    ],
    municipality: municipalities.saarbruecken,
    period: { from: day('2017-01-01'), precision: 'year', until: day('2019-12-31') },
    programmeRole: 'Pilotprojekt der Nationalen Stadtentwicklungspolitik',
    programmes: [taxonomies.programmes.nationaleStadtentwicklungspolitik],
    publications: [publications.leitfadenAnkunftsgebiete, publications.ankunftsstaedteGestalten],
    targetGroups: [targetGroups.zugewanderte],
    teaser:
      'Pilotprojekt der Nationalen Stadtentwicklungspolitik (2017 bis 2019): Wie können Ankunftsgebiete erfolgreich gestärkt werden, und welche Rolle spielt die Zusammenarbeit von Verwaltung und Anwohnerschaft dabei?',
  })

  return { arnsbergerSeniorenNetzwerk, haverkamp, patchWorkCity }
}
