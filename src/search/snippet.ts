/**
 * The snippet of a hit: the passage of its text with the most query words, those words in
 * <mark>. Made here instead of with ts_headline because the answer must be text-safe (the
 * content is escaped first, then marked: no HTML from content ever reaches a page) and because
 * ts_headline matches words with the database's locale (under the C locale "Ökologie" would not
 * be marked). A word is marked when its stemmer form starts with a stem of the query, as
 * PostgreSQL's German stemmer made it, and is at most a suffix longer.
 */
import { stemmerForm } from './fold'

/** German inflection suffixes are at most this long ("-ungen", "-innen"). */
const MAX_SUFFIX = 5
const CONTEXT_BEFORE = 4
const MAX_SCANNED = 8_000

const ESCAPES: Record<string, string> = {
  '"': '&quot;',
  '&': '&amp;',
  "'": '&#39;',
  '<': '&lt;',
  '>': '&gt;',
}

const SPECIAL = /["&'<>]/

export const escapeHtml = (text: string) =>
  SPECIAL.test(text) ? text.replace(/["&'<>]/g, (char) => ESCAPES[char]!) : text

/** The lexemes of a tsquery as PostgreSQL prints it (`'gesund' & 'quartier'`). */
export const stemsOf = (tsquery: string): string[] =>
  [...tsquery.matchAll(/'((?:[^']|'')+)'/g)].map((match) => match[1]!.replace(/''/g, "'"))

/**
 * Stemmer forms of the words seen so far, shared by every request: texts repeat their words,
 * and folding a word costs more than everything else a snippet does. Bounded: forgotten all
 * at once when full.
 */
const forms = new Map<string, string>()
const MAX_FORMS = 20_000

const formOf = (word: string): string => {
  let form = forms.get(word)
  if (form === undefined) {
    if (forms.size >= MAX_FORMS) {
      forms.clear()
    }
    form = stemmerForm(word)
    forms.set(word, form)
  }
  return form
}

/** Per UTF-16 unit: 1 a letter or digit (`[\p{L}\p{N}]`), 2 not, 0 not asked yet. */
const UNIT_CLASS = new Uint8Array(0x10000)
const LETTER = /^[\p{L}\p{N}]$/u
/** Characters beyond the basic plane (as code points): whether a letter or digit. */
const astralLetters = new Map<number, boolean>()

/**
 * The length (1 or 2 units) of the letter or digit (`[\p{L}\p{N}]`) at `at`, 0 for anything
 * else, in the text's first `length` units (a pair cut at `length` is no letter).
 */
const wordUnitAt = (text: string, at: number, length: number): number => {
  if (at >= length) {
    return 0
  }
  const code = text.charCodeAt(at)
  if (code >= 0xd800 && code <= 0xdbff) {
    if (at + 1 >= length) {
      return 0
    }
    const point = text.codePointAt(at)!
    if (point <= 0xffff) {
      return 0
    }
    let isLetter = astralLetters.get(point)
    if (isLetter === undefined) {
      isLetter = LETTER.test(String.fromCodePoint(point))
      astralLetters.set(point, isLetter)
    }
    return isLetter ? 2 : 0
  }
  let unitClass = UNIT_CLASS[code]!
  if (!unitClass) {
    unitClass = LETTER.test(String.fromCharCode(code)) ? 1 : 2
    UNIT_CLASS[code] = unitClass
  }
  return unitClass === 1 ? 1 : 0
}

/** ASCII letters and digits (1), and each ASCII character lowercased. */
const ASCII_WORD = Uint8Array.from({ length: 128 }, (_, code) =>
  /[A-Za-z0-9]/.test(String.fromCharCode(code)) ? 1 : 0,
)
const ASCII_FOLDED = Int32Array.from({ length: 128 }, (_, code) =>
  String.fromCharCode(code).toLowerCase().charCodeAt(0),
)

/** A word's first character folded (its stemmer form begins with it), by code point. */
const firstsFolded = new Map<number, number>()
const firstFolded = (point: number): number => {
  let folded = firstsFolded.get(point)
  if (folded === undefined) {
    folded = stemmerForm(String.fromCodePoint(point)).charCodeAt(0)
    firstsFolded.set(point, folded)
  }
  return folded
}

/** Whether a word matches a stem. */
const matcherOf = (stems: string[]) => {
  const wanted = stems.filter((stem) => stem.length > 0)
  return (word: string) => {
    const form = formOf(word)
    return wanted.some((stem) => form.length - stem.length <= MAX_SUFFIX && form.startsWith(stem))
  }
}

/**
 * The words of the scanned text, shared by every call (a snippet is made to its end before
 * anything else runs): where word i starts and ends, and `before[i]`, the matches among the
 * first i words. A word takes a unit and is followed by another, so the scanned part has at
 * most half as many words as units. Ten hits a page made a dozen kilobytes of arrays each.
 */
const MAX_WORDS = MAX_SCANNED / 2 + 1
const starts = new Int32Array(MAX_WORDS)
const ends = new Int32Array(MAX_WORDS)
const before = new Int32Array(MAX_WORDS + 1)

/** Whitespace other than single spaces: what `\s+` → ' ' would change. */
const UNCOLLAPSED = /[^\S ]| {2}/

/** A run of text between marked words, as the passage shows it: whitespace runs as one space. */
const plainOf = (text: string, from: number, to: number): string => {
  const part = text.slice(from, to)
  return escapeHtml(UNCOLLAPSED.test(part) ? part.replace(/\s+/g, ' ') : part)
}

/**
 * The words `first` to `last` of the scan (from `from` to `to` in `text`): escaped, whitespace
 * collapsed, trimmed, and the matched words in <mark>.
 */
const passageOf = (text: string, from: number, to: number, first: number, last: number) => {
  let out = ''
  // Up to here the text is in `out`.
  let done = from
  for (let word = first; word <= last; word++) {
    if (before[word + 1] === before[word]) {
      continue
    }
    const marked = escapeHtml(text.slice(starts[word]!, ends[word]!))
    out += `${plainOf(text, done, starts[word]!)}<mark>${marked}</mark>`
    done = ends[word]!
  }
  out += plainOf(text, done, to)
  // Marked words are no whitespace: trimming the whole trims its first and last plain run.
  return out.trim()
}

/** The best passage of about `maxWords` words, escaped and marked; '' for an empty text. */
export const snippetOf = ({
  maxWords = 30,
  stems,
  text,
}: {
  maxWords?: number
  stems: string[]
  text: string
}): string => {
  // (A passage has at least one word.)
  const windowWords = Math.max(1, Math.trunc(maxWords) || 1)
  const isMatch = matcherOf(stems)
  // Only a word whose folded first letter begins a stem can match: the others aren't folded.
  const firsts = stems.filter(Boolean).map((stem) => stem.charCodeAt(0))
  // The passage is looked for in the text's first part: a snippet from further down adds little.
  const length = Math.min(text.length, MAX_SCANNED)
  let count = 0
  for (let at = 0; at < length;) {
    const code = text.charCodeAt(at)
    const unit = code < 128 ? ASCII_WORD[code]! : wordUnitAt(text, at, length)
    if (!unit) {
      at++
      continue
    }
    const start = at
    at += unit
    for (;;) {
      const next = at < length ? text.charCodeAt(at) : -1
      const nextUnit = next < 0 ? 0 : next < 128 ? ASCII_WORD[next]! : wordUnitAt(text, at, length)
      if (!nextUnit) {
        break
      }
      at += nextUnit
    }
    starts[count] = start
    ends[count] = at
    const first = code < 128 ? ASCII_FOLDED[code]! : firstFolded(text.codePointAt(start)!)
    const matches = firsts.includes(first) && isMatch(text.slice(start, at))
    before[count + 1] = before[count]! + (matches ? 1 : 0)
    count++
  }
  if (!count) {
    return ''
  }
  // The window with the most matches (the first such), starting a few words before a match.
  let best = 0
  let bestCount = 0
  for (let first = 0; first < count; first++) {
    if (before[first + 1] === before[first]) {
      continue
    }
    const start = Math.max(0, first - CONTEXT_BEFORE)
    const found = before[Math.min(count, start + windowWords)]! - before[start]!
    if (found > bestCount) {
      best = start
      bestCount = found
    }
  }
  const last = Math.min(count, best + windowWords) - 1
  const from = best === 0 ? 0 : starts[best]!
  const to = last === count - 1 ? length : ends[last]!
  const passage = passageOf(text, from, to, best, last)
  return `${from > 0 ? '… ' : ''}${passage}${to < text.length ? ' …' : ''}`
}
