import type { PayloadRequest } from 'payload'

import ical from 'ical-generator'

import type { ResolvedRegistrationOptions, StoredEvent, StoredRegistration } from '../types'

import { queueMail } from '../../shared/sendMailTask'
import type { CpdRecognition } from '../types'

import { dateText, endOf, fieldOf, isOnline, startOf, startText, titleOf } from './events'
import { type MailLanguage, mailLanguageOf, translate } from '../translations'
import { cancelTokenOf } from './tokens'

type MailArgs = {
  event: StoredEvent
  options: ResolvedRegistrationOptions
  registration: StoredRegistration
  req: PayloadRequest
}

const apiBase = (req: PayloadRequest) => `${req.payload.config.serverURL}${req.payload.config.routes.api}`

/** One mail per registration and purpose, ever (plugins/shared/sendMailTask.ts). */
const keyOf = (registration: StoredRegistration, purpose: string) => `registration:${String(registration.id)}:${purpose}`

const cancelLink = ({ options, registration, req }: Omit<MailArgs, 'event'>) =>
  `${apiBase(req)}/${options.slug}/cancel?token=${cancelTokenOf(options.hashSecret ?? req.payload.secret, registration.id)}`

/** The registrant's language (stored at registration), in which every later mail is written. */
const languageOf = ({ registration }: Pick<MailArgs, 'registration'>): MailLanguage => mailLanguageOf(registration.language)

const translatorOf =
  (args: Pick<MailArgs, 'registration'>) =>
  (key: Parameters<typeof translate>[1], vars?: Record<string, unknown>) =>
    translate(languageOf(args), key, vars)

const varsOf = ({ event, options, registration }: MailArgs) => ({
  name: registration.name ?? '',
  start: startText(event, options, mailLanguageOf(registration.language)),
  title: titleOf(event, options),
})

const withCancelLine = (args: MailArgs, text: string) => `${text}\n\n${translatorOf(args)('plugin-event-registration:cancelLine', { link: cancelLink(args) })}`

/** The double opt-in mail: the only one a pending registration gets. */
export const queueConfirmMail = async (args: MailArgs & { token: string }) => {
  const t = translatorOf(args)
  const link = `${apiBase(args.req)}/${args.options.slug}/confirm?token=${args.token}`
  await queueMail({
    mail: {
      subject: t('plugin-event-registration:confirmMailSubject', varsOf(args)),
      text: withCancelLine(
        args,
        t('plugin-event-registration:confirmMailText', {
          ...varsOf(args),
          hours: args.options.confirmHours,
          link,
        }),
      ),
      idempotencyKey: keyOf(args.registration, 'confirm-request'),
      to: args.registration.email!,
    },
    queue: args.options.mailQueue,
    req: args.req,
  })
}

const icsOf = ({ event, options, registration, req }: MailArgs) => {
  const calendar = ical({
    name: titleOf(event, options),
    prodId: { company: 'Quartiersnetz', product: 'event-registration' },
  })
  calendar.createEvent({
    description: isOnline(event, options) && fieldOf(event, options.fields.accessLink) ? String(fieldOf(event, options.fields.accessLink)) : undefined,
    end: endOf(event, options),
    id: `registration-${String(registration.id)}@${new URL(req.payload.config.serverURL || 'http://localhost').hostname}`,
    start: startOf(event, options),
    summary: titleOf(event, options),
  })
  return calendar.toString()
}

/** Confirmed (or promoted from the waiting list): the .ics and, for online events, the access link. */
export const queueConfirmedMail = async (args: MailArgs & { isPromotion?: boolean }) => {
  const t = translatorOf(args)
  const accessLink = isOnline(args.event, args.options) ? fieldOf(args.event, args.options.fields.accessLink) : undefined
  const lines = [t('plugin-event-registration:confirmedMailText', varsOf(args))]
  if (accessLink) {
    lines.push(
      t('plugin-event-registration:accessLinkLine', {
        link: String(accessLink),
      }),
    )
  }
  await queueMail({
    mail: {
      attachments: [
        {
          content: icsOf(args),
          contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
          filename: 'termin.ics',
        },
      ],
      idempotencyKey: keyOf(args.registration, 'confirmed'),
      subject: t(args.isPromotion ? 'plugin-event-registration:promotedMailSubject' : 'plugin-event-registration:confirmedMailSubject', varsOf(args)),
      text: withCancelLine(args, lines.join('\n\n')),
      to: args.registration.email!,
    },
    queue: args.options.mailQueue,
    req: args.req,
  })
}

