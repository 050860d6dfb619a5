/**
 * Text as the search index and the queries see it. PostgreSQL's German stemmer already reads
 * "Buergerbeteiligung" as "Bürgerbeteiligung" and "Strasse" as "Straße", but it lowercases with
 * the database's locale: under the C locale of many clusters (the embedded one included)
 * "Ökologie" keeps its capital Ö and no longer meets "ökologie". So both sides are folded here,
 * the same way, before PostgreSQL sees them: lowercase, umlauts and ß as their usual
 * transliteration, other accents dropped. The stored texts stay as written (for display).
 */
const TRANSLITERATION: Record<string, string> = { ß: 'ss', ä: 'ae', ö: 'oe', ü: 'ue' }

/** "Öffentliche Straße" → "oeffentliche strasse"; "Café" → "cafe". */
export const foldForSearch = (text: string): string =>
  text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[äöüß]/g, (letter) => TRANSLITERATION[letter]!)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')

/**
 * A word as the German stemmer normalises it before it cuts suffixes: folded, with the
 * transliterated umlauts as plain vowels ("ue" → "u" except after "q", as the stemmer does),
 * so that a stem it answers ("burgerbeteil") is a prefix of the word ("buergerbeteiligung").
 */
export const stemmerForm = (word: string): string =>
  foldForSearch(word).replace(/(?<!q)([aou])e/g, '$1')
