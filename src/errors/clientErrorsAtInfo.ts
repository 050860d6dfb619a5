/**
 * What answerHonestly.ts answers 400 was the client's input (a value the database refuses, such
 * as `/api/modules/abc`; a `where` that is no JSON), yet Payload logs it before that hook runs,
 * as an error with the whole failed SQL statement: dozens of lines per refused request, and the
 * server's real errors drown in them. This hook of the logger (pino's `logMethod`) writes such
 * an entry at info, in one line with what the database said, as Payload logs its own refusals
 * (`loggingLevels`). The same for Payload's own errors that carry a 4xx: a request without
 * sign-in to a route that needs one (UnauthorizedError, which `loggingLevels` can't name) was an
 * error with a stack of twenty lines, for any anonymous client that asks. Everything else keeps
 * its level: a database that can't be reached (503) is still an error.
 */
import { chainOf, classifyError } from './classifyError'

const ERROR_LEVEL = 50
/** Enough of the database's message to see what was refused, not a whole statement. */
const MAX_MESSAGE_LENGTH = 300

type Logger = { info: (entry: { msg: string }) => void }

/** The innermost message of what the error wraps (the database's own words, not drizzle's SQL). */
const innermostMessage = (err: unknown): string => {
  const messages = chainOf(err)
    .map((link) => (link as { message?: unknown }).message)
    .filter((message): message is string => typeof message === 'string' && message !== '')
  return (messages.at(-1) ?? 'invalid input').replace(/\s+/g, ' ').slice(0, MAX_MESSAGE_LENGTH)
}

/** The 4xx status Payload's error (an APIError) answers with, if it is one. */
const clientStatusOf = (err: unknown): number | undefined => {
  const status = (err as { status?: unknown }).status
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined
}

export function clientErrorsAtInfo(
  this: Logger,
  args: unknown[],
  method: (...args: unknown[]) => void,
  level: number,
): void {
  const [entry] = args
  const err = entry && typeof entry === 'object' ? (entry as { err?: unknown }).err : undefined
  if (level >= ERROR_LEVEL && err) {
    if (classifyError(err) === 'bad-input') {
      this.info({ msg: `Refused input (400): ${innermostMessage(err)}` })
      return
    }
    const status = clientStatusOf(err)
    if (status) {
      this.info({ msg: `Refused (${status}): ${innermostMessage(err)}` })
      return
    }
  }
  method.apply(this, args)
}
