/**
 * Sets CSS properties through the CSSOM (`element.style.setProperty`), which a strict content
 * security policy allows, unlike a `style` attribute (lit's styleMap writes one on first render).
 * `<span ${cssProps({ left: '40%' })}></span>`
 */
import { noChange } from 'lit'
import { Directive, directive, type ElementPart, PartType, type PartInfo } from 'lit/directive.js'

class CssProps extends Directive {
  constructor(part: PartInfo) {
    super(part)
    if (part.type !== PartType.ELEMENT) {
      throw new Error('cssProps() belongs on an element: <span ${cssProps({...})}>.')
    }
  }

  render(_props: Record<string, string>) {
    return noChange
  }

  override update(part: ElementPart, [props]: [Record<string, string>]) {
    const { style } = part.element as HTMLElement
    for (const [name, value] of Object.entries(props)) {
      style.setProperty(name, value)
    }
    return noChange
  }
}

export const cssProps = directive(CssProps)
