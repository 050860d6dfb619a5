import { interpolate, type MailLanguage } from '../../shared/mailLanguage'
import { de } from './de'
import { en } from './en'

export const translations = { de, en }

type Texts = (typeof de)['plugin-comments']

export type CommentsTranslationKey = `plugin-comments:${keyof Texts}`

/** A text in a given language (mails use the commenter's, plugins/shared/mailLanguage.ts). */
export const translate = (language: MailLanguage, key: CommentsTranslationKey, vars: Record<string, unknown> = {}) =>
  interpolate(translations[language]['plugin-comments'][key.slice('plugin-comments:'.length) as keyof Texts], vars)
