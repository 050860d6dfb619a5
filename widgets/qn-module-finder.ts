/**
 * <qn-module-finder href-template="/methoden/{slug}">: "Welche Methode passt zu uns?" The method
 * catalogue: participation modules by a keyword, Handlungsfeld, Zielgruppe, the editors' facets
 * (process phase, participants, duration, level of participation, format) and the profile
 * visitors gave them ("geringer finanzieller Aufwand, hohe Beteiligung"); the results link where
 * the host says. Every choice shows how many methods it would leave; choices that would leave
 * none are greyed out and disabled. One request to load, one per search.
 */
import { css, html, nothing } from 'lit'

import type { RatingSummary } from './qn-rating'

import { RATING_DIMENSIONS } from '../src/domain/ratingDimensions'
import { ApiError, apiUrl, requestJson } from './shared/api'
import { QnElement } from './shared/element'
import { hrefFrom } from './shared/links'

type FacetValue = { count: number; isSelected: boolean; label: string; value: string }
type Facet = { label: string; name: string; values: FacetValue[] }

/** The catalogue's relationship facets, shown as selects; the others as checkbox groups. */
const SELECT_FACETS = ['fieldOfAction', 'targetGroup']

type FinderModule = {
  id: number
  ratingSummary?: RatingSummary
  slug: string
  summary?: null | string
  title: string
}

type FinderAnswer = {
  docs: FinderModule[]
  facets: Facet[]
  page: number
  totalDocs: number
  totalPages: number
}

type Lean = '' | 'high' | 'low'

const texts = {
  de: {
    any: 'alle',
    anyLean: 'egal',
    catalogue: 'Was soll die Methode leisten?',
    catalogueHint:
      'Mehrere Angaben in einer Gruppe: eine davon genügt. Die Zahl sagt, wie viele Methoden übrig blieben.',
    fieldOfAction: 'Handlungsfeld',
    heading: 'Welche Methode passt zu uns?',
    intro:
      'Wählen Sie ein Stichwort, ein Handlungsfeld, eine Zielgruppe oder wie die Methode sein soll; die Einschätzungen stammen von Nutzerinnen und Nutzern.',
    keyword: 'Stichwort',
    leanTo: 'eher: {pole}',
    more: 'Weitere Methoden anzeigen',
    moreShown: '{count} weitere Methoden angezeigt, jetzt {shown} von {total}.',
    moreShownOne: '1 weitere Methode angezeigt, jetzt {shown} von {total}.',
    none: 'Keine Methode passt zu diesen Angaben. Lassen Sie eine Angabe weg, um mehr zu finden.',
    profile: 'Wie soll die Methode sein?',
    raters: 'von {count} Personen eingeschätzt',
    ratersNone: 'noch nicht eingeschätzt',
    ratersOne: 'von einer Person eingeschätzt',
    reset: 'Zurücksetzen',
    results: '{count} passende Methoden',
    resultsOne: '1 passende Methode',
    submit: 'Passende Methoden anzeigen',
    targetGroup: 'Zielgruppe',
  },
  en: {
    any: 'all',
    anyLean: "doesn't matter",
    catalogue: 'What should the method do?',
    catalogueHint:
      'Several choices in one group: any of them will do. The number says how many methods would remain.',
    fieldOfAction: 'Field of action',
    heading: 'Which method suits us?',
    intro:
      'Choose a keyword, a field of action, a target group or what the method should be like; the assessments come from users.',
    keyword: 'Keyword',
    leanTo: 'rather: {pole}',
    more: 'Show more methods',
    moreShown: '{count} more methods shown, now {shown} of {total}.',
    moreShownOne: '1 more method shown, now {shown} of {total}.',
    none: 'No method matches. Leave out a choice to find more.',
    profile: 'What should the method be like?',
    raters: 'assessed by {count} people',
    ratersNone: 'not assessed yet',
    ratersOne: 'assessed by one person',
    reset: 'Reset',
    results: '{count} matching methods',
    resultsOne: '1 matching method',
    submit: 'Show matching methods',
    targetGroup: 'Target group',
  },
}

