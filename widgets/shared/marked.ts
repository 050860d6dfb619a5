/**
 * The server's snippets: escaped text with the query's words in <mark>. Rendered as lit
 * templates (text and <mark> elements), never as HTML: whatever the text says stays text.
 */
import { html, type TemplateResult } from 'lit'

import { snippetParts } from '../../src/search/markedParts'

/** `… der <mark>Quartier</mark>sgarten …` as text nodes and <mark> elements. */
export const markedText = (snippet: string): (string | TemplateResult)[] =>
  snippetParts(snippet).map(({ isMarked, text }) => (isMarked ? html`<mark>${text}</mark>` : text))
