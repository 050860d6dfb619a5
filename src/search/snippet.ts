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

/** Whether a word matches a stem; each distinct word is looked at once per text. */
const matcherOf = (stems: string[]) => {
  const known = new Map<string, boolean>()
  return (word: string) => {
    let isMatch = known.get(word)
    if (isMatch === undefined) {
      const form = formOf(word)
      isMatch = stems.some(
        (stem) =>
          stem.length > 0 && form.startsWith(stem) && form.length - stem.length <= MAX_SUFFIX,
      )
      known.set(word, isMatch)
    }
    return isMatch
  }
}

type Word = { end: number; isMatch: boolean; start: number }

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
  const words: Word[] = [...scanned.matchAll(WORD)].map((match) => ({
    end: match.index + match[0].length,
    isMatch: isMatch(match[0]),
    start: match.index,
  }))
  if (!words.length) {
    return ''
  }
  // The window with the most matches (the first such), starting a few words before a match.
  // (`before[i]`: the matches among the first i words.)
  const before = new Int32Array(words.length + 1)
  words.forEach((word, index) => {
    before[index + 1] = before[index]! + (word.isMatch ? 1 : 0)
  })
  let best = 0
  let bestCount = 0
  for (let first = 0; first < words.length; first++) {
    if (!words[first]!.isMatch) {
      continue
    }
    const start = Math.max(0, first - CONTEXT_BEFORE)
    const count = before[Math.min(words.length, start + maxWords)]! - before[start]!
    if (count > bestCount) {
      best = start
      bestCount = count
    }
  }
  const last = Math.min(words.length, best + maxWords) - 1
  const from = best === 0 ? 0 : words[best]!.start
  const to = last === words.length - 1 ? scanned.length : words[last]!.end
  const passage = text.slice(from, to).replace(/\s+/g, ' ').trim()
  return `${from > 0 ? '… ' : ''}${markWords(passage, stems)}${to < text.length ? ' …' : ''}`
}
