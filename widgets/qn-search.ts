/**
 * <qn-search href-template="/netzwerk/{type}/{slug}">: the network's published content by its
 * words: projects, participation modules, events, publications, Handlungsfelder, municipalities
 * and programmes. Results by type (with their counts), each with a snippet in which the words
 * searched for are marked, and more on request. One request per search; none before the first
 * unless `query` gives one.
 */
import { css, html, nothing } from 'lit'

import { ApiError, apiUrl, requestJson } from './shared/api'
import { QnElement } from './shared/element'
import { formatDate } from './shared/format'
import { hrefFrom } from './shared/links'
import { markedText } from './shared/marked'

type Hit = {
  date: null | string
  id: number | string
  slug: null | string
  snippet: string
  title: string
  type: string
}

type SearchAnswer = {
  counts: Record<string, number>
  docs: Hit[]
  isSimilar: boolean
  page: number
  query: string
  totalDocs: number
  totalPages: number
  types: Record<string, { plural: string; singular: string }>
}

const texts = {
  de: {
    all: 'Alle',
    emptyQuery: 'Bitte geben Sie einen Suchbegriff ein.',
    heading: 'Suche',
    intro: 'Projekte, Beteiligungsmethoden, Veranstaltungen und mehr aus dem Netzwerk.',
    label: 'Suchbegriff',
    more: 'Weitere Treffer anzeigen',
    moreShown: '{count} weitere Treffer angezeigt, jetzt {shown} von {total}.',
    moreShownOne: '1 weiterer Treffer angezeigt, jetzt {shown} von {total}.',
    none: 'Keine Treffer für „{query}“. Versuchen Sie ein anderes oder ein allgemeineres Wort.',
    results: '{count} Treffer für „{query}“',
    resultsOne: '1 Treffer für „{query}“',
    similar: 'Keine genauen Treffer für „{query}“. {count} ähnliche Treffer:',
    similarOne: 'Keine genauen Treffer für „{query}“. 1 ähnlicher Treffer:',
    submit: 'Suchen',
    types: 'Art der Treffer',
  },
  en: {
    all: 'All',
    emptyQuery: 'Please enter a search term.',
    heading: 'Search',
    intro: 'Projects, participation methods, events and more from the network.',
    label: 'Search term',
    more: 'Show more results',
    moreShown: '{count} more results shown, now {shown} of {total}.',
    moreShownOne: '1 more result shown, now {shown} of {total}.',
    none: 'No results for "{query}". Try another or a more general word.',
    results: '{count} results for "{query}"',
    resultsOne: '1 result for "{query}"',
    similar: 'No exact results for "{query}". {count} similar results:',
    similarOne: 'No exact results for "{query}". 1 similar result:',
    submit: 'Search',
    types: 'Kind of result',
  },
}

const MAX_QUERY_LENGTH = 200

export class QnSearch extends QnElement<(typeof texts)['de'], null | SearchAnswer> {
  static override styles = [
    ...QnElement.styles,
    css`
      /* The button stays beside the field when an error appears below it (a user test saw it
         drop to the error's line): label, field and button, error in a grid of their own. */
      form.search {
        display: grid;
        grid-template-columns: minmax(0, 1fr) auto;
        column-gap: 0.5rem;
        align-items: center;
        margin-bottom: 1rem;
      }
      form.search .field {
        display: contents;
      }
      form.search label {
        grid-column: 1 / -1;
      }
      form.search input {
        grid-column: 1;
        grid-row: 2;
      }
      form.search button {
        grid-column: 2;
        grid-row: 2;
      }
      form.search .field-error {
        grid-column: 1 / -1;
        grid-row: 3;
      }
      fieldset.types {
        border: 0;
        padding: 0;
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 1rem;
      }
      fieldset.types legend {
        font-weight: 700;
        padding: 0;
        margin-bottom: 0.25rem;
      }
      fieldset.types .field.checkbox {
        margin: 0;
      }
      .field.checkbox input:disabled + label {
        color: var(--_muted);
      }
      ol.results {
        list-style: none;
        padding: 0;
      }
      ol.results li {
        padding: 0.75rem 0;
        border-top: 1px solid var(--_border);
      }
      .title {
        font-weight: 700;
        font-size: 1.0625em;
      }
      .kind {
        display: block;
        font-size: 0.9375em;
      }
      .snippet {
        margin: 0.25rem 0 0;
      }
      mark {
        background: #fff3b0;
        color: inherit;
        font-weight: 600;
        padding: 0 0.1em;
      }
    `,
  ]

