import type { CollectionBeforeOperationHook, Where } from 'payload'

/** A word with more spelling alternatives than this is searched as typed (and fully folded). */
const MAX_VARIANTS = 16

/**
 * The spellings of one letter or letter pair. PostgreSQL's `ILIKE` ignores the case of ASCII
 * letters only under the C locale (the embedded database's): an umlaut where a search word
 * begins is also tried in the other case ("übersicht" finds "Übersicht", "Übersicht" finds
 * "Projektübersicht"), and one typed in upper case keeps it.
 */
const alternativesOf = (unit: string, index: number): string[] => {
  const lower = unit.toLowerCase()
  const umlaut = { ae: 'ä', oe: 'ö', ue: 'ü', ä: 'ä', ö: 'ö', ü: 'ü' }[lower]
  if (umlaut) {
    const upper = umlaut.toUpperCase()
    const pair = { ä: 'ae', ö: 'oe', ü: 'ue' }[umlaut]!
    return index === 0 || unit === upper ? [pair, umlaut, upper] : [pair, umlaut]
  }
  return lower === 'ss' || lower === 'ß' ? ['ss', 'ß'] : [unit]
}

const UNITS = /ae|oe|ue|ss|[äöüß]|[^]/giu

/**
 * The spellings of a search word that mean the same in German: umlauts and ß written out or
 * not ("Buergerbeteiligung" and "Bürgerbeteiligung", "Strasse" and "Straße"), an umlaut at its
 * start in either case. Only the word itself when it has none of them.
 */
export const germanSpellings = (word: string): string[] => {
  const units = word.match(UNITS) ?? []
  const choices = units.map(alternativesOf)
  if (choices.every((choice) => choice.length === 1)) {
    return [word]
  }
  const count = choices.reduce((product, choice) => product * choice.length, 1)
  if (count > MAX_VARIANTS) {
    // As typed, all written out, all as umlauts.
    return [
      ...new Set([
        word,
        choices.map((c) => c[0]).join(''),
        choices.map((c) => c[1] ?? c[0]).join(''),
      ]),
    ]
  }
  return choices.reduce<string[]>(
    (spellings, choice) => spellings.flatMap((start) => choice.map((unit) => start + unit)),
    [''],
  )
}

/** A `like` condition with its words spelled every way (each word still has to be found). */
const foldedLike = (path: string, value: string): Where | undefined => {
  const words = value.split(' ')
  const spellings = words.map(germanSpellings)
  if (spellings.every((spelling) => spelling.length === 1)) {
    return undefined
  }
  return {
    and: spellings.map((spelling) =>
      spelling.length === 1
        ? { [path]: { like: spelling[0] } }
        : { or: spelling.map((one) => ({ [path]: { like: one } })) },
    ),
  }
}

const foldWhere = (where: Where): Where => {
  let changed: Where | undefined
  const and: Where[] = []
  for (const [key, condition] of Object.entries(where)) {
    if ((key === 'and' || key === 'or') && Array.isArray(condition)) {
      const folded = (condition as Where[]).map((nested) =>
        nested && typeof nested === 'object' ? foldWhere(nested) : nested,
      )
      if (folded.some((nested, index) => nested !== condition[index])) {
        changed = { ...(changed ?? where), [key]: folded }
      }
      continue
    }
    const like = (condition as { like?: unknown } | null)?.like
    if (typeof like !== 'string') {
      continue
    }
    const folded = foldedLike(key, like)
    if (!folded) {
      continue
    }
    // The other operators on the same path stay; the `like` becomes an `and` beside them.
    const { like: _like, ...rest } = condition as Record<string, unknown>
    changed = { ...(changed ?? where) }
    if (Object.keys(rest).length) {
      changed[key] = rest as Where[string]
    } else {
      delete changed[key]
    }
    and.push(folded)
  }
  if (!changed) {
    return where
  }
  if (!and.length) {
    return changed
  }
  return { and: Object.keys(changed).length ? [changed, ...and] : and }
}

/**
 * The admin's list search ("Suchen nach Titel …"), its relationship pickers and a `like`
 * filter over the API find what a German reader means whichever way it is spelt:
 * "Buergerbeteiligung" finds "Bürgerbeteiligung", "strasse" finds "Straße", "uebergang" finds
 * "Übergangsmanagement" (germanSpellings). Only `like` (the operator of searches: every word
 * somewhere in the field, any case), only for reads and counts; nothing changes for a word
 * without umlauts, ß, ae, oe, ue or ss.
 */
export const foldUmlautsInLike: CollectionBeforeOperationHook = ({ args, operation }) => {
  const { where } = args as { where?: unknown }
  if (
    (operation !== 'read' && operation !== 'count') ||
    !where ||
    typeof where !== 'object' ||
    Array.isArray(where)
  ) {
    return args
  }
  const folded = foldWhere(where as Where)
  return folded === where ? args : { ...args, where: folded }
}
