/**
 * <qn-rating module="stadtteilkonferenz">: the six bipolar dimensions of a participation
 * module, what visitors think of it (lean, mean, distribution) beside the editors' assessment,
 * and the form to rate some or all dimensions. A visitor may change the rating later from the
 * same browser (the token is kept only after rating; see shared/storage.ts).
 */
import { css, html, nothing } from 'lit'

import { ApiError, apiUrl, requestJson } from './shared/api'
import { cssProps } from './shared/cssProps'
import { QnElement } from './shared/element'
import { type Language } from './shared/i18n'
import {
  keepOwnRating,
  keepVisitorToken,
  type OwnRating,
  ownRating,
  visitorToken,
} from './shared/storage'

export type DimensionSummary = {
  count: number
  distribution: number[]
  high?: string
  label: string
  lean: 'balanced' | 'high' | 'low' | null
  leanLabel: null | string
  low?: string
  mean: null | number
}

export type RatingSummary = {
  dimensions: Record<string, DimensionSummary>
  isLocked: boolean
  raterCount: number
  scale?: { max: number; min: number }
}

export type RateableModule = {
  editorialAssessment?: Record<string, null | number> | null
  id: number | string
  ratingSummary?: RatingSummary
  slug?: string
  title: string
}

type List<T> = { docs: T[] }

const texts = {
  de: {
    changeRating: 'Einschätzung ändern',
    distribution: 'Verteilung',
    editorial: 'Redaktion: {value} von {max}.',
    editorialNone: 'Keine Einschätzung der Redaktion.',
    editorialShort: 'Redaktion',
    heading: 'Einschätzungen zu diesem Modul von Nutzerinnen und Nutzern',
    hint: 'Ihre Einschätzung: Wählen Sie auf einzelnen oder allen Skalen einen Wert zwischen den beiden Polen. Die Balken zeigen, wie andere gewählt haben. Sie können Ihre Einschätzung später in diesem Browser ändern.',
    hintChange:
      'Sie haben dieses Modul bereits eingeschätzt; Ihre Auswahl ist markiert. Sie können sie ändern und erneut abschicken.',
    lean: 'Nutzerinnen und Nutzer: eher „{lean}“ (Mittelwert {mean} von {max}).',
    leanBalanced: 'Nutzerinnen und Nutzer: ausgeglichen (Mittelwert {mean} von {max}).',
    leanNone: 'Noch keine Einschätzungen von Nutzerinnen und Nutzern.',
    locked: 'Für dieses Modul können derzeit keine Einschätzungen abgegeben werden.',
    noneChosen: 'Bitte wählen Sie auf mindestens einer Skala einen Wert.',
    option: '{value} von {max}',
    raterCount: 'Dieses Modul wurde bisher von {count} Nutzerinnen und Nutzern bewertet.',
    raterCountNone: 'Dieses Modul wurde bisher noch nicht bewertet.',
    raterCountOne: 'Dieses Modul wurde bisher von einer Person bewertet.',
    saved: 'Vielen Dank! Ihre Einschätzung wurde gespeichert.',
    submit: 'Einschätzung abschicken',
    votes: '{count} Stimmen',
    votesOne: '1 Stimme',
  },
  en: {
    changeRating: 'Change your assessment',
    distribution: 'Distribution',
    editorial: 'Editors: {value} of {max}.',
    editorialNone: 'No editors’ assessment.',
    editorialShort: 'Editors',
    heading: 'How users assess this module',
    hint: 'Your assessment: choose a value between the two poles on some or all scales. The bars show how others chose. You can change your assessment later in this browser.',
    hintChange:
      'You have assessed this module already; your choices are marked. You can change them and send again.',
    lean: 'Users lean towards “{lean}” (mean {mean} of {max}).',
    leanBalanced: 'Users: balanced (mean {mean} of {max}).',
    leanNone: 'No assessments by users yet.',
    locked: 'This module cannot be assessed at the moment.',
    noneChosen: 'Please choose a value on at least one scale.',
    option: '{value} of {max}',
    raterCount: '{count} users have assessed this module so far.',
    raterCountNone: 'Nobody has assessed this module yet.',
    raterCountOne: 'One person has assessed this module so far.',
    saved: 'Thank you! Your assessment has been saved.',
    submit: 'Send assessment',
    votes: '{count} votes',
    votesOne: '1 vote',
  },
}

const isId = (value: string) => /^\d+$/.test(value)

