/**
 * <qn-comments target="modules/stadtteilkonferenz">: the approved comments on a module or project
 * with one level of replies (the editors' official replies marked as such), a way to report a
 * comment, and the form to write one, with the honest next step once it is sent: confirm the
 * address by the mailed link, then the editors review it. One request to load (the thread with
 * a signed form token), one to send.
 */
import { css, html, nothing, type TemplateResult } from 'lit'

import { apiUrl, requestJson, serverBase } from './shared/api'
import { QnElement } from './shared/element'
import {
  checkboxField,
  errorSummary,
  type FieldErrors,
  focusFirstError,
  focusSent,
  looksLikeEmail,
  placeErrors,
  sentNotice,
  summaryMessages,
  textArea,
  textField,
} from './shared/form'
import { formatDate } from './shared/format'

export type ThreadComment = {
  authorName: string
  createdAt: string
  id: number | string
  isOfficial?: boolean
  replies?: ThreadComment[]
  text: string
}

export type Thread = {
  comments: ThreadComment[]
  formToken: string
  maxTextLength?: number
  minSubmitSeconds?: number
  target: { collection: string; id: number | string; slug?: string; title: string }
  totalDocs: number
}

const texts = {
  de: {
    cancelReply: 'Antwort abbrechen',
    comment: 'Kommentar',
    commentHint: 'Höchstens {max} Zeichen. Links sind nur begrenzt erlaubt.',
    consent:
      'Ich habe die Netiquette gelesen und bin einverstanden, dass mein Name und mein Kommentar nach Prüfung durch die Redaktion veröffentlicht werden. Meine E-Mail-Adresse wird nicht veröffentlicht.',
    consentMissing: 'Bitte stimmen Sie zu, damit wir Ihren Kommentar veröffentlichen dürfen.',
    email: 'E-Mail-Adresse',
    emailHint:
      'Wird nicht veröffentlicht. Sie erhalten einen Link, mit dem Sie Ihren Kommentar bestätigen.',
    emailInvalid: 'Bitte geben Sie eine gültige E-Mail-Adresse an.',
    emptyModules: 'Für dieses Modul sind noch keine Kommentare vorhanden.',
    emptyOther: 'Hierzu sind noch keine Kommentare vorhanden.',
    emptyProjects: 'Für dieses Projekt sind noch keine Kommentare vorhanden.',
    errorsIntro: 'Bitte prüfen Sie Ihre Angaben:',
    notSentIntro: 'Ihr Kommentar wurde nicht gesendet:',
    reportNotSentIntro: 'Ihre Meldung wurde nicht gesendet:',
    formHeading: 'Kommentar schreiben',
    heading: 'Kommentare',
    honeypot: 'Bitte dieses Feld leer lassen',
    missing: 'Bitte geben Sie „{label}“ an.',
    name: 'Name',
    nameHint: 'Wird mit Ihrem Kommentar veröffentlicht; ein Vorname genügt.',
    notifyApproval: 'Bitte benachrichtigen Sie mich, wenn mein Kommentar veröffentlicht ist.',
    notifyReply: 'Bitte benachrichtigen Sie mich, wenn die Redaktion antwortet.',
    official: 'Antwort der Redaktion',
    netiquette: 'Netiquette',
    privacy: 'Hinweise zum Datenschutz',
    replyHeading: 'Antwort an {name} schreiben',
    replyTo: 'Antworten',
    replyToLabel: 'Auf den Kommentar von {name} antworten',
    report: 'Melden',
    reportLabel: 'Kommentar von {name} der Redaktion melden',
    reported: 'Danke für Ihren Hinweis. Die Redaktion sieht sich den Kommentar an.',
    sentHeading: 'Fast geschafft: Bitte bestätigen Sie Ihre E-Mail-Adresse',
    sentText:
      'Wir haben Ihnen eine E-Mail an {email} geschickt. Bitte bestätigen Sie Ihre E-Mail-Adresse; danach prüft die Redaktion Ihren Kommentar, bevor er hier erscheint.',
    submit: 'Kommentar senden',
    writeAnother: 'Weiteren Kommentar schreiben',
    wrote: '{date}',
  },
  en: {
    cancelReply: 'Cancel reply',
    comment: 'Comment',
    commentHint: 'At most {max} characters. Only a few links are allowed.',
    consent:
      'I have read the netiquette and agree that my name and comment are published once the editors have reviewed them. My e-mail address is not published.',
    consentMissing: 'Please agree so that we may publish your comment.',
    email: 'E-mail address',
    emailHint: 'Not published. You will get a link to confirm your comment.',
    emailInvalid: 'Please enter a valid e-mail address.',
    emptyModules: 'There are no comments on this module yet.',
    emptyOther: 'There are no comments yet.',
    emptyProjects: 'There are no comments on this project yet.',
    errorsIntro: 'Please check your details:',
    notSentIntro: 'Your comment was not sent:',
    reportNotSentIntro: 'Your report was not sent:',
    formHeading: 'Write a comment',
    heading: 'Comments',
    honeypot: 'Please leave this field empty',
    missing: 'Please fill in "{label}".',
    name: 'Name',
    nameHint: 'Published with your comment; a first name is enough.',
    notifyApproval: 'Please let me know when my comment is published.',
    notifyReply: 'Please let me know when the editors reply.',
    official: 'Reply from the editors',
    netiquette: 'Netiquette',
    privacy: 'Privacy notice',
    replyHeading: 'Reply to {name}',
    replyTo: 'Reply',
    replyToLabel: 'Reply to the comment by {name}',
    report: 'Report',
    reportLabel: 'Report the comment by {name} to the editors',
    reported: 'Thank you. The editors will look at the comment.',
    sentHeading: 'Almost done: please confirm your e-mail address',
    sentText:
      'We have sent an e-mail to {email}. Please confirm your e-mail address; the editors then review your comment before it appears here.',
    submit: 'Send comment',
    writeAnother: 'Write another comment',
    wrote: '{date}',
  },
}