/** "eher niedrig" means a mean at most this, "eher hoch" at least the other. */
const LOW_MAX = 2.5
const HIGH_MIN = 3.5
const PAGE_SIZE = 10

export class QnModuleFinder extends QnElement<(typeof texts)['de'], FinderAnswer> {
  static override styles = [
    ...QnElement.styles,
    css`
      fieldset {
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        padding: 0.75rem 1rem;
        margin: 0 0 1rem;
      }
      legend {
        font-weight: 700;
        padding: 0 0.25rem;
      }
      .grid {
        display: grid;
        /* Wide enough that a chosen lean ("eher: hat einen geringen Beteiligungsgrad") is read in full. */
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 20rem), 1fr));
        gap: 0 1rem;
      }
      .buttons {
        display: flex;
        gap: 0.5rem;
        flex-wrap: wrap;
        margin-bottom: 1rem;
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
      .facets {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 14rem), 1fr));
        gap: 0 1rem;
      }
      .facets fieldset {
        border: 0;
        padding: 0;
        margin: 0 0 0.75rem;
      }
      .facets legend {
        padding: 0;
        margin-bottom: 0.25rem;
      }
      .facets .field.checkbox {
        margin-bottom: 0.25rem;
      }
      .field.checkbox input:disabled + label {
        color: var(--_muted);
      }
    `,
  ]

  static override properties = {
    ...QnElement.properties,
    fieldOfAction: { attribute: 'field-of-action', type: String },
    chosen: { state: true },
    hrefTemplate: { attribute: 'href-template', type: String },
    added: { state: true },
    failedPage: { state: true },
    isSearching: { state: true },
    keyword: { state: true },
    leans: { state: true },
    searchError: { state: true },
    page: { state: true },
    shown: { state: true },
    targetGroup: { attribute: 'target-group', type: String },
  }

  /** Where results link to, e.g. `/methoden/{slug}`; without it they are named, not linked. */
  declare hrefTemplate: string | undefined
  /** The Handlungsfeld chosen (slug), also as the starting value from the attribute. */
  declare fieldOfAction: string
  declare targetGroup: string
  /** The values chosen per checkbox facet (`phase`, `format` …). */
  declare chosen: Record<string, string[]>
  declare keyword: string
  declare leans: Record<string, Lean>
  declare isSearching: boolean
  /** A failed search: shown above the results, the form stays. */
  declare searchError: ApiError | undefined
  /** The page that failed: 1 replaces the results with the error, a further one keeps them. */
  declare failedPage: number
  /** How many results "Weitere anzeigen" added last (said in the count's live region). */
  declare added: number
  declare page: number
  /** Results shown so far (pages appended by "Weitere anzeigen"). */
  declare shown: FinderModule[]

  protected readonly texts = texts
  private facets: Facet[] = []

  constructor() {
    super()
    this.fieldOfAction = ''
    this.targetGroup = ''
    this.chosen = {}
    this.keyword = ''
    this.leans = {}
    this.isSearching = false
    this.page = 1
    this.shown = []
    this.failedPage = 1
    this.added = 0
  }

  private query(page: number) {
    const query: Record<string, number | string | undefined> = {
      fieldOfAction: this.fieldOfAction || undefined,
      limit: PAGE_SIZE,
      page,
      q: this.keyword.trim() || undefined,
      targetGroup: this.targetGroup || undefined,
    }
    for (const [name, values] of Object.entries(this.chosen)) {
      query[name] = values.join(',') || undefined
    }
    for (const [key, lean] of Object.entries(this.leans)) {
      if (lean === 'low') query[`${key}[max]`] = LOW_MAX
      if (lean === 'high') query[`${key}[min]`] = HIGH_MIN
    }
    return apiUrl('modules/catalogue', query)
  }

  protected async load(signal: AbortSignal) {
    const answer = await requestJson<FinderAnswer>(this.query(1), {
      language: this.language,
      signal,
    })
    this.facets = answer.facets
    this.shown = answer.docs
    this.page = 1
    this.added = 0
    return answer
  }

