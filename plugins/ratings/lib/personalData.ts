import type { PersonalDataSource } from '@quartiersnetz/plugin-kit/privacy'

/**
 * Ratings are anonymous: a visitor's random token and the client's address are stored only as
 * keyed hashes (the address with a key that changes daily, erased after the hourly limit), and
 * no e-mail address is ever asked for. So nothing can be found or erased by an address; the
 * source says so, so that an answer to a request is complete.
 */
export const ratingsPersonalData = (slug: string): PersonalDataSource => ({
  erase: async () => ({ anonymised: 0, deleted: 0 }),
  find: async () => [],
  key: slug,
  label: { de: 'Bewertungen', en: 'Ratings' },
  note: {
    de: 'Bewertungen sind anonym: Sie werden ohne E-Mail-Adresse gespeichert und lassen sich keiner Adresse zuordnen.',
    en: 'Ratings are anonymous: they are stored without an e-mail address and cannot be tied to one.',
  },
})
