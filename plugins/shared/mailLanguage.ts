/**
 * Mails to visitors are written in the language they used when they wrote to us (German
 * unless their client asked for English), stored with their record — not in the language of
 * whoever later causes a mail (an organiser in an English admin, a scheduled task).
 */
export type MailLanguage = 'de' | 'en'

/** The language a client asked for (Payload's i18n from Accept-Language): German unless English. */
export const mailLanguageOf = (language: unknown): MailLanguage => (language === 'en' ? 'en' : 'de')

/** Fills {{variables}} as Payload's i18n does. */
export const interpolate = (text: string, vars: Record<string, unknown> = {}) =>
  text.replace(/{{(\w+)}}/g, (_match, name: string) => String(vars[name] ?? ''))

/** A `language` select for a plugin's collection: written by the plugin only, set from the request. */
export const languageField = {
  name: 'language',
  type: 'select' as const,
  access: { create: () => false, update: () => false },
  admin: {
    description: {
      de: 'In dieser Sprache erhält die Person alle E-Mails.',
      en: 'The language of every mail to this person.',
    },
    readOnly: true,
  },
  defaultValue: 'de',
  label: { de: 'Sprache', en: 'Language' },
  options: [
    { label: 'Deutsch', value: 'de' },
    { label: 'English', value: 'en' },
  ],
}

type TextTree = Record<string, Record<string, Record<string, unknown> | undefined> | undefined>

/**
 * A text of a plugin's namespace in a given language (not necessarily the request's: mails go
 * out in the recipient's), as the host's config has it: the plugin merged its texts there with
 * the host's winning, so a network's rewording reaches mails and link pages too.
 */
export const textFromConfig = (
  config: { i18n?: { translations?: unknown } } | undefined,
  language: MailLanguage,
  namespace: string,
  key: string,
): string | undefined => {
  const text = (config?.i18n?.translations as TextTree | undefined)?.[language]?.[namespace]?.[key]
  return typeof text === 'string' ? text : undefined
}
