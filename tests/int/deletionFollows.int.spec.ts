/**
 * Deletion follows the data: a deleted module, project or event takes its comments (with their
 * reports), ratings and rating summary, and registrations with it, in the same transaction (a
 * delete that fails leaves them all); and the retention jobs erase abuse-limit hashes and report
 * records once their window has passed.
 */
import type { Payload } from 'payload'

import { sql } from '@payloadcms/db-postgres'
import { createLocalReq, initTransaction, killTransaction } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import type { RunningServer } from '../../src/server/startServer'

import { ERASE_ABUSE_RECORDS_TASK } from '../../plugins/comments'
import { PLUGIN_WRITE } from '../../plugins/comments/lib/context'
import { ERASE_RATING_CLIENT_HASHES_TASK } from '../../plugins/ratings'
import {
  createComment,
  createModule,
  createOpenEvent,
  createProject,
  rateModule,
  registerForEvent,
} from '../helpers/fixtures'
import { startTestServer } from '../helpers/server'

await vi.hoisted(async () => {
  process.env.EVENT_REGISTRATION_RATE_LIMIT_MAX = '0'
})

let server: RunningServer
let payload: Payload
let counter = 0

beforeAll(async () => {
  server = await startTestServer()
  payload = server.payload
})

afterAll(async () => {
  await server?.stop()
})

