/**
 * <qn-registration event="netzwerktreffen-ag-soziale-stadt-2026-12-03">: the registration form
 * of one event with its own questions and the consent, the event's state (open with seats
 * left, full with a waiting list, closed, deadline passed, past, cancelled) and, once sent, the
 * honest next step: confirm the address by the mailed link. It never shows or needs the online
 * access link (only confirmed registrants get it, by mail). One request to load, one to send.
 */
import { css, html, nothing } from 'lit'

import { ApiError, apiUrl, requestJson, serverBase } from './shared/api'
import { QnElement } from './shared/element'
import {
  checkboxField,
  errorSummary,
  type FieldErrors,
  focusFirstError,
  focusSent,
  looksLikeEmail,
  placeErrors,
  selectField,
  sentNotice,
  summaryMessages,
  textField,
} from './shared/form'
import { formatDate, formatPeriod, isAfterDeadlineDay } from './shared/format'
import { type Language } from './shared/i18n'

type Question = {
  key: string
  label: string
  options?: { value: string }[] | null
  required?: boolean | null
  type: 'select' | 'text'
}

export type RegistrationEvent = {
  capacity?: null | number
  customQuestions?: Question[] | null
  end?: null | string
  hasWaitingList?: boolean | null
  id: number
  isCancelled?: boolean | null
  registration?: { deadline?: null | string; note?: null | string } | null
  registrationOpen?: boolean | null
  seatsTaken?: number
  slug: string
  start: string
  title: string
}

type State = 'cancelled' | 'closed' | 'deadline' | 'full' | 'open' | 'past' | 'waiting-list'

const texts = {
  de: {
    cancelled: 'Diese Veranstaltung wurde abgesagt.',
    closed: 'Für diese Veranstaltung ist keine Online-Anmeldung möglich.',
    consent:
      'Ich bin einverstanden, dass meine Angaben zur Durchführung der Veranstaltung gespeichert und nach der Veranstaltung gelöscht werden (wann genau, sagen die Datenschutzhinweise).',
    consentMissing: 'Bitte stimmen Sie der Verarbeitung Ihrer Angaben zu.',
    deadline: 'Anmeldeschluss: {date}',
    deadlinePassed: 'Der Anmeldeschluss am {date} ist vorbei.',
    email: 'E-Mail-Adresse',
    emailHint: 'An diese Adresse schicken wir den Link zur Bestätigung.',
    emailInvalid: 'Bitte geben Sie eine gültige E-Mail-Adresse an.',
    errorsIntro: 'Bitte prüfen Sie Ihre Angaben:',
    notSentIntro: 'Ihre Anmeldung wurde nicht gesendet:',
    full: 'Die Veranstaltung ist ausgebucht.',
    heading: 'Anmeldung',
    missing: 'Bitte geben Sie „{label}“ an.',
    name: 'Name',
    past: 'Diese Veranstaltung hat bereits stattgefunden.',
    privacy: 'Hinweise zum Datenschutz',
    seatsLeft: 'Noch {left} von {capacity} Plätzen frei.',
    seatsLeftOne: 'Noch 1 Platz frei.',
    selectPlaceholder: 'Bitte auswählen',
    sentHeading: 'Fast geschafft: Bitte bestätigen Sie Ihre Anmeldung',
    sentText:
      'Wir haben Ihnen eine E-Mail an {email} geschickt. Erst wenn Sie den Link darin bestätigen, ist Ihre Anmeldung gültig. Kommt keine E-Mail an, sehen Sie bitte auch im Spam-Ordner nach.',
    submit: 'Anmelden',
    submitWaitingList: 'Auf die Warteliste setzen',
    waitingList:
      'Alle Plätze sind vergeben. Sie können sich auf die Warteliste setzen lassen: Wird ein Platz frei, rücken Sie in der Reihenfolge der Anmeldungen nach und erhalten eine E-Mail.',
  },
  en: {
    cancelled: 'This event has been cancelled.',
    closed: 'Online registration is not available for this event.',
    consent:
      'I agree that my details are stored to run the event and deleted after it (the privacy notice says when).',
    consentMissing: 'Please agree to the processing of your details.',
    deadline: 'Registration closes: {date}',
    deadlinePassed: 'Registration closed on {date}.',
    email: 'E-mail address',
    emailHint: 'We will send the confirmation link to this address.',
    emailInvalid: 'Please enter a valid e-mail address.',
    errorsIntro: 'Please check your details:',
    notSentIntro: 'Your registration was not sent:',
    full: 'This event is fully booked.',
    heading: 'Registration',
    missing: 'Please fill in "{label}".',
    name: 'Name',
    past: 'This event has already taken place.',
    privacy: 'Privacy notice',
    seatsLeft: '{left} of {capacity} seats left.',
    seatsLeftOne: '1 seat left.',
    selectPlaceholder: 'Please choose',
    sentHeading: 'Almost done: please confirm your registration',
    sentText:
      'We have sent an e-mail to {email}. Your registration only counts once you confirm the link in it. If no e-mail arrives, please check your spam folder too.',
    submit: 'Register',
    submitWaitingList: 'Join the waiting list',
    waitingList:
      'All seats are taken. You can join the waiting list: if a seat becomes free, people move up in the order they registered and get an e-mail.',
  },
}

