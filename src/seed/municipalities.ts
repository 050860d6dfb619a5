import type { Municipality } from '../../payload-types'
import type { SeedContext } from './context'

import { upsertBySlug } from './upsertBySlug'

type MunicipalitySeed = {
  coordinates: { latitude: number; longitude: number }
  name: string
  officialName?: string
  slug: string
  state: Municipality['state']
  website: string
}

/**
 * Every city the seed texts name. Coordinates (city centre) and the official homepages are
 * general knowledge; the texts give neither.
 */
const MUNICIPALITIES = [
  {
    coordinates: { latitude: 51.4556, longitude: 7.0116 },
    name: 'Essen',
    officialName: 'Stadt Essen',
    slug: 'essen',
    state: 'NW',
    website: 'https://www.essen.de',
  },
  {
    coordinates: { latitude: 51.4437, longitude: 7.3353 },
    name: 'Witten',
    officialName: 'Stadt Witten',
    slug: 'witten',
    state: 'NW',
    website: 'https://www.witten.de',
  },
  {
    coordinates: { latitude: 51.3967, longitude: 8.0644 },
    name: 'Arnsberg',
    officialName: 'Stadt Arnsberg',
    slug: 'arnsberg',
    state: 'NW',
    website: 'https://www.arnsberg.de',
  },
  {
    coordinates: { latitude: 51.5136, longitude: 7.4653 },
    name: 'Dortmund',
    officialName: 'Stadt Dortmund',
    slug: 'dortmund',
    state: 'NW',
    website: 'https://www.dortmund.de',
  },
  {
    coordinates: { latitude: 50.8006, longitude: 6.4828 },
    name: 'Düren',
    officialName: 'Stadt Düren',
    slug: 'dueren',
    state: 'NW',
    website: 'https://www.dueren.de',
  },
  {
    coordinates: { latitude: 50.9375, longitude: 6.9603 },
    name: 'Köln',
    officialName: 'Stadt Köln',
    slug: 'koeln',
    state: 'NW',
    website: 'https://www.stadt-koeln.de',
  },
  {
    coordinates: { latitude: 51.9625, longitude: 7.6256 },
    name: 'Münster',
    officialName: 'Stadt Münster',
    slug: 'muenster',
    state: 'NW',
    website: 'https://www.stadt-muenster.de',
  },
  {
    coordinates: { latitude: 51.5177, longitude: 7.0857 },
    name: 'Gelsenkirchen',
    officialName: 'Stadt Gelsenkirchen',
    slug: 'gelsenkirchen',
    state: 'NW',
    website: 'https://www.gelsenkirchen.de',
  },
  {
    coordinates: { latitude: 50.7753, longitude: 6.0839 },
    name: 'Aachen',
    officialName: 'Stadt Aachen',
    slug: 'aachen',
    state: 'NW',
    website: 'https://www.aachen.de',
  },
  {
    coordinates: { latitude: 51.3992, longitude: 7.1858 },
    name: 'Hattingen',
    officialName: 'Stadt Hattingen',
    slug: 'hattingen',
    state: 'NW',
    website: 'https://www.hattingen.de',
  },
  // Seed 002 names it "Landeshauptstadt Saarbrücken".
  {
    coordinates: { latitude: 49.2402, longitude: 6.9969 },
    name: 'Saarbrücken',
    officialName: 'Landeshauptstadt Saarbrücken',
    slug: 'saarbruecken',
    state: 'SL',
    website: 'https://www.saarbruecken.de',
  },
  // Seat of EINSATEAM, which coordinates stadt:impuls ("EINSATEAM, Berlin").
  {
    coordinates: { latitude: 52.52, longitude: 13.405 },
    name: 'Berlin',
    slug: 'berlin',
    state: 'BE',
    website: 'https://www.berlin.de',
  },
] as const satisfies readonly MunicipalitySeed[]

export type MunicipalityKey = (typeof MUNICIPALITIES)[number]['slug']

export type MunicipalityIds = Record<MunicipalityKey, number>

export const seedMunicipalities = async (context: SeedContext): Promise<MunicipalityIds> => {
  const ids: Partial<MunicipalityIds> = {}
  for (const municipality of MUNICIPALITIES) {
    ids[municipality.slug] = await upsertBySlug(context, 'municipalities', municipality)
  }
  return ids as MunicipalityIds
}
