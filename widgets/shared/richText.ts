/**
 * Payload's rich text (Lexical JSON) as lit templates: paragraphs, headings, lists, quotes,
 * links and text formats. Nothing is parsed as HTML (lit escapes every text), links lead only to
 * web and mail addresses, and headings are placed below the section they appear in.
 */
import { html, nothing, type TemplateResult } from 'lit'
import { literal, html as staticHtml, type StaticValue } from 'lit/static-html.js'

type LexicalNode = {
  children?: LexicalNode[]
  fields?: { newTab?: boolean; url?: string }
  format?: number | string
  listType?: 'bullet' | 'check' | 'number'
  tag?: string
  text?: string
  type?: string
  url?: string
}

export type RichText = { root?: LexicalNode } | null | undefined

const HEADINGS: StaticValue[] = [
  literal`h1`,
  literal`h2`,
  literal`h3`,
  literal`h4`,
  literal`h5`,
  literal`h6`,
]

const IS_BOLD = 1
const IS_ITALIC = 2
const IS_STRIKETHROUGH = 4
const IS_UNDERLINE = 8
const IS_CODE = 16

const safeUrl = (url: string | undefined) =>
  url && /^(https?:\/\/|mailto:)/i.test(url.trim()) ? url.trim() : undefined

const renderText = (node: LexicalNode): TemplateResult | string => {
  const format = typeof node.format === 'number' ? node.format : 0
  let content: TemplateResult | string = node.text ?? ''
  if (format & IS_CODE) content = html`<code>${content}</code>`
  if (format & IS_BOLD) content = html`<strong>${content}</strong>`
  if (format & IS_ITALIC) content = html`<em>${content}</em>`
  if (format & IS_UNDERLINE) content = html`<u>${content}</u>`
  if (format & IS_STRIKETHROUGH) content = html`<s>${content}</s>`
  return content
}

const renderChildren = (nodes: LexicalNode[] | undefined, headingLevel: number): unknown[] =>
  (nodes ?? []).map((node) => renderNode(node, headingLevel))

const renderNode = (node: LexicalNode, headingLevel: number): unknown => {
  switch (node.type) {
    case 'text':
      return renderText(node)
    case 'linebreak':
      return html`<br />`
    case 'paragraph':
      return html`<p>${renderChildren(node.children, headingLevel)}</p>`
    case 'heading': {
      const declared = Number(node.tag?.replace('h', '')) || 2
      // An editor's h2 inside a section is a subsection of it.
      const tag = HEADINGS[Math.min(6, headingLevel + Math.max(0, declared - 2)) - 1]!
      return staticHtml`<${tag}>${renderChildren(node.children, headingLevel)}</${tag}>`
    }
    case 'list':
      return node.listType === 'number'
        ? html`<ol>
            ${renderChildren(node.children, headingLevel)}
          </ol>`
        : html`<ul>
            ${renderChildren(node.children, headingLevel)}
          </ul>`
    case 'listitem':
      return html`<li>${renderChildren(node.children, headingLevel)}</li>`
    case 'quote':
      return html`<blockquote>${renderChildren(node.children, headingLevel)}</blockquote>`
    case 'link':
    case 'autolink': {
      const url = safeUrl(node.fields?.url ?? node.url)
      const children = renderChildren(node.children, headingLevel)
      return url
        ? html`<a
            href=${url}
            rel="noopener noreferrer"
            target=${node.fields?.newTab ? '_blank' : '_self'}
            >${children}</a
          >`
        : children
    }
    case 'horizontalrule':
      return html`<hr />`
    default:
      return node.children ? renderChildren(node.children, headingLevel) : nothing
  }
}

/** Whether there is anything to show (an empty editor state has one empty paragraph). */
export const hasText = (value: RichText): boolean => {
  const stack = [...(value?.root?.children ?? [])]
  while (stack.length) {
    const node = stack.pop()!
    if (node.type === 'text' && node.text?.trim()) {
      return true
    }
    stack.push(...(node.children ?? []))
  }
  return false
}

/** The rich text as a template; editors' headings start at `headingLevel`. */
export const renderRichText = (value: RichText, headingLevel: number): unknown =>
  renderChildren(value?.root?.children, headingLevel)