const isId = (value: string) => /^\d+$/.test(value)

const SELECTED = [
  'title',
  'slug',
  'start',
  'end',
  'isCancelled',
  'registration',
  'registrationOpen',
  'capacity',
  'seatsTaken',
  'hasWaitingList',
  'customQuestions',
]

export const loadRegistrationEvent = async (
  event: string,
  language: Language,
  signal: AbortSignal,
): Promise<RegistrationEvent> => {
  const select = Object.fromEntries(SELECTED.map((field) => [`select[${field}]`, 'true']))
  if (isId(event)) {
    return requestJson<RegistrationEvent>(apiUrl(`events/${event}`, { depth: 0, ...select }), {
      language,
      signal,
    })
  }
  const { docs } = await requestJson<{ docs: RegistrationEvent[] }>(
    apiUrl('events', { depth: 0, limit: 1, 'where[slug][equals]': event, ...select }),
    { language, signal },
  )
  if (!docs[0]) {
    throw new ApiError(
      language === 'de' ? 'Diese Veranstaltung wurde nicht gefunden.' : 'This event was not found.',
      404,
    )
  }
  return docs[0]
}

export const stateOf = (event: RegistrationEvent, now = new Date()): State => {
  if (event.isCancelled) return 'cancelled'
  if (new Date(event.start).getTime() <= now.getTime()) return 'past'
  // Checked first: past its deadline the API answers registrationOpen false as well.
  if (isAfterDeadlineDay(event.registration?.deadline, now)) return 'deadline'
  if (!event.registrationOpen) return 'closed'
  if (typeof event.capacity === 'number' && (event.seatsTaken ?? 0) >= event.capacity)
    return event.hasWaitingList ? 'waiting-list' : 'full'
  return 'open'
}

export class QnRegistration extends QnElement<(typeof texts)['de'], RegistrationEvent> {
  static override styles = [
    ...QnElement.styles,
    css`
      .when {
        font-weight: 600;
      }
    `,
  ]

  static override properties = {
    ...QnElement.properties,
    answers: { state: true },
    consent: { state: true },
    email: { state: true },
    errors: { state: true },
    event: { type: String },
    isSending: { state: true },
    name: { state: true },
    preloaded: { attribute: false },
    privacyHref: { attribute: 'privacy-href', type: String },
    sentTo: { state: true },
    summary: { state: true },
    summaryIntro: { state: true },
  }

