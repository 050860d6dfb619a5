import type { RegistrationTranslationKey, translations } from '../../translations'

import { useTranslation } from '@payloadcms/ui'

type Translations = (typeof translations)['de']

/** Payload's translation hook, typed with the plugin's texts (translations/de.ts, en.ts). */
export const useRegistrationTranslation = () =>
  useTranslation<Translations, RegistrationTranslationKey>()

export type Translate = ReturnType<typeof useRegistrationTranslation>['t']
