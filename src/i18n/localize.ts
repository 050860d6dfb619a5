import type { PayloadRequest } from 'payload'

export type LocalizedText = { de: string; en: string }

/**
 * Picks the German or English text for a message a person will read. Payload chooses the
 * request's language from the user's setting or Accept-Language; German is the default.
 */
export const localize = (
  req: Pick<PayloadRequest, 'i18n'> | undefined,
  text: LocalizedText,
): string => (req?.i18n?.language === 'en' ? text.en : text.de)

/** Fills `{name}` placeholders of a text: `fill('{count} Treffer', { count: 3 })`. */
export const fill = (text: string, values: Record<string, number | string>) =>
  text.replace(/\{(\w+)\}/g, (match, key: string) => (key in values ? String(values[key]) : match))
