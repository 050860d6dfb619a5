/**
 * Data-subject requests (DSGVO Art. 15, 17, 20): every plugin that stores something about a
 * person declares, once, how to find it by e-mail address and how to erase it. The host reads
 * the declarations from the config (`config.custom.quartiersnetz.personalData`) and offers one
 * place to answer a request across all plugins, so a future plugin joins in by declaring its own.
 *
 * A source finds records, each with a readable summary (for the person and the editor) and the
 * stored values (for the machine-readable export), and erases them: deleted, or anonymised where
 * a count must stay (seats taken, a comment thread with replies). Both run in `req`'s transaction.
 */
import type { Config, PayloadRequest } from 'payload'

import { sql } from '@payloadcms/db-postgres'

import { databaseOf, tableOf, transactionOf } from './drizzleTable'
import { HOST_CONTRACT_KEY } from './pluginConfig'
import { SEND_MAIL_TASK } from './sendMailTask'

/** A text in both languages the admin speaks. */
export type InWords = { de: string; en: string }

/** What erasing does to a record: deleted, or kept without what identifies the person. */
export type Erasure = 'anonymise' | 'delete'

/** One thing stored about the person. */
export type PersonalRecord = {
  /** What erasure will do to it. */
  erasure: Erasure
  /** The record's id in its collection. */
  id: number | string
  /** One line a person understands: what it is, where, since when. */
  summary: InWords
  /** The stored values, as they are (no hashes: they say nothing to anybody). */
  values: Record<string, unknown>
}

/** What an erasure did, per source. */
export type ErasureCounts = { anonymised: number; deleted: number }

/** A plugin's declaration of what it holds about an e-mail address. */
export type PersonalDataSource = {
  /** Unique among the sources, e.g. `comments`; also the key in the export. */
  key: string
  /** What the source holds, as a heading: "Kommentare". */
  label: InWords
  /**
   * Said when the source holds nothing that can be tied to an address at all (e.g. anonymous
   * ratings): the person is told why nothing was found, instead of nothing.
   */
  note?: InWords
  /** The records stored for the address (normalised: trimmed, lower case), read in `req`'s transaction. */
  find: (args: { address: string; req: PayloadRequest }) => Promise<PersonalRecord[]>
  /** Erases what `find` finds, in `req`'s transaction. */
  erase: (args: { address: string; req: PayloadRequest }) => Promise<ErasureCounts>
  /**
   * Runs after the other sources' erasures (the mail outbox: anything another source's erasure
   * queued to the address is dropped too).
   * @default false
   */
  isLast?: boolean
}

type HostContract = { personalData?: PersonalDataSource[]; privacyNoticeUrl?: string }

/** Addresses are compared the way mail systems treat them in practice: trimmed, case-insensitive. */
export const normaliseAddress = (address: string) => address.trim().toLowerCase()

/**
 * Adds the plugin's sources to the host contract. A source whose key is declared already (the
 * mail outbox, which every mailing plugin brings) is kept once.
 */
export const withPersonalDataSources = (
  config: Pick<Config, 'custom'>,
  sources: PersonalDataSource[],
): Config['custom'] => {
  const contract = (config.custom?.[HOST_CONTRACT_KEY] ?? {}) as HostContract
  const existing = contract.personalData ?? []
  const keys = new Set(existing.map((source) => source.key))
  return {
    ...config.custom,
    [HOST_CONTRACT_KEY]: {
      ...contract,
      personalData: [...existing, ...sources.filter((source) => !keys.has(source.key))],
    },
  }
}

/**
 * The host's privacy notice, which the plugins' mails link in their footer. Set by the host in
 * its config (`custom: withPrivacyNoticeUrl(config, url)`); without it the mails name none.
 */
export const withPrivacyNoticeUrl = (
  config: Pick<Config, 'custom'>,
  url: string,
): Config['custom'] => ({
  ...config.custom,
  [HOST_CONTRACT_KEY]: {
    ...((config.custom?.[HOST_CONTRACT_KEY] ?? {}) as HostContract),
    privacyNoticeUrl: url,
  },
})

