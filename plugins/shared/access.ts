/**
 * Access that grants on `true` only.
 *
 * Payload treats a `Where` from a collection's access as "allowed, for the documents that match"
 * and any truthy answer from field access as "allowed". A rule like `canModerate` is meant as a
 * yes or no for the whole plugin; if a host answers it with a query (or, from plain JavaScript, a
 * truthy string), using it as is would grant field access, or plugin-wide actions, to everyone
 * the query names. Wrapped here, only an explicit `true` grants.
 */
import type { PayloadRequest } from 'payload'

/** Whether an access answer grants outright: exactly `true`, nothing merely truthy. */
export const isTrue = (answer: unknown): answer is true => answer === true

/** The part of every access function's arguments a yes-or-no rule about the user needs. */
type AccessArgsBase = { req: PayloadRequest }

/**
 * `predicate` (e.g. a plugin's `canModerate`) as access that grants only when it answers
 * `true`; usable as collection access and as field access alike. It is called with the
 * arguments the access is called with, unchanged.
 */
export const grantsOnlyTrue =
  (predicate: (args: AccessArgsBase) => unknown) =>
  async (args: AccessArgsBase): Promise<boolean> =>
    isTrue(await predicate(args))
