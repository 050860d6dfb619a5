/**
 * Which data is bookkeeping: written by the system for itself, read by no public answer, so its
 * writes must not count as content changes (the job runner writes every few seconds, every
 * login writes a session; each would empty the cache for nothing). Each owner declares its own
 * in Payload's terms: plugins/shared/sendMailTask.ts its outbox keys, this file Payload's own;
 * the server collects them (startServer.ts) and bookkeepingTables.ts finds their tables.
 */
import type { Payload } from 'payload'

/** A whole collection or global (every table of it), or one array field of a collection (its table). */
export type Bookkeeping = { collection: string; field?: string } | { global: string }

/**
 * Payload's own: the jobs queue and its statistics, the key-value store, document locks, user
 * preferences, the migrations' record, and the sessions of every auth collection. Those this
 * configuration doesn't have (e.g. no jobs) are left out when resolved.
 */
export const payloadBookkeeping = (config: Payload['config']): Bookkeeping[] => [
  { collection: 'payload-jobs' },
  { global: 'payload-jobs-stats' },
  { collection: 'payload-kv' },
  { collection: 'payload-locked-documents' },
  { collection: 'payload-migrations' },
  { collection: 'payload-preferences' },
  ...config.collections
    .filter((collection) => collection.auth?.useSessions)
    .map((collection): Bookkeeping => ({ collection: collection.slug, field: 'sessions' })),
]
