/**
 * Messages about a visitor's input that a person can act on, in the request's language, for
 * the plugins' public endpoints: which field (in words, not keys), what is wrong with it.
 * zod's own messages are written for developers ("Invalid input: expected string, received
 * undefined"); these are written for the people filling in a form, and widgets show each next
 * to its field (`data.errors[].path`).
 */
import type { PayloadRequest } from 'payload'
import type { core } from 'zod'

export type Language = 'de' | 'en'
export type LocalizedText = { de: string; en: string }

/** The plugins' messages are German unless the request's language is English. */
export const languageOf = (req: Pick<PayloadRequest, 'i18n'> | undefined): Language =>
  req?.i18n?.language === 'en' ? 'en' : 'de'

/** The words for a form's fields, keyed by the field's path (`email`, `answers.diet`). */
export type FieldLabels = Record<string, LocalizedText>

export type FieldError = { message: string; path: string }

/** A long list of unknown keys is named by its first few. */
const MAX_NAMED = 5

/** Keys a client sent, for a message: the first few, then how many more (1,000 keys stay short). */
export const namedKeys = (keys: string[], language: Language) => {
  // Quoted: a key of blanks or signs (a raw "&" in an address splits it) stays readable.
  const named = keys
    .slice(0, MAX_NAMED)
    .map((key) => (language === 'de' ? `„${key.slice(0, 40)}“` : `"${key.slice(0, 40)}"`))
    .join(', ')
  const more = keys.length - MAX_NAMED
  return more > 0
    ? `${named} ${language === 'de' ? `und ${more} weitere` : `and ${more} more`}`
    : named
}

/** The values a field takes, so that a client can correct itself (at most 16 named). */
const namedValues = (values: readonly unknown[], language: Language) => {
  const named = values.slice(0, 16).map(String).join(', ')
  const more = values.length - 16
  return more > 0
    ? `${named} ${language === 'de' ? `und ${more} weitere` : `and ${more} more`}`
    : named
}

const labelOf = (path: string, labels: FieldLabels, language: Language) =>
  labels[path]?.[language] ?? path

const messageOf = (issue: core.$ZodIssue, label: string, language: Language): string => {
  const de = language === 'de'
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? de
          ? `Bitte geben Sie „${label}“ an.`
          : `Please fill in "${label}".`
        : de
          ? `„${label}“ hat die falsche Form (erwartet: ${expectedWords(issue.expected, language)}).`
          : `"${label}" has the wrong form (expected: ${expectedWords(issue.expected, language)}).`
    case 'too_small':
      if (issue.origin === 'number') {
        return de
          ? `„${label}“ muss mindestens ${issue.minimum} sein.`
          : `"${label}" must be at least ${issue.minimum}.`
      }
      return Number(issue.minimum) <= 1
        ? de
          ? `Bitte geben Sie „${label}“ an.`
          : `Please fill in "${label}".`
        : de
          ? `„${label}“ ist zu kurz (mindestens ${issue.minimum} Zeichen).`
          : `"${label}" is too short (at least ${issue.minimum} characters).`
    case 'too_big':
      if (issue.origin === 'number') {
        return de
          ? `„${label}“ darf höchstens ${issue.maximum} sein.`
          : `"${label}" must be at most ${issue.maximum}.`
      }
      return de
        ? `„${label}“ ist zu lang (höchstens ${issue.maximum} Zeichen).`
        : `"${label}" is too long (at most ${issue.maximum} characters).`
    case 'invalid_format':
      return issue.format === 'email'
        ? de
          ? `Bitte geben Sie bei „${label}“ eine gültige E-Mail-Adresse an.`
          : `Please enter a valid e-mail address in "${label}".`
        : de
          ? `„${label}“ hat nicht das erwartete Format.`
          : `"${label}" is not in the expected format.`
    case 'invalid_value':
      return de
        ? `„${label}“ hat keinen der zulässigen Werte (möglich: ${namedValues(issue.values, language)}).`
        : `"${label}" is not one of the allowed values (possible: ${namedValues(issue.values, language)}).`
    case 'unrecognized_keys':
      return de
        ? `${issue.keys.length === 1 ? 'Unbekannte Angabe' : 'Unbekannte Angaben'}: ${namedKeys(issue.keys, language)}.`
        : `${issue.keys.length === 1 ? 'Unknown field' : 'Unknown fields'}: ${namedKeys(issue.keys, language)}.`
    default:
      return de ? `„${label}“ ist ungültig.` : `"${label}" is invalid.`
  }
}

