/**
 * Mails kept as .eml files when no mail server is set (src/email/mailFiles.ts): real files
 * written by the transport through nodemailer, found and erased for an address as a privacy
 * request does, deleted after a week, and the recipient left out of production logs.
 */
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import type { PayloadRequest } from 'payload'

import nodemailer from 'nodemailer'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { createEmlFileTransport } from '../../src/email/emlFileTransport'
import {
  MAIL_FILE_RETENTION_DAYS,
  mailFilesPersonalData,
  pruneMailFiles,
} from '../../src/email/mailFiles'

let directory: string
const logged: string[] = []

const send = async (to: string, subject: string, namesRecipients = true) => {
  const transport = nodemailer.createTransport(
    createEmlFileTransport({ directory, log: (line) => logged.push(line), namesRecipients }),
  )
  await transport.sendMail({ from: 'netz@example.org', subject, text: 'Hallo', to })
}

const files = async () => (await fs.readdir(directory)).filter((name) => name.endsWith('.eml'))

beforeEach(async () => {
  directory = await fs.mkdtemp(path.join(os.tmpdir(), 'qn-mail-'))
  logged.length = 0
})

afterEach(async () => {
  await fs.rm(directory, { force: true, recursive: true })
})

describe('mails kept as files', () => {
  it('should find and erase the files to an address, whatever its case, and only those', async () => {
    await send('"Anna Beispiel" <Anna@Example.org>', 'Bitte bestätigen Sie Ihre Anmeldung')
    await send('anna@example.org', 'Sie sind angemeldet')
    await send('bert@example.org', 'Bitte bestätigen Sie Ihren Kommentar')
    const source = mailFilesPersonalData(directory)
    const req = {} as PayloadRequest
    const found = await source.find({ address: 'anna@example.org', req })
    expect(found.map((record) => record.values.subject).sort()).toEqual([
      'Bitte bestätigen Sie Ihre Anmeldung',
      'Sie sind angemeldet',
    ])
    expect(found[0]!.summary.de).toMatch(/^E-Mail als Datei \(nicht versandt\) „/)
    expect(await source.erase({ address: 'anna@example.org', req })).toEqual({
      anonymised: 0,
      deleted: 2,
    })
    expect(await files()).toHaveLength(1)
    expect(await source.find({ address: 'anna@example.org', req })).toEqual([])
    expect(await source.find({ address: 'bert@example.org', req })).toHaveLength(1)
  })

  it(`should delete files older than ${MAIL_FILE_RETENTION_DAYS} days and keep newer ones`, async () => {
    await send('alt@example.org', 'Alt')
    await send('neu@example.org', 'Neu')
    const [old] = (await files()).sort()
    const longAgo = new Date(Date.now() - (MAIL_FILE_RETENTION_DAYS + 1) * 24 * 60 * 60 * 1000)
    await fs.utimes(path.join(directory, old!), longAgo, longAgo)
    expect(await pruneMailFiles(directory)).toBe(1)
    expect(await files()).toHaveLength(1)
    // A missing directory is no error.
    expect(await pruneMailFiles(path.join(directory, 'gibt-es-nicht'))).toBe(0)
  })

  it('should name the recipient in the log in development only', async () => {
    await send('dev@example.org', 'Entwicklung')
    await send('prod@example.org', 'Betrieb', false)
    expect(logged[0]).toContain('an: dev@example.org')
    expect(logged[1]).not.toContain('prod@example.org')
    expect(logged[1]).toMatch(/^E-Mail nicht versendet \(kein SMTP_URL\), gespeichert: /)
  })
})
