import { de } from './de'
import { en } from './en'

export const translations = { de, en }

export type CommentsTranslationKey = `plugin-comments:${keyof (typeof de)['plugin-comments']}`
