import type { PayloadRequest } from 'payload'

import type { ResolvedCommentsOptions, StoredComment } from '../types'

import { type MailLanguage, mailLanguageOf } from '@quartiersnetz/plugin-kit/mailLanguage'
import { type MailContent, mailFooterOf, renderMail } from '@quartiersnetz/plugin-kit/mailTemplate'
import { queueMail } from '@quartiersnetz/plugin-kit/sendMailTask'
import { translate } from '../translations'

type Key = Parameters<typeof translate>[1]

/** Mails are queued in `req`'s transaction (outbox) and sent by the jobs runner after commit. */
type MailArgs = { comment: StoredComment; options: ResolvedCommentsOptions; req: PayloadRequest }

const serverUrlOf = (req: PayloadRequest) => (req.payload.config.serverURL ?? '').replace(/\/$/, '')

/** The parts every mail shares: its language, the texts in it and the footer. */
const mailIn = (req: PayloadRequest, language: MailLanguage) => ({
  footer: mailFooterOf({ name: req.payload.email?.defaultFromName, serverUrl: serverUrlOf(req) }),
  language,
  t: (key: Key, vars?: Record<string, unknown>) =>
    translate(language, key, vars, req.payload.config),
})

const queue = async ({
  content,
  options,
  req,
  to,
}: {
  content: MailContent
  options: ResolvedCommentsOptions
  req: PayloadRequest
  to: string
}) => {
  const { html, subject, text } = renderMail(content)
  await queueMail({ mail: { html, subject, text, to }, queue: options.mailQueue, req })
}

/** Mails to the commenter use their language (plugins/shared/mailLanguage.ts). */
export const queueConfirmationMail = async ({
  comment,
  options,
  req,
  token,
}: MailArgs & { token: string }) => {
  const { footer, language, t } = mailIn(req, mailLanguageOf(comment.language))
  const url = `${serverUrlOf(req)}${req.payload.config.routes.api}/${options.slugs.comments}/confirm?token=${encodeURIComponent(token)}`
  await queue({
    content: {
      action: { label: t('plugin-comments:confirmMailAction'), url },
      closing: [t('plugin-comments:confirmMailClosing')],
      footer,
      greeting: t('plugin-comments:mailGreeting', { name: comment.authorName }),
      language,
      paragraphs: [t('plugin-comments:confirmMailText', { hours: options.confirmHours })],
      subject: t('plugin-comments:confirmMailSubject'),
      title: t('plugin-comments:confirmMailSubject'),
    },
    options,
    req,
    to: comment.email!,
  })
}

/** Moderators (the coordination office) get German. */
export const queueModeratorMails = async ({ comment, options, req }: MailArgs) => {
  const { footer, language, t } = mailIn(req, 'de')
  const url = `${serverUrlOf(req)}${req.payload.config.routes.admin}/collections/${options.slugs.comments}/${comment.id}`
  const content: MailContent = {
    action: { label: t('plugin-comments:moderatorMailAction'), url },
    details: [
      {
        label: t('plugin-comments:moderatorMailTarget'),
        value: `${comment.targetCollection} ${comment.targetId}`,
      },
    ],
    footer,
    language,
    paragraphs: [t('plugin-comments:moderatorMailText', { name: comment.authorName })],
    quote: comment.text,
    subject: t('plugin-comments:moderatorMailSubject'),
    title: t('plugin-comments:moderatorMailSubject'),
  }
  for (const to of options.moderatorEmails) {
    await queue({ content, options, req, to })
  }
}

/** A notice to the commenter, if they opted in to it, in their language. */
const queueCommenterNotice = async ({
  closingKey,
  comment,
  optedIn,
  options,
  quote,
  req,
  subjectKey,
  textKey,
}: MailArgs & {
  closingKey?: Key
  optedIn: boolean | null | undefined
  quote: string
  subjectKey: Key
  textKey: Key
}) => {
  if (!optedIn || !comment.email) {
    return
  }
  const { footer, language, t } = mailIn(req, mailLanguageOf(comment.language))
  await queue({
    content: {
      closing: closingKey ? [t(closingKey)] : [],
      footer,
      greeting: t('plugin-comments:mailGreeting', { name: comment.authorName }),
      language,
      paragraphs: [t(textKey)],
      quote,
      subject: t(subjectKey),
      title: t(subjectKey),
    },
    options,
    req,
    to: comment.email,
  })
}

export const queueApprovedMail = async (args: MailArgs) =>
  queueCommenterNotice({
    ...args,
    closingKey: 'plugin-comments:approvedMailClosing',
    optedIn: args.comment.notifyOnApproval,
    quote: args.comment.text,
    subjectKey: 'plugin-comments:approvedMailSubject',
    textKey: 'plugin-comments:approvedMailText',
  })

export const queueOfficialReplyMail = async ({
  reply,
  ...args
}: MailArgs & { reply: StoredComment }) =>
  queueCommenterNotice({
    ...args,
    optedIn: args.comment.notifyOnOfficialReply,
    quote: reply.text,
    subjectKey: 'plugin-comments:officialReplyMailSubject',
    textKey: 'plugin-comments:officialReplyMailText',
  })
