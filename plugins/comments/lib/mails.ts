import type { PayloadRequest } from 'payload'

import type { ResolvedCommentsOptions, StoredComment } from '../types'

import { quoted } from '@quartiersnetz/plugin-kit/linkPage'
import { type MailLanguage, mailLanguageOf } from '@quartiersnetz/plugin-kit/mailLanguage'
import {
  type MailContent,
  type MailLink,
  mailFooterOf,
  renderMail,
} from '@quartiersnetz/plugin-kit/mailTemplate'
import { privacyNoticeLinkOf } from '@quartiersnetz/plugin-kit/privacy'
import { queueMail } from '@quartiersnetz/plugin-kit/sendMailTask'
import { collectionLabelOf, loadTargetForVisitor } from '@quartiersnetz/plugin-kit/targets'
import { translate } from '../translations'

type Key = Parameters<typeof translate>[1]

/** Mails are queued in `req`'s transaction (outbox) and sent by the jobs runner after commit. */
type MailArgs = { comment: StoredComment; options: ResolvedCommentsOptions; req: PayloadRequest }

const serverUrlOf = (req: PayloadRequest) => (req.payload.config.serverURL ?? '').replace(/\/$/, '')

/** The parts every mail shares: its language, the texts in it and the footer. */
const mailIn = (req: PayloadRequest, language: MailLanguage) => ({
  footer: mailFooterOf({
    name: req.payload.email?.defaultFromName,
    privacy: privacyNoticeLinkOf(req.payload.config, language),
    serverUrl: serverUrlOf(req),
  }),
  language,
  t: (key: Key, vars?: Record<string, unknown>) =>
    translate(language, key, vars, req.payload.config),
})

/** The commented document as the mails name it: its title in quotation marks, its public address. */
const targetOf = async ({ comment, options, req }: MailArgs, language: MailLanguage) => {
  const target = await loadTargetForVisitor({
    ref: { collection: comment.targetCollection, id: String(comment.targetId) },
    req,
    targets: options.targets,
  })
  return {
    publicUrl: target.publicUrl,
    title: target.title ? quoted(target.title, language) : null,
  }
}

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
  // The entry's title, not the comment: a mail to an address anybody may type in carries
  // nothing a stranger wrote but the name.
  const { title } = await targetOf({ comment, options, req }, language)
  await queue({
    content: {
      action: { label: t('plugin-comments:confirmMailAction'), url },
      closing: [t('plugin-comments:confirmMailClosing')],
      footer,
      greeting: t('plugin-comments:mailGreeting', { name: comment.authorName }),
      language,
      paragraphs: [
        title
          ? t('plugin-comments:confirmMailTextOn', { hours: options.confirmHours, title })
          : t('plugin-comments:confirmMailText', { hours: options.confirmHours }),
      ],
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
  const { title } = await targetOf({ comment, options, req }, language)
  const content: MailContent = {
    action: { label: t('plugin-comments:moderatorMailAction'), url },
    details: [
      {
        label: t('plugin-comments:moderatorMailTarget'),
        // "Beteiligungsmodul „Stadtteilkonferenz“"; the comment's page in the admin links it.
        value: `${collectionLabelOf(req.payload, comment.targetCollection, language)} ${title ?? comment.targetId}`,
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
  textOnKey,
}: MailArgs & {
  closingKey?: Key
  optedIn: boolean | null | undefined
  quote: string
  subjectKey: Key
  textKey: Key
  /** The same words naming the commented document (`{{title}}`). */
  textOnKey: Key
}) => {
  if (!optedIn || !comment.email) {
    return
  }
  const { footer, language, t } = mailIn(req, mailLanguageOf(comment.language))
  const { publicUrl, title } = await targetOf({ comment, options, req }, language)
  // Where the comment can be seen: the entry's public page, else the page it was written on.
  const links: MailLink[] =
    publicUrl && title
      ? [{ label: t('plugin-comments:targetLinkLabel', { title }), url: publicUrl }]
      : comment.returnUrl
        ? [{ label: t('plugin-comments:mailBackLink'), url: comment.returnUrl }]
        : []
  await queue({
    content: {
      closing: closingKey ? [t(closingKey)] : [],
      footer,
      greeting: t('plugin-comments:mailGreeting', { name: comment.authorName }),
      language,
      links,
      paragraphs: [title ? t(textOnKey, { title }) : t(textKey)],
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
    textOnKey: 'plugin-comments:approvedMailTextOn',
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
    textOnKey: 'plugin-comments:officialReplyMailTextOn',
  })
