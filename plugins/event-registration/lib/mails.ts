import type { PayloadRequest } from 'payload'

import ical, { ICalCalendarMethod } from 'ical-generator'

import type {
  CpdRecognition,
  ResolvedRegistrationOptions,
  StoredEvent,
  StoredRegistration,
} from '../types'

import {
  type MailContent,
  type MailLink,
  mailFooterOf,
  renderMail,
} from '@quartiersnetz/plugin-kit/mailTemplate'
import { privacyNoticeLinkOf } from '@quartiersnetz/plugin-kit/privacy'
import { type MailAttachment, queueMail } from '@quartiersnetz/plugin-kit/sendMailTask'
import { type MailLanguage, mailLanguageOf, translate } from '../translations'
import { dateText, endOf, fieldOf, isOnline, startOf, startText, titleOf, whenText } from './events'
import { cancelTokenOf } from './tokens'

type MailArgs = {
  event: StoredEvent
  options: ResolvedRegistrationOptions
  registration: StoredRegistration
  req: PayloadRequest
}

type Key = Parameters<typeof translate>[1]

const apiBase = (req: PayloadRequest) =>
  `${req.payload.config.serverURL}${req.payload.config.routes.api}`

/** What the keys of every mail to one registration start with (`dropQueuedMails`). */
export const mailKeyPrefixOf = (id: number | string) => `registration:${String(id)}:`

/** One mail per registration and purpose, ever (plugins/shared/sendMailTask.ts). */
const keyOf = (registration: StoredRegistration, purpose: string) =>
  `${mailKeyPrefixOf(registration.id)}${purpose}`

const cancelLink = ({ options, registration, req }: Omit<MailArgs, 'event'>) =>
  `${apiBase(req)}/${options.slug}/cancel?token=${cancelTokenOf(options.hashSecret ?? req.payload.secret, registration.id)}`

/** The registrant's language (stored at registration), in which every later mail is written. */
const languageOf = ({ registration }: Pick<MailArgs, 'registration'>): MailLanguage =>
  mailLanguageOf(registration.language)

/**
 * What every registration mail shares: the texts in the registrant's language, the event's
 * title and dates, the event as details, the greeting, the footer and the cancel link.
 * The title appears in subjects after a colon and in the body as a detail, never inside
 * quotation marks, so titles with their own „…“ don't end up nested.
 */
const contextOf = (args: MailArgs) => {
  const language = languageOf(args)
  const t = (key: Key, vars?: Record<string, unknown>) =>
    translate(language, key, vars, args.req.payload.config)
  const vars = {
    date: dateText(args.event, args.options, language),
    name: args.registration.name ?? '',
    start: startText(args.event, args.options, language),
    title: titleOf(args.event, args.options),
  }
  const accessLink = isOnline(args.event, args.options)
    ? fieldOf(args.event, args.options.fields.accessLink)
    : undefined
  return {
    /** For online events: joining them is the mail's action (only confirmed registrants get it). */
    accessAction: accessLink
      ? ({
          label: t('plugin-event-registration:mailAccessAction'),
          url: String(accessLink),
        } satisfies MailLink)
      : undefined,
    base: {
      details: [
        { label: t('plugin-event-registration:mailEvent'), value: vars.title },
        // The day with its weekday and the times: "Donnerstag, 7. Januar 2027, 10:00–12:00 Uhr".
        {
          label: t('plugin-event-registration:mailStart'),
          value: whenText(args.event, args.options, language),
        },
      ],
      footer: mailFooterOf({
        name: args.req.payload.email?.defaultFromName,
        privacy: privacyNoticeLinkOf(args.req.payload.config, language),
        serverUrl: args.req.payload.config.serverURL,
      }),
      greeting: t('plugin-event-registration:mailGreeting', vars),
      language,
    },
    cancel: {
      hint: t('plugin-event-registration:mailCancelHint'),
      link: {
        label: t('plugin-event-registration:mailCancelLink'),
        url: cancelLink(args),
      } satisfies MailLink,
    },
    language,
    t,
    vars,
  }
}

