import { de } from './de'
import { en } from './en'

export const translations = { de, en }

export type RegistrationTranslationKey = `plugin-event-registration:${keyof (typeof de)['plugin-event-registration']}`
