import type { SeedContext } from './context'

import { paragraphs } from './richText'
import { upsertBySlug } from './upsertBySlug'

export type TaxonomyIds = {
  programmes: {
    nationaleStadtentwicklungspolitik: number
    quartier2030: number
    sozialerZusammenhalt: number
    sozialeStadtNrw: number
    stadtteileMitBesonderemErneuerungsbedarf: number
  }
  targetGroups: {
    bewohnerschaft: number
    kinderUndJugendliche: number
    seniorinnenUndSenioren: number
    zugewanderte: number
  }
}

/** Target groups and programmes: what projects, modules and bodies refer to. */
export const seedTaxonomies = async (context: SeedContext): Promise<TaxonomyIds> => {
  const targetGroups = {
    kinderUndJugendliche: await upsertBySlug(context, 'target-groups', {
      slug: 'kinder-und-jugendliche',
      title: 'Kinder und Jugendliche',
    }),
    seniorinnenUndSenioren: await upsertBySlug(context, 'target-groups', {
      slug: 'seniorinnen-und-senioren',
      title: 'Seniorinnen und Senioren',
    }),
    zugewanderte: await upsertBySlug(context, 'target-groups', {
      slug: 'zugewanderte',
      title: 'Zugewanderte',
      description: 'Menschen, die in eine Stadt eingewandert sind, z. B. in Ankunftsgebieten.',
    }),
    bewohnerschaft: await upsertBySlug(context, 'target-groups', {
      slug: 'bewohnerinnen-und-bewohner',
      title: 'Bewohnerinnen und Bewohner',
      description:
        'Die Bewohnerschaft eines Stadtteils, z. B. bei Aktivierung, Beteiligung und bürgerschaftlichem Engagement.',
    }),
  }

  const stadtteileMitBesonderemErneuerungsbedarf = await upsertBySlug(context, 'programmes', {
    slug: 'stadtteile-mit-besonderem-erneuerungsbedarf',
    title: 'Stadtteile mit besonderem Erneuerungsbedarf',
    description: paragraphs(
      'Landesweites Vorgängerprogramm der Sozialen Stadt NRW. Praktische Fragen zur Konzeption und Umsetzung integrierter Handlungsprogramme in diesem Programm gaben 1994 den Anstoß zur Gründung eines kommunalen Netzwerks, des späteren Städtenetzes Soziale Stadt NRW.',
    ),
    kind: 'funding-programme',
    level: 'state',
    state: 'Nordrhein-Westfalen',
  })
  const sozialeStadtNrw = await upsertBySlug(context, 'programmes', {
    slug: 'soziale-stadt-nrw',
    title: 'Soziale Stadt NRW',
    description: paragraphs(
      'Programm der integrierten Stadtteilentwicklung in Nordrhein-Westfalen. Bürgerschaftliches Engagement ist ein fester Baustein der Sozialen Stadt NRW: Wo es funktionierende Netzwerke gibt, stärkt das Programm die Beteiligungsstrukturen und verhilft dem Bürgerengagement zur Umsetzung.',
    ),
    kind: 'funding-programme',
    level: 'state',
    predecessor: stadtteileMitBesonderemErneuerungsbedarf,
    state: 'Nordrhein-Westfalen',
  })
  const sozialerZusammenhalt = await upsertBySlug(context, 'programmes', {
    slug: 'sozialer-zusammenhalt',
    title: 'Sozialer Zusammenhalt',
    description: paragraphs(
      'Zu aktuellen Themen des Programms bietet die AG Soziale Stadt in unregelmäßigen Abständen Tagungen an.',
    ),
    kind: 'funding-programme',
    level: 'federal-state',
  })
  const nationaleStadtentwicklungspolitik = await upsertBySlug(context, 'programmes', {
    slug: 'nationale-stadtentwicklungspolitik',
    title: 'Nationale Stadtentwicklungspolitik',
    description: paragraphs(
      'In Pilotprojekten der Nationalen Stadtentwicklungspolitik wird erprobt, wie integrierte, gemeinwohlorientierte Stadtentwicklung vor Ort gelingen kann, z. B. im Projekt PatchWorkCity Saarbrücken (2017 bis 2019). Die Webinar-Reihe stadt:impuls macht die dabei gewonnenen Erkenntnisse allen zugänglich.',
    ),
    kind: 'initiative',
    level: 'federal',
  })
  const quartier2030 = await upsertBySlug(context, 'programmes', {
    slug: 'quartier-2030',
    title: 'Quartier 2030 – Gemeinsam. Gestalten.',
    shortName: 'Quartier 2030',
    description: paragraphs(
      'Landesstrategie des Landes Baden-Württemberg. In ihrem Rahmen fördert das Ministerium für Soziales, Gesundheit und Integration die Angebote des KompetenzBereichs Inklusive Quartiersentwicklung des Städtetags Baden-Württemberg.',
      'In der Landesstrategie arbeiten u. a. über das Gemeinsame Kommunale Kompetenzzentrum Quartiersentwicklung (GKZ.QE) Städtetag Baden-Württemberg, Gemeindetag Baden-Württemberg und Landkreistag Baden-Württemberg gleichermaßen daran, das Thema Quartier und die Quartiersentwicklung im Land gemeinsam mit dem Ministerium für Soziales, Gesundheit und Integration und weiteren Partner*innen weiter voranzutreiben.',
    ),
    funder: 'Ministerium für Soziales, Gesundheit und Integration Baden-Württemberg',
    kind: 'strategy',
    level: 'state',
    state: 'Baden-Württemberg',
  })

  return {
    programmes: {
      nationaleStadtentwicklungspolitik,
      quartier2030,
      sozialerZusammenhalt,
      sozialeStadtNrw,
      stadtteileMitBesonderemErneuerungsbedarf,
    },
    targetGroups,
  }
}
