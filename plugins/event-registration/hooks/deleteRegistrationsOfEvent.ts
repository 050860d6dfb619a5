import type { CollectionBeforeDeleteHook } from 'payload'

import type { ResolvedRegistrationOptions } from '../types'

import { sql } from '@payloadcms/db-postgres'

import { tableOf, transactionOf } from '@quartiersnetz/plugin-kit/drizzleTable'
import { lockEvent } from '../lib/eventLock'

/**
 * An event that is deleted takes its registrations (names, addresses, answers) with it, in the
 * same transaction and under the event's lock, so no registration or confirmation slips in
 * meanwhile. Before the event's row goes: the link to the event would be cleared with it. One
 * statement: there are no seats left to count or free.
 */
export const deleteRegistrationsOfEvent =
  (options: ResolvedRegistrationOptions): CollectionBeforeDeleteHook =>
  async ({ id, req }) => {
    await lockEvent(req, id, options)
    await (
      await transactionOf(req)
    ).rows(sql`
      DELETE FROM ${tableOf(req.payload, options.slug)} WHERE "event_id" = ${id}`)
  }