  /** The event's slug (or id). */
  declare event: string
  declare preloaded: RegistrationEvent | undefined
  /** Where the privacy notice is; by default the server's. */
  declare privacyHref: string | undefined
  declare answers: Record<string, string>
  declare consent: boolean
  declare email: string
  declare errors: FieldErrors
  declare isSending: boolean
  declare name: string
  declare sentTo: string | undefined
  declare summary: string[]
  /** Whether the messages above the form ask to check the input or say it wasn't sent. */
  declare summaryIntro: 'errorsIntro' | 'notSentIntro'

  protected readonly texts = texts

  constructor() {
    super()
    this.event = ''
    this.answers = {}
    this.consent = false
    this.email = ''
    this.errors = {}
    this.isSending = false
    this.name = ''
    this.summary = []
    this.summaryIntro = 'errorsIntro'
  }

  protected override reloadOn() {
    return ['event', 'preloaded']
  }

  protected async load(signal: AbortSignal) {
    return this.preloaded ?? (await loadRegistrationEvent(this.event, this.language, signal))
  }

  private fieldId(path: string) {
    return path.startsWith('answers.') ? `answer-${path.slice('answers.'.length)}` : path
  }

  /** Errors found before sending: the same words the server would use. */
  private check(event: RegistrationEvent): FieldErrors {
    const errors: FieldErrors = {}
    if (!this.name.trim()) errors.name = this.t('missing', { label: this.t('name') })
    if (!this.email.trim()) errors.email = this.t('missing', { label: this.t('email') })
    else if (!looksLikeEmail(this.email)) errors.email = this.t('emailInvalid')
    for (const question of event.customQuestions ?? []) {
      if (question.required && !this.answers[question.key]?.trim()) {
        errors[`answers.${question.key}`] = this.t('missing', { label: question.label })
      }
    }
    if (!this.consent) errors.consent = this.t('consentMissing')
    return errors
  }

  /** The form's field paths in the order they are shown. */
  private fieldPaths(event: RegistrationEvent) {
    return [
      'name',
      'email',
      ...(event.customQuestions ?? []).map((question) => `answers.${question.key}`),
      'consent',
    ]
  }

  /** Marks the wrong fields, moves the focus to the first, then fills the summary (see errorSummary). */
  private async showErrors(
    event: RegistrationEvent,
    fields: FieldErrors,
    rest: string[],
    intro: QnRegistration['summaryIntro'],
  ) {
    this.errors = fields
    await this.updateComplete
    focusFirstError(this.renderRoot, fields, (path) => this.fieldId(path))
    this.summaryIntro = intro
    this.summary = summaryMessages(rest, fields, this.fieldPaths(event))
  }

  private async submit(submitEvent: SubmitEvent) {
    submitEvent.preventDefault()
    if (this.loadState.kind !== 'ready' || this.isSending) {
      return
    }
    const event = this.loadState.data
    this.summary = []
    const errors = this.check(event)
    if (Object.keys(errors).length) {
      await this.showErrors(event, errors, [], 'errorsIntro')
      return
    }
    this.errors = {}
    this.isSending = true
    try {
      await requestJson(apiUrl(`events/${event.id}/registrations`), {
        body: {
          answers: Object.fromEntries(
            Object.entries(this.answers).filter(([, value]) => value.trim()),
          ),
          consent: true,
          email: this.email.trim(),
          name: this.name.trim(),
          returnUrl: window.location.href,
        },
        language: this.language,
        method: 'POST',
      })
      this.sentTo = this.email.trim()
      await this.updateComplete
      focusSent(this.renderRoot)
    } catch (err) {
      const { fields, isAboutInput, summary } = placeErrors(
        err,
        this.fieldPaths(event),
        this.t('unexpected'),
      )
      await this.showErrors(event, fields, summary, isAboutInput ? 'errorsIntro' : 'notSentIntro')
    } finally {
      this.isSending = false
    }
  }