  static override properties = {
    ...QnElement.properties,
    added: { state: true },
    hrefTemplate: { attribute: 'href-template', type: String },
    inputError: { state: true },
    isSearching: { state: true },
    limit: { type: Number },
    query: { type: String },
    searchError: { state: true },
    shown: { state: true },
    type: { state: true },
    types: { type: String },
  }

  /** Where results link to; `{type}`, `{slug}` and `{id}` are filled. `href-template-<type>` wins. */
  declare hrefTemplate: string | undefined
  declare limit: number
  /** The words searched for (from the attribute: searched at once). */
  declare query: string
  /** The types this search covers (comma-separated); all by default. */
  declare types: string | undefined
  /** The type the visitor chose ('' for all). */
  declare type: string
  declare inputError: string | undefined
  declare isSearching: boolean
  declare searchError: ApiError | undefined
  declare shown: Hit[]
  /** How many results "Weitere Treffer" added last (said in the count's live region). */
  declare added: number

  protected readonly texts = texts

  constructor() {
    super()
    this.limit = 10
    this.query = ''
    this.type = ''
    this.isSearching = false
    this.shown = []
    this.added = 0
  }

  private url(page: number) {
    return apiUrl('search', {
      limit: this.limit,
      page,
      q: this.query.trim(),
      type: this.type || this.types || undefined,
    })
  }

  protected async load(signal: AbortSignal) {
    if (!this.query.trim()) {
      return null
    }
    const answer = await requestJson<SearchAnswer>(this.url(1), { language: this.language, signal })
    this.shown = answer.docs
    this.added = 0
    return answer
  }

  private async search(page: number) {
    if (!this.query.trim()) {
      this.inputError = this.t('emptyQuery')
      this.renderRoot.querySelector<HTMLInputElement>('#query')?.focus()
      return
    }
    this.inputError = undefined
    this.isSearching = true
    this.searchError = undefined
    try {
      const answer = await requestJson<SearchAnswer>(this.url(page), { language: this.language })
      const firstNew = page === 1 ? 0 : this.shown.length
      this.shown = page === 1 ? answer.docs : [...this.shown, ...answer.docs]
      this.added = page === 1 ? 0 : answer.docs.length
      this.loadState = { data: answer, kind: 'ready' }
      if (page > 1) {
        // Keyboard and screen-reader users continue where the new results begin.
        await this.updateComplete
        this.renderRoot.querySelectorAll<HTMLElement>('[part="result"] .title')[firstNew]?.focus()
      }
    } catch (err) {
      this.searchError = err instanceof ApiError ? err : new ApiError(this.t('unexpected'), 0)
    } finally {
      this.isSearching = false
    }
  }

  private hrefOf(hit: Hit) {
    const template =
      this.getAttribute(`href-template-${hit.type}`) ??
      this.hrefTemplate?.replace(/\{type\}/g, encodeURIComponent(hit.type))
    return hrefFrom(template ?? undefined, { id: hit.id, slug: hit.slug ?? undefined })
  }

  private renderForm() {
    return html`<form
      class="search"
      part="form"
      role="search"
      @submit=${(event: SubmitEvent) => {
        event.preventDefault()
        if (!this.isSearching) {
          void this.search(1)
        }
      }}
    >
      <div class="field">
        <label for="query">${this.t('label')}</label>
        <input
          id="query"
          type="search"
          maxlength=${MAX_QUERY_LENGTH}
          autocomplete="off"
          .value=${this.query}
          aria-invalid=${this.inputError ? 'true' : 'false'}
          aria-describedby=${this.inputError ? 'query-error' : nothing}
          @input=${(event: Event) => (this.query = (event.target as HTMLInputElement).value)}
        />
        ${
          this.inputError
            ? html`<p id="query-error" class="field-error" role="alert">${this.inputError}</p>`
            : nothing
        }
      </div>
      <button type="submit" aria-disabled=${this.isSearching ? 'true' : nothing}>
        ${this.isSearching ? this.t('loading') : this.t('submit')}
      </button>
    </form>`
  }

