/**
 * The workers' queue runner (src/events/jobsRunner.ts) on a real PostgreSQL and a real SMTP
 * receiver: two runners that look at the same queue at the same moment (as two worker processes
 * do; each runner holds its locks on a connection of its own) queue each scheduled run once and
 * send each mail once, also mails without an idempotency key.
 */
import type { Payload } from 'payload'

import { createLocalReq } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import type { QueueRun } from '../../src/events/jobs'

import { queueMail } from '../../plugins/shared/sendMailTask'
import { closePool, poolOf } from '../../src/db/closePool'
import { NIGHTLY_QUEUE } from '../../src/events/jobs'
import { type JobsRunner, startJobsRunner } from '../../src/events/jobsRunner'

// The config reads SMTP_URL when it is imported: the receiver must be listening before that.
const smtp = await vi.hoisted(async () => {
  const { startSmtpReceiver } = await import('../helpers/smtp')
  return startSmtpReceiver()
})

let payload: Payload

beforeAll(async () => {
  const { default: config } = await import('@payload-config')
  const { getPayload } = await import('payload')
  payload = await getPayload({ config })
  // The file's database is dropped after the file, ending idle connections with an error.
  const pool = poolOf(payload)
  pool?.on('error', () => undefined)
  pool?.on('connect', (client) => client.on('error', () => undefined))
})

afterAll(async () => {
  await smtp.stop()
  const pool = payload ? poolOf(payload) : undefined
  await payload?.destroy()
  await closePool(pool)
})

/** Two runners started in the same moment; resolves once both have looked at every queue once. */
const runTwiceAtOnce = async (queues: QueueRun[]) => {
  const runners: JobsRunner[] = [0, 1].map(() =>
    startJobsRunner({ connectionString: process.env.DATABASE_URL, payload, queues }),
  )
  try {
    await vi.waitFor(
      () => {
        expect(
          runners.every((runner) => runner.status().every((status) => status.lastTurnAt)),
        ).toBe(true)
      },
      { interval: 100, timeout: 60_000 },
    )
    return runners.map((runner) => runner.status())
  } finally {
    await Promise.all(runners.map((runner) => runner.stop()))
  }
}

const jobsOf = async (queue: string) =>
  (
    await payload.find({
      collection: 'payload-jobs',
      depth: 0,
      limit: 0,
      overrideAccess: true,
      pagination: false,
      where: { queue: { equals: queue } },
    })
  ).docs

describe('job runners beside each other', () => {
  it('should queue each scheduled task once when two runners look at the same moment', async () => {
    // A long interval: one look each.
    await runTwiceAtOnce([{ intervalMs: 3_600_000, limit: 10, queue: NIGHTLY_QUEUE }])
    const scheduled = (await jobsOf(NIGHTLY_QUEUE)).filter(
      (job) => (job.meta as { scheduled?: boolean } | null)?.scheduled && !job.completedAt,
    )
    const perTask = new Map<string, number>()
    for (const job of scheduled) {
      perTask.set(String(job.taskSlug), (perTask.get(String(job.taskSlug)) ?? 0) + 1)
    }
    expect(perTask.size).toBeGreaterThanOrEqual(4)
    expect(Object.fromEntries(perTask)).toEqual(
      Object.fromEntries([...perTask.keys()].map((task) => [task, 1])),
    )
  })

  it('should send each mail once when two runners serve the mail queue at the same moment', async () => {
    smtp.received.length = 0
    const req = await createLocalReq({}, payload)
    const recipients = Array.from({ length: 12 }, (_, i) => `runner-${i}@jobs.test`)
    for (const to of recipients) {
      // No idempotency key: only the runners' lock keeps a mail from going out twice.
      await queueMail({
        mail: { subject: 'Einmal', text: 'Genau einmal.', to },
        queue: 'runner-mail-test',
        req,
      })
    }
    const statuses = await runTwiceAtOnce([
      { intervalMs: 3_600_000, limit: 2, queue: 'runner-mail-test' },
    ])
    // One runner had the queue; the other found it taken, or found it empty afterwards.
    expect(statuses.flat().some((status) => status.lastTurnServed)).toBe(true)
    expect((await jobsOf('runner-mail-test')).every((job) => job.completedAt)).toBe(true)
    expect(smtp.received.flatMap((mail) => mail.to).sort()).toEqual([...recipients].sort())
  })
})
