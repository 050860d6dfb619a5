/**
 * The comments plugin names the document a comment is about (plugins/shared/targets.ts): a
 * virtual `target` on every read on somebody's behalf (the admin, REST), its title read once per
 * page and target collection, as the reader may read it; and the mails and the confirmation page
 * say which entry the comment was about. Real HTTP against the production build, a real
 * PostgreSQL and a real SMTP receiver.
 */
import type { Payload } from 'payload'

import { sql } from '@payloadcms/db-postgres'

import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'

import type { Comment, User } from '../../payload-types'
import type { RunningServer } from '../../src/server/startServer'

import { createComment, createModule, createProject, postComment } from '../helpers/fixtures'
import { requestJson } from '../helpers/http'
import { followLink, linkIn, takeMails } from '../helpers/mails'
import { startTestServer } from '../helpers/server'
import { mailsTo } from '../helpers/smtp'
import { createSignedInUsers } from '../helpers/users'

// The config reads SMTP_URL and the comment settings when it is imported.
const smtp = await vi.hoisted(async () => {
  const { startSmtpReceiver } = await import('../helpers/smtp')
  process.env.COMMENTS_MODERATOR_EMAILS = 'moderation@ziele.test'
  process.env.COMMENTS_RATE_LIMIT_MAX = '0'
  return startSmtpReceiver()
})

const CONFIRM_LINK = /http:\/\/localhost:\d+\/api\/comments\/confirm\?token=[A-Za-z0-9_-]+/

type Target = { collection: string; id: string; isFound: boolean; title: null | string }
type ListBody = { docs?: (Comment & { target?: null | Target })[]; errors?: unknown[] }

let server: RunningServer
let payload: Payload
let editor: User
let token: string
let counter = 0

beforeAll(async () => {
  server = await startTestServer()
  payload = server.payload
  const signedIn = await createSignedInUsers(payload, {
    serverUrl: server.url,
    users: { editor: { email: 'redaktion@ziele.test', role: 'editor' } },
  })
  editor = signedIn.users.editor
  token = signedIn.tokens.editor
})

afterAll(async () => {
  await server?.stop()
  await smtp.stop()
})

beforeEach(() => {
  smtp.received.length = 0
})

const commentOn = (targetCollection: 'modules' | 'projects', targetId: number, text: string) =>
  createComment(payload, {
    authorName: `Besucherin ${++counter}`,
    email: `besucherin-${counter}@ziele.test`,
    targetCollection,
    targetId: String(targetId),
    text,
  })

const listComments = (ids: number[], as?: string) =>
  requestJson<ListBody>(
    `${server.url}/api/comments?depth=0&limit=50&${ids.map((id, index) => `where[id][in][${index}]=${id}`).join('&')}`,
    { token: as },
  )

const targetsById = (body: ListBody) =>
  Object.fromEntries((body.docs ?? []).map((doc) => [doc.id, doc.target]))

