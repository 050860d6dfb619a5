/**
 * A search snippet is escaped text with the query's words in `<mark>` (snippet.ts). Split into
 * its text and marked parts, unescaped, for views that render text and never HTML (the
 * widgets, the admin's search): whatever a document says stays text.
 */
const ENTITIES: Record<string, string> = {
  '&#39;': "'",
  '&amp;': '&',
  '&gt;': '>',
  '&lt;': '<',
  '&quot;': '"',
}

const unescape = (text: string) =>
  text.replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity]!)

export type SnippetPart = { isMarked: boolean; text: string }

/** `… der <mark>Quartier</mark>sgarten …` → text "… der ", marked "Quartier", text "sgarten …". */
export const snippetParts = (snippet: string): SnippetPart[] =>
  snippet
    .split(/(<mark>.*?<\/mark>)/g)
    .filter(Boolean)
    .map((part) =>
      part.startsWith('<mark>')
        ? { isMarked: true, text: unescape(part.slice(6, -7)) }
        : { isMarked: false, text: unescape(part) },
    )
