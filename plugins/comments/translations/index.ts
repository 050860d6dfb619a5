import {
  interpolate,
  type MailLanguage,
  textFromConfig,
} from '@quartiersnetz/plugin-kit/mailLanguage'
import { de } from './de'
import { en } from './en'

export const translations = { de, en }

type Texts = (typeof de)['plugin-comments']

export type CommentsTranslationKey = `plugin-comments:${keyof Texts}`

/**
 * A text in a given language (mails use the recipient's, plugins/shared/mailLanguage.ts): the
 * host's wording when its config has one (host translations win), else the plugin's.
 */
export const translate = (
  language: MailLanguage,
  key: CommentsTranslationKey,
  vars: Record<string, unknown> = {},
  config?: { i18n?: { translations?: unknown } },
) => {
  const name = key.slice('plugin-comments:'.length) as keyof Texts
  return interpolate(
    textFromConfig(config, language, 'plugin-comments', name) ??
      translations[language]['plugin-comments'][name],
    vars,
  )
}
