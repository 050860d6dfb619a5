import {
  interpolate,
  type MailLanguage,
  textFromConfig,
} from '@quartiersnetz/plugin-kit/mailLanguage'
import { de } from './de'
import { en } from './en'

export { type MailLanguage, mailLanguageOf } from '@quartiersnetz/plugin-kit/mailLanguage'

export const translations = { de, en }

type Texts = (typeof de)['plugin-event-registration']

export type RegistrationTranslationKey = `plugin-event-registration:${keyof Texts}`

/**
 * A text in a given language (mails use the recipient's, plugins/shared/mailLanguage.ts): the
 * host's wording when its config has one (host translations win), else the plugin's.
 */
export const translate = (
  language: MailLanguage,
  key: RegistrationTranslationKey,
  vars: Record<string, unknown> = {},
  config?: { i18n?: { translations?: unknown } },
) => {
  const name = key.slice('plugin-event-registration:'.length) as keyof Texts
  return interpolate(
    textFromConfig(config, language, 'plugin-event-registration', name) ??
      translations[language]['plugin-event-registration'][name],
    vars,
  )
}
