/**
 * The nightly generation of series occurrences as a Payload jobs task, and the runner that
 * picks it up inside the server process.
 */
import type { JobsConfig, TaskConfig } from 'payload'

import { MAIL_QUEUE } from '@quartiersnetz/plugin-kit/sendMailTask'

import { hasRole } from '../access/roles'
import { generateAllOccurrences } from './generateOccurrences'

export const NIGHTLY_QUEUE = 'nightly'

/** Payload's queue when a job names none: scheduled publications (`schedulePublish`) run there. */
export const DEFAULT_QUEUE = 'default'

/** Queuing, running and cancelling jobs over the API (/api/payload-jobs/…) is for the coordination office. */
const isCoordinationOffice = ({
  req,
}: {
  req: { user?: null | { role?: 'admin' | 'editor' | 'municipality-editor' | null } }
}) => hasRole(req.user, 'admin', 'editor')

export const jobsAccess: JobsConfig['access'] = {
  cancel: isCoordinationOffice,
  queue: isCoordinationOffice,
  run: isCoordinationOffice,
}

type Totals = {
  cancelled: number
  created: number
  failed: number
  invalid: number
  series: number
  total: number
  updated: number
}

const count = (name: keyof Totals) => ({ name, type: 'number' as const, required: true })

export const generateSeriesOccurrencesTask: TaskConfig<{ input: object; output: Totals }> = {
  slug: 'generateSeriesOccurrences',
  handler: async ({ req }) => {
    const totals = await generateAllOccurrences({ req })
    req.payload.logger.info({ msg: 'Event series occurrences generated.', ...totals })
    // Thrown, so the job is retried; generation is idempotent, series that worked stay as they are.
    if (totals.failed > 0) {
      throw new Error(
        `Occurrences of ${totals.failed} of ${totals.series} event series could not be generated; see the log.`,
      )
    }
    return { output: totals }
  },
  label: 'Termine der Veranstaltungsreihen erzeugen / Generate event series occurrences',
  outputSchema: [
    count('series'),
    count('created'),
    count('updated'),
    count('cancelled'),
    count('total'),
    count('failed'),
    count('invalid'),
  ],
  retries: { attempts: 3, backoff: { delay: 5 * 60_000, type: 'exponential' } },
  // 03:00 in the server's time zone: after midnight, so "today" is the new day, before anyone works.
  schedule: [{ cron: '0 3 * * *', queue: NIGHTLY_QUEUE }],
}

/**
 * JOBS_AUTORUN=false leaves running (and scheduling) the queues to another process: the worker
 * (`npm run worker`, src/worker.ts) when several servers share one database, or
 * `npm run payload -- jobs:run --queue nightly --handle-schedules` from the system's cron.
 * Unset, the server runs them, except under the tests, whose servers must not act on their own.
 */
export const isJobsAutoRunEnabled = (): boolean => {
  const raw = process.env.JOBS_AUTORUN
  if (raw === undefined || raw === '') {
    return process.env.NODE_ENV !== 'test'
  }
  if (raw !== 'true' && raw !== 'false') {
    throw new Error(`JOBS_AUTORUN muss "true" oder "false" sein, ist aber "${raw}".`)
  }
  return raw === 'true'
}

/**
 * Every five minutes the server looks at the nightly queue: it schedules the next 03:00 run if
 * none is waiting and runs what is due. Only the process that calls getPayload with
 * `cron: true` (src/server/startServer.ts) does this; the CLI and the build don't.
 */
export const nightlyAutoRun = (): JobsConfig['autoRun'] =>
  isJobsAutoRunEnabled() ? [{ cron: '*/5 * * * *', limit: 10, queue: NIGHTLY_QUEUE }] : undefined

/** A queue as a runner serves it: looked at every `intervalMs`, up to `limit` jobs per batch. */
export type QueueRun = { intervalMs: number; limit: number; queue: string }

/**
 * The queues the worker (src/worker.ts) runs, at the rhythm of the server's autoRun: the mail
 * outbox every 10 seconds, Payload's `default` queue (scheduled publications) every minute, the
 * nightly queue with its schedules every five minutes.
 */
export const workerQueues = (): QueueRun[] => [
  { intervalMs: 10_000, limit: 20, queue: MAIL_QUEUE },
  { intervalMs: 60_000, limit: 20, queue: DEFAULT_QUEUE },
  { intervalMs: 5 * 60_000, limit: 10, queue: NIGHTLY_QUEUE },
]