const queue = (
  args: MailArgs,
  {
    attachments,
    content,
    purpose,
  }: { attachments?: MailAttachment[]; content: MailContent; purpose: string },
) => {
  const { html, subject, text } = renderMail(content)
  return queueMail({
    mail: {
      attachments,
      html,
      idempotencyKey: keyOf(args.registration, purpose),
      subject,
      text,
      to: args.registration.email!,
    },
    queue: args.options.mailQueue,
    req: args.req,
  })
}

/** The double opt-in mail: the only one a pending registration gets. */
export const queueConfirmMail = async (args: MailArgs & { token: string }) => {
  const { base, cancel, t, vars } = contextOf(args)
  await queue(args, {
    content: {
      ...base,
      action: {
        label: t('plugin-event-registration:confirmMailAction'),
        url: `${apiBase(args.req)}/${args.options.slug}/confirm?token=${args.token}`,
      },
      closing: [t('plugin-event-registration:confirmMailClosing')],
      links: [cancel.link],
      paragraphs: [
        t('plugin-event-registration:confirmMailText', { hours: args.options.confirmHours }),
      ],
      subject: t('plugin-event-registration:confirmMailSubject', vars),
      title: t('plugin-event-registration:confirmMailTitle'),
    },
    purpose: 'confirm-request',
  })
}

const icsOf = ({ event, options, registration, req }: MailArgs) => {
  const calendar = ical({
    // As the attachment's Content-Type says (RFC 6047): an entry to add, not an invitation.
    method: ICalCalendarMethod.PUBLISH,
    name: titleOf(event, options),
    prodId: { company: 'Quartiersnetz', product: 'event-registration' },
  })
  calendar.createEvent({
    description:
      isOnline(event, options) && fieldOf(event, options.fields.accessLink)
        ? String(fieldOf(event, options.fields.accessLink))
        : undefined,
    end: endOf(event, options),
    id: `registration-${String(registration.id)}@${new URL(req.payload.config.serverURL || 'http://localhost').hostname}`,
    start: startOf(event, options),
    summary: titleOf(event, options),
  })
  return calendar.toString()
}

/** Confirmed (or promoted from the waiting list): the .ics and, for online events, the access link. */
export const queueConfirmedMail = async (args: MailArgs & { isPromotion?: boolean }) => {
  const { accessAction, base, cancel, t, vars } = contextOf(args)
  const mail = args.isPromotion ? 'promotedMail' : 'confirmedMail'
  await queue(args, {
    attachments: [
      {
        content: icsOf(args),
        contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
        filename: 'termin.ics',
      },
    ],
    content: {
      ...base,
      action: accessAction,
      closing: [t('plugin-event-registration:confirmedMailClosing'), cancel.hint],
      links: [cancel.link],
      paragraphs: [t(`plugin-event-registration:${mail}Text`)],
      subject: t(`plugin-event-registration:${mail}Subject`, vars),
      title: t(`plugin-event-registration:${mail}Title`),
    },
    purpose: 'confirmed',
  })
}

export const queueWaitlistedMail = async (args: MailArgs) => {
  const { base, cancel, t, vars } = contextOf(args)
  await queue(args, {
    content: {
      ...base,
      closing: [t('plugin-event-registration:waitlistedMailClosing'), cancel.hint],
      links: [cancel.link],
      paragraphs: [t('plugin-event-registration:waitlistedMailText')],
      subject: t('plugin-event-registration:waitlistedMailSubject', vars),
      title: t('plugin-event-registration:waitlistedMailTitle'),
    },
    purpose: 'waitlisted',
  })
}

/**
 * Someone sent a registration with the address of an existing one: the endpoint answers as for
 * a new registration (whether an address is registered is nobody else's business), and only the
 * mailbox learns it, with its cancel link, at most once a day per registration (`day`).
 */
