/**
 * The mail outbox: plugins queue a `sendMail` job in the transaction of the change that causes
 * the mail, so the mail exists exactly when the change is committed; the jobs runner sends it
 * afterwards, with retries. The host registers the task and `mailKeysCollection` once and runs
 * the queue.
 *
 * Idempotency: a mail queued with an `idempotencyKey` (e.g. `registration:42:reminder`) is
 * queued at most once per key (a unique row in `mail-keys`, inserted in the same transaction),
 * and the runner claims the key before sending and marks it sent afterwards, so two runners or a
 * retry after a success never send it twice. The SMTP Message-ID is derived from the key, so
 * even the one case left (the process dies between the SMTP server's "250 OK" and the mark)
 * reaches the recipient's mail client as the same message.
 */
import type { CollectionConfig, Config, PayloadRequest, TaskConfig } from 'payload'

import { createHash } from 'node:crypto'

import { sql } from '@payloadcms/db-postgres'
import { commitTransaction, initTransaction, killTransaction } from 'payload'

import { databaseOf, tableOf, transactionOf } from './drizzleTable'

export const SEND_MAIL_TASK = 'sendMail'
export const MAIL_QUEUE = 'mail'
export const MAIL_KEYS_SLUG = 'mail-keys'

/** A claimed but unmarked key is considered abandoned (the runner died) after this. */
const CLAIM_MINUTES = 10

/** A file attached to a mail, as text (e.g. an .ics calendar entry). */
export type MailAttachment = { content: string; contentType?: string; filename: string }

export type MailInput = {
  attachments?: MailAttachment[]
  /** The HTML alternative to `text` (plugins/shared/mailTemplate.ts renders both from one description). */
  html?: null | string
  idempotencyKey?: null | string
  subject: string
  text: string
  to: string
}

/**
 * The outbox's bookkeeping, for a host that tracks changes of content (e.g. to invalidate a
 * cache of public answers): no public answer reads the mail keys, and the runner writes one for
 * every mail sent, so their writes are no content change.
 */
export const mailOutboxBookkeeping = [{ collection: MAIL_KEYS_SLUG }] as const

/** Keys of mails queued with an idempotency key: nobody reads them over the API. */
export const mailKeysCollection: CollectionConfig = {
  slug: MAIL_KEYS_SLUG,
  access: { create: () => false, delete: () => false, read: () => false, update: () => false },
  admin: { hidden: true },
  fields: [
    { name: 'key', type: 'text', index: true, maxLength: 200, required: true, unique: true },
    { name: 'claimedAt', type: 'date' },
    { name: 'sentAt', type: 'date' },
  ],
  labels: {
    plural: { de: 'Versandschlüssel', en: 'Mail keys' },
    singular: { de: 'Versandschlüssel', en: 'Mail key' },
  },
  timestamps: true,
}

const messageIdOf = (req: PayloadRequest, key: string) => {
  let host = 'localhost'
  try {
    host = new URL(req.payload.config.serverURL || 'http://localhost').hostname
  } catch {
    // serverURL is validated by the host; keep the fallback.
  }
  return `<${createHash('sha256').update(key).digest('hex').slice(0, 32)}@${host}>`
}

/** Claims the key for this runner: 'send', 'sent' (skip) or 'busy' (another runner has it). */
const claim = async (
  req: PayloadRequest,
  key: string,
): Promise<'busy' | 'send' | 'sent' | 'untracked'> => {
  const database = databaseOf(req.payload)
  const keys = tableOf(req.payload, MAIL_KEYS_SLUG)
  const claimed = await database.rows(sql`
    UPDATE ${keys} SET "claimed_at" = now(), "updated_at" = now()
    WHERE "key" = ${key} AND "sent_at" IS NULL
      AND ("claimed_at" IS NULL OR "claimed_at" < now() - make_interval(mins => ${CLAIM_MINUTES}))
    RETURNING "id"`)
  if (claimed.length) {
    return 'send'
  }
  const rows = await database.rows(sql`SELECT "sent_at" FROM ${keys} WHERE "key" = ${key}`)
  if (!rows.length) {
    return 'untracked'
  }
  return rows[0]!.sent_at ? 'sent' : 'busy'
}