const EXPECTED: Record<string, LocalizedText> = {
  array: { de: 'eine Liste', en: 'a list' },
  boolean: { de: 'ja oder nein', en: 'true or false' },
  int: { de: 'eine ganze Zahl', en: 'a whole number' },
  number: { de: 'eine Zahl', en: 'a number' },
  object: { de: 'ein Objekt', en: 'an object' },
  // z.record: an object of names and values (the answers to an event's questions).
  record: { de: 'ein Objekt', en: 'an object' },
  string: { de: 'Text', en: 'text' },
}

const expectedWords = (expected: string, language: Language) =>
  EXPECTED[expected]?.[language] ?? expected

/** One message per field (the first issue of each), unknown keys as one entry. */
export const describeIssues = (
  issues: readonly core.$ZodIssue[],
  labels: FieldLabels,
  language: Language,
): FieldError[] => {
  const errors: FieldError[] = []
  const seen = new Set<string>()
  for (const issue of issues) {
    const path = issue.path.map(String).join('.')
    if (seen.has(path)) {
      continue
    }
    seen.add(path)
    errors.push({ message: messageOf(issue, labelOf(path, labels, language), language), path })
  }
  return errors
}

/** The field errors as one sentence, for clients that show only `message`. */
export const summaryOf = (errors: FieldError[]) => errors.map((error) => error.message).join(' ')

/** A 400 in Payload's error shape, with each field's message in `data.errors` for forms, as plain data. */
export const invalidFieldsAnswer = (message: string, errors: FieldError[]) => ({
  body: { errors: [{ data: { errors }, message, name: 'ValidationError' }] },
  headers: { 'Cache-Control': 'no-store' },
  status: 400,
})

/** `invalidFieldsAnswer` as the Fetch Response an endpoint returns. */
export const invalidFields = (message: string, errors: FieldError[]) => {
  const { body, headers, status } = invalidFieldsAnswer(message, errors)
  return Response.json(body, { headers, status })
}

/** Longest page address a widget may send as `returnUrl`. */
export const RETURN_URL_MAX_LENGTH = 2000

/** How a widget's `returnUrl` is named in messages. */
export const RETURN_URL_LABEL: LocalizedText = {
  de: 'Adresse der Seite (returnUrl)',
  en: 'Page address (returnUrl)',
}

/**
 * The page a widget was embedded in (`returnUrl`), for the way back from the pages that mail
 * links open: an http(s) address of at most 2,000 characters, without credentials, on one of
 * `origins` (the server's own and the member sites'). Anything else would turn our page into
 * a link to wherever a sender wants, so it is refused, naming the field. No value: no link.
 */
export const checkReturnUrl = ({
  language,
  origins,
  value,
}: {
  language: Language
  origins: readonly string[]
  value: null | string | undefined
}): { error: FieldError } | { url: null | string } => {
  if (value === undefined || value === null || value.trim() === '') {
    return { url: null }
  }
  let url: URL | undefined
  try {
    url = new URL(value.trim())
  } catch {
    url = undefined
  }
  const isAllowed =
    url !== undefined &&
    value.length <= RETURN_URL_MAX_LENGTH &&
    url.href.length <= RETURN_URL_MAX_LENGTH &&
    (url.protocol === 'https:' || url.protocol === 'http:') &&
    !url.username &&
    !url.password &&
    origins.includes(url.origin)
  if (isAllowed) {
    return { url: url!.href }
  }
  const label = RETURN_URL_LABEL[language]
  const message =
    language === 'de'
      ? `„${label}“ muss die http- oder https-Adresse (höchstens ${RETURN_URL_MAX_LENGTH} Zeichen) einer Website sein, die dieses Formular einbinden darf.`
      : `"${label}" must be the http or https address (at most ${RETURN_URL_MAX_LENGTH} characters) of a website allowed to embed this form.`
  return { error: { message, path: 'returnUrl' } }
}