const FIELDS = ['authorName', 'email', 'text', 'consent']
const HONEYPOT_FIELD = 'website'

export class QnComments extends QnElement<(typeof texts)['de'], Thread> {
  static override styles = [
    ...QnElement.styles,
    css`
      ol.comments,
      ol.replies {
        list-style: none;
        padding: 0;
        margin: 0 0 1rem;
      }
      ol.replies {
        /* Less indented when very narrow, so a reply keeps room for its words. */
        margin: 0.75rem 0 0 min(1.25rem, 8%);
        padding-left: min(1rem, 8%);
        border-left: 3px solid var(--_border);
      }
      article.comment {
        padding: 0.75rem 0;
        border-top: 1px solid var(--_border);
      }
      ol.replies article.comment {
        border-top: 0;
        padding-bottom: 0;
      }
      .meta {
        margin: 0 0 0.25rem;
      }
      .author {
        font-weight: 700;
      }
      .official {
        display: inline-block;
        margin-left: 0.5rem;
        padding: 0 0.5rem;
        border-radius: var(--_radius);
        background: var(--_accent);
        color: var(--_accent-text);
        font-size: 0.875em;
        font-weight: 600;
      }
      .text {
        white-space: pre-line;
        overflow-wrap: anywhere;
      }
      .actions {
        display: flex;
        gap: 0.5rem;
        flex-wrap: wrap;
      }
      .actions button {
        min-height: 2.25rem;
        padding: 0.25rem 0.75rem;
        font-weight: 500;
      }
      form {
        margin-top: 1.5rem;
      }
    `,
  ]

  static override properties = {
    ...QnElement.properties,
    authorName: { state: true },
    consent: { state: true },
    email: { state: true },
    errors: { state: true },
    isSending: { state: true },
    notifyOnApproval: { state: true },
    notifyOnOfficialReply: { state: true },
    preloaded: { attribute: false },
    privacyHref: { attribute: 'privacy-href', type: String },
    replyTo: { state: true },
    reportErrors: { state: true },
    reported: { state: true },
    reporting: { state: true },
    sentTo: { state: true },
    summary: { state: true },
    summaryIntro: { state: true },
    target: { type: String },
    text: { state: true },
  }

