/**
 * The code member-city websites paste to show a document with the visitor widgets
 * (widgets/, served at /widgets/v1/quartiersnetz.js). Pure, so the admin box and anything else
 * that shows a snippet build the same text.
 */

export type EmbedKind = 'event' | 'event-series' | 'module' | 'municipality'

export type SnippetKey = 'comments' | 'events' | 'feed' | 'module' | 'rating' | 'registration'

export type Snippet = {
  code: string
  key: SnippetKey
  /** A calendar address to subscribe to, not HTML to paste. */
  isUrl?: boolean
}

export const WIDGET_SCRIPT_PATH = '/widgets/v1/quartiersnetz.js'

const ATTRIBUTE_ESCAPES: Record<string, string> = {
  '"': '&quot;',
  '&': '&amp;',
  "'": '&#39;',
  '<': '&lt;',
  '>': '&gt;',
}

/** Safe inside a double-quoted HTML attribute, whatever the slug holds. */
export const escapeAttribute = (value: string): string =>
  value.replace(/["&'<>]/g, (char) => ATTRIBUTE_ESCAPES[char] ?? char)

const withoutTrailingSlash = (url: string) => url.replace(/\/+$/, '')

const element = (name: string, attributes: Record<string, string>) =>
  `<${name}${Object.entries(attributes)
    .map(([attribute, value]) => ` ${attribute}="${escapeAttribute(value)}"`)
    .join('')}></${name}>`

/** Each snippet stands on its own: the script line first (a module script runs once per page, however often it is included). */
const html = (serverUrl: string, name: string, attributes: Record<string, string>) =>
  `<script type="module" src="${escapeAttribute(`${withoutTrailingSlash(serverUrl)}${WIDGET_SCRIPT_PATH}`)}"></script>\n${element(name, attributes)}`

type Args = {
  /** Events only: visitors can register online (otherwise there is no registration form to embed). */
  isRegistrationOpen?: boolean
  kind: EmbedKind
  serverUrl: string
  slug: string
}

/** The snippets for one document, the main one first. */
export const buildSnippets = ({
  isRegistrationOpen = false,
  kind,
  serverUrl,
  slug,
}: Args): Snippet[] => {
  const base = withoutTrailingSlash(serverUrl)
  const path = encodeURIComponent(slug)
  switch (kind) {
    case 'module':
      return [
        { code: html(serverUrl, 'qn-module', { slug }), key: 'module' },
        { code: html(serverUrl, 'qn-rating', { module: slug }), key: 'rating' },
        { code: html(serverUrl, 'qn-comments', { target: `modules/${slug}` }), key: 'comments' },
      ]
    case 'event':
      return [
        ...(isRegistrationOpen
          ? [
              {
                code: html(serverUrl, 'qn-registration', { event: slug }),
                key: 'registration' as const,
              },
            ]
          : []),
        // There is no feed of a single event: the network's feed holds every upcoming published event.
        { code: `${base}/api/events/feed.ics`, isUrl: true, key: 'feed' },
      ]
    case 'event-series':
      return [
        { code: html(serverUrl, 'qn-events', { series: slug }), key: 'events' },
        { code: `${base}/api/event-series/${path}/feed.ics`, isUrl: true, key: 'feed' },
      ]
    case 'municipality':
      return [
        { code: html(serverUrl, 'qn-events', { municipality: slug }), key: 'events' },
        { code: `${base}/api/municipalities/${path}/events.ics`, isUrl: true, key: 'feed' },
      ]
  }
}