export const queueWaitlistedMail = async (args: MailArgs) => {
  const t = translatorOf(args)
  await queueMail({
    mail: {
      idempotencyKey: keyOf(args.registration, 'waitlisted'),
      subject: t('plugin-event-registration:waitlistedMailSubject', varsOf(args)),
      text: withCancelLine(args, t('plugin-event-registration:waitlistedMailText', varsOf(args))),
      to: args.registration.email!,
    },
    queue: args.options.mailQueue,
    req: args.req,
  })
}

export const queueCancelledMail = async (args: MailArgs & { byOrganiser?: boolean }) => {
  const t = translatorOf(args)
  await queueMail({
    mail: {
      idempotencyKey: keyOf(args.registration, 'cancelled'),
      subject: t('plugin-event-registration:cancelMailSubject', varsOf(args)),
      text: t(args.byOrganiser ? 'plugin-event-registration:cancelMailTextOrganiser' : 'plugin-event-registration:cancelMailText', varsOf(args)),
      to: args.registration.email!,
    },
    queue: args.options.mailQueue,
    req: args.req,
  })
}

/**
 * The reminder before the start, with the access link for online events. Keyed by the start
 * time: if the event is moved, confirmed registrants are reminded of the new time.
 */
export const queueReminderMail = async (args: MailArgs) => {
  const t = translatorOf(args)
  const accessLink = isOnline(args.event, args.options) ? fieldOf(args.event, args.options.fields.accessLink) : undefined
  const lines = [t('plugin-event-registration:reminderMailText', varsOf(args))]
  if (accessLink) {
    lines.push(t('plugin-event-registration:accessLinkLine', { link: String(accessLink) }))
  }
  return queueMail({
    mail: {
      idempotencyKey: keyOf(args.registration, `reminder:${startOf(args.event, args.options).toISOString()}`),
      subject: t('plugin-event-registration:reminderMailSubject', varsOf(args)),
      text: withCancelLine(args, lines.join('\n\n')),
      to: args.registration.email!,
    },
    queue: args.options.mailQueue,
    req: args.req,
  })
}

/** The organisers' message to all confirmed; the same message is sent to each at most once. */
export const queueMessageMail = async (args: MailArgs & { messageKey: string; subject: string; text: string }) =>
  queueMail({
    mail: {
      idempotencyKey: keyOf(args.registration, `message:${args.messageKey}`),
      subject: args.subject,
      text: withCancelLine(args, `${translatorOf(args)('plugin-event-registration:messageGreeting', varsOf(args))}\n\n${args.text}`),
      to: args.registration.email!,
    },
    queue: args.options.mailQueue,
    req: args.req,
  })

/** The attendance confirmation for CPD: event, date, chamber, points; once per registration. */
export const queueAttendanceMail = async (args: MailArgs & { cpd: CpdRecognition }) => {
  const t = translatorOf(args)
  const language = languageOf(args)
  const lines = [
    t('plugin-event-registration:attendanceMailText', {
      ...varsOf(args),
      date: dateText(args.event, args.options, language),
    }),
    t('plugin-event-registration:attendanceChamberLine', { chamber: args.cpd.chamber }),
  ]
  if (args.cpd.subject) {
    lines.push(t('plugin-event-registration:attendanceSubjectLine', { subject: args.cpd.subject }))
  }
  if (args.cpd.points !== null && args.cpd.points !== undefined) {
    lines.push(t('plugin-event-registration:attendancePointsLine', { points: String(args.cpd.points) }))
  }
  return queueMail({
    mail: {
      idempotencyKey: keyOf(args.registration, 'attendance'),
      subject: t('plugin-event-registration:attendanceMailSubject', varsOf(args)),
      text: lines.join('\n'),
      to: args.registration.email!,
    },
    queue: args.options.mailQueue,
    req: args.req,
  })
}
