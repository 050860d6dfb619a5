import type { CollectionAfterDeleteHook, CollectionBeforeDeleteHook } from 'payload'

import type { ResolvedRegistrationOptions } from '../types'

import { sql } from '@payloadcms/db-postgres'

import { tableOf, transactionOf } from '@quartiersnetz/plugin-kit/drizzleTable'
import { dropQueuedMails } from '@quartiersnetz/plugin-kit/sendMailTask'
import { lockEvent } from '../lib/eventLock'
import { mailKeyPrefixOf } from '../lib/mails'

/**
 * An event that is deleted takes its registrations (names, addresses, answers) with it, in the
 * same transaction and under the event's lock, so no registration or confirmation slips in
 * meanwhile, and the mails still waiting for them (a confirmation for an event that no longer
 * exists, with the address in it). Before the event's row goes: the link to the event would be
 * cleared with it. One statement for the registrations: there are no seats left to count or free.
 */
export const deleteRegistrationsOfEvent =
  (options: ResolvedRegistrationOptions): CollectionBeforeDeleteHook =>
  async ({ id, req }) => {
    await lockEvent(req, id, options)
    const deleted = await (
      await transactionOf(req)
    ).rows(sql`
      DELETE FROM ${tableOf(req.payload, options.slug)} WHERE "event_id" = ${id} RETURNING "id"`)
    await dropQueuedMails(
      req,
      deleted.map((registration) => mailKeyPrefixOf(String(registration.id))),
    )
  }

/** A registration that is deleted (by an editor, the purge, an erasure) takes its waiting mails with it. */
export const dropMailsOfRegistration: CollectionAfterDeleteHook = async ({ id, req }) => {
  await dropQueuedMails(req, [mailKeyPrefixOf(id)])
}
