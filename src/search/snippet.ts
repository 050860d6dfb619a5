/**
 * The snippet of a hit: the passage of its text with the most query words, those words in
 * <mark>. Made here instead of with ts_headline because the answer must be text-safe (the
 * content is escaped first, then marked: no HTML from content ever reaches a page) and because
 * ts_headline matches words with the database's locale (under the C locale "Ökologie" would not
 * be marked). A word is marked when its stemmer form starts with a stem of the query, as
 * PostgreSQL's German stemmer made it, and is at most a suffix longer.
 */
import { stemmerForm } from './fold'

const WORD = /[\p{L}\p{N}]+/gu
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

export const escapeHtml = (text: string) => text.replace(/["&'<>]/g, (char) => ESCAPES[char]!)

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

/** Whether a word matches a stem. */
const matcherOf = (stems: string[]) => {
  const wanted = stems.filter((stem) => stem.length > 0)
  return (word: string) => {
    const form = formOf(word)
    return wanted.some((stem) => form.length - stem.length <= MAX_SUFFIX && form.startsWith(stem))
  }
}

/** `text` escaped, with the words matching `stems` in <mark>. */
export const markWords = (text: string, stems: string[]): string => {
  const isMatch = matcherOf(stems)
  let out = ''
  let at = 0
  for (const match of text.matchAll(WORD)) {
    const start = match.index
    out += escapeHtml(text.slice(at, start))
    out += isMatch(match[0]) ? `<mark>${escapeHtml(match[0])}</mark>` : escapeHtml(match[0])
    at = start + match[0].length
  }
  return out + escapeHtml(text.slice(at))
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
  const isMatch = matcherOf(stems)
  // The passage is looked for in the text's first part: a snippet from further down adds little.
  const scanned = text.slice(0, MAX_SCANNED)
  // The words' places, and `before[i]`: the matches among the first i words.
  const starts: number[] = []
  const ends: number[] = []
  const before: number[] = [0]
  const words = new RegExp(WORD)
  for (let match = words.exec(scanned); match; match = words.exec(scanned)) {
    starts.push(match.index)
    ends.push(match.index + match[0].length)
    before.push(before.at(-1)! + (isMatch(match[0]) ? 1 : 0))
  }
  const count = starts.length
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
    const found = before[Math.min(count, start + maxWords)]! - before[start]!
    if (found > bestCount) {
      best = start
      bestCount = found
    }
  }
  const last = Math.min(count, best + maxWords) - 1
  const from = best === 0 ? 0 : starts[best]!
  const to = last === count - 1 ? scanned.length : ends[last]!
  const passage = text.slice(from, to).replace(/\s+/g, ' ').trim()
  return `${from > 0 ? '… ' : ''}${markWords(passage, stems)}${to < text.length ? ' …' : ''}`
}