  /**
   * A search (page 1) or more of its results. The button pressed keeps the focus while busy
   * (aria-disabled, see styles.ts); more results move it to the first new one, where the
   * visitor reads on, as <qn-search> does, and the count's live region says how many came.
   */
  private async search(page: number) {
    this.isSearching = true
    this.searchError = undefined
    try {
      const answer = await requestJson<FinderAnswer>(this.query(page), {
        language: this.language,
      })
      const firstNew = page === 1 ? 0 : this.shown.length
      this.facets = answer.facets
      this.shown = page === 1 ? answer.docs : [...this.shown, ...answer.docs]
      this.added = page === 1 ? 0 : answer.docs.length
      this.page = page
      this.loadState = { data: answer, kind: 'ready' }
      if (page > 1 && answer.docs.length) {
        await this.updateComplete
        this.renderRoot.querySelectorAll<HTMLElement>('[part="result"] .title')[firstNew]?.focus()
      }
    } catch (err) {
      this.searchError = err instanceof ApiError ? err : new ApiError(this.t('unexpected'), 0)
      this.failedPage = page
    } finally {
      this.isSearching = false
    }
  }

  /** The module's lean on the dimensions the visitor asked about: why it is in the list. */
  private profileOf(module: FinderModule) {
    const asked = Object.entries(this.leans).filter(([, lean]) => lean)
    const parts = asked
      .map(([key]) => {
        const dimension = module.ratingSummary?.dimensions[key]
        return dimension?.leanLabel ? `${dimension.label}: ${dimension.leanLabel}` : undefined
      })
      .filter(Boolean)
    return parts.length ? ` · ${parts.join(' · ')}` : ''
  }

  private raters(count: number) {
    return count === 0
      ? this.t('ratersNone')
      : count === 1
        ? this.t('ratersOne')
        : this.t('raters', { count })
  }

  private facetSelect(
    name: string,
    label: string,
    value: string,
    onChange: (value: string) => void,
  ) {
    const facet = this.facets.find((candidate) => candidate.name === name)
    if (!facet?.values.length) {
      return nothing
    }
    return html`<div class="field">
      <label for=${name}>${label}</label>
      <select
        id=${name}
        @change=${(event: Event) => onChange((event.target as HTMLSelectElement).value)}
      >
        <option value="" ?selected=${!value}>${this.t('any')}</option>
        ${facet.values.map((option) => html`<option value=${option.value} ?selected=${option.value === value} ?disabled=${option.count === 0 && option.value !== value}>${option.label} (${option.count})</option>`)}
      </select>
    </div>`
  }

  /** A group of checkboxes; a value that would leave no method is disabled unless chosen. */
  private facetGroup(facet: Facet) {
    const chosen = this.chosen[facet.name] ?? []
    return html`<fieldset>
      <legend>${facet.label}</legend>
      ${facet.values.map((option) => {
        const id = `${facet.name}-${option.value}`
        const isChosen = chosen.includes(option.value)
        return html`<div class="field checkbox">
          <input
            type="checkbox"
            id=${id}
            .checked=${isChosen}
            ?disabled=${option.count === 0 && !isChosen}
            @change=${(event: Event) => {
              const isChecked = (event.target as HTMLInputElement).checked
              this.chosen = {
                ...this.chosen,
                [facet.name]: isChecked
                  ? [...chosen, option.value]
                  : chosen.filter((value) => value !== option.value),
              }
            }}
          />
          <label for=${id}>${option.label} (${option.count})</label>
        </div>`
      })}
    </fieldset>`
  }

