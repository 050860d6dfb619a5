/**
 * Payload's e-mail adapter over a nodemailer transport, in a few lines of our own.
 *
 * Why not @payloadcms/email-nodemailer: its releases pin an exact `payload` version and it was
 * not published for every Payload patch (3.90.2 has none), so it blocks upgrades; and without a
 * transport it creates an ethereal.email test account, an outbound call that this project must
 * never make. Here the transport is always given (SMTP_URL or .eml files).
 */
import type { EmailAdapter, SendEmailOptions } from 'payload'
import type { SentMessageInfo, Transporter } from 'nodemailer'

type NodemailerEmailArgs = {
  defaultFromAddress: string
  defaultFromName: string
  transport: Transporter<SentMessageInfo>
}

const senderOf = (from: SendEmailOptions['from'], fallback: string): string => {
  if (!from) {
    return fallback
  }
  if (typeof from === 'string') {
    return from
  }
  return from.name ? `${from.name} <${from.address}>` : from.address
}

export const nodemailerEmail =
  ({
    defaultFromAddress,
    defaultFromName,
    transport,
  }: NodemailerEmailArgs): EmailAdapter<SentMessageInfo> =>
  () => ({
    defaultFromAddress,
    defaultFromName,
    name: 'nodemailer',
    sendEmail: async (message) =>
      transport.sendMail({
        ...message,
        from: senderOf(message.from, `${defaultFromName} <${defaultFromAddress}>`),
      }),
  })
