/**
 * The server's snippets: escaped text with the query's words in <mark>. Rendered as lit
 * templates (text and <mark> elements), never as HTML: whatever the text says stays text.
 */
import { html, type TemplateResult } from 'lit'

const ENTITIES: Record<string, string> = {
  '&#39;': "'",
  '&amp;': '&',
  '&gt;': '>',
  '&lt;': '<',
  '&quot;': '"',
}

const unescape = (text: string) =>
  text.replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity]!)

/** `… der <mark>Quartier</mark>sgarten …` as text nodes and <mark> elements. */
export const markedText = (snippet: string): (string | TemplateResult)[] =>
  snippet
    .split(/(<mark>.*?<\/mark>)/g)
    .filter(Boolean)
    .map((part) =>
      part.startsWith('<mark>')
        ? html`<mark>${unescape(part.slice(6, -7))}</mark>`
        : unescape(part),
    )