  private renderForm() {
    const language = this.language
    return html`<form
      part="form"
      @submit=${(event: SubmitEvent) => {
        event.preventDefault()
        if (!this.isSearching) {
          void this.search(1)
        }
      }}
    >
      <div class="grid">
        <div class="field">
          <label for="keyword">${this.t('keyword')}</label>
          <input
            id="keyword"
            type="search"
            maxlength="200"
            autocomplete="off"
            .value=${this.keyword}
            @input=${(event: Event) => (this.keyword = (event.target as HTMLInputElement).value)}
          />
        </div>
        ${this.facetSelect('fieldOfAction', this.t('fieldOfAction'), this.fieldOfAction, (value) => (this.fieldOfAction = value))}
        ${this.facetSelect('targetGroup', this.t('targetGroup'), this.targetGroup, (value) => (this.targetGroup = value))}
      </div>
      <fieldset>
        <legend>${this.t('catalogue')}</legend>
        <p class="hint">${this.t('catalogueHint')}</p>
        <div class="facets">
          ${this.facets
            .filter((facet) => !SELECT_FACETS.includes(facet.name))
            .map((facet) => this.facetGroup(facet))}
        </div>
      </fieldset>
      <fieldset>
        <legend>${this.t('profile')}</legend>
        <div class="grid">
          ${RATING_DIMENSIONS.map(
            (dimension) =>
              html`<div class="field">
                <label for="lean-${dimension.key}">${dimension.label[language]}</label>
                <select
                  id="lean-${dimension.key}"
                  @change=${(event: Event) => (this.leans = { ...this.leans, [dimension.key]: (event.target as HTMLSelectElement).value as Lean })}
                >
                  <option value="" ?selected=${!this.leans[dimension.key]}>
                    ${this.t('anyLean')}
                  </option>
                  <option value="low" ?selected=${this.leans[dimension.key] === 'low'}>
                    ${this.t('leanTo', { pole: dimension.low[language] })}
                  </option>
                  <option value="high" ?selected=${this.leans[dimension.key] === 'high'}>
                    ${this.t('leanTo', { pole: dimension.high[language] })}
                  </option>
                </select>
              </div>`,
          )}
        </div>
      </fieldset>
      <div class="buttons">
        <button type="submit" aria-disabled=${this.isSearching ? 'true' : nothing}>
          ${this.isSearching ? this.t('loading') : this.t('submit')}
        </button>
        <button
          type="reset"
          class="secondary"
          @click=${() => {
            this.fieldOfAction = ''
            this.targetGroup = ''
            this.chosen = {}
            this.keyword = ''
            this.leans = {}
            void this.search(1)
          }}
        >
          ${this.t('reset')}
        </button>
      </div>
    </form>`
  }

  private renderResults(answer: FinderAnswer) {
    if (this.searchError && this.failedPage === 1) {
      return html`<div class="notice error" role="alert">
        <p>${this.searchError.message}</p>
        <button type="button" class="secondary" @click=${() => void this.search(1)}>
          ${this.t('retry')}
        </button>
      </div>`
    }
    const progress = { count: this.added, shown: this.shown.length, total: answer.totalDocs }
    const added =
      this.added === 0 ? '' : this.t(this.added === 1 ? 'moreShownOne' : 'moreShown', progress)
    return html`<p role="status" part="result-count">
        <strong
          >${answer.totalDocs === 1 ? this.t('resultsOne') : this.t('results', { count: answer.totalDocs })}</strong
        >${added ? html`<span class="visually-hidden">. ${added}</span>` : nothing}
      </p>
      ${
        answer.totalDocs === 0
          ? html`<p>${this.t('none')}</p>`
          : html`<ol class="results">
              ${this.shown.map((module) => {
                const href = hrefFrom(this.hrefTemplate, module)
                return html`<li part="result">
                  ${href ? html`<a class="title" href=${href}>${module.title}</a>` : html`<span class="title" tabindex="-1">${module.title}</span>`}
                  ${module.summary ? html`<p>${module.summary}</p>` : nothing}
                  <p class="muted">
                    ${this.raters(module.ratingSummary?.raterCount ?? 0)}${this.profileOf(module)}
                  </p>
                </li>`
              })}
            </ol>`
      }
      ${
        this.searchError
          ? html`<p class="notice error" role="alert">${this.searchError.message}</p>`
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
                  void this.search(this.page + 1)
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
      ${this.loadState.kind === 'ready' ? this.renderForm() : nothing}
      ${this.renderLoaded((answer) => this.renderResults(answer))}
    </section>`
  }
}

if (!customElements.get('qn-module-finder')) {
  customElements.define('qn-module-finder', QnModuleFinder)
}