  /** `modules/<slug>` or `projects/<slug>` (an id works too). */
  declare target: string
  declare preloaded: Thread | undefined
  declare privacyHref: string | undefined
  declare authorName: string
  declare consent: boolean
  declare email: string
  declare errors: FieldErrors
  declare isSending: boolean
  declare notifyOnApproval: boolean
  declare notifyOnOfficialReply: boolean
  declare replyTo: ThreadComment | undefined
  declare reported: Set<string>
  /** A failed report's message by comment id, shown beside that comment's report button. */
  declare reportErrors: Record<string, string>
  /** The comment whose report is being sent. */
  declare reporting: string | undefined
  declare sentTo: string | undefined
  declare summary: string[]
  /** Whether the messages above the form ask to check the input or say what wasn't sent. */
  declare summaryIntro: 'errorsIntro' | 'notSentIntro'
  declare text: string

  protected readonly texts = texts

  constructor() {
    super()
    this.target = ''
    this.authorName = ''
    this.consent = false
    this.email = ''
    this.errors = {}
    this.isSending = false
    this.notifyOnApproval = false
    this.notifyOnOfficialReply = false
    this.reported = new Set()
    this.reportErrors = {}
    this.summary = []
    this.summaryIntro = 'errorsIntro'
    this.text = ''
  }

  protected override reloadOn() {
    return ['target', 'preloaded']
  }

  protected async load(signal: AbortSignal) {
    return (
      this.preloaded ??
      (await requestJson<Thread>(apiUrl('comments/thread', { target: this.target }), {
        language: this.language,
        signal,
      }))
    )
  }

  private emptyText(collection: string) {
    return collection === 'modules'
      ? this.t('emptyModules')
      : collection === 'projects'
        ? this.t('emptyProjects')
        : this.t('emptyOther')
  }

  /**
   * A failed report says so beside its button, not in the form's summary: after sending a
   * comment the form is gone, and it is about the comment, not the form. The message is removed
   * while the report is sent again, so a second failure is read again.
   */
  private async report(comment: ThreadComment) {
    const id = String(comment.id)
    if (this.reporting) {
      return
    }
    this.reportErrors = Object.fromEntries(
      Object.entries(this.reportErrors).filter(([key]) => key !== id),
    )
    this.reporting = id
    try {
      await requestJson(apiUrl(`comments/${comment.id}/report`), {
        body: {},
        language: this.language,
        method: 'POST',
      })
      this.reported = new Set([...this.reported, id])
      // The button is gone: the focus goes to the thanks in its place (see sentNotice).
      await this.updateComplete
      this.renderRoot.querySelector<HTMLElement>(`#reported-${CSS.escape(id)}`)?.focus()
    } catch (err) {
      const message = err instanceof Error ? err.message : this.t('unexpected')
      this.reportErrors = { ...this.reportErrors, [id]: message }
    } finally {
      this.reporting = undefined
    }
  }

  private async startReply(comment: ThreadComment) {
    this.replyTo = comment
    this.sentTo = undefined
    await this.updateComplete
    this.renderRoot.querySelector<HTMLElement>('#authorName')?.focus()
  }

  /**
   * Back to a comment on the whole page. The button pressed is gone with the reply's heading: the
   * focus returns to the "Antworten" button it came from (or, should that comment be gone, to
   * the form's first field), not to <body>.
   */
  private async cancelReply() {
    const id = this.replyTo ? String(this.replyTo.id) : ''
    this.replyTo = undefined
    await this.updateComplete
    const replyButton = this.renderRoot.querySelector<HTMLElement>(`#reply-${CSS.escape(id)}`)
    ;(replyButton ?? this.renderRoot.querySelector<HTMLElement>('#authorName'))?.focus()
  }

  /** The form again, with the focus in its first field (the button pressed is gone). */
  private async writeAnother() {
    this.sentTo = undefined
    await this.updateComplete
    this.renderRoot.querySelector<HTMLElement>('#authorName')?.focus()
  }