const count = async (table: string, where: ReturnType<typeof sql>) => {
  const { rows } = await payload.db.drizzle.execute(
    sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)} WHERE ${where}`,
  )
  return Number(rows[0]?.n)
}

/** A module with two comments (one reported, one reply), two ratings and their summary. */
const commentedAndRatedModule = async () => {
  const module = await createModule(payload, { title: `Gelöschtes Modul ${++counter}` })
  const comment = await createComment(payload, {
    authorName: 'Erika',
    email: `erika-${counter}@deletion.test`,
    targetId: String(module.id),
    text: 'Ein Kommentar',
  })
  await createComment(payload, {
    authorName: 'Max',
    email: `max-${counter}@deletion.test`,
    parent: comment.id,
    targetId: String(module.id),
    text: 'Eine Antwort',
  })
  await payload.create({
    collection: 'comment-reports',
    context: { [PLUGIN_WRITE]: true },
    data: { clientHash: `client-${counter}`, comment: comment.id },
    overrideAccess: true,
  })
  for (const value of [2, 4]) {
    await rateModule({ moduleId: module.id, serverUrl: server.url, values: { complexity: value } })
  }
  return module
}

const leftOf = async (collection: string, id: number | string) => ({
  comments: await count(
    'comments',
    sql`target_collection = ${collection} AND target_id = ${String(id)}`,
  ),
  ratings: await count(
    'ratings',
    sql`target_collection = ${collection} AND target_id = ${String(id)}`,
  ),
  reports: await count(
    'comment_reports',
    sql`comment_id IS NULL OR comment_id NOT IN (SELECT id FROM comments)`,
  ),
  summaries: await count(
    'rating_summaries',
    sql`target_collection = ${collection} AND target_id = ${String(id)}`,
  ),
})

describe('deleting what visitors commented on, rated or registered for', () => {
  it('should delete a module with its comments, reports, ratings and rating summary', async () => {
    const module = await commentedAndRatedModule()
    expect(await leftOf('modules', module.id)).toEqual({
      comments: 2,
      ratings: 2,
      reports: 0,
      summaries: 1,
    })
    await payload.delete({ collection: 'modules', id: module.id })
    expect(await leftOf('modules', module.id)).toEqual({
      comments: 0,
      ratings: 0,
      reports: 0,
      summaries: 0,
    })
    expect(await count('comments', sql`email LIKE ${`%-${counter}@deletion.test`}`)).toBe(0)
  })

  it('should delete a project with its comments', async () => {
    const project = await createProject(payload, { title: `Gelöschtes Projekt ${++counter}` })
    await createComment(payload, {
      authorName: 'Erika',
      email: `projekt-${counter}@deletion.test`,
      targetCollection: 'projects',
      targetId: String(project.id),
      text: 'Zum Projekt',
    })
    expect(
      await count(
        'comments',
        sql`target_collection = 'projects' AND target_id = ${String(project.id)}`,
      ),
    ).toBe(1)
    await payload.delete({ collection: 'projects', id: project.id })
    // Projects are commented on, not rated.
    expect(
      await count(
        'comments',
        sql`target_collection = 'projects' AND target_id = ${String(project.id)}`,
      ),
    ).toBe(0)
  })

  it('should delete an event with its registrations, held seats and answers included', async () => {
    const event = await createOpenEvent(payload, {
      capacity: 1,
      customQuestions: [{ key: 'organisation', label: 'Organisation', type: 'text' }],
      title: `Gelöschte Veranstaltung ${++counter}`,
    })
    const registered = await registerForEvent({
      body: {
        answers: { organisation: 'Stadt' },
        email: `anmeldung-${counter}@deletion.test`,
        name: 'Erika',
      },
      eventId: event.id,
      serverUrl: server.url,
    })
    expect(registered.status).toBe(202)
    await payload.create({
      collection: 'registrations',
      data: {
        email: `sitz-${counter}@deletion.test`,
        event: event.id,
        name: 'Max',
        status: 'confirmed',
      },
      overrideAccess: true,
    })
    expect(await count('registrations', sql`event_id = ${event.id}`)).toBe(2)
    const waitingMails = sql`task_slug = 'sendMail' AND input->>'to' LIKE ${`%-${counter}@deletion.test`}`
    expect(await count('payload_jobs', waitingMails)).toBeGreaterThan(0)
    await payload.delete({ collection: 'events', id: event.id })
    expect(await count('registrations', sql`email LIKE ${`%-${counter}@deletion.test`}`)).toBe(0)
    // The confirmation mail that waited for the registrant goes too: no mail for an event that
    // is gone, and the address with it.
    expect(await count('payload_jobs', waitingMails)).toBe(0)
  })

  it('should drop the mails waiting for a deleted registration, and only those', async () => {
    const event = await createOpenEvent(payload, { title: `Veranstaltung ${++counter}` })
    const addresses = [`bleibt-${counter}@deletion.test`, `geht-${counter}@deletion.test`]
    for (const email of addresses) {
      expect(
        (
          await registerForEvent({
            body: { email, name: 'Erika' },
            eventId: event.id,
            serverUrl: server.url,
          })
        ).status,
      ).toBe(202)
    }
    const mailsTo = (email: string) =>
      count('payload_jobs', sql`task_slug = 'sendMail' AND input->>'to' = ${email}`)
    expect(await mailsTo(addresses[0]!)).toBe(1)
    expect(await mailsTo(addresses[1]!)).toBe(1)
    await payload.delete({
      collection: 'registrations',
      overrideAccess: true,
      where: { email: { equals: addresses[1] } },
    })
    expect(await mailsTo(addresses[0]!)).toBe(1)
    expect(await mailsTo(addresses[1]!)).toBe(0)
  })

  it("should keep the comments and ratings when the module's delete is rolled back", async () => {
    const module = await commentedAndRatedModule()
    const req = await createLocalReq({}, payload)
    await initTransaction(req)
    await payload.delete({ collection: 'modules', id: module.id, req })
    expect((await leftOf('modules', module.id)).comments).toBe(2)
    await killTransaction(req)
    expect(await leftOf('modules', module.id)).toEqual({
      comments: 2,
      ratings: 2,
      reports: 0,
      summaries: 1,
    })
    expect(
      await payload.findByID({ collection: 'modules', disableErrors: true, id: module.id }),
    ).not.toBeNull()
  })
})

describe('the retention of abuse defences', () => {
  it('should erase client hashes of ratings and comments past their window and delete old reports', async () => {
    const module = await commentedAndRatedModule()
    const fresh = await commentedAndRatedModule()
    const comment = await createComment(payload, {
      authorName: 'Alt',
      clientHash: `old-client-${counter}`,
      email: `alt-${counter}@deletion.test`,
      targetId: String(module.id),
      text: 'Alter Kommentar',
    })
    const recent = await createComment(payload, {
      authorName: 'Neu',
      clientHash: `new-client-${counter}`,
      email: `neu-${counter}@deletion.test`,
      targetId: String(fresh.id),
      text: 'Neuer Kommentar',
    })
    // Back-dated as if written long ago: ratings of the first module, the old comment and its report.
    await payload.db.drizzle.execute(sql`
      UPDATE ratings SET updated_at = now() - interval '3 hours', created_at = now() - interval '3 hours'
      WHERE target_collection = 'modules' AND target_id = ${String(module.id)}`)
    await payload.db.drizzle.execute(sql`
      UPDATE comments SET created_at = now() - interval '2 days' WHERE id = ${comment.id}`)
    await payload.db.drizzle.execute(sql`
      UPDATE comment_reports SET created_at = now() - interval '31 days'
      WHERE comment_id IN (SELECT id FROM comments WHERE target_id = ${String(module.id)})`)
    const updatedAt = await payload.db.drizzle.execute(
      sql`SELECT max(updated_at) AS t FROM ratings WHERE target_id = ${String(module.id)}`,
    )

    for (const task of [ERASE_RATING_CLIENT_HASHES_TASK, ERASE_ABUSE_RECORDS_TASK] as const) {
      const job = await payload.jobs.queue({ input: {}, task })
      await payload.jobs.runByID({ id: job.id })
    }

    expect(
      await count('ratings', sql`target_id = ${String(module.id)} AND client_hash IS NOT NULL`),
    ).toBe(0)
    expect(
      await count('ratings', sql`target_id = ${String(fresh.id)} AND client_hash IS NOT NULL`),
    ).toBe(2)
    // The rating keeps its time: the hourly limit counts by it.
    const after = await payload.db.drizzle.execute(
      sql`SELECT max(updated_at) AS t FROM ratings WHERE target_id = ${String(module.id)}`,
    )
    expect(String(after.rows[0]?.t)).toBe(String(updatedAt.rows[0]?.t))
    expect(await count('comments', sql`id = ${comment.id} AND client_hash IS NULL`)).toBe(1)
    expect(await count('comments', sql`id = ${recent.id} AND client_hash IS NOT NULL`)).toBe(1)
    expect(
      await count(
        'comment_reports',
        sql`comment_id IN (SELECT id FROM comments WHERE target_id = ${String(module.id)})`,
      ),
    ).toBe(0)
    expect(
      await count(
        'comment_reports',
        sql`comment_id IN (SELECT id FROM comments WHERE target_id = ${String(fresh.id)})`,
      ),
    ).toBe(1)
    // The reported comment keeps its count of reports.
    const reported = await payload.find({
      collection: 'comments',
      where: {
        and: [{ targetId: { equals: String(module.id) } }, { authorName: { equals: 'Erika' } }],
      },
    })
    expect(reported.docs).toHaveLength(1)
  })
})