/** The module with its summary, by slug or id, in one request. */
export const loadRateableModule = async (
  module: string,
  language: Language,
  signal: AbortSignal,
): Promise<RateableModule> => {
  const select = {
    'select[title]': 'true',
    'select[slug]': 'true',
    'select[ratingSummary]': 'true',
    'select[editorialAssessment]': 'true',
  }
  if (isId(module)) {
    return requestJson<RateableModule>(apiUrl(`modules/${module}`, { depth: 0, ...select }), {
      language,
      signal,
    })
  }
  const { docs } = await requestJson<List<RateableModule>>(
    apiUrl('modules', { depth: 0, limit: 1, 'where[slug][equals]': module, ...select }),
    { language, signal },
  )
  if (!docs[0]) {
    throw new ApiError(
      language === 'de' ? 'Dieses Modul wurde nicht gefunden.' : 'This module was not found.',
      404,
    )
  }
  return docs[0]
}

const formatNumber = (value: number, language: Language) =>
  new Intl.NumberFormat(language === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: 1 }).format(
    value,
  )

export class QnRating extends QnElement<(typeof texts)['de'], RateableModule> {
  // A scale's poles and options share a row where the three fit, and stack where they don't (the
  // low pole above the options, the high one below, as they are read): the row's width decides,
  // not the window's, so at 200 % text or in a narrow column it stacks too (WCAG 1.4.10). Each
  // item's flex-basis is huge below 36rem and negative (so 0) above; container queries would say
  // it more plainly, but Safari 15, which the build targets, has none.
  // The radios keep a target of at least 24 × 24 CSS px (WCAG 2.5.8) and never shrink. Where five
  // of them and their gaps don't fit in a row (a phone at 200 % zoom with text at 200 %: 96 px),
  // the steps wrap onto further rows. That is a container query: five times max(1.25rem, 24px)
  // and four gaps of 0.25rem, i.e. 7.25rem, or at most 140px while the root font is below
  // 19.2px. Safari 15 keeps one row there, the radios reaching into the gaps. The editors' mark
  // under its step gives way there: a step is then as narrow as its radio, "Redaktion" broke
  // inside the word ("Re/da/kti/on") and no abbreviation fits every font; the summary below the
  // scale names the editors' value ("Redaktion: 3 von 5."), as it does for screen readers.
  static override styles = [
    ...QnElement.styles,
    css`
      fieldset.dimension {
        border: 0;
        border-top: 1px solid var(--_border);
        margin: 0;
        padding: 0.75rem 0 0.5rem;
      }
      legend {
        float: left;
        width: 100%;
        padding: 0;
        margin-bottom: 0.5rem;
        font-weight: 700;
      }
      /* One row where it fits, else stacked (see above); the container of the steps' query. */
      .scale {
        container-type: inline-size;
        clear: both;
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: flex-end;
        font-size: 0.9375em;
      }
      .scale > * {
        flex-basis: calc((36rem - 100%) * 999);
        flex-grow: 1;
      }
      .scale > .steps {
        flex-grow: 2;
      }
      .pole-high {
        text-align: end;
      }
      .steps {
        display: grid;
        /* Equal steps however long a label under one of them is. */
        grid-template-columns: repeat(5, minmax(0, 1fr));
        gap: 0.25rem;
      }
      .step {
        display: flex;
        flex-direction: column;
        align-items: center;
        margin: 0;
        font-weight: 400;
        cursor: pointer;
      }
      .bar-wrap {
        display: flex;
        align-items: flex-end;
        width: 100%;
        height: 2rem;
        border-bottom: 1px solid var(--_border);
      }
      .bar {
        display: block;
        width: 100%;
        background: var(
          --qn-color-chart,
          color-mix(in srgb, var(--_accent) 55%, var(--_background))
        );
        border-radius: 2px 2px 0 0;
      }
      /* At least 24 px, never squeezed (see above). */
      .step input {
        flex-shrink: 0;
        width: max(1.25rem, 24px);
        min-width: 24px;
        height: max(1.25rem, 24px);
        min-height: 24px;
        margin: 0.375rem 0 0;
        accent-color: var(--_accent);
        cursor: pointer;
      }
      .number {
        font-variant-numeric: tabular-nums;
      }
      /* Centred under its step, or reaching towards the middle (see editorialMark). */
      .editorial-mark {
        align-self: stretch;
        display: flex;
        font-size: 0.75em;
        font-weight: 700;
        color: var(--_muted);
      }
      .editorial-mark.from-end {
        flex-direction: row-reverse;
      }
      .editorial-mark.middle {
        justify-content: center;
      }
      .editorial-mark > span {
        flex: none;
        max-width: calc(var(--room, 1) * 100%);
        margin-inline: auto;
        text-align: center;
      }
      /* Five radios and four gaps don't fit: the steps wrap, the mark gives way (see above). */
      @container (width < 7.25rem) or (width < 140px) {
        .steps {
          grid-template-columns: repeat(auto-fit, minmax(max(1.25rem, 24px), 1fr));
        }
        .editorial-mark {
          display: none;
        }
      }
      .summary {
        margin: 0.5rem 0 0;
        color: var(--_muted);
        font-size: 0.9375em;
      }
      .actions {
        margin-top: 1rem;
      }
    `,
  ]

