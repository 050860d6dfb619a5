import { interpolate, type MailLanguage } from '../../shared/mailLanguage'
import { de } from './de'
import { en } from './en'

export { type MailLanguage, mailLanguageOf } from '../../shared/mailLanguage'

export const translations = { de, en }

type Texts = (typeof de)['plugin-event-registration']

export type RegistrationTranslationKey = `plugin-event-registration:${keyof Texts}`

/** A text in a given language (mails use the registrant's, plugins/shared/mailLanguage.ts). */
export const translate = (language: MailLanguage, key: RegistrationTranslationKey, vars: Record<string, unknown> = {}) =>
  interpolate(translations[language]['plugin-event-registration'][key.slice('plugin-event-registration:'.length) as keyof Texts], vars)
