/**
 * Form fields with their errors tied to them: a label, the control, a hint and an error message
 * linked by aria-describedby, aria-invalid while wrong. Used by the comment and registration
 * forms so both behave the same for keyboard and screen-reader users.
 */
import { html, nothing, type TemplateResult } from 'lit'
import { ifDefined } from 'lit/directives/if-defined.js'
import { live } from 'lit/directives/live.js'

import { ApiError, type FieldError } from './api'

export type FieldErrors = Record<string, string>

/** Server errors by field path; messages without a known field go to the summary. */
const errorsByField = (
  errors: FieldError[],
  known: string[],
): { fields: FieldErrors; rest: string[] } => {
  const fields: FieldErrors = {}
  const rest: string[] = []
  for (const error of errors) {
    if (known.includes(error.path)) {
      fields[error.path] ??= error.message
    } else {
      rest.push(error.message)
    }
  }
  return { fields, rest }
}

type ControlArgs = {
  autocomplete?: string
  error?: string
  hint?: string
  id: string
  isRequired?: boolean
  label: string
  maxLength?: number
  onInput: (value: string) => void
  requiredText: string
  type?: 'email' | 'text'
  value: string
}

const describedBy = (id: string, hint?: string, error?: string) =>
  [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined

const labelText = (label: string, isRequired: boolean | undefined, requiredText: string) =>
  html`${label}${isRequired ? html` <span class="muted">(${requiredText})</span>` : nothing}`

const messages = (id: string, hint?: string, error?: string) =>
  html`${hint ? html`<p class="hint" id="${id}-hint">${hint}</p>` : nothing}${error ? html`<p class="field-error" id="${id}-error">${error}</p>` : nothing}`

export const textField = ({
  autocomplete,
  error,
  hint,
  id,
  isRequired,
  label,
  maxLength,
  onInput,
  requiredText,
  type = 'text',
  value,
}: ControlArgs): TemplateResult =>
  html`<div class="field">
    <label for=${id}>${labelText(label, isRequired, requiredText)}</label>
    <input
      id=${id}
      name=${id}
      type=${type}
      autocomplete=${ifDefined(autocomplete)}
      maxlength=${ifDefined(maxLength)}
      ?required=${Boolean(isRequired)}
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${ifDefined(describedBy(id, hint, error))}
      .value=${live(value)}
      @input=${(event: Event) => onInput((event.target as HTMLInputElement).value)}
    />
    ${messages(id, hint, error)}
  </div>`

export const textArea = ({
  error,
  hint,
  id,
  isRequired,
  label,
  maxLength,
  onInput,
  requiredText,
  value,
}: ControlArgs): TemplateResult =>
  html`<div class="field">
    <label for=${id}>${labelText(label, isRequired, requiredText)}</label>
    <textarea
      id=${id}
      name=${id}
      maxlength=${ifDefined(maxLength)}
      ?required=${Boolean(isRequired)}
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${ifDefined(describedBy(id, hint, error))}
      .value=${live(value)}
      @input=${(event: Event) => onInput((event.target as HTMLTextAreaElement).value)}
    ></textarea>
    ${messages(id, hint, error)}
  </div>`

export const selectField = ({
  error,
  hint,
  id,
  isRequired,
  label,
  onInput,
  options,
  placeholder,
  requiredText,
  value,
}: Omit<ControlArgs, 'maxLength' | 'type'> & {
  options: { label: string; value: string }[]
  placeholder: string
}): TemplateResult =>
  html`<div class="field">
    <label for=${id}>${labelText(label, isRequired, requiredText)}</label>
    <select
      id=${id}
      name=${id}
      ?required=${Boolean(isRequired)}
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${ifDefined(describedBy(id, hint, error))}
      @change=${(event: Event) => onInput((event.target as HTMLSelectElement).value)}
    >
      <option value="" ?selected=${!value}>${placeholder}</option>
      ${options.map((option) => html`<option value=${option.value} ?selected=${option.value === value}>${option.label}</option>`)}
    </select>
    ${messages(id, hint, error)}
  </div>`

export const checkboxField = ({
  checked,
  error,
  id,
  label,
  onChange,
}: {
  checked: boolean
  error?: string
  id: string
  label: TemplateResult | string
  onChange: (checked: boolean) => void
}): TemplateResult =>
  html`<div class="field checkbox">
    <input
      id=${id}
      name=${id}
      type="checkbox"
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${ifDefined(error ? `${id}-error` : undefined)}
      .checked=${live(checked)}
      @change=${(event: Event) => onChange((event.target as HTMLInputElement).checked)}
    />
    <label for=${id}>${label}</label>
    ${error ? html`<p class="field-error" id="${id}-error">${error}</p>` : nothing}
  </div>`

/** Statuses that say the input was wrong (the form asks to check it), not closed, full or busy. */
const INPUT_STATUSES = new Set([400, 413, 422])

/**
 * Where a refused submission's messages go: each beside the field it names (`known` are the
 * form's field paths), and what belongs to no field (closed, full, busy) above the form;
 * `isAboutInput` whether the summary should ask to check the input.
 */
export const placeErrors = (
  err: unknown,
  known: string[],
  fallback: string,
): { fields: FieldErrors; isAboutInput: boolean; summary: string[] } => {
  const error = err instanceof ApiError ? err : new ApiError(fallback, 0)
  const { fields, rest } = errorsByField(error.fieldErrors, known)
  return {
    fields,
    isAboutInput: INPUT_STATUSES.has(error.status),
    summary: Object.keys(fields).length || rest.length ? rest : [error.message],
  }
}

/**
 * Focus on the first invalid field (found by its id). Without one the focus stays where it was
 * (the submit button keeps it while busy, see styles.ts), the summary is read from its live
 * region, and the place it is about to fill is scrolled into view.
 */
export const focusFirstError = (
  root: ParentNode,
  errors: FieldErrors,
  idOf: (path: string) => string = (path) => path,
) => {
  const first = Object.keys(errors)[0]
  if (first) {
    root.querySelector<HTMLElement>(`#${CSS.escape(idOf(first))}`)?.focus()
  } else {
    root.querySelector<HTMLElement>('.error-summary-region')?.scrollIntoView({ block: 'nearest' })
  }
}

/** The summary's messages: those that belong to no field, then each field's in the form's order. */
export const summaryMessages = (rest: string[], fields: FieldErrors, order: string[]) => [
  ...rest,
  ...order.flatMap((path) => (fields[path] ? [fields[path]] : [])),
]

/**
 * What is wrong, above the form. Its wrapper is a live region that is always in the DOM, so the
 * summary is read when it appears, also when the focus cannot move (Enter in the very field the
 * server refused); it is never focused, so it is read once. Polite and filled after the focus
 * has moved: it is read after the first wrong field, not cutting it off. The form empties it
 * on every submit, so the same messages again are read again.
 */
export const errorSummary = (intro: string, messages: string[]) =>
  html`<div class="error-summary-region" aria-live="polite" aria-atomic="true">
    ${
      messages.length
        ? html`<div class="notice error error-summary">
            <p>${intro}</p>
            <ul>
              ${messages.map((message) => html`<li>${message}</li>`)}
            </ul>
          </div>`
        : nothing
    }
  </div>`

/**
 * The next step once a form is sent, in the form's place. The form and the button that had the
 * focus are gone, so the focus moves here (`focusSent`): a group named by its heading and
 * described by its text, which a screen reader reads once when it gets the focus. It is no live
 * region as well (role=status), or it would be read twice. Where the form stays (the rating),
 * the focus stays on its button and a live region speaks instead: one or the other, never both.
 */
export const sentNotice = (
  heading: (id: string) => TemplateResult,
  text: string,
  after: unknown = nothing,
) =>
  html`<div
    class="notice success sent"
    role="group"
    aria-labelledby="sent-heading"
    aria-describedby="sent-text"
    tabindex="-1"
    part="sent"
  >
    ${heading('sent-heading')}
    <p id="sent-text">${text}</p>
    ${after}
  </div>`

/** Moves the focus to the sent notice (see sentNotice); call it once that is rendered. */
export const focusSent = (root: ParentNode) => root.querySelector<HTMLElement>('.sent')?.focus()

/** A plausible e-mail address (the server checks again). */
export const looksLikeEmail = (value: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim())
