import { headers } from 'next/headers'

/** German unless the browser prefers English (as the admin and the API decide). */
export const languageOf = async (): Promise<'de' | 'en'> => {
  const accepted = (await headers()).get('accept-language') ?? ''
  const first = accepted.split(',')[0]?.trim().toLowerCase() ?? ''
  return first.startsWith('en') ? 'en' : 'de'
}