export const queueAlreadyRegisteredMail = async (args: MailArgs & { day: string }) => {
  const { base, cancel, t, vars } = contextOf(args)
  const status = args.registration.status
  await queue(args, {
    content: {
      ...base,
      closing: [t('plugin-event-registration:alreadyRegisteredMailClosing'), cancel.hint],
      links: [cancel.link],
      paragraphs: [
        t(
          status === 'pending'
            ? 'plugin-event-registration:alreadyRegisteredMailTextPending'
            : status === 'waitlisted'
              ? 'plugin-event-registration:alreadyRegisteredMailTextWaitlisted'
              : 'plugin-event-registration:alreadyRegisteredMailText',
        ),
      ],
      subject: t('plugin-event-registration:alreadyRegisteredMailSubject', vars),
      title: t('plugin-event-registration:alreadyRegisteredMailTitle'),
    },
    purpose: `already-registered:${args.day}`,
  })
}

export const queueCancelledMail = async (args: MailArgs & { byOrganiser?: boolean }) => {
  const { base, t, vars } = contextOf(args)
  await queue(args, {
    content: {
      ...base,
      closing: args.byOrganiser ? [t('plugin-event-registration:cancelMailClosingOrganiser')] : [],
      paragraphs: [
        t(
          args.byOrganiser
            ? 'plugin-event-registration:cancelMailTextOrganiser'
            : 'plugin-event-registration:cancelMailText',
        ),
      ],
      subject: t('plugin-event-registration:cancelMailSubject', vars),
      title: t(
        args.byOrganiser
          ? 'plugin-event-registration:cancelMailTitleOrganiser'
          : 'plugin-event-registration:cancelMailTitle',
      ),
    },
    purpose: 'cancelled',
  })
}

/**
 * The reminder before the start, with the access link for online events. Keyed by the start
 * time: if the event is moved, confirmed registrants are reminded of the new time.
 */
export const queueReminderMail = async (args: MailArgs) => {
  const { accessAction, base, cancel, t, vars } = contextOf(args)
  return queue(args, {
    content: {
      ...base,
      action: accessAction,
      closing: [t('plugin-event-registration:reminderMailClosing'), cancel.hint],
      links: [cancel.link],
      paragraphs: [t('plugin-event-registration:reminderMailText')],
      subject: t('plugin-event-registration:reminderMailSubject', vars),
      title: t('plugin-event-registration:reminderMailTitle'),
    },
    purpose: `reminder:${startOf(args.event, args.options).toISOString()}`,
  })
}

/**
 * The organisers' message to all confirmed; the same message is sent to each at most once.
 * Their subject is the heading; their text follows the greeting, a paragraph per blank line.
 */
export const queueMessageMail = async (
  args: MailArgs & { messageKey: string; subject: string; text: string },
) => {
  const { base, cancel } = contextOf(args)
  return queue(args, {
    content: {
      ...base,
      closing: [cancel.hint],
      links: [cancel.link],
      paragraphs: args.text
        .split(/(?:\r?\n[ \t]*){2,}/)
        .map((paragraph) => paragraph.trim())
        .filter(Boolean),
      subject: args.subject,
      title: args.subject,
    },
    purpose: `message:${args.messageKey}`,
  })
}

/** The attendance confirmation for CPD: event, date, chamber, points; once per registration. */
export const queueAttendanceMail = async (args: MailArgs & { cpd: CpdRecognition }) => {
  const { base, t, vars } = contextOf(args)
  const details = [
    { label: t('plugin-event-registration:mailEvent'), value: vars.title },
    { label: t('plugin-event-registration:attendanceMailChamber'), value: args.cpd.chamber },
  ]
  if (args.cpd.subject) {
    details.push({
      label: t('plugin-event-registration:attendanceMailSubjectArea'),
      value: args.cpd.subject,
    })
  }
  if (args.cpd.points !== null && args.cpd.points !== undefined) {
    details.push({
      label: t('plugin-event-registration:attendanceMailPoints'),
      value: String(args.cpd.points),
    })
  }
  return queue(args, {
    content: {
      details,
      footer: base.footer,
      language: base.language,
      paragraphs: [t('plugin-event-registration:attendanceMailText', vars)],
      subject: t('plugin-event-registration:attendanceMailSubject', vars),
      title: t('plugin-event-registration:attendanceMailTitle'),
    },
    purpose: 'attendance',
  })
}