/** The footer's link to the privacy notice in a mail's language, if the host named one. */
export const privacyNoticeLinkOf = (
  config: { custom?: Record<string, unknown> },
  language: string,
): null | { label: string; url: string } => {
  const url = ((config.custom?.[HOST_CONTRACT_KEY] ?? {}) as HostContract).privacyNoticeUrl
  return url ? { label: language === 'en' ? 'Privacy' : 'Datenschutz', url } : null
}

/** The sources the plugins of a (sanitised) config declared, those marked `isLast` at the end. */
export const personalDataSourcesOf = (config: {
  custom?: Record<string, unknown>
}): PersonalDataSource[] => {
  const sources = ((config.custom?.[HOST_CONTRACT_KEY] ?? {}) as HostContract).personalData ?? []
  return [
    ...sources.filter((source) => !source.isLast),
    ...sources.filter((source) => source.isLast),
  ]
}

/** `values` without the fields nobody may read (hashes) and without Payload's internals. */
export const readableValues = (
  doc: Record<string, unknown>,
  omit: readonly string[] = [],
): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(doc).filter(
      ([key, value]) =>
        value !== undefined && !key.endsWith('Hash') && !omit.includes(key) && key !== 'target',
    ),
  )

/** A date as a person reads it in the admin's languages (Berlin time). */
export const dateInWords = (value: unknown): InWords => {
  const date = new Date(String(value))
  if (Number.isNaN(date.getTime())) {
    return { de: '–', en: '–' }
  }
  const format = (locale: string) =>
    new Intl.DateTimeFormat(locale, {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: 'Europe/Berlin',
    }).format(date)
  return { de: format('de-DE'), en: format('en-GB') }
}

type MailJobRow = {
  completed_at: null | string
  created_at: string
  has_error: boolean | null
  id: number | string
  subject: null | string
}

/**
 * The mail outbox as a source: mails to the address that wait (or failed, or were sent and are
 * kept until the retention job removes them), in any queue, hold the address and the text. Erasing drops them;
 * a pending mail to the person is not sent any more. Declared by every plugin that sends mail
 * (kept once); runs last, so that mails queued by other sources' erasures are dropped too.
 */
export const mailOutboxPersonalData = (): PersonalDataSource => {
  const jobsOf = async (req: PayloadRequest, address: string): Promise<MailJobRow[]> =>
    (await (
      await transactionOrPool(req)
    ).rows(sql`
      SELECT "id", "created_at", "completed_at", "has_error", "input"->>'subject' AS "subject"
      FROM ${tableOf(req.payload, 'payload-jobs')}
      WHERE "task_slug" = ${SEND_MAIL_TASK} AND lower(trim("input"->>'to')) = ${address}
      ORDER BY "created_at"`)) as MailJobRow[]
  return {
    erase: async ({ address, req }) => {
      const rows = await (
        await transactionOf(req)
      ).rows(sql`
        DELETE FROM ${tableOf(req.payload, 'payload-jobs')}
        WHERE "task_slug" = ${SEND_MAIL_TASK} AND lower(trim("input"->>'to')) = ${address}
        RETURNING "id"`)
      return { anonymised: 0, deleted: rows.length }
    },
    find: async ({ address, req }) =>
      (await jobsOf(req, address)).map((row) => {
        const when = dateInWords(row.created_at)
        const state: InWords = row.completed_at
          ? { de: 'versandt', en: 'sent' }
          : row.has_error
            ? { de: 'nicht zustellbar', en: 'undeliverable' }
            : { de: 'wartet auf Versand', en: 'waiting to be sent' }
        return {
          erasure: 'delete',
          id: row.id,
          summary: {
            de: `E-Mail „${row.subject ?? ''}“ vom ${when.de} (${state.de})`,
            en: `E-mail "${row.subject ?? ''}" of ${when.en} (${state.en})`,
          },
          values: {
            completedAt: row.completed_at,
            createdAt: row.created_at,
            subject: row.subject,
            to: address,
          },
        }
      }),
    isLast: true,
    key: 'mail-outbox',
    label: { de: 'E-Mails im Postausgang', en: 'E-mails in the outbox' },
  }
}

/** The request's transaction if it has one, else the pool (a lookup needs none). */
export const transactionOrPool = async (req: PayloadRequest) =>
  req.transactionID ? transactionOf(req) : databaseOf(req.payload)