describe('the target in words on reads', () => {
  it('should name every comment’s entry by its title for an editor, over REST', async () => {
    const module = await createModule(payload, { title: 'Stadtteilkonferenz (Ziele)' })
    const project = await createProject(payload, { title: 'Grüne Höfe (Ziele)' })
    const onModule = await commentOn('modules', module.id, 'Zum Modul.')
    const onProject = await commentOn('projects', project.id, 'Zum Projekt.')

    const { body, status } = await listComments([onModule.id, onProject.id], token)
    expect(status, JSON.stringify(body)).toBe(200)
    expect(targetsById(body)).toEqual({
      [onModule.id]: {
        collection: 'modules',
        id: String(module.id),
        isFound: true,
        title: 'Stadtteilkonferenz (Ziele)',
      },
      [onProject.id]: {
        collection: 'projects',
        id: String(project.id),
        isFound: true,
        title: 'Grüne Höfe (Ziele)',
      },
    })
  })

  it('should read the titles of a whole page with one query per target collection, not one per comment', async () => {
    const modules = await Promise.all(
      [1, 2, 3].map((index) => createModule(payload, { title: `Modul ${index} (Seite)` })),
    )
    const project = await createProject(payload, { title: 'Projekt (Seite)' })
    const comments = [
      ...(await Promise.all(
        modules.flatMap((module) => [
          commentOn('modules', module.id, 'Eins.'),
          commentOn('modules', module.id, 'Zwei.'),
        ]),
      )),
      await commentOn('projects', project.id, 'Drei.'),
    ]

    const reads: string[] = []
    const find = payload.db.find.bind(payload.db)
    const findOne = payload.db.findOne.bind(payload.db)
    const spies = [
      vi.spyOn(payload.db, 'find').mockImplementation((args) => {
        reads.push(`find ${args.collection}`)
        return find(args)
      }),
      vi.spyOn(payload.db, 'findOne').mockImplementation((args) => {
        reads.push(`findOne ${args.collection}`)
        return findOne(args)
      }),
    ]
    try {
      const { docs } = await payload.find({
        collection: 'comments',
        depth: 0,
        overrideAccess: false,
        user: editor,
        where: { id: { in: comments.map(({ id }) => id) } },
      })
      expect(docs.map((doc) => doc.target?.title).sort()).toEqual(
        [
          'Modul 1 (Seite)',
          'Modul 1 (Seite)',
          'Modul 2 (Seite)',
          'Modul 2 (Seite)',
          'Modul 3 (Seite)',
          'Modul 3 (Seite)',
          'Projekt (Seite)',
        ].sort(),
      )
    } finally {
      spies.forEach((spy) => spy.mockRestore())
    }
    const targetReads = reads.filter((read) => / (modules|projects)$/.test(read))
    expect(targetReads.sort()).toEqual(['find modules', 'find projects'])
  })

  it('should take its comments with an entry deleted in the admin', async () => {
    const module = await createModule(payload, { title: 'Mit Kommentaren gelöscht (Ziele)' })
    const comment = await commentOn('modules', module.id, 'Geht mit dem Modul.')
    await payload.delete({ collection: 'modules', id: module.id, overrideAccess: true })

    const { body } = await listComments([comment.id], token)
    expect(targetsById(body)[comment.id]).toBeUndefined()
  })

  it('should say that an entry removed outside Payload is gone, and keep its id', async () => {
    const module = await createModule(payload, { title: 'Bald gelöscht (Ziele)' })
    const comment = await commentOn('modules', module.id, 'Zum gelöschten Modul.')
    // Removed without Payload's hooks (by hand, or before comments followed their entry).
    await payload.db.drizzle.execute(sql`DELETE FROM modules WHERE id = ${module.id}`)

    const { body } = await listComments([comment.id], token)
    expect(targetsById(body)[comment.id]).toEqual({
      collection: 'modules',
      id: String(module.id),
      isFound: false,
      title: null,
    })
  })

  it('should not tell a visitor the title of an entry that is no longer published', async () => {
    const module = await createModule(payload, { title: 'Noch geheim (Ziele)' })
    const comment = await commentOn('modules', module.id, 'Öffentlicher Kommentar.')
    await payload.update({
      collection: 'modules',
      data: { _status: 'draft' },
      id: module.id,
      overrideAccess: true,
    })

    const visitor = await listComments([comment.id])
    expect(visitor.status).toBe(200)
    expect(targetsById(visitor.body)[comment.id]).toEqual({
      collection: 'modules',
      id: String(module.id),
      isFound: false,
      title: null,
    })
    expect(JSON.stringify(visitor.body)).not.toContain('Noch geheim')
    // The editor still reads it.
    const asEditor = await listComments([comment.id], token)
    expect(targetsById(asEditor.body)[comment.id]?.title).toBe('Noch geheim (Ziele)')
  })

  it("should name a report's entry by its comment's target", async () => {
    const module = await createModule(payload, { title: 'Gemeldet (Ziele)' })
    const comment = await commentOn('modules', module.id, 'Ein gemeldeter Kommentar.')
    const report = await payload.create({
      collection: 'comment-reports',
      data: { clientHash: 'b'.repeat(64), comment: comment.id },
      overrideAccess: true,
    })

    const { body, status } = await requestJson<{ target?: Target }>(
      `${server.url}/api/comment-reports/${report.id}?depth=0`,
      { token },
    )
    expect(status, JSON.stringify(body)).toBe(200)
    expect(body.target).toEqual({
      collection: 'modules',
      id: String(module.id),
      isFound: true,
      title: 'Gemeldet (Ziele)',
    })
  })

  it('should not read titles for the plugin’s own reads, which skip access control', async () => {
    const module = await createModule(payload, { title: 'Intern (Ziele)' })
    const comment = await commentOn('modules', module.id, 'Intern gelesen.')
    const stored = await payload.findByID({ collection: 'comments', id: comment.id })
    expect(stored.target).toBeUndefined()
  })
})

