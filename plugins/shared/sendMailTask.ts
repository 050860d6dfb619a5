/**
 * The mail outbox: plugins queue a `sendMail` job in the transaction of the change that causes
 * the mail, so the mail exists exactly when the change is committed; the jobs runner sends it
 * afterwards, with retries. The host registers the task once and runs the queue.
 */
import type { PayloadRequest, TaskConfig } from 'payload'

export const SEND_MAIL_TASK = 'sendMail'
export const MAIL_QUEUE = 'mail'

/** A file attached to a mail, as text (e.g. an .ics calendar entry). */
export type MailAttachment = { content: string; contentType?: string; filename: string }

export type MailInput = { attachments?: MailAttachment[]; subject: string; text: string; to: string }

export const sendMailTask: TaskConfig<{ input: MailInput; output: object }> = {
  slug: SEND_MAIL_TASK,
  handler: async ({ input, req }) => {
    await req.payload.sendEmail({ attachments: input.attachments ?? undefined, subject: input.subject, text: input.text, to: input.to })
    return { output: {} }
  },
  inputSchema: [
    { name: 'to', type: 'text', required: true },
    { name: 'subject', type: 'text', required: true },
    { name: 'text', type: 'textarea', required: true },
    { name: 'attachments', type: 'json' },
  ],
  label: 'E-Mail senden / Send e-mail',
  retries: { attempts: 5, backoff: { delay: 30_000, type: 'exponential' } },
}

/** Queues a mail in `req`'s transaction (pass the request of the change). */
export const queueMail = async ({ mail, queue = MAIL_QUEUE, req }: { mail: MailInput; queue?: string; req: PayloadRequest }) => {
  await req.payload.jobs.queue({ input: mail, queue, req, task: SEND_MAIL_TASK as never } as never)
}
