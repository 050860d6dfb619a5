/**
 * The widgets' texts, German first (the public sector's "Sie"), English when the element or
 * the page says `lang="en"`. Texts that come from the server (its messages, titles, labels)
 * are already in the language the request asked for (Accept-Language).
 */
export type Language = 'de' | 'en'

const de = {
  anonymous: 'Gast',
  apply: 'Anwenden',
  backToTop: 'Nach oben',
  busy: 'Gerade gehen sehr viele Anfragen ein. Bitte versuchen Sie es in einigen Sekunden noch einmal.',
  close: 'Schließen',
  loading: 'Wird geladen …',
  networkError:
    'Der Dienst ist gerade nicht erreichbar. Bitte prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
  notFound:
    'Dieser Inhalt wurde nicht gefunden. Vielleicht wurde er verschoben oder noch nicht veröffentlicht.',
  required: 'Pflichtfeld',
  retry: 'Erneut versuchen',
  sending: 'Wird gesendet …',
  unexpected: 'Das hat nicht geklappt. Bitte versuchen Sie es erneut.',
}

export type TextKey = keyof typeof de

const en: Record<TextKey, string> = {
  anonymous: 'Guest',
  apply: 'Apply',
  backToTop: 'Back to top',
  busy: 'Very many requests are arriving right now. Please try again in a few seconds.',
  close: 'Close',
  loading: 'Loading …',
  networkError:
    'The service cannot be reached right now. Please check your connection and try again.',
  notFound: 'This content was not found. It may have moved or not be published yet.',
  required: 'required',
  retry: 'Try again',
  sending: 'Sending …',
  unexpected: 'That did not work. Please try again.',
}

export const sharedTexts: Record<Language, Record<TextKey, string>> = { de, en }

/** The language an element speaks: its own `lang`, the nearest ancestor's, the page's; German by default. */
export const languageOf = (element: Element): Language => {
  const lang =
    element.closest('[lang]')?.getAttribute('lang') ??
    element.ownerDocument.documentElement.lang ??
    ''
  return lang.toLowerCase().startsWith('en') ? 'en' : 'de'
}

/** Fills `{name}` placeholders. */
export const fill = (text: string, vars: Record<string, number | string> = {}) =>
  text.replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match))
