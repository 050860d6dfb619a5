/**
 * A nodemailer transport that writes each message as an .eml file instead of sending it,
 * so that nothing leaves the machine by accident in development. The files are personal data
 * (mailFiles.ts): those older than a week are deleted when the transport starts and when it
 * writes one (at most hourly), and the log names a recipient only in development.
 */
import crypto from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'

import type { SentMessageInfo, Transport } from 'nodemailer'
import type MailMessage from 'nodemailer/lib/mailer/mail-message.js'

import { pruneMailFiles } from './mailFiles'

type EmlFileTransportArgs = {
  directory: string
  log: (message: string) => void
  /** Whether the log may name the recipient (development; never in production logs). */
  namesRecipients?: boolean
}

const addressesOf = (value: unknown): string => {
  if (!value) {
    return ''
  }
  const list = Array.isArray(value) ? value : [value]
  return list
    .map((entry) =>
      typeof entry === 'string' ? entry : ((entry as { address?: string }).address ?? ''),
    )
    .join(', ')
}

/** Pruning looks at the folder at most this often (a burst of mails doesn't list it each time). */
const PRUNE_EVERY_MS = 60 * 60 * 1000

export const createEmlFileTransport = ({
  directory,
  log,
  namesRecipients = process.env.NODE_ENV !== 'production',
}: EmlFileTransportArgs): Transport<SentMessageInfo> => {
  let prunedAt = 0
  // Beside sending, never in its way: a failure is logged, and the mail is written all the same.
  const prune = () => {
    if (Date.now() - prunedAt < PRUNE_EVERY_MS) {
      return
    }
    prunedAt = Date.now()
    pruneMailFiles(directory).catch((err: unknown) =>
      log(
        `Alte E-Mail-Dateien in ${directory} konnten nicht gelöscht werden: ${err instanceof Error ? err.message : String(err)}`,
      ),
    )
  }
  prune()
  return {
    name: 'eml-file',
    version: '1.0.0',
    send(mail: MailMessage, callback: (err: Error | null, info: SentMessageInfo) => void) {
      const envelope = mail.message.getEnvelope()
      const messageId = mail.message.messageId()
      mail.message.build((buildError, message) => {
        if (buildError) {
          callback(buildError, undefined)
          return
        }
        const stamp = new Date().toISOString().replace(/[:.]/g, '-')
        const file = path.join(directory, `${stamp}-${crypto.randomBytes(4).toString('hex')}.eml`)
        fs.mkdir(directory, { recursive: true })
          .then(() => fs.writeFile(file, message))
          .then(() => {
            log(
              namesRecipients
                ? `E-Mail nicht versendet (kein SMTP_URL), gespeichert: ${file} — an: ${addressesOf(mail.data.to)} — Betreff: ${String(mail.data.subject ?? '')}`
                : `E-Mail nicht versendet (kein SMTP_URL), gespeichert: ${file}`,
            )
            callback(null, { envelope, messageId, path: file })
            prune()
          })
          .catch((err: Error) => callback(err, undefined))
      })
    },
  }
}
