/**
 * Lexical rich text as plain text for the index: the text of every node, block by block.
 * Links keep their words, not their addresses; uploads and other nodes without text add nothing.
 */
type LexicalNode = { children?: unknown; text?: unknown; type?: unknown }

const BLOCK_TYPES = new Set(['heading', 'listitem', 'paragraph', 'quote', 'tablecell'])

const textOf = (node: LexicalNode): string => {
  if (typeof node.text === 'string') {
    return node.text
  }
  if (node.type === 'linebreak') {
    return '\n'
  }
  const children = Array.isArray(node.children) ? (node.children as LexicalNode[]) : []
  const inner = children.map(textOf).join('')
  return BLOCK_TYPES.has(String(node.type)) ? `${inner}\n` : inner
}

/** The words of a rich-text value (`{ root }`), or '' for anything else. */
export const plainTextOf = (value: unknown): string => {
  if (!value || typeof value !== 'object' || !('root' in value)) {
    return ''
  }
  return textOf((value as { root: LexicalNode }).root)
    .replace(/[ \t]+/g, ' ')
    .replace(/\n{2,}/g, '\n')
    .trim()
}
