/**
 * A real SMTP receiver (smtp-server) for tests, and enough MIME parsing for what nodemailer
 * writes. Start it in `vi.hoisted` (the Payload config reads SMTP_URL when it is imported).
 * `stop()` and `start()` take it down and bring it back on the same port, for outage tests;
 * `refuseOnce` makes a mailbox busy the first time, for retry tests.
 */
import type { AddressInfo } from 'node:net'

import { SMTPServer } from 'smtp-server'

export type MailPart = { body: string; contentType: string; filename?: string }
/** The MIME structure of a message: each entity's content type, containers with their children. */
export type MimeEntity = { children: MimeEntity[]; contentType: string }
export type ReceivedMail = {
  head: string
  /** The HTML alternative (not an attachment), decoded; '' when the mail has none. */
  html: string
  parts: MailPart[]
  raw: string
  subject: string
  text: string
  to: string[]
}

export type SmtpReceiver = {
  /** Raw messages as they arrived. */
  received: { raw: string; to: string[] }[]
  start: () => Promise<void>
  stop: () => Promise<void>
  url: string
}

export type SmtpReceiverOptions = {
  /**
   * Recipients to refuse with a temporary error (451, mailbox busy) the first time they are
   * sent to; the next attempt is accepted.
   */
  refuseOnce?: (address: string) => boolean
}

const createServer = ({
  received,
  refuseOnce,
  refused,
}: { received: SmtpReceiver['received']; refused: Set<string> } & SmtpReceiverOptions) =>
  new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onRcptTo({ address }, _session, callback) {
      if (refuseOnce?.(address) && !refused.has(address)) {
        refused.add(address)
        callback(Object.assign(new Error('Mailbox busy, try again later'), { responseCode: 451 }))
        return
      }
      callback()
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        received.push({
          raw: Buffer.concat(chunks).toString('utf8'),
          to: session.envelope.rcptTo.map(({ address }) => address),
        })
        callback()
      })
    },
  })

/** Listens on a free loopback port and sets SMTP_URL. */
export const startSmtpReceiver = async ({
  refuseOnce,
}: SmtpReceiverOptions = {}): Promise<SmtpReceiver> => {
  const received: SmtpReceiver['received'] = []
  // Kept across stop() and start(): a refused address stays refused only once.
  const refused = new Set<string>()
  let server = createServer({ received, refused, refuseOnce })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  const port = (server.server.address() as AddressInfo).port
  const url = `smtp://127.0.0.1:${port}`
  process.env.SMTP_URL = url
  let running = true
  return {
    received,
    start: async () => {
      if (running) {
        return
      }
      server = createServer({ received, refused, refuseOnce })
      await new Promise<void>((resolve, reject) => {
        server.server.once('error', reject)
        server.listen(port, '127.0.0.1', () => resolve())
      })
      running = true
    },
    stop: async () => {
      if (!running) {
        return
      }
      running = false
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
    url,
  }
}

const decodeQuotedPrintable = (text: string) =>
  Buffer.from(
    text
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/g, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  ).toString('utf8')

export const decodeHeader = (value: string) =>
  value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_match, encoding: string, text: string) =>
      encoding.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : decodeQuotedPrintable(text.replace(/_/g, ' ')),
    )

/** The leaf parts of a MIME entity, decoded. */
const partsOf = (entity: string): { head: string; parts: MailPart[] } => {
  const [rawHead = '', ...rest] = entity.split(/\r?\n\r?\n/)
  const head = rawHead.replace(/\r?\n[ \t]+/g, ' ')
  const body = rest.join('\r\n\r\n')
  const contentType =
    /^Content-Type: ([^;\r\n]+)/im.exec(head)?.[1]?.trim().toLowerCase() ?? 'text/plain'
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(head)?.[1]
  if (contentType.startsWith('multipart/') && boundary) {
    const sections = body
      .split(`--${boundary}`)
      .slice(1)
      .filter((section) => !section.startsWith('--'))
    return {
      head,
      parts: sections.flatMap((section) => partsOf(section.replace(/^\r?\n/, '')).parts),
    }
  }
  const encoding = /^Content-Transfer-Encoding: (\S+)/im.exec(head)?.[1]?.toLowerCase()
  const decoded =
    encoding === 'quoted-printable'
      ? decodeQuotedPrintable(body)
      : encoding === 'base64'
        ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
        : body
  return {
    head,
    parts: [
      {
        body: decoded,
        contentType,
        filename: /filename="?([^";\r\n]+)"?/i.exec(head)?.[1],
      },
    ],
  }
}

/** A received message: subject, plain text (without attachments), parts, recipients. */
export const parseMail = ({ raw, to }: { raw: string; to: string[] }): ReceivedMail => {
  const { head, parts } = partsOf(raw)
  const subject = decodeHeader(/^Subject: (.*)$/im.exec(head)?.[1] ?? '')
  const text = parts
    .filter((part) => part.contentType === 'text/plain' && !part.filename)
    .map((part) => part.body)
    .join('\n')
  const html = parts
    .filter((part) => part.contentType === 'text/html' && !part.filename)
    .map((part) => part.body)
    .join('\n')
  return { head, html, parts, raw, subject, text, to }
}

/** The tree of content types, e.g. multipart/mixed > (multipart/alternative > text/plain, text/html), text/calendar. */
export const mimeTreeOf = (entity: string): MimeEntity => {
  const [rawHead = '', ...rest] = entity.split(/\r?\n\r?\n/)
  const head = rawHead.replace(/\r?\n[ \t]+/g, ' ')
  const contentType =
    /^Content-Type: ([^;\r\n]+)/im.exec(head)?.[1]?.trim().toLowerCase() ?? 'text/plain'
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(head)?.[1]
  if (!contentType.startsWith('multipart/') || !boundary) {
    return { children: [], contentType }
  }
  const children = rest
    .join('\r\n\r\n')
    .split(`--${boundary}`)
    .slice(1)
    .filter((section) => !section.startsWith('--'))
    .map((section) => mimeTreeOf(section.replace(/^\r?\n/, '')))
  return { children, contentType }
}

export const mailsTo = (mails: ReceivedMail[], address: string) =>
  mails.filter((mail) => mail.to.some((to) => to.toLowerCase() === address.toLowerCase()))