  private renderComment(comment: ThreadComment, isReply: boolean): TemplateResult {
    const id = String(comment.id)
    const isReported = this.reported.has(id)
    const reportError = this.reportErrors[id]
    return html`<li>
      <article class="comment" part="comment" aria-label=${comment.authorName}>
        <p class="meta">
          <span class="author">${comment.authorName}</span
          >${comment.isOfficial ? html`<span class="official">${this.t('official')}</span>` : nothing}
          <span class="muted"
            >·
            <time datetime=${comment.createdAt}
              >${formatDate(comment.createdAt, this.language)}</time
            ></span
          >
        </p>
        <p class="text">${comment.text}</p>
        ${
          isReported
            ? html`<p class="muted" id="reported-${id}" tabindex="-1">${this.t('reported')}</p>`
            : html`<div class="actions">
                  ${isReply ? nothing : html`<button type="button" class="secondary" id="reply-${id}" aria-label=${this.t('replyToLabel', { name: comment.authorName })} @click=${() => void this.startReply(comment)}>${this.t('replyTo')}</button>`}
                  ${comment.isOfficial ? nothing : html`<button type="button" class="secondary" aria-label=${this.t('reportLabel', { name: comment.authorName })} aria-disabled=${this.reporting === id ? 'true' : nothing} aria-describedby=${reportError ? `report-error-${id}` : nothing} @click=${() => void this.report(comment)}>${this.t('report')}</button>`}
                </div>
                ${reportError ? html`<p class="field-error" id="report-error-${id}" role="alert">${this.t('reportNotSentIntro')} ${reportError}</p>` : nothing}`
        }
        ${
          comment.replies?.length
            ? html`<ol class="replies">
                ${comment.replies.map((reply) => this.renderComment(reply, true))}
              </ol>`
            : nothing
        }
      </article>
    </li>`
  }

  private check(): FieldErrors {
    const errors: FieldErrors = {}
    if (!this.authorName.trim()) errors.authorName = this.t('missing', { label: this.t('name') })
    if (!this.email.trim()) errors.email = this.t('missing', { label: this.t('email') })
    else if (!looksLikeEmail(this.email)) errors.email = this.t('emailInvalid')
    if (!this.text.trim()) errors.text = this.t('missing', { label: this.t('comment') })
    if (!this.consent) errors.consent = this.t('consentMissing')
    return errors
  }

  /** Marks the wrong fields, moves the focus to the first, then fills the summary (see errorSummary). */
  private async showErrors(fields: FieldErrors, rest: string[], intro: QnComments['summaryIntro']) {
    this.errors = fields
    await this.updateComplete
    focusFirstError(this.renderRoot, fields)
    this.summaryIntro = intro
    this.summary = summaryMessages(rest, fields, FIELDS)
  }

  private async submit(event: SubmitEvent) {
    event.preventDefault()
    if (this.loadState.kind !== 'ready' || this.isSending) {
      return
    }
    const thread = this.loadState.data
    const form = event.currentTarget as HTMLFormElement
    const honeypot =
      (form.elements.namedItem(HONEYPOT_FIELD) as HTMLInputElement | null)?.value ?? ''
    this.summary = []
    const errors = this.check()
    if (Object.keys(errors).length) {
      await this.showErrors(errors, [], 'errorsIntro')
      return
    }
    this.errors = {}
    this.isSending = true
    try {
      await requestJson(apiUrl('comments'), {
        body: {
          authorName: this.authorName.trim(),
          consent: true,
          email: this.email.trim(),
          formToken: thread.formToken,
          notifyOnApproval: this.notifyOnApproval,
          notifyOnOfficialReply: this.notifyOnOfficialReply,
          ...(this.replyTo ? { parent: this.replyTo.id } : {}),
          returnUrl: window.location.href,
          targetCollection: thread.target.collection,
          targetId: String(thread.target.id),
          text: this.text,
          [HONEYPOT_FIELD]: honeypot,
        },
        language: this.language,
        method: 'POST',
      })
      this.sentTo = this.email.trim()
      this.text = ''
      this.replyTo = undefined
      await this.updateComplete
      focusSent(this.renderRoot)
    } catch (err) {
      const { fields, isAboutInput, summary } = placeErrors(err, FIELDS, this.t('unexpected'))
      await this.showErrors(fields, summary, isAboutInput ? 'errorsIntro' : 'notSentIntro')
    } finally {
      this.isSending = false
    }
  }