  static override properties = {
    ...QnElement.properties,
    feedback: { state: true },
    isSending: { state: true },
    module: { type: String },
    preloaded: { attribute: false },
    values: { state: true },
  }

  /** The module's slug (or id). */
  declare module: string
  /** The module, when a surrounding element has loaded it already (no request then). */
  declare preloaded: RateableModule | undefined
  declare values: OwnRating
  declare feedback: { isError: boolean; message: string } | undefined
  declare isSending: boolean

  protected readonly texts = texts

  constructor() {
    super()
    this.module = ''
    this.values = {}
    this.isSending = false
  }

  protected override reloadOn() {
    return ['module', 'preloaded']
  }

  protected async load(signal: AbortSignal) {
    const module = this.preloaded ?? (await loadRateableModule(this.module, this.language, signal))
    this.values = { ...(ownRating(String(module.id)) ?? {}) }
    return module
  }

  private get max() {
    return this.loadState.kind === 'ready'
      ? (this.loadState.data.ratingSummary?.scale?.max ?? 5)
      : 5
  }

  private get min() {
    return this.loadState.kind === 'ready'
      ? (this.loadState.data.ratingSummary?.scale?.min ?? 1)
      : 1
  }

  private raterSentence(count: number) {
    return count === 0
      ? this.t('raterCountNone')
      : count === 1
        ? this.t('raterCountOne')
        : this.t('raterCount', { count })
  }

  /**
   * "Redaktion" under the editors' step, centred while it fits. Wider than its step (a narrow
   * scale, large text) it keeps to the scale: under the first steps it reaches to the right,
   * under the last to the left, at most `--room` steps wide, and wraps beyond that. Flexbox does
   * this without measuring: auto margins centre the text and fall to 0 when there is no room,
   * which leaves it at the start of its row; row-reverse puts that start on the right.
   */
  private editorialMark(index: number, count: number) {
    const middle = (count - 1) / 2
    const side = index < middle ? 'from-start' : index > middle ? 'from-end' : 'middle'
    const room = index < middle ? count - index : index > middle ? index + 1 : count
    return html`<span class="editorial-mark ${side}" aria-hidden="true"
      ><span ${cssProps({ '--room': String(room) })}>${this.t('editorialShort')}</span></span
    >`
  }

  /** One dimension: its poles, the visitors' votes above the steps, and (unless locked) the radio group. */
  private renderDimension(
    key: string,
    dimension: DimensionSummary,
    editorial: null | number | undefined,
    isLocked: boolean,
  ) {
    const { max, min } = this
    const steps = Array.from({ length: max - min + 1 }, (_, index) => index + min)
    const most = Math.max(1, ...dimension.distribution)
    const votes = (count: number) => (count === 1 ? this.t('votesOne') : this.t('votes', { count }))
    const lean =
      dimension.mean === null
        ? this.t('leanNone')
        : this.t(dimension.lean === 'balanced' || !dimension.leanLabel ? 'leanBalanced' : 'lean', {
            lean: dimension.leanLabel ?? '',
            max,
            mean: formatNumber(dimension.mean, this.language),
          })
    const editorialText =
      typeof editorial === 'number'
        ? this.t('editorial', { max, value: editorial })
        : this.t('editorialNone')
    return html`<fieldset class="dimension" part="dimension">
      <legend>${dimension.label}</legend>
      <div class="scale">
        <span class="pole-low" id="low-${key}">${dimension.low ?? ''}</span>
        <span class="steps">
          ${steps.map(
            (value, index) =>
              html`<label class="step">
                <span class="bar-wrap" aria-hidden="true"
                  ><span
                    class="bar"
                    ${cssProps({ height: `${((dimension.distribution[index] ?? 0) / most) * 100}%` })}
                  ></span
                ></span>
                ${
                  isLocked
                    ? nothing
                    : html`<input
                        type="radio"
                        name=${key}
                        .value=${String(value)}
                        .checked=${this.values[key] === value}
                        aria-describedby=${value === min ? `low-${key}` : value === max ? `high-${key}` : nothing}
                        @change=${() => (this.values = { ...this.values, [key]: value })}
                      />`
                }
                <span class="number">${value}</span>
                ${editorial === value ? this.editorialMark(index, steps.length) : nothing}
              </label>`,
          )}
        </span>
        <span class="pole-high" id="high-${key}">${dimension.high ?? ''}</span>
      </div>
      <p class="summary">
        ${lean} ${editorialText}
        ${
          dimension.count > 0
            ? html`<span class="visually-hidden"
                >${this.t('distribution')}:
                ${dimension.distribution.map((count, index) => `${index + min}: ${votes(count)}`).join(', ')}.</span
              >`
            : nothing
        }
      </p>
    </fieldset>`
  }

