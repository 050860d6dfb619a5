/**
 * What every widget shares: its language, the heading level it starts at (so it fits into the
 * host page's outline), and loading its data once it is connected: a visible loading state, a
 * message and a retry button when that fails (never a blank box), an abort when it is removed.
 */
import { html, LitElement, type PropertyValues, type TemplateResult } from 'lit'
import { ifDefined } from 'lit/directives/if-defined.js'
import { literal, html as staticHtml, type StaticValue } from 'lit/static-html.js'

import { ApiError } from './api'
import { fill, type Language, languageOf, sharedTexts, type TextKey } from './i18n'
import { baseStyles } from './styles'

const HEADING_TAGS: StaticValue[] = [
  literal`h1`,
  literal`h2`,
  literal`h3`,
  literal`h4`,
  literal`h5`,
  literal`h6`,
]

export type LoadState<T> =
  { kind: 'error'; error: ApiError } | { kind: 'loading' } | { data: T; kind: 'ready' }

export abstract class QnElement<
  Texts extends Record<string, string> = Record<string, string>,
  Data = unknown,
> extends LitElement {
  static override styles = [baseStyles]

  static override properties = {
    headingLevel: { attribute: 'heading-level', type: Number },
    loadState: { state: true },
  }

  /** The level of the element's own heading (2 by default); its sections use the next one. */
  declare headingLevel: number
  declare loadState: LoadState<Data>

  /** The element's own texts in German and English. */
  protected abstract readonly texts: Record<Language, Texts>

  private loading?: AbortController

  constructor() {
    super()
    this.headingLevel = 2
    this.loadState = { kind: 'loading' }
  }

  get language(): Language {
    return languageOf(this)
  }

  protected t(key: keyof Texts | TextKey, vars?: Record<string, number | string>): string {
    const own = this.texts[this.language] as Record<string, string>
    return fill(
      own[key as string] ?? sharedTexts[this.language][key as TextKey] ?? String(key),
      vars,
    )
  }

  /** A heading `offset` levels below the element's own (0: the element's title), at most h6. */
  protected heading(offset: number, content: unknown, id?: string): TemplateResult {
    const level = Math.min(6, Math.max(1, (Number(this.headingLevel) || 2) + offset))
    const tag = HEADING_TAGS[level - 1]!
    return staticHtml`<${tag} id=${ifDefined(id)} class="level-${Math.min(offset, 2)}" part="heading">${content}</${tag}>`
  }

  /** Loads the element's data (at most two API requests); called when connected and on retry. */
  protected abstract load(signal: AbortSignal): Promise<Data>

  /** Attributes that change what is loaded. */
  protected reloadOn(): string[] {
    return []
  }

  override connectedCallback() {
    super.connectedCallback()
    void this.reload()
  }

  override disconnectedCallback() {
    super.disconnectedCallback()
    this.loading?.abort()
  }

  protected override updated(changed: PropertyValues) {
    if (
      this.hasUpdated &&
      this.reloadOn().some((name) => changed.has(name) && changed.get(name) !== undefined)
    ) {
      void this.reload()
    }
  }

  protected async reload() {
    this.loading?.abort()
    const controller = new AbortController()
    this.loading = controller
    this.loadState = { kind: 'loading' }
    try {
      const data = await this.load(controller.signal)
      if (!controller.signal.aborted) {
        this.loadState = { data, kind: 'ready' }
      }
    } catch (err) {
      if (!controller.signal.aborted) {
        this.loadState = {
          error: err instanceof ApiError ? err : new ApiError(this.t('unexpected'), 0),
          kind: 'error',
        }
      }
    }
  }

  /** The loading state, the error with a retry button, or `ready(data)`. */
  protected renderLoaded(ready: (data: Data) => unknown) {
    const state = this.loadState
    if (state.kind === 'loading') {
      return html`<p class="muted" part="loading">${this.t('loading')}</p>`
    }
    if (state.kind === 'error') {
      return html`<div class="notice error" role="alert" part="error">
        <p>${state.error.message}</p>
        ${state.error.status === 404 ? '' : html`<button type="button" class="secondary" @click=${() => void this.reload()}>${this.t('retry')}</button>`}
      </div>`
    }
    return ready(state.data)
  }
}