export const sendMailTask: TaskConfig<{ input: MailInput; output: { skipped?: boolean } }> = {
  slug: SEND_MAIL_TASK,
  handler: async ({ input, req }) => {
    const key = input.idempotencyKey || undefined
    const state = key ? await claim(req, key) : 'untracked'
    if (state === 'sent') {
      return { output: { skipped: true } }
    }
    if (state === 'busy') {
      // Thrown, so the job is retried later; the other runner marks it sent meanwhile.
      throw new Error(`Mail ${key} is being sent by another runner.`)
    }
    try {
      await req.payload.sendEmail({
        attachments: input.attachments ?? undefined,
        // Jobs queued before mails had an HTML part have none: they are sent as text only.
        html: input.html || undefined,
        messageId: key ? messageIdOf(req, key) : undefined,
        subject: input.subject,
        text: input.text,
        to: input.to,
      })
    } catch (err) {
      if (key) {
        await databaseOf(req.payload).rows(
          sql`UPDATE ${tableOf(req.payload, MAIL_KEYS_SLUG)} SET "claimed_at" = NULL WHERE "key" = ${key} AND "sent_at" IS NULL`,
        )
      }
      throw err
    }
    if (key) {
      await databaseOf(req.payload).rows(
        sql`UPDATE ${tableOf(req.payload, MAIL_KEYS_SLUG)} SET "sent_at" = now(), "updated_at" = now() WHERE "key" = ${key}`,
      )
    }
    return { output: {} }
  },
  inputSchema: [
    { name: 'to', type: 'text', required: true },
    { name: 'subject', type: 'text', required: true },
    { name: 'text', type: 'textarea', required: true },
    { name: 'html', type: 'textarea' },
    { name: 'attachments', type: 'json' },
    { name: 'idempotencyKey', type: 'text' },
  ],
  label: 'E-Mail senden / Send e-mail',
  outputSchema: [{ name: 'skipped', type: 'checkbox' }],
  // 30 s, 1, 2, 4 … min: ten attempts cover an SMTP outage of about eight and a half hours;
  // after that the job stays in payload-jobs with its error and can be run again.
  retries: { attempts: 10, backoff: { delay: 30_000, type: 'exponential' } },
}

/** The statement that takes a mail's idempotency key: a row with its id, none if taken before. */
const insertKey = (req: PayloadRequest, key: string) => sql`
  INSERT INTO ${tableOf(req.payload, MAIL_KEYS_SLUG)} ("key", "updated_at", "created_at")
  VALUES (${key}, now(), now())
  ON CONFLICT ("key") DO NOTHING RETURNING "id"`

/** Payload's collection of jobs (its table is `payload_jobs`). */
const JOBS_SLUG = 'payload-jobs'

/**
 * Whether Payload's `jobs.queue` would only write the job's row: it does unless the host runs
 * the jobs collection's hooks, asks for a depth, or has Payload compute concurrency keys; then
 * the mail goes through `jobs.queue` itself.
 */
const insertsJobsDirectly = ({ payload }: PayloadRequest) => {
  const jobs = payload.config.jobs
  return !jobs?.runHooks && !jobs?.depth && !jobs?.enableConcurrencyControl
}

/**
 * The job's row as Payload's `jobs.queue` writes it (`db.create`: the input, the task, the
 * queue; the rest are the table's defaults), with its idempotency key, in one statement: no
 * row is written when the key was queued before. Payload reads the new row back with a second
 * statement; nothing here needs it (a registration burst spends its time on such round trips:
 * bench/optimisations.md).
 */
const insertMailJob = async ({
  mail,
  queue,
  req,
}: {
  mail: MailInput
  queue: string
  req: PayloadRequest
}): Promise<boolean> => {
  const jobs = tableOf(req.payload, JOBS_SLUG)
  const input = JSON.stringify(mail)
  const runner = await transactionOf(req)
  const rows = mail.idempotencyKey
    ? await runner.rows(sql`
        WITH "key" AS (${insertKey(req, mail.idempotencyKey)})
        INSERT INTO ${jobs} ("input", "task_slug", "queue")
        SELECT ${input}::jsonb, ${SEND_MAIL_TASK}, ${queue} WHERE EXISTS (SELECT 1 FROM "key")
        RETURNING "id"`)
    : await runner.rows(sql`
        INSERT INTO ${jobs} ("input", "task_slug", "queue")
        VALUES (${input}::jsonb, ${SEND_MAIL_TASK}, ${queue}) RETURNING "id"`)
  return rows.length > 0
}