  private async submit(event: SubmitEvent) {
    event.preventDefault()
    if (this.loadState.kind !== 'ready' || this.isSending) {
      return
    }
    const module = this.loadState.data
    if (Object.keys(this.values).length === 0) {
      this.feedback = { isError: true, message: this.t('noneChosen') }
      await this.updateComplete
      this.renderRoot.querySelector<HTMLInputElement>('input[type="radio"]')?.focus()
      return
    }
    this.isSending = true
    this.feedback = undefined
    try {
      const token = visitorToken()
      const answer = await requestJson<{
        rating: { values: OwnRating }
        ratingSummary: RatingSummary
        visitorToken: string
      }>(apiUrl(`modules/${module.id}/ratings`), {
        body: { values: this.values },
        headers: token ? { 'X-Visitor-Token': token } : {},
        language: this.language,
        method: 'POST',
      })
      keepVisitorToken(answer.visitorToken)
      keepOwnRating(String(module.id), answer.rating.values)
      this.loadState = { data: { ...module, ratingSummary: answer.ratingSummary }, kind: 'ready' }
      this.feedback = { isError: false, message: this.t('saved') }
      this.dispatchEvent(
        new CustomEvent('qn-rated', {
          bubbles: true,
          composed: true,
          detail: { module: module.id, ratingSummary: answer.ratingSummary },
        }),
      )
    } catch (err) {
      this.feedback = {
        isError: true,
        message: err instanceof Error ? err.message : this.t('unexpected'),
      }
    } finally {
      this.isSending = false
    }
  }

  override render() {
    return html`<section part="container">
      ${this.renderLoaded((module) => {
        const summary = module.ratingSummary
        if (!summary) {
          return html`<p class="notice">${this.t('locked')}</p>`
        }
        const hasRated = Object.keys(ownRating(String(module.id)) ?? {}).length > 0
        const dimensions = Object.entries(summary.dimensions).map(([key, dimension]) =>
          this.renderDimension(key, dimension, module.editorialAssessment?.[key], summary.isLocked),
        )
        return html`${this.heading(0, this.t('heading'))}
          <p part="rater-count">${this.raterSentence(summary.raterCount)}</p>
          ${
            summary.isLocked
              ? html`<p class="notice">${this.t('locked')}</p>
                  ${dimensions}`
              : html`<form @submit=${this.submit} novalidate part="form">
                  <p class="hint">${hasRated ? this.t('hintChange') : this.t('hint')}</p>
                  ${dimensions}
                  ${this.feedback?.isError ? html`<p class="notice error" role="alert">${this.feedback.message}</p>` : nothing}
                  <p class="actions">
                    <button type="submit" aria-disabled=${this.isSending ? 'true' : nothing}>
                      ${this.isSending ? this.t('sending') : hasRated ? this.t('changeRating') : this.t('submit')}
                    </button>
                  </p>
                  <p class="visually-hidden" role="status">
                    ${this.feedback && !this.feedback.isError ? this.feedback.message : ''}
                  </p>
                  ${this.feedback && !this.feedback.isError ? html`<p class="notice success fade-in" aria-hidden="true">${this.feedback.message}</p>` : nothing}
                </form>`
          }`
      })}
    </section>`
  }
}

if (!customElements.get('qn-rating')) {
  customElements.define('qn-rating', QnRating)
}
