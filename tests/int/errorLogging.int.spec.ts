/**
 * The logger's hook (src/errors/clientErrorsAtInfo.ts): an error entry whose error was the
 * client's input (what answerHonestly.ts answers 400) or a refusal of Payload's with a 4xx is
 * written at info in one line; every other entry keeps its level and its whole error.
 */
import { APIError, Forbidden, UnauthorizedError } from 'payload'
import { describe, expect, it } from 'vitest'

import { clientErrorsAtInfo } from '../../src/errors/clientErrorsAtInfo'

const ERROR = 50
const WARN = 40

/** What drizzle throws for a value PostgreSQL refuses: its SQL, the database's error as cause. */
const failedQuery = (code: string, message: string) =>
  Object.assign(new Error(`Failed query: select "modules"."id" from "modules" where …`), {
    cause: Object.assign(new Error(message), { code }),
    name: 'DrizzleQueryError',
  })

const log = (entry: unknown, level: number) => {
  const info: unknown[] = []
  const passed: unknown[][] = []
  clientErrorsAtInfo.call(
    { info: (line: unknown) => info.push(line) },
    [entry],
    (...args: unknown[]) => passed.push(args),
    level,
  )
  return { info, passed }
}

describe('error entries of refused client input', () => {
  it('should write a value the database refuses at info, with the database’s words only', () => {
    const err = failedQuery('22P02', 'invalid input syntax for type integer: "abc"')
    expect(log({ err }, ERROR)).toEqual({
      info: [{ msg: 'Refused input (400): invalid input syntax for type integer: "abc"' }],
      passed: [],
    })
  })

  it('should write a where that is no JSON at info', () => {
    let err: unknown
    try {
      JSON.parse('foo')
    } catch (caught) {
      err = caught
    }
    expect(log({ err }, ERROR).info).toEqual([
      { msg: expect.stringMatching(/^Refused input \(400\): Unexpected token/) },
    ])
  })

  it("should write Payload's refusals with a 4xx (no sign-in, no permission) at info", () => {
    expect(log({ err: new UnauthorizedError() }, ERROR)).toEqual({
      info: [{ msg: 'Refused (401): Unauthorized, you must be logged in to make this request.' }],
      passed: [],
    })
    expect(log({ err: new Forbidden() }, ERROR).info).toEqual([
      { msg: expect.stringMatching(/^Refused \(403\): /) },
    ])
    // A 5xx Payload raises stays an error, with its stack.
    const failed = { err: new APIError('Something broke', 500) }
    expect(log(failed, ERROR)).toEqual({ info: [], passed: [[failed]] })
  })

  it('should keep a database that cannot be reached, an unexpected error and other levels as they are', () => {
    const unreachable = { err: failedQuery('08006', 'connection failure') }
    expect(log(unreachable, ERROR)).toEqual({ info: [], passed: [[unreachable]] })
    const unexpected = { err: new TypeError('x is not a function') }
    expect(log(unexpected, ERROR)).toEqual({ info: [], passed: [[unexpected]] })
    const warning = { err: failedQuery('22P02', 'invalid input syntax') }
    expect(log(warning, WARN)).toEqual({ info: [], passed: [[warning]] })
    expect(log('a plain message', ERROR)).toEqual({ info: [], passed: [['a plain message']] })
  })
})