/** The key's row, then Payload's `jobs.queue` (when the host's jobs need more than the row). */
const queueThroughPayload = async ({
  mail,
  queue,
  req,
}: {
  mail: MailInput
  queue: string
  req: PayloadRequest
}): Promise<boolean> => {
  if (mail.idempotencyKey) {
    const rows = await (await transactionOf(req)).rows(insertKey(req, mail.idempotencyKey))
    if (!rows.length) {
      return false
    }
  }
  await req.payload.jobs.queue({ input: mail, queue, req, task: SEND_MAIL_TASK })
  return true
}

/**
 * Queues a mail in `req`'s transaction (pass the request of the change; without a transaction
 * on it, one is opened and committed here). With an `idempotencyKey`, a key that was queued
 * before is skipped: returns false.
 */
export const queueMail = async ({
  mail,
  queue = MAIL_QUEUE,
  req,
}: {
  mail: MailInput
  queue?: string
  req: PayloadRequest
}): Promise<boolean> => {
  if (mail.idempotencyKey && mail.idempotencyKey.length > 200) {
    throw new Error('queueMail: idempotencyKey is longer than 200 characters.')
  }
  const ownsTransaction = await initTransaction(req)
  try {
    const isQueued = insertsJobsDirectly(req)
      ? await insertMailJob({ mail, queue, req })
      : await queueThroughPayload({ mail, queue, req })
    if (ownsTransaction) {
      await commitTransaction(req)
    }
    return isQueued
  } catch (err) {
    if (ownsTransaction) {
      await killTransaction(req)
    }
    throw err
  }
}

/**
 * Drops the mails still waiting in the outbox whose idempotency key starts with one of
 * `keyPrefixes` (e.g. `registration:42:`), in `req`'s transaction: what was queued for records
 * that are being deleted is not sent, and the addresses and texts in it go with them. A mail the
 * runner is sending at this moment is not stopped; sent mails are no longer in the outbox.
 * Answers how many were dropped.
 */
export const dropQueuedMails = async (req: PayloadRequest, keyPrefixes: string[]) => {
  if (!keyPrefixes.length) {
    return 0
  }
  const rows = await (
    await transactionOf(req)
  ).rows(sql`
    DELETE FROM ${tableOf(req.payload, 'payload-jobs')}
    WHERE "task_slug" = ${SEND_MAIL_TASK} AND "completed_at" IS NULL
      AND "processing" IS NOT TRUE
      AND EXISTS (
        SELECT 1 FROM unnest(ARRAY[${sql.join(
          keyPrefixes.map((prefix) => sql`${prefix}`),
          sql`, `,
        )}]::text[]) AS p(prefix)
        WHERE starts_with("input"->>'idempotencyKey', p.prefix))
    RETURNING "id"`)
  return rows.length
}

/**
 * The outbox in a host's config, once: every plugin that sends mail calls this, and the task
 * and the keys collection are added unless present, so a second plugin (or a host that added
 * them itself) changes nothing. The host still runs the queue (`jobs.autoRun` or cron).
 */
export const withMailOutbox = (config: Config): Pick<Config, 'collections' | 'jobs'> => {
  const tasks = config.jobs?.tasks ?? []
  const hasTask = tasks.some((task) => task.slug === SEND_MAIL_TASK)
  const hasKeys = (config.collections ?? []).some(
    (collection) => collection.slug === MAIL_KEYS_SLUG,
  )
  return {
    collections: hasKeys ? config.collections : [...(config.collections ?? []), mailKeysCollection],
    jobs: { ...config.jobs, tasks: hasTask ? tasks : [...tasks, sendMailTask] },
  }
}
