/**
 * <qn-module-finder href-template="/methoden/{slug}">: "Welche Methode passt zu uns?" Filters
 * participation modules by Handlungsfeld, Zielgruppe and the profile visitors gave them
 * ("geringer finanzieller Aufwand, hohe Beteiligung"); the results link where the host says.
 * One request to load (results and the filter values with their counts), one per search.
 */
import { css, html, nothing } from 'lit'

import type { RatingSummary } from './qn-rating'

import { RATING_DIMENSIONS } from '../src/domain/ratingDimensions'
import { ApiError, apiUrl, requestJson } from './shared/api'
import { QnElement } from './shared/element'
import { hrefFrom } from './shared/links'

type Facet = { count: number; id: number | string; slug?: string; title: string }

type FinderModule = {
  id: number
  ratingSummary?: RatingSummary
  slug: string
  summary?: null | string
  title: string
}

type FinderAnswer = {
  docs: FinderModule[]
  facets?: { fieldOfAction?: Facet[]; targetGroup?: Facet[] }
  page: number
  totalDocs: number
  totalPages: number
}

type Lean = '' | 'high' | 'low'

const texts = {
  de: {
    any: 'alle',
    anyLean: 'egal',
    fieldOfAction: 'Handlungsfeld',
    heading: 'Welche Methode passt zu uns?',
    intro:
      'Wählen Sie ein Handlungsfeld, eine Zielgruppe oder wie die Methode sein soll; die Einschätzungen stammen von Nutzerinnen und Nutzern.',
    leanTo: 'eher: {pole}',
    more: 'Weitere Methoden anzeigen',
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
    fieldOfAction: 'Field of action',
    heading: 'Which method suits us?',
    intro:
      'Choose a field of action, a target group or what the method should be like; the assessments come from users.',
    leanTo: 'rather: {pole}',
    more: 'Show more methods',
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
    `,
  ]

  static override properties = {
    ...QnElement.properties,
    fieldOfAction: { attribute: 'field-of-action', type: String },
    hrefTemplate: { attribute: 'href-template', type: String },
    isSearching: { state: true },
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
  declare leans: Record<string, Lean>
  declare isSearching: boolean
  /** A failed search: shown above the results, the form stays. */
  declare searchError: ApiError | undefined
  declare page: number
  /** Results shown so far (pages appended by "Weitere anzeigen"). */
  declare shown: FinderModule[]

  protected readonly texts = texts
  private facets: FinderAnswer['facets']

  constructor() {
    super()
    this.fieldOfAction = ''
    this.targetGroup = ''
    this.leans = {}
    this.isSearching = false
    this.page = 1
    this.shown = []
  }

  private query(page: number, withFacets: boolean) {
    const query: Record<string, number | string | undefined> = {
      facets: withFacets ? 'true' : undefined,
      fieldOfAction: this.fieldOfAction || undefined,
      limit: PAGE_SIZE,
      page,
      targetGroup: this.targetGroup || undefined,
    }
    for (const [key, lean] of Object.entries(this.leans)) {
      if (lean === 'low') query[`${key}[max]`] = LOW_MAX
      if (lean === 'high') query[`${key}[min]`] = HIGH_MIN
    }
    return apiUrl('modules/ratings-finder', query)
  }

  protected async load(signal: AbortSignal) {
    const answer = await requestJson<FinderAnswer>(this.query(1, true), {
      language: this.language,
      signal,
    })
    this.facets = answer.facets
    this.shown = answer.docs
    this.page = 1
    return answer
  }

  private async search(page: number) {
    this.isSearching = true
    this.searchError = undefined
    try {
      const answer = await requestJson<FinderAnswer>(this.query(page, false), {
        language: this.language,
      })
      this.shown = page === 1 ? answer.docs : [...this.shown, ...answer.docs]
      this.page = page
      this.loadState = { data: { ...answer, facets: this.facets }, kind: 'ready' }
    } catch (err) {
      this.searchError = err instanceof ApiError ? err : new ApiError(this.t('unexpected'), 0)
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
    id: string,
    label: string,
    facets: Facet[] | undefined,
    value: string,
    onChange: (value: string) => void,
  ) {
    if (!facets?.length) {
      return nothing
    }
    return html`<div class="field">
      <label for=${id}>${label}</label>
      <select
        id=${id}
        @change=${(event: Event) => onChange((event.target as HTMLSelectElement).value)}
      >
        <option value="" ?selected=${!value}>${this.t('any')}</option>
        ${facets.map((facet) => html`<option value=${facet.slug ?? String(facet.id)} ?selected=${(facet.slug ?? String(facet.id)) === value}>${facet.title} (${facet.count})</option>`)}
      </select>
    </div>`
  }

  private renderForm() {
    const language = this.language
    return html`<form
      part="form"
      @submit=${(event: SubmitEvent) => {
        event.preventDefault()
        void this.search(1)
      }}
    >
      <div class="grid">
        ${this.facetSelect('fieldOfAction', this.t('fieldOfAction'), this.facets?.fieldOfAction, this.fieldOfAction, (value) => (this.fieldOfAction = value))}
        ${this.facetSelect('targetGroup', this.t('targetGroup'), this.facets?.targetGroup, this.targetGroup, (value) => (this.targetGroup = value))}
      </div>
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
        <button type="submit" ?disabled=${this.isSearching}>
          ${this.isSearching ? this.t('loading') : this.t('submit')}
        </button>
        <button
          type="reset"
          class="secondary"
          @click=${() => {
            this.fieldOfAction = ''
            this.targetGroup = ''
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
    if (this.searchError) {
      return html`<div class="notice error" role="alert">
        <p>${this.searchError.message}</p>
        <button type="button" class="secondary" @click=${() => void this.search(this.page)}>
          ${this.t('retry')}
        </button>
      </div>`
    }
    return html`<p role="status" part="result-count">
        <strong
          >${answer.totalDocs === 1 ? this.t('resultsOne') : this.t('results', { count: answer.totalDocs })}</strong
        >
      </p>
      ${
        answer.totalDocs === 0
          ? html`<p>${this.t('none')}</p>`
          : html`<ol class="results">
              ${this.shown.map((module) => {
                const href = hrefFrom(this.hrefTemplate, module)
                return html`<li part="result">
                  ${href ? html`<a class="title" href=${href}>${module.title}</a>` : html`<span class="title">${module.title}</span>`}
                  ${module.summary ? html`<p>${module.summary}</p>` : nothing}
                  <p class="muted">
                    ${this.raters(module.ratingSummary?.raterCount ?? 0)}${this.profileOf(module)}
                  </p>
                </li>`
              })}
            </ol>`
      }
      ${
        answer.page < answer.totalPages
          ? html`<button
              type="button"
              class="secondary"
              ?disabled=${this.isSearching}
              @click=${() => void this.search(this.page + 1)}
            >
              ${this.t('more')}
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
