/**
 * Mails written as .eml files instead of sent (no SMTP_URL, emlFileTransport.ts) hold what the
 * mails hold: names, addresses, links with tokens, access links. They are personal data like
 * the outbox: kept `MAIL_FILE_RETENTION_DAYS` (the transport deletes older ones when it starts
 * and, at most hourly, when it writes one), found and erased on a data-subject request (a
 * source of the privacy requests).
 */

import fs from 'node:fs/promises'
import path from 'node:path'

import {
  dateInWords,
  normaliseAddress,
  type PersonalDataSource,
} from '@quartiersnetz/plugin-kit/privacy'

/** Long enough to look at a mail in development or a test system, short for what it holds. */
export const MAIL_FILE_RETENTION_DAYS = 7

const DAY_MS = 24 * 60 * 60 * 1000

type MailFile = { file: string; modified: Date; recipients: string[]; subject: string }

/** A header's value, with folded lines joined (RFC 5322); '' when missing. */
const headerOf = (head: string, name: string): string => {
  const match = new RegExp(`^${name}:([^\\r\\n]*(?:\\r?\\n[ \\t][^\\r\\n]*)*)`, 'im').exec(head)
  return match ? match[1]!.replace(/\r?\n[ \t]/g, ' ').trim() : ''
}

/** Encoded words (RFC 2047: `=?UTF-8?Q?…?=`, `=?UTF-8?B?…?=`) as text, as nodemailer writes them. */
const decodeWords = (value: string): string =>
  value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(
      /=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g,
      (whole, charset: string, how: string, text: string) => {
        if (!/^utf-?8$/i.test(charset)) {
          return whole
        }
        const bytes =
          how.toUpperCase() === 'B'
            ? Buffer.from(text, 'base64')
            : Buffer.from(
                text
                  .replace(/_/g, ' ')
                  .replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) =>
                    String.fromCharCode(parseInt(hex, 16)),
                  ),
                'latin1',
              )
        return bytes.toString('utf8')
      },
    )

/** The addresses of a To header: `Name <a@b>` or `a@b`, lower case. */
const addressesIn = (to: string): string[] =>
  [...to.matchAll(/<([^<>\s]+@[^<>\s]+)>|([^\s,<>"]+@[^\s,<>"]+)/g)].map((match) =>
    normaliseAddress(match[1] ?? match[2]!),
  )

/** The .eml files of `directory` (none when it doesn't exist), with recipients and subject. */
const mailFilesIn = async (directory: string): Promise<MailFile[]> => {
  let names: string[]
  try {
    names = await fs.readdir(directory)
  } catch {
    return []
  }
  const files: MailFile[] = []
  for (const name of names.filter((entry) => entry.endsWith('.eml')).sort()) {
    const file = path.join(directory, name)
    try {
      const [content, stat] = await Promise.all([fs.readFile(file, 'utf8'), fs.stat(file)])
      const head = content.split(/\r?\n\r?\n/, 1)[0] ?? ''
      files.push({
        file,
        modified: stat.mtime,
        recipients: addressesIn(headerOf(head, 'To')),
        subject: decodeWords(headerOf(head, 'Subject')),
      })
    } catch {
      // Deleted meanwhile (the nightly task, a developer): nothing to report.
    }
  }
  return files
}

/** Deletes the mail files older than `days` (by their times only, unread); answers how many. */
export const pruneMailFiles = async (
  directory: string,
  { days = MAIL_FILE_RETENTION_DAYS, now = new Date() } = {},
): Promise<number> => {
  let names: string[]
  try {
    names = await fs.readdir(directory)
  } catch {
    return 0
  }
  let deleted = 0
  for (const name of names.filter((entry) => entry.endsWith('.eml'))) {
    const file = path.join(directory, name)
    const modified = await fs.stat(file).then(
      (stat) => stat.mtime,
      () => undefined,
    )
    if (modified && now.getTime() - modified.getTime() > days * DAY_MS) {
      await fs.rm(file, { force: true })
      deleted++
    }
  }
  return deleted
}

/** The mail files as a source of the privacy requests (declared only while mails are files). */
export const mailFilesPersonalData = (directory: string): PersonalDataSource => {
  const filesTo = async (address: string) =>
    (await mailFilesIn(directory)).filter(({ recipients }) => recipients.includes(address))
  return {
    erase: async ({ address }) => {
      const files = await filesTo(address)
      await Promise.all(files.map(({ file }) => fs.rm(file, { force: true })))
      return { anonymised: 0, deleted: files.length }
    },
    find: async ({ address }) =>
      (await filesTo(address)).map(({ file, modified, subject }) => {
        const when = dateInWords(modified)
        return {
          erasure: 'delete' as const,
          id: path.basename(file),
          summary: {
            de: `E-Mail als Datei (nicht versandt) „${subject}“ vom ${when.de}`,
            en: `E-mail kept as a file (not sent) "${subject}" of ${when.en}`,
          },
          values: { file: path.basename(file), subject, to: address, writtenAt: modified },
        }
      }),
    key: 'mail-files',
    label: {
      de: 'E-Mails als Dateien (ohne Mailserver)',
      en: 'E-mails kept as files (no mail server)',
    },
  }
}