describe('the target in words in mails and on the confirmation page', () => {
  it('should name the entry in the confirmation mail, on the page and in the moderators’ mail', async () => {
    const module = await createModule(payload, { title: 'Quartiersrat (Ziele)' })
    const email = `erika-${++counter}@ziele.test`
    const submitted = await postComment({
      body: { authorName: 'Erika Ziel', email, targetId: module.id, text: 'Gern dabei.' },
      payload,
      serverUrl: server.url,
    })
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(202)
    const [mail] = mailsTo(await takeMails({ payload, smtp }), email)
    expect(mail?.text).toContain(
      'bitte bestätigen Sie Ihren Kommentar zu „Quartiersrat (Ziele)“ innerhalb von 72 Stunden.',
    )
    // The comment itself stays out of a mail to an address anybody may type in.
    expect(mail?.text).not.toContain('Gern dabei.')

    const link = linkIn({ mail, pattern: CONFIRM_LINK, serverUrl: server.url })
    const page = await fetch(link, { headers: { 'Accept-Language': 'de-DE' } })
    expect(await page.text()).toContain(
      '<h2 id="subject">Ihr Kommentar zu „Quartiersrat (Ziele)“</h2>',
    )
    expect((await followLink({ link, method: 'POST' })).status).toBe(200)

    const [notice] = mailsTo(await takeMails({ payload, smtp }), 'moderation@ziele.test')
    expect(notice?.text).toContain('Eintrag: Beteiligungsmodul „Quartiersrat (Ziele)“')
  })

  it('should name the entry in English for a visitor who wrote in English', async () => {
    const project = await createProject(payload, { title: 'Green Yards (Ziele)' })
    const email = `eric-${++counter}@ziele.test`
    const submitted = await postComment({
      body: {
        authorName: 'Eric Goal',
        email,
        targetCollection: 'projects',
        targetId: project.id,
        text: 'Lovely.',
      },
      headers: { 'Accept-Language': 'en' },
      payload,
      serverUrl: server.url,
    })
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(202)
    const [mail] = mailsTo(await takeMails({ payload, smtp }), email)
    expect(mail?.text).toContain(
      'please confirm your comment on “Green Yards (Ziele)” within 72 hours.',
    )
  })

  it('should name the entry in the approval and official reply notices, with the way back to the page', async () => {
    const module = await createModule(payload, { title: 'Bürgerhaushalt (Ziele)' })
    const email = `olga-${++counter}@ziele.test`
    const returnUrl = `${payload.config.serverURL}/beteiligung/buergerhaushalt`
    const comment = await createComment(payload, {
      authorName: 'Olga Opt-in',
      email,
      notifyOnApproval: true,
      notifyOnOfficialReply: true,
      returnUrl,
      status: 'pending',
      targetId: String(module.id),
      text: 'Wie wird abgestimmt?',
    })
    await payload.update({
      collection: 'comments',
      data: { status: 'approved' },
      id: comment.id,
      overrideAccess: true,
    })
    await payload.create({
      collection: 'comments',
      data: {
        authorName: 'Redaktion',
        isConfirmed: true,
        isOfficialReply: true,
        parent: comment.id,
        status: 'approved',
        targetCollection: 'modules',
        targetId: String(module.id),
        text: 'Online und im Stadtteilbüro.',
      },
      overrideAccess: true,
    })
    const mails = mailsTo(await takeMails({ payload, smtp }), email)
    expect(mails.map((mail) => mail.subject).sort()).toEqual(
      ['Ihr Kommentar wurde freigeschaltet', 'Offizielle Antwort auf Ihren Kommentar'].sort(),
    )
    const text = mails.map((mail) => mail.text).join('\n')
    expect(text).toContain(
      'Ihr Kommentar zu „Bürgerhaushalt (Ziele)“ ist jetzt öffentlich sichtbar:',
    )
    expect(text).toContain(
      'auf Ihren Kommentar zu „Bürgerhaushalt (Ziele)“ gibt es eine offizielle Antwort der Redaktion:',
    )
    expect(text).toContain(`Zur Seite, auf der Sie kommentiert haben: ${returnUrl}`)
  })
})
