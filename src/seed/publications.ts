import type { SeedContext } from './context'
import type { FieldOfActionIds } from './fieldsOfAction'

import { day } from './dates'
import { paragraphs } from './richText'
import { upsertBySlug } from './upsertBySlug'

export type PublicationIds = {
  ankunftsstaedteGestalten: number
  leitfadenAnkunftsgebiete: number
}

/** Seed 002: the publications the stadt:impuls #2 announcement points to. */
export const seedPublications = async (
  context: SeedContext,
  fieldsOfAction: FieldOfActionIds,
): Promise<PublicationIds> => {
  const leitfadenAnkunftsgebiete = await upsertBySlug(context, 'publications', {
    slug: 'leitfaden-ankunftsgebiete-staerken',
    title: 'Leitfaden Ankunftsgebiete stärken',
    description: paragraphs(
      'Material aus dem Projekt PatchWorkCity Saarbrücken, einem Pilotprojekt der Nationalen Stadtentwicklungspolitik (2017 bis 2019). Der Leitfaden und weitere Informationen und Materialien finden sich auf der Website der Landeshauptstadt Saarbrücken.',
    ),
    fieldsOfAction: [fieldsOfAction.integration],
    kind: 'guide',
  })
  const ankunftsstaedteGestalten = await upsertBySlug(context, 'publications', {
    slug: 'ankunftsstaedte-gestalten',
    title: 'Ankunftsstädte gestalten',
    description: paragraphs(
      'Die Publikation fasst Erfahrungen aus zehn Pilotprojekten der Nationalen Stadtentwicklungspolitik zum Thema „Stadtentwicklung und Migration“ zusammen. Sie ist Ende April 2021 erschienen.',
    ),
    fieldsOfAction: [fieldsOfAction.integration],
    kind: 'report',
    // "Ende April 2021": the day stands for the end of the month; only the month is certain.
    publishedOn: day('2021-04-30'),
    publishedOnPrecision: 'month',
  })
  return { ankunftsstaedteGestalten, leitfadenAnkunftsgebiete }
}
