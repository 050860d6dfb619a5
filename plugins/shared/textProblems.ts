/**
 * Text that PostgreSQL cannot store: NUL (refused in text and in jsonb as `\u0000`) and lone
 * UTF-16 surrogates (refused in jsonb as `\ud800`; in text they would silently become U+FFFD).
 */
export type TextProblem = 'nul' | 'surrogate'

/** In a `u` regular expression a well-formed surrogate pair is one code point: only lone halves match. */
const LONE_SURROGATE = /\p{Surrogate}/u

export const textProblemOf = (text: string): TextProblem | undefined => {
  if (text.includes('\u0000')) {
    return 'nul'
  }
  return LONE_SURROGATE.test(text) ? 'surrogate' : undefined
}

export type FoundTextProblem = {
  /** Where in the value: `answers.q1`, `items[2]`; a key's own problem names the key's place. */
  path: string
  problem: TextProblem
}

const join = (path: string, key: number | string) =>
  typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key

/**
 * The first string (key or value) in a parsed JSON value that PostgreSQL cannot store.
 * Iterative, so a deeply nested body cannot overflow the stack.
 */
export const findTextProblem = (value: unknown, rootPath = ''): FoundTextProblem | undefined => {
  const stack: { path: string; value: unknown }[] = [{ path: rootPath, value }]
  while (stack.length) {
    const { path, value: current } = stack.pop()!
    if (typeof current === 'string') {
      const problem = textProblemOf(current)
      if (problem) {
        return { path, problem }
      }
    } else if (Array.isArray(current)) {
      current.forEach((item, index) => stack.push({ path: join(path, index), value: item }))
    } else if (current && typeof current === 'object') {
      for (const [key, item] of Object.entries(current)) {
        const keyProblem = textProblemOf(key)
        if (keyProblem) {
          return { path: join(path, key), problem: keyProblem }
        }
        stack.push({ path: join(path, key), value: item })
      }
    }
  }
  return undefined
}