  private renderTypes(answer: SearchAnswer) {
    const allowed = this.types
      ? this.types.split(',').map((type) => type.trim())
      : Object.keys(answer.counts)
    const types = Object.keys(answer.counts).filter((type) => allowed.includes(type))
    if (types.length < 2 || (answer.totalDocs === 0 && !this.type)) {
      return nothing
    }
    const total = types.reduce((sum, type) => sum + (answer.counts[type] ?? 0), 0)
    const option = (value: string, label: string, count: number) =>
      html`<div class="field checkbox">
        <input
          type="radio"
          name="type"
          id="type-${value || 'all'}"
          .checked=${this.type === value}
          ?disabled=${count === 0 && this.type !== value}
          @change=${() => {
            this.type = value
            void this.search(1)
          }}
        />
        <label for="type-${value || 'all'}">${label} (${count})</label>
      </div>`
    return html`<fieldset class="types">
      <legend>${this.t('types')}</legend>
      ${option('', this.t('all'), total)}
      ${types.map((type) =>
        option(type, answer.types[type]?.plural ?? type, answer.counts[type] ?? 0),
      )}
    </fieldset>`
  }

  private renderHit(hit: Hit, answer: SearchAnswer) {
    const href = this.hrefOf(hit)
    const kind = answer.types[hit.type]?.singular ?? hit.type
    return html`<li part="result">
      <span class="kind muted"
        >${kind}${hit.date ? ` · ${formatDate(hit.date, this.language)}` : ''}</span
      >
      ${
        href
          ? html`<a class="title" href=${href}>${hit.title}</a>`
          : html`<span class="title" tabindex="-1">${hit.title}</span>`
      }
      ${hit.snippet ? html`<p class="snippet">${markedText(hit.snippet)}</p>` : nothing}
    </li>`
  }

  private renderResults(answer: null | SearchAnswer) {
    if (this.searchError) {
      return html`<div class="notice error" role="alert">
        <p>${this.searchError.message}</p>
        <button type="button" class="secondary" @click=${() => void this.search(1)}>
          ${this.t('retry')}
        </button>
      </div>`
    }
    if (!answer) {
      return html`<p role="status" part="result-count"></p>`
    }
    // "1 result", "1 ähnlicher Treffer": the singular has its own text in both languages.
    const key = answer.isSimilar ? 'similar' : 'results'
    const status =
      answer.totalDocs === 0
        ? this.t('none', { query: answer.query })
        : this.t(answer.totalDocs === 1 ? (`${key}One` as const) : key, {
            count: answer.totalDocs,
            query: answer.query,
          })
    const progress = { count: this.added, shown: this.shown.length, total: answer.totalDocs }
    const added =
      this.added === 0 ? '' : this.t(this.added === 1 ? 'moreShownOne' : 'moreShown', progress)
    return html`${this.renderTypes(answer)}
      <p role="status" part="result-count">
        <strong>${status}</strong
        >${added ? html`<span class="visually-hidden"> ${added}</span>` : nothing}
      </p>
      ${
        this.shown.length
          ? html`<ol class="results">
              ${this.shown.map((hit) => this.renderHit(hit, answer))}
            </ol>`
          : nothing
      }
      ${
        answer.page < answer.totalPages
          ? html`<button
              type="button"
              class="secondary"
              aria-disabled=${this.isSearching ? 'true' : nothing}
              @click=${() => {
                if (!this.isSearching) {
                  void this.search(answer.page + 1)
                }
              }}
            >
              ${this.isSearching ? this.t('loading') : this.t('more')}
            </button>`
          : nothing
      }`
  }

  override render() {
    return html`<section part="container">
      ${this.heading(0, this.t('heading'))}
      <p class="hint">${this.t('intro')}</p>
      ${this.renderForm()} ${this.renderLoaded((answer) => this.renderResults(answer))}
    </section>`
  }
}

if (!customElements.get('qn-search')) {
  customElements.define('qn-search', QnSearch)
}
