/**
 * pg_trgm's `similarity` and `word_similarity` (contrib/pg_trgm/trgm_op.c) for folded texts
 * of ASCII words, computed the way PostgreSQL does, so that the visitors' tolerant search can
 * be answered from memory with the database's figures (float4 and all).
 *
 * A word is a run of letters and digits; each is lowercased, padded with two blanks before and
 * one after, and cut into trigrams ("  a", " ab", "abc", "bc "). A trigram of three ASCII
 * characters is kept as one number. Letters beyond ASCII are where PostgreSQL's answer depends
 * on the database's locale (a letter, or a separator): `hasOtherLetters` says when a text has
 * any, and then the database answers.
 */

/** `pg_trgm.word_similarity_threshold`'s default, a float4 compared as a double. */
export const WORD_SIMILARITY_THRESHOLD = Math.fround(0.6)

const OTHER_LETTER = /(?![\0-\x7f])[\p{L}\p{N}]/u

/** Whether `text` has a letter or digit beyond ASCII (see above). */
export const hasOtherLetters = (text: string): boolean => OTHER_LETTER.test(text)

/** Whether a code of the lowercased text is an ASCII letter or digit (a word is a run of them). */
const isWordCode = (code: number) => (code >= 97 && code <= 122) || (code >= 48 && code <= 57)

const BLANK = 32

/**
 * The trigrams of `text` in order, repeated ones included (`generate_trgm_only`): of each
 * word padded with two blanks before and one after. Scanned by hand: the tolerant search
 * cuts hundreds of titles per query, and a match and a padded string per word were most of
 * its garbage.
 */
export const trigramsOf = (text: string): number[] => {
  const lower = text.toLowerCase()
  const trigrams: number[] = []
  const length = lower.length
  for (let at = 0; at < length;) {
    if (!isWordCode(lower.charCodeAt(at))) {
      at++
      continue
    }
    let before = BLANK
    let last = BLANK
    for (; at < length; at++) {
      const code = lower.charCodeAt(at)
      if (!isWordCode(code)) {
        break
      }
      trigrams.push((before << 16) | (last << 8) | code)
      before = last
      last = code
    }
    trigrams.push((before << 16) | (last << 8) | BLANK)
  }
  return trigrams
}

/** Each trigram once, ascending (`generate_trgm`). */
export const uniqueTrigrams = (trigrams: number[]): Int32Array => {
  const sorted = Int32Array.from(trigrams).sort()
  let size = 0
  for (let at = 0; at < sorted.length; at++) {
    if (!size || sorted[at] !== sorted[size - 1]) {
      sorted[size++] = sorted[at]!
    }
  }
  return sorted.subarray(0, size)
}

/** `CALCSML`: a float4 quotient. */
const similarityOf = (count: number, length1: number, length2: number) =>
  Math.fround(count / (length1 + length2 - count))

/** `similarity(a, b)` from both texts' unique trigrams (`cnt_sml`). */
export const similarity = (a: Int32Array, b: Int32Array): number => {
  if (!a.length || !b.length) {
    return 0
  }
  let count = 0
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i]! < b[j]!) {
      i++
    } else if (a[i]! > b[j]!) {
      j++
    } else {
      i++
      j++
      count++
    }
  }
  return similarityOf(count, a.length, b.length)
}

/**
 * `word_similarity(query, text)` (`calc_word_similarity` and `iterate_word_similarity`
 * without flags): the greatest similarity between the query's trigrams and a continuous
 * stretch of the text's, found the way PostgreSQL's iteration finds it.
 */
export const wordSimilarity = (query: Int32Array, text: number[]): number => {
  // Each distinct trigram numbered; `found`: whether the query has it.
  const numbers = new Map<number, number>()
  const found: boolean[] = []
  for (const trigram of query) {
    if (!numbers.has(trigram)) {
      numbers.set(trigram, found.push(true) - 1)
    }
  }
  const queryLength = found.length
  const indexes = new Int32Array(text.length)
  text.forEach((trigram, at) => {
    let number = numbers.get(trigram)
    if (number === undefined) {
      number = found.push(false) - 1
      numbers.set(trigram, number)
    }
    indexes[at] = number
  })

  const lastPosition = new Int32Array(found.length).fill(-1)
  let textLength = 0
  let count = 0
  let upper = -1
  let lower = -1
  let best = 0
  for (let at = 0; at < indexes.length; at++) {
    const index = indexes[at]!
    if (lower >= 0 || found[index]) {
      if (lastPosition[index]! < 0) {
        textLength++
        if (found[index]) {
          count++
        }
      }
      lastPosition[index] = at
    }
    if (!found[index]) {
      continue
    }
    upper = at
    if (lower === -1) {
      lower = at
      textLength = 1
    }
    let current = similarityOf(count, queryLength, textLength)
    // Try later lower bounds for a greater similarity.
    let tryCount = count
    let tryLength = textLength
    const previousLower = lower
    for (let tryLower = lower; tryLower <= upper; tryLower++) {
      const tried = similarityOf(tryCount, queryLength, tryLength)
      if (tried > current) {
        current = tried
        textLength = tryLength
        lower = tryLower
        count = tryCount
      }
      const tryIndex = indexes[tryLower]!
      if (lastPosition[tryIndex] === tryLower) {
        tryLength--
        if (found[tryIndex]) {
          tryCount--
        }
      }
    }
    best = Math.max(best, current)
    for (let dropped = previousLower; dropped < lower; dropped++) {
      const droppedIndex = indexes[dropped]!
      if (lastPosition[droppedIndex] === dropped) {
        lastPosition[droppedIndex] = -1
      }
    }
  }
  return best
}