  private renderForm(thread: Thread) {
    const required = this.t('required')
    const max = thread.maxTextLength ?? 2000
    const privacyHref = this.privacyHref || new URL('datenschutz', serverBase).href
    // The netiquette as the editors published it (served by the server, like the privacy notice).
    const netiquetteHref = new URL('netiquette', serverBase).href
    if (this.sentTo) {
      return sentNotice(
        (id) => this.heading(1, this.t('sentHeading'), id),
        this.t('sentText', { email: this.sentTo }),
        html`<button type="button" class="secondary" @click=${() => void this.writeAnother()}>
          ${this.t('writeAnother')}
        </button>`,
      )
    }
    return html`<form @submit=${this.submit} novalidate part="form" aria-labelledby="form-heading">
      ${this.heading(1, this.replyTo ? this.t('replyHeading', { name: this.replyTo.authorName }) : this.t('formHeading'), 'form-heading')}
      ${
        this.replyTo
          ? html`<p>
              <button type="button" class="secondary" @click=${() => void this.cancelReply()}>
                ${this.t('cancelReply')}
              </button>
            </p>`
          : nothing
      }
      ${errorSummary(this.t(this.summaryIntro), this.summary)}
      ${textField({ autocomplete: 'given-name', error: this.errors.authorName, hint: this.t('nameHint'), id: 'authorName', isRequired: true, label: this.t('name'), maxLength: 80, onInput: (value) => (this.authorName = value), requiredText: required, value: this.authorName })}
      ${textField({ autocomplete: 'email', error: this.errors.email, hint: this.t('emailHint'), id: 'email', isRequired: true, label: this.t('email'), maxLength: 254, onInput: (value) => (this.email = value), requiredText: required, type: 'email', value: this.email })}
      ${textArea({ error: this.errors.text, hint: this.t('commentHint', { max }), id: 'text', isRequired: true, label: this.t('comment'), maxLength: max, onInput: (value) => (this.text = value), requiredText: required, value: this.text })}
      <div class="honeypot" aria-hidden="true">
        <label for=${HONEYPOT_FIELD}>${this.t('honeypot')}</label>
        <input
          id=${HONEYPOT_FIELD}
          name=${HONEYPOT_FIELD}
          type="text"
          tabindex="-1"
          autocomplete="off"
        />
      </div>
      ${checkboxField({ checked: this.notifyOnApproval, id: 'notifyOnApproval', label: this.t('notifyApproval'), onChange: (checked) => (this.notifyOnApproval = checked) })}
      ${checkboxField({ checked: this.notifyOnOfficialReply, id: 'notifyOnOfficialReply', label: this.t('notifyReply'), onChange: (checked) => (this.notifyOnOfficialReply = checked) })}
      ${checkboxField({
        checked: this.consent,
        error: this.errors.consent,
        id: 'consent',
        label: html`${this.t('consent')}
          <a href=${netiquetteHref} target="_blank" rel="noopener">${this.t('netiquette')}</a>,
          <a href=${privacyHref} target="_blank" rel="noopener">${this.t('privacy')}</a>`,
        onChange: (checked) => (this.consent = checked),
      })}
      <button type="submit" aria-disabled=${this.isSending ? 'true' : nothing}>
        ${this.isSending ? this.t('sending') : this.t('submit')}
      </button>
    </form>`
  }

  override render() {
    return html`<section part="container">
      ${this.renderLoaded(
        (thread) =>
          html`${this.heading(0, html`${this.t('heading')} <span class="muted">(${thread.totalDocs})</span>`)}
          ${
            thread.comments.length
              ? html`<ol class="comments">
                  ${thread.comments.map((comment) => this.renderComment(comment, false))}
                </ol>`
              : html`<p>${this.emptyText(thread.target.collection)}</p>`
          }
          ${this.renderForm(thread)}`,
      )}
    </section>`
  }
}

if (!customElements.get('qn-comments')) {
  customElements.define('qn-comments', QnComments)
}
