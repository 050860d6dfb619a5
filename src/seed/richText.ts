import type { FieldsOfAction } from '../../payload-types'

/** The editor state every richText field stores (all of them share the generated shape). */
export type RichText = NonNullable<FieldsOfAction['introduction']>

const textNode = (text: string) => ({
  type: 'text',
  detail: 0,
  format: 0,
  mode: 'normal',
  style: '',
  text,
  version: 1,
})

const paragraphNode = (text: string) => ({
  type: 'paragraph',
  children: [textNode(text)],
  direction: 'ltr' as const,
  format: '' as const,
  indent: 0,
  textFormat: 0,
  textStyle: '',
  version: 1,
})

/**
 * Lexical editor state with one plain paragraph per text, exactly as the admin's editor
 * exports it, so that opening and saving a seeded document changes nothing.
 */
export const paragraphs = (...texts: string[]): RichText => ({
  root: {
    type: 'root',
    children: texts.map(paragraphNode),
    direction: 'ltr',
    format: '',
    indent: 0,
    version: 1,
  },
})
