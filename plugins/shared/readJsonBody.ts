import type { PayloadRequest } from 'payload'

import { type Language, languageOf } from './publicInput'
import { findTextProblem } from './textProblems'

export type JsonBodyResult =
  | { error: 'empty' | 'invalid-json' | 'too-large'; ok: false }
  /** Answer these with `status` and `message` (already in the request's language). */
  | { error: 'invalid-text' | 'unsupported-type'; message: string; ok: false; status: 400 | 415 }
  | { ok: true; value: unknown }

const mediaTypeOf = (req: PayloadRequest) =>
  (req.headers.get('content-type') ?? '').split(';', 1)[0]!.trim().toLowerCase()

/** Whether a public write came as JSON (only then may it have been sent across sites by CORS rules). */
export const isJsonRequest = (req: PayloadRequest) => mediaTypeOf(req) === 'application/json'

/** The 415 message for a public write that didn't come as JSON. */
export const unsupportedTypeMessage = (req: PayloadRequest) =>
  unsupportedType(mediaTypeOf(req), languageOf(req))

const unsupportedType = (type: string, language: Language) =>
  language === 'de'
    ? `Bitte senden Sie die Angaben als JSON (Content-Type: application/json), nicht als ${type || 'Inhalt ohne Typ'}.`
    : `Please send the data as JSON (Content-Type: application/json), not as ${type || 'content without a type'}.`

const invalidText = (path: string, problem: 'nul' | 'surrogate', language: Language) => {
  const field = path
    ? language === 'de'
      ? `Das Feld „${path}“`
      : `The field "${path}"`
    : language === 'de'
      ? 'Die Eingabe'
      : 'The input'
  if (problem === 'nul') {
    return language === 'de'
      ? `${field} enthält ein Nullzeichen (\\u0000), das nicht gespeichert werden kann. Bitte entfernen Sie es.`
      : `${field} contains a NUL character (\\u0000), which can't be stored. Please remove it.`
  }
  return language === 'de'
    ? `${field} enthält ein ungültiges Unicode-Zeichen (ein einzelnes UTF-16-Surrogat). Bitte senden Sie gültigen Text.`
    : `${field} contains an invalid Unicode character (a lone UTF-16 surrogate). Please send valid text.`
}

/**
 * Reads a small JSON body of a public write with a hard size limit (checked on the declared
 * length and on what actually arrives), so a public endpoint never buffers more than it needs.
 * Only `application/json` is read: a body of another type needs no CORS preflight, so any
 * website could make a visitor's browser send it (415). Text PostgreSQL can't store (NUL, lone
 * surrogates) is refused here, for every field at once (400).
 */
export const readJsonBody = async (
  req: PayloadRequest,
  maxBytes: number,
): Promise<JsonBodyResult> => {
  const language = languageOf(req)
  if (!isJsonRequest(req)) {
    return {
      error: 'unsupported-type',
      message: unsupportedTypeMessage(req),
      ok: false,
      status: 415,
    }
  }
  const declared = Number(req.headers.get('content-length') ?? 'NaN')
  if (Number.isFinite(declared) && declared > maxBytes) {
    return { error: 'too-large', ok: false }
  }
  if (!req.text) {
    return { error: 'empty', ok: false }
  }
  const text = await req.text()
  if (Buffer.byteLength(text) > maxBytes) {
    return { error: 'too-large', ok: false }
  }
  if (!text.trim()) {
    return { error: 'empty', ok: false }
  }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return { error: 'invalid-json', ok: false }
  }
  const problem = findTextProblem(value)
  if (problem) {
    return {
      error: 'invalid-text',
      message: invalidText(problem.path, problem.problem, language),
      ok: false,
      status: 400,
    }
  }
  return { ok: true, value }
}