  private renderState(event: RegistrationEvent, state: State) {
    const deadline = event.registration?.deadline
    switch (state) {
      case 'cancelled':
        return html`<p class="notice error">${this.t('cancelled')}</p>`
      case 'past':
        return html`<p class="notice">${this.t('past')}</p>`
      case 'closed':
        return html`<p class="notice">${this.t('closed')}</p>
          ${event.registration?.note ? html`<p>${event.registration.note}</p>` : nothing}`
      case 'deadline':
        return html`<p class="notice">
          ${this.t('deadlinePassed', { date: formatDate(deadline!, this.language) })}
        </p>`
      case 'full':
        return html`<p class="notice">${this.t('full')}</p>`
      case 'waiting-list':
        return html`<p class="notice">${this.t('waitingList')}</p>`
      case 'open': {
        const left =
          typeof event.capacity === 'number'
            ? Math.max(0, event.capacity - (event.seatsTaken ?? 0))
            : undefined
        return html`<p>
          ${left === undefined ? nothing : left === 1 ? this.t('seatsLeftOne') : this.t('seatsLeft', { capacity: event.capacity!, left })}
          ${deadline ? this.t('deadline', { date: formatDate(deadline, this.language) }) : nothing}
        </p>`
      }
    }
  }

  private renderForm(event: RegistrationEvent, state: State) {
    const required = this.t('required')
    const privacyHref = this.privacyHref || new URL('datenschutz', serverBase).href
    return html`<form @submit=${this.submit} novalidate part="form">
      ${errorSummary(this.t(this.summaryIntro), this.summary)}
      ${textField({ autocomplete: 'name', error: this.errors.name, id: 'name', isRequired: true, label: this.t('name'), maxLength: 120, onInput: (value) => (this.name = value), requiredText: required, value: this.name })}
      ${textField({
        autocomplete: 'email',
        error: this.errors.email,
        hint: this.t('emailHint'),
        id: 'email',
        isRequired: true,
        label: this.t('email'),
        maxLength: 254,
        onInput: (value) => (this.email = value),
        requiredText: required,
        type: 'email',
        value: this.email,
      })}
      ${(event.customQuestions ?? []).map((question) => {
        const args = {
          error: this.errors[`answers.${question.key}`],
          id: this.fieldId(`answers.${question.key}`),
          isRequired: Boolean(question.required),
          label: question.label,
          onInput: (value: string) => (this.answers = { ...this.answers, [question.key]: value }),
          requiredText: required,
          value: this.answers[question.key] ?? '',
        }
        return question.type === 'select'
          ? selectField({
              ...args,
              options: (question.options ?? []).map(({ value }) => ({ label: value, value })),
              placeholder: this.t('selectPlaceholder'),
            })
          : textField({ ...args, maxLength: 500 })
      })}
      ${checkboxField({
        checked: this.consent,
        error: this.errors.consent,
        id: 'consent',
        label: html`${this.t('consent')}
          <a href=${privacyHref} target="_blank" rel="noopener">${this.t('privacy')}</a>`,
        onChange: (checked) => (this.consent = checked),
      })}
      <button type="submit" aria-disabled=${this.isSending ? 'true' : nothing}>
        ${this.isSending ? this.t('sending') : state === 'waiting-list' ? this.t('submitWaitingList') : this.t('submit')}
      </button>
    </form>`
  }

  override render() {
    return html`<section part="container">
      ${this.renderLoaded((event) => {
        const state = stateOf(event)
        return html`${this.heading(0, html`${this.t('heading')}: ${event.title}`)}
          <p class="when">
            <time datetime=${event.start}
              >${formatPeriod(event.start, event.end, this.language)}</time
            >
          </p>
          ${
            this.sentTo
              ? sentNotice(
                  (id) => this.heading(1, this.t('sentHeading'), id),
                  this.t('sentText', { email: this.sentTo }),
                )
              : html`${this.renderState(event, state)}
                ${state === 'open' || state === 'waiting-list' ? this.renderForm(event, state) : nothing}`
          }`
      })}
    </section>`
  }
}

if (!customElements.get('qn-registration')) {
  customElements.define('qn-registration', QnRegistration)
}
