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

export const queueApprovedMail = async ({ comment, options, req }: MailArgs) => {
  if (!comment.notifyOnApproval || !comment.email) {
    return
  }
  const t = translatorFor(comment.language)
  await queueMail({
    mail: {
      subject: t('plugin-comments:approvedMailSubject'),
      text: t('plugin-comments:approvedMailText', { name: comment.authorName, text: comment.text }),
      to: comment.email,
    },
    queue: options.mailQueue,
    req,
  })
}

export const queueOfficialReplyMail = async ({ comment, options, reply, req }: MailArgs & { reply: StoredComment }) => {
  if (!comment.notifyOnOfficialReply || !comment.email) {
    return
  }
  const t = translatorFor(comment.language)
  await queueMail({
    mail: {
      subject: t('plugin-comments:officialReplyMailSubject'),
      text: t('plugin-comments:officialReplyMailText', { name: comment.authorName, text: reply.text }),
      to: comment.email,
    },
    queue: options.mailQueue,
    req,
  })
}
