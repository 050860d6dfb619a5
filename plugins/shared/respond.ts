/**
 * How a plugin's endpoint refuses a request, and the request's texts typed by the plugin's keys.
 */
import type { PayloadRequest } from 'payload'

/** A text of a plugin in the request's language, by the plugin's own keys. */
export type Translate<Key extends string> = (key: Key, vars?: Record<string, unknown>) => string

/**
 * `req.t` (or an admin component's `i18n.t`) for a plugin's keys (`translatorOf<CommentsTranslationKey>(req)`). Payload types `t`
 * by its own keys only; the plugins merge theirs into the same i18n (withTranslations), so any
 * string key is a valid argument, and a plugin's key type keeps typos out.
 */
export const translatorOf = <Key extends string>(
  source: Pick<PayloadRequest, 't'> | { t: (...args: never[]) => string },
): Translate<Key> => source.t as Translate<string>

/**
 * A refusal in Payload's error shape (`{ errors: [{ message }] }`) with a message a person can
 * act on. Never stored by a cache: it answers this request only (and a 4xx kept by a browser or
 * proxy would outlive the reason for it).
 */
export const fail = (status: number, message: string, headers: Record<string, string> = {}) =>
  Response.json(
    { errors: [{ message }] },
    { headers: { 'Cache-Control': 'no-store', ...headers }, status },
  )
