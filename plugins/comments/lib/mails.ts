import type { PayloadRequest } from 'payload'

import type { ResolvedCommentsOptions, StoredComment } from '../types'

import { queueMail } from '../../shared/sendMailTask'
import { mailLanguageOf } from '../../shared/mailLanguage'
import { translate } from '../translations'

/** Mails to the commenter use their language; moderators (the coordination office) get German. */
const translatorFor =
  (language: unknown) =>
  (...[key, vars]: [Parameters<typeof translate>[1], Record<string, unknown>?]) =>
    translate(mailLanguageOf(language), key, vars)

/** Mails are queued in `req`'s transaction (outbox) and sent by the jobs runner after commit. */
type MailArgs = { comment: StoredComment; options: ResolvedCommentsOptions; req: PayloadRequest }

const serverUrlOf = (req: PayloadRequest) => (req.payload.config.serverURL ?? '').replace(/\/$/, '')

export const queueConfirmationMail = async ({ comment, options, req, token }: MailArgs & { token: string }) => {
  const t = translatorFor(comment.language)
  const link = `${serverUrlOf(req)}${req.payload.config.routes.api}/${options.slugs.comments}/confirm?token=${encodeURIComponent(token)}`
  await queueMail({
    mail: {
      subject: t('plugin-comments:confirmMailSubject'),
      text: t('plugin-comments:confirmMailText', { hours: options.confirmHours, link, name: comment.authorName }),
      to: comment.email!,
    },
    queue: options.mailQueue,
    req,
  })
}

export const queueModeratorMails = async ({ comment, options, req }: MailArgs) => {
  const t = translatorFor('de')
  const link = `${serverUrlOf(req)}${req.payload.config.routes.admin}/collections/${options.slugs.comments}/${comment.id}`
  for (const to of options.moderatorEmails) {
    await queueMail({
      mail: {
        subject: t('plugin-comments:moderatorMailSubject'),
        text: t('plugin-comments:moderatorMailText', {
         
          link,
          name: comment.authorName,
          target: `${comment.targetCollection} ${comment.targetId}`,
          text: comment.text,
        }),
        to,
      },
      queue: options.mailQueue,
      req,
    })
  }
}

/** A notice to the commenter, if they opted in to it, in their language. */
const queueCommenterNotice = async ({
  comment,
  optedIn,
  options,
  req,
  subjectKey,
  text,
  textKey,
}: MailArgs & {
  optedIn: boolean | null | undefined
  subjectKey: Parameters<typeof translate>[1]
  text: string
  textKey: Parameters<typeof translate>[1]
}) => {
  if (!optedIn || !comment.email) {
    return
  }
  const t = translatorFor(comment.language)
  await queueMail({
    mail: { subject: t(subjectKey), text: t(textKey, { name: comment.authorName, text }), to: comment.email },
    queue: options.mailQueue,
    req,
  })
}

export const queueApprovedMail = async (args: MailArgs) =>
  queueCommenterNotice({
    ...args,
    optedIn: args.comment.notifyOnApproval,
    subjectKey: 'plugin-comments:approvedMailSubject',
    text: args.comment.text,
    textKey: 'plugin-comments:approvedMailText',
  })

export const queueOfficialReplyMail = async ({ reply, ...args }: MailArgs & { reply: StoredComment }) =>
  queueCommenterNotice({
    ...args,
    optedIn: args.comment.notifyOnOfficialReply,
    subjectKey: 'plugin-comments:officialReplyMailSubject',
    text: reply.text,
    textKey: 'plugin-comments:officialReplyMailText',
  })
