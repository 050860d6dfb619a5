import type { SeedContext } from './context'
import type { TaxonomyIds } from './taxonomies'

import { paragraphs } from './richText'
import { upsertBySlug } from './upsertBySlug'

const MINISTRY = 'Ministerium für Soziales, Gesundheit und Integration Baden-Württemberg'

/**
 * Seed 004: the Städtetag Baden-Württemberg's KompetenzBereich Inklusive Quartiersentwicklung,
 * a second network beside the NRW one, its StadtLabore and the GKZ.QE of the Landesstrategie.
 */
export const seedBadenWuerttemberg = async (
  context: SeedContext,
  taxonomies: TaxonomyIds,
): Promise<void> => {
  const quartier2030 = [taxonomies.programmes.quartier2030]

  const staedtetag = await upsertBySlug(context, 'organisations', {
    slug: 'staedtetag-baden-wuerttemberg',
    title: 'Städtetag Baden-Württemberg',
    description: paragraphs(
      'Mit dem Kompetenzbereich Inklusive Quartiersentwicklung bietet der Städtetag Baden-Württemberg seinen Mitgliedsstädten Fachberatung rund um die Konzeption und Umsetzung von Strategien der zukunftsgerichteten, inklusiven und generationengerechten Quartiersentwicklung. Neben der individuellen Beratung der Städte setzt der Städtetag hierbei auf Vernetzung.',
    ),
    kind: 'institution',
  })

  // "Sie steht für Anliegen und Fragen gerne zur Verfügung", but the page publishes no e-mail
  // or phone: her contact data stays private.
  const annaStaffa = await upsertBySlug(context, 'people', {
    slug: 'anna-staffa',
    name: 'Anna Staffa',
    affiliation: 'Städtetag Baden-Württemberg',
    bio: 'Verantwortet im Städtetag Baden-Württemberg den KompetenzBereich Inklusive Quartiersentwicklung. Sie steht für Anliegen und Fragen gerne zur Verfügung, ist die Anlaufstelle für aktuelle Informationen zu Förderprogrammen und Veranstaltungen sowie zu Beratungsangeboten und fungiert als Schnittstelle zu weiteren Partner*innen der Landesstrategie „Quartier 2030 – Gemeinsam. Gestalten.“.',
    isContactPublic: false,
    organisation: staedtetag,
    position: 'Fachberaterin, KompetenzBereich Inklusive Quartiersentwicklung',
  })

  const kompetenzBereich = await upsertBySlug(context, 'organisations', {
    slug: 'kompetenzbereich-inklusive-quartiersentwicklung',
    title: 'KompetenzBereich Inklusive Quartiersentwicklung',
    audience: 'Die Mitgliedsstädte des Städtetags Baden-Württemberg.',
    contacts: [annaStaffa],
    description: paragraphs(
      'Eine zentrale Chance, bestehenden und zukünftigen Entwicklungen und Transformationen proaktiv gegenüberzutreten, besteht darin, keine nebeneinanderstehenden punktuellen Lösungen für jedes Thema zu finden – sondern eine passgenaue Strategie zu entwerfen, wie Themenfelder miteinander verbunden werden. Für die Herausforderungen heute und in Zukunft sind dabei ineinandergreifende und innovative Konzepte notwendig.',
      'Das ist der Mehrwert, den Quartiersentwicklung bietet: Sie betrachtet alle Bereiche des sozialen Nahraums und verzahnt die Themenfelder miteinander.',
      'Mit dem Kompetenzbereich Inklusive Quartiersentwicklung bietet der Städtetag Baden-Württemberg seinen Mitgliedsstädten Fachberatung rund um die Konzeption und Umsetzung von Strategien der zukunftsgerichteten, inklusiven und generationengerechten Quartiersentwicklung.',
      'Neben der individuellen Beratung der Städte setzt der Städtetag hierbei auf Vernetzung. Das Projekt „StadtLabore zur inklusiven Quartiersentwicklung“ bot dabei eine Plattform zum Laborieren und Experimentieren; es wird über die „StadtLabore vor Ort“ weitergeführt.',
      'Das Ministerium für Soziales, Gesundheit und Integration fördert diese Angebote im Rahmen der Landesstrategie „Quartier 2030 – Gemeinsam. Gestalten.“',
    ),
    fundedBy: MINISTRY,
    kind: 'competence-area',
    members: [{ function: 'adviser', person: annaStaffa }],
    parent: staedtetag,
    programmes: quartier2030,
    tasks:
      'Fachberatung der Mitgliedsstädte rund um die Konzeption und Umsetzung von Strategien der zukunftsgerichteten, inklusiven und generationengerechten Quartiersentwicklung; individuelle Beratung der Städte und Vernetzung; Anlaufstelle für aktuelle Informationen zu Förderprogrammen, Veranstaltungen und Beratungsangeboten; Schnittstelle zu weiteren Partner*innen der Landesstrategie.',
  })

  await upsertBySlug(context, 'organisations', {
    slug: 'gkz-qe',
    title: 'Gemeinsames Kommunales Kompetenzzentrum Quartiersentwicklung',
    description: paragraphs(
      'In der Landesstrategie „Quartier 2030 – Gemeinsam. Gestalten.“ arbeiten u. a. über das Gemeinsame Kommunale Kompetenzzentrum Quartiersentwicklung (GKZ.QE) Städtetag Baden-Württemberg, Gemeindetag Baden-Württemberg und Landkreistag Baden-Württemberg gleichermaßen daran, das Thema Quartier und die Quartiersentwicklung im Land gemeinsam mit dem Ministerium für Soziales, Gesundheit und Integration und weiteren Partner*innen weiter voranzutreiben.',
    ),
    kind: 'institution',
    partners: [
      { name: 'Städtetag Baden-Württemberg', role: 'Kommunaler Landesverband' },
      { name: 'Gemeindetag Baden-Württemberg', role: 'Kommunaler Landesverband' },
      { name: 'Landkreistag Baden-Württemberg', role: 'Kommunaler Landesverband' },
      { name: MINISTRY, role: 'Landesstrategie „Quartier 2030 – Gemeinsam. Gestalten.“' },
    ],
    programmes: quartier2030,
    shortName: 'GKZ.QE',
  })

  const stadtLabore = await upsertBySlug(context, 'projects', {
    slug: 'stadtlabore-zur-inklusiven-quartiersentwicklung',
    title: 'StadtLabore zur inklusiven Quartiersentwicklung',
    organisation: kompetenzBereich,
    programmes: quartier2030,
    teaser:
      'Projekt des Städtetags Baden-Württemberg, das eine Plattform zum Laborieren und Experimentieren rund um die inklusive Quartiersentwicklung bot.',
  })
  await upsertBySlug(context, 'projects', {
    slug: 'stadtlabore-vor-ort',
    title: 'StadtLabore vor Ort',
    body: paragraphs(
      'Ziel dieses Projekts ist es, vorhandenes Wissen, bestehende Netzwerke und neue Ansätze zur Quartiersentwicklung zusammen zu bringen und Quartiersentwicklung und das soziale Umfeld gemeinsam mit einem inklusiven und partizipativen Ansatz zu denken. Es soll gemeinsam, voneinander und auf Augenhöhe aus der Praxis für die Praxis gelernt und zusammen weitergedacht werden. Auf diesem Weg profitieren alle Städte von den gewonnenen Erkenntnissen der Pilotstädte.',
      'Das Ministerium für Soziales, Gesundheit und Integration fördert das Projekt im Rahmen der Landesstrategie „Quartier 2030 – Gemeinsam. Gestalten.“',
    ),
    organisation: kompetenzBereich,
    predecessor: stadtLabore,
    programmes: quartier2030,
    teaser:
      'Führt die „StadtLabore zur inklusiven Quartiersentwicklung“ weiter: Wissen, Netzwerke und neue Ansätze zusammenbringen, inklusiv und partizipativ, aus der Praxis für die Praxis.',
  })
}
