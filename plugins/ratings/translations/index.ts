import { de } from './de'
import { en } from './en'

export const translations = { de, en }

export type RatingsTranslationKey = `plugin-ratings:${keyof (typeof de)['plugin-ratings']}`
