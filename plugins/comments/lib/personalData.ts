/**
 * What the comments plugin holds about an e-mail address, for data-subject requests
 * (`@quartiersnetz/plugin-kit/privacy`): the comments written with it (name, address, text,
 * consent, the page commented on). Erasing deletes them with their reports; a comment others
 * replied to stays as the thread's anchor, without name, address and text.
 */
import type { PayloadRequest } from 'payload'

import type { PersonalDataSource, PersonalRecord } from '@quartiersnetz/plugin-kit/privacy'
import type { ResolvedCommentsOptions } from '../types'
import type { CommentRecord } from './records'

import { sql } from '@payloadcms/db-postgres'

import { tableOf } from '@quartiersnetz/plugin-kit/drizzleTable'
import { dateInWords, readableValues, transactionOrPool } from '@quartiersnetz/plugin-kit/privacy'
import { loadTargets, targetKey, targetRefOf } from '@quartiersnetz/plugin-kit/targets'
import { emailHashOf } from '../endpoints/submit'
import { PLUGIN_WRITE } from './context'
import { commentsOf, reportsOf } from './records'

/** What an anonymised comment shows in its thread instead of the name and the text. */
export const ERASED_COMMENT = {
  authorName: 'Anonym',
  text: 'Dieser Kommentar wurde auf Wunsch der Person gelöscht, die ihn geschrieben hat.',
} as const

const STATUS_IN_WORDS = {
  approved: { de: 'freigegeben', en: 'approved' },
  pending: { de: 'wartet auf Bestätigung oder Prüfung', en: 'waiting for confirmation or review' },
  rejected: { de: 'abgelehnt', en: 'rejected' },
  spam: { de: 'als Spam markiert', en: 'marked as spam' },
} as const

const excerpt = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text)

/** The ids of the comments written with the address (as typed, or by its keyed hash). */
const commentIdsOf = async (
  options: ResolvedCommentsOptions,
  req: PayloadRequest,
  address: string,
): Promise<string[]> => {
  const emailHash = emailHashOf(options.hashSecret ?? req.payload.secret, address)
  const rows = await (
    await transactionOrPool(req)
  ).rows(sql`
    SELECT "id" FROM ${tableOf(req.payload, options.slugs.comments)}
    WHERE lower(trim("email")) = ${address} OR "email_hash" = ${emailHash}
    ORDER BY "created_at"`)
  return rows.map((row) => String(row.id))
}

const commentsWithIds = async (
  options: ResolvedCommentsOptions,
  req: PayloadRequest,
  ids: string[],
): Promise<CommentRecord[]> =>
  ids.length
    ? (
        await commentsOf(options, req).find({
          overrideAccess: true,
          pagination: false,
          sort: 'createdAt',
          where: { id: { in: ids } },
        })
      ).docs
    : []

const parentIdOf = (parent: CommentRecord['parent']) =>
  parent && typeof parent === 'object' ? parent.id : parent

export const commentsPersonalData = (options: ResolvedCommentsOptions): PersonalDataSource => ({
  erase: async ({ address, req }) => {
    const comments = await commentsWithIds(options, req, await commentIdsOf(options, req, address))
    const comments$ = commentsOf(options, req)
    const ids = new Set(comments.map((comment) => String(comment.id)))
    let anonymised = 0
    const toDelete: string[] = []
    for (const comment of comments) {
      const parentId = parentIdOf(comment.parent)
      if (parentId !== null && parentId !== undefined) {
        toDelete.push(String(comment.id))
        continue
      }
      // Replies by others keep the thread: the comment stays as its anchor, without the person.
      const { totalDocs: replies } = await comments$.count({
        overrideAccess: true,
        where: {
          and: [{ parent: { equals: comment.id } }, { id: { not_in: [...ids] } }],
        },
      })
      if (!replies) {
        toDelete.push(String(comment.id))
        continue
      }
      await comments$.update({
        context: { [PLUGIN_WRITE]: true },
        data: {
          ...ERASED_COMMENT,
          clientHash: null,
          confirmExpiresAt: null,
          confirmTokenHash: null,
          consent: { givenAt: null, version: null },
          email: null,
          emailHash: null,
          notifyOnApproval: false,
          notifyOnOfficialReply: false,
          returnUrl: null,
        },
        id: comment.id,
        overrideAccess: true,
      })
      anonymised += 1
    }
    if (toDelete.length) {
      // Reports point at their comment (a required link): they go first.
      await reportsOf(options, req).delete({
        overrideAccess: true,
        where: { comment: { in: toDelete } },
      })
      const { errors } = await comments$.delete({
        context: { [PLUGIN_WRITE]: true },
        overrideAccess: true,
        where: { id: { in: toDelete } },
      })
      if (errors.length) {
        throw new Error(
          `commentsPlugin: ${errors.length} comment(s) could not be erased: ${errors.map((error) => error.message).join('; ')}`,
        )
      }
    }
    return { anonymised, deleted: toDelete.length }
  },
  find: async ({ address, req }) => {
    const comments = await commentsWithIds(options, req, await commentIdsOf(options, req, address))
    const refs = comments.flatMap((comment) => targetRefOf(comment) ?? [])
    const targets = await loadTargets({ overrideAccess: true, refs, req, targets: options.targets })
    const ids = new Set(comments.map((comment) => String(comment.id)))
    const records: PersonalRecord[] = []
    for (const comment of comments) {
      const ref = targetRefOf(comment)
      const target = ref ? targets.get(targetKey(ref)) : undefined
      const on = target?.title ?? (ref ? targetKey(ref) : '–')
      const when = dateInWords(comment.createdAt)
      const status = STATUS_IN_WORDS[comment.status] ?? { de: comment.status, en: comment.status }
      const isReply =
        parentIdOf(comment.parent) !== null && parentIdOf(comment.parent) !== undefined
      const { totalDocs: replies } = isReply
        ? { totalDocs: 0 }
        : await commentsOf(options, req).count({
            overrideAccess: true,
            where: { and: [{ parent: { equals: comment.id } }, { id: { not_in: [...ids] } }] },
          })
      records.push({
        erasure: replies ? 'anonymise' : 'delete',
        id: comment.id,
        summary: {
          de: `${isReply ? 'Antwort' : 'Kommentar'} vom ${when.de} zu „${on}“ als „${comment.authorName}“: „${excerpt(comment.text)}“ (${status.de})`,
          en: `${isReply ? 'Reply' : 'Comment'} of ${when.en} on "${on}" as "${comment.authorName}": "${excerpt(comment.text)}" (${status.en})`,
        },
        values: readableValues(comment as unknown as Record<string, unknown>),
      })
    }
    return records
  },
  key: options.slugs.comments,
  label: { de: 'Kommentare', en: 'Comments' },
})
