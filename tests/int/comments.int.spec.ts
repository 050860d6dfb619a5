/**
 * The comments plugin (plugins/comments) as visitors, moderators and websites use it: real HTTP
 * against the production build, a real PostgreSQL and a real SMTP receiver. Double opt-in from
 * the link in the received mail, moderation, mails through the jobs queue (outbox), spam
 * defences, reports, the purge of unconfirmed comments, and what the public never reads.
 */
import type { Payload } from 'payload'

import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'

import type { Comment } from '../../payload-types'
import type { RunningServer } from '../../src/server/startServer'

import { PURGE_UNCONFIRMED_TASK } from '../../plugins/comments'
import {
  commentFormToken,
  createModule,
  createMunicipality,
  createProject,
} from '../helpers/fixtures'
import { requestJson } from '../helpers/http'
import { deliverMails, followLink, linkIn } from '../helpers/mails'
import { startTestServer } from '../helpers/server'
import { mailsTo } from '../helpers/smtp'
import { createSignedInUsers } from '../helpers/users'

// The config reads SMTP_URL and the comment settings when it is imported: the receiver must be
// listening before that.
const smtp = await vi.hoisted(async () => {
  const { startSmtpReceiver } = await import('../helpers/smtp')
  process.env.COMMENTS_MODERATOR_EMAILS = 'moderation@comments.test'
  process.env.COMMENTS_MIN_SUBMIT_SECONDS = '1'
  process.env.COMMENTS_REPORTS_TO_HIDE = '3'
  process.env.COMMENTS_AUTO_APPROVE_KNOWN_EMAILS = 'true'
  // Reports count per client: X-Forwarded-For from loopback names the client here.
  process.env.TRUST_PROXY = 'loopback'
  // A mailbox that is busy the first time: the mail job must be retried.
  return startSmtpReceiver({ refuseOnce: (address) => address.startsWith('smtp-busy-') })
})

const HEX_HASH = /\b[0-9a-f]{64}\b/
const CONFIRM_LINK = /http:\/\/localhost:\d+\/api\/comments\/confirm\?token=[A-Za-z0-9_-]{43}/

type ErrorBody = { errors?: { message: string }[] }
type SubmitBody = ErrorBody & { comment?: { id: number; status: string }; message?: string }
type ListBody<T> = ErrorBody & { docs?: T[]; totalDocs?: number }
type GraphQLBody = { data?: null | Record<string, unknown>; errors?: { message: string }[] }

let server: RunningServer
let payload: Payload
let tokens: Record<'editor' | 'municipalityEditor', string>
let moduleId: number
let counter = 0

beforeAll(async () => {
  process.env.AUTH_RATE_LIMIT_MAX = '1000'
  server = await startTestServer()
  payload = server.payload
  const city = await createMunicipality(payload, { name: 'Kommentarstadt' })
  ;({ tokens } = await createSignedInUsers(payload, {
    serverUrl: server.url,
    users: {
      editor: { email: 'redaktion@comments.test', role: 'editor' },
      municipalityEditor: {
        email: 'kommune@comments.test',
        municipality: city.id,
        role: 'municipality-editor',
      },
    },
  }))
  moduleId = await createTargetModule()
})

afterAll(async () => {
  await server?.stop()
  await smtp.stop()
})

beforeEach(() => {
  smtp.received.length = 0
})

/** A module to comment on. */
const createTargetModule = async (status: 'draft' | 'published' = 'published') =>
  (await createModule(payload, { _status: status, title: `Kommentiertes Modul ${++counter}` })).id

const uniqueEmail = () => `besucherin-${++counter}-${Date.now()}@comments.test`

const validBody = (overrides: Record<string, unknown> = {}) => ({
  authorName: 'Erika Mustermann',
  consent: true,
  email: uniqueEmail(),
  formToken: commentFormToken(payload),
  targetCollection: 'modules',
  targetId: moduleId,
  text: 'Wir haben das Modul im Quartier ausprobiert: sehr empfehlenswert.',
  ...overrides,
})

let clientCounter = 0
/** Each submission from its own client address, so that the server's per-client limit stays out of the way (it has its own test). */
const nextClient = () =>
  `10.${(++clientCounter >> 16) & 255}.${(clientCounter >> 8) & 255}.${clientCounter & 255}`

const submit = (body: unknown, headers: Record<string, string> = {}) =>
  requestJson<SubmitBody>(`${server.url}/api/comments`, {
    body,
    headers: { 'X-Forwarded-For': nextClient(), ...headers },
    method: 'POST',
  })

const submitRaw = async (body: string) => {
  const response = await fetch(`${server.url}/api/comments`, {
    body,
    headers: {
      'Accept-Language': 'de-DE',
      'Content-Type': 'application/json',
      'X-Forwarded-For': nextClient(),
    },
    method: 'POST',
  })
  return { body: (await response.json()) as ErrorBody, status: response.status }
}

const commentsStored = async () => (await payload.count({ collection: 'comments' })).totalDocs

const mailJobsQueued = async () =>
  (await payload.count({ collection: 'payload-jobs', where: { queue: { equals: 'mail' } } }))
    .totalDocs

const storedComment = async (id: number) =>
  (await payload.findByID({ collection: 'comments', id })) as Comment

/** Submits a comment and confirms it through the link in the mail; returns its id and address. */
const submitAndConfirm = async (overrides: Record<string, unknown> = {}) => {
  const body = validBody(overrides)
  const response = await submit(body)
  expect(response.status, JSON.stringify(response.body)).toBe(202)
  const mails = await deliverMails({ payload, smtp })
  const confirmation = mailsTo(mails, String(body.email)).find(
    (mail) => mail.subject === 'Bitte bestätigen Sie Ihren Kommentar',
  )
  const link = CONFIRM_LINK.exec(confirmation?.text ?? '')?.[0]
  expect(
    link,
    `confirmation link in the mail: ${JSON.stringify(mails.map((mail) => [mail.to, mail.subject]))}`,
  ).toBeDefined()
  const confirmed = await followLink<{ comment?: { status: string } }>({ link: link! })
  expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200)
  smtp.received.length = 0
  return { email: String(body.email), id: response.body.comment!.id }
}

const approve = async (id: number) => {
  const response = await requestJson<ErrorBody>(`${server.url}/api/comments/${id}`, {
    body: { status: 'approved' },
    method: 'PATCH',
    token: tokens.editor,
  })
  expect(response.status, JSON.stringify(response.body)).toBe(200)
}

/** An approved, confirmed, visible comment. */
const publishedComment = async (overrides: Record<string, unknown> = {}) => {
  const created = await submitAndConfirm(overrides)
  await approve(created.id)
  smtp.received.length = 0
  return created
}

const publicIds = async (targetId: number = moduleId) => {
  const { body, status } = await requestJson<ListBody<Comment>>(
    `${server.url}/api/comments?where[targetId][equals]=${targetId}&limit=100&depth=0`,
  )
  expect(status, JSON.stringify(body)).toBe(200)
  return body.docs!.map((doc) => doc.id)
}

const commentCountOf = async (id: number) => {
  const { body, status } = await requestJson<{ commentCount?: number }>(
    `${server.url}/api/modules/${id}?depth=0`,
  )
  expect(status, JSON.stringify(body)).toBe(200)
  return body.commentCount
}

describe('double opt-in', () => {
  it('should issue a signed form token and refuse a comment sent right after it', async () => {
    const { body, status } = await requestJson<{ formToken?: string; minAgeSeconds?: number }>(
      `${server.url}/api/comments/form-token`,
    )
    expect(status).toBe(200)
    expect(body.formToken).toMatch(/^\d+\.[0-9a-f]{64}$/)
    expect(body.minAgeSeconds).toBe(1)
    const before = await commentsStored()
    const response = await submit(validBody({ formToken: body.formToken }))
    expect(response.status).toBe(400)
    expect(response.body.errors?.[0]?.message).toContain('zu schnell')
    expect(await commentsStored()).toBe(before)
  })

  it('should store a pending comment, mail the link after commit, confirm it, notify moderators and publish on approval', async () => {
    const { body: tokenBody } = await requestJson<{ formToken: string }>(
      `${server.url}/api/comments/form-token`,
    )
    await new Promise((resolve) => setTimeout(resolve, 1_100))
    const email = uniqueEmail()
    const response = await submit(
      validBody({ email, formToken: tokenBody.formToken, notifyOnApproval: true }),
    )
    expect(response.status, JSON.stringify(response.body)).toBe(202)
    expect(response.body.message).toContain('Bitte bestätigen Sie Ihren Kommentar')
    const id = response.body.comment!.id

    // Outbox: the mail is a queued job until the queue runs.
    expect(smtp.received).toHaveLength(0)
    expect(await storedComment(id)).toMatchObject({ isConfirmed: false, status: 'pending' })
    expect(await publicIds()).not.toContain(id)

    const mails = await deliverMails({ payload, smtp })
    const [confirmation] = mailsTo(mails, email)
    expect(confirmation?.subject).toBe('Bitte bestätigen Sie Ihren Kommentar')
    const link = CONFIRM_LINK.exec(confirmation!.text)?.[0]
    expect(link).toBeDefined()
    expect(link!.startsWith(process.env.SERVER_URL!)).toBe(true)
    // The token is stored only as a hash.
    const token = new URL(link!).searchParams.get('token')!
    const { rows } = await (
      payload.db as unknown as {
        pool: { query: (sql: string) => Promise<{ rows: Record<string, unknown>[] }> }
      }
    ).pool.query(`SELECT * FROM comments WHERE id = ${Number(id)}`)
    expect(JSON.stringify(rows)).not.toContain(token)
    expect(rows[0]?.confirm_token_hash).toMatch(HEX_HASH)

    // A browser opens the page and presses its button (a POST to the same address).
    expect(
      await (
        await fetch(link!, { headers: { Accept: 'text/html', 'Accept-Language': 'de-DE' } })
      ).text(),
    ).toContain('Kommentar bestätigen</button>')
    const page = await fetch(link!, {
      headers: { Accept: 'text/html', 'Accept-Language': 'de-DE' },
      method: 'POST',
    })
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toContain('text/html')
    expect(await page.text()).toContain('Ihre E-Mail-Adresse ist bestätigt')
    expect(await storedComment(id)).toMatchObject({ isConfirmed: true, status: 'pending' })
    expect(await publicIds()).not.toContain(id)

    smtp.received.length = 0
    const moderatorMails = mailsTo(
      await deliverMails({ payload, smtp }),
      'moderation@comments.test',
    )
    expect(moderatorMails).toHaveLength(1)
    expect(moderatorMails[0]!.subject).toBe('Neuer Kommentar zur Prüfung')
    expect(moderatorMails[0]!.text).toContain(`/admin/collections/comments/${id}`)

    const countBefore = await commentCountOf(moduleId)
    smtp.received.length = 0
    await approve(id)
    expect(await publicIds()).toContain(id)
    expect(await commentCountOf(moduleId)).toBe(countBefore! + 1)
    const approvalMails = mailsTo(await deliverMails({ payload, smtp }), email)
    expect(approvalMails.map((mail) => mail.subject)).toEqual([
      'Ihr Kommentar wurde freigeschaltet',
    ])

    // The link confirms once; again, it says so and changes nothing.
    smtp.received.length = 0
    const again = await followLink<ErrorBody & { comment?: { status: string }; message?: string }>({
      link: link!,
    })
    expect(again.status).toBe(200)
    expect(again.body.comment?.status).toBe('approved')
    expect(again.body.message).toContain('schon bestätigt')
    expect(mailsTo(await deliverMails({ payload, smtp }), email)).toHaveLength(0)
  })

  it('should change nothing when the link is merely opened in a browser (mail scanners), and confirm on the button', async () => {
    const body = validBody({ email: 'scanner@comments.test' })
    const response = await submit(body)
    expect(response.status).toBe(202)
    const confirmation = mailsTo(await deliverMails({ payload, smtp }), 'scanner@comments.test')[0]
    const link = linkIn({ mail: confirmation, pattern: CONFIRM_LINK })
    const page = await fetch(link, { headers: { Accept: 'text/html,*/*;q=0.8' } })
    const html = await page.text()
    expect(page.status).toBe(200)
    expect(html).toContain('<form method="post" action="?token=')
    expect(html).toContain('Kommentar bestätigen</button>')
    const before = await payload.findByID({ collection: 'comments', id: response.body.comment!.id })
    expect(before.isConfirmed).toBe(false)
    const posted = await fetch(link, {
      body: '',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      method: 'POST',
    })
    expect(posted.status).toBe(200)
    expect(await posted.text()).toContain('Ihre E-Mail-Adresse ist bestätigt')
    expect(
      (await payload.findByID({ collection: 'comments', id: response.body.comment!.id }))
        .isConfirmed,
    ).toBe(true)
    const again = await fetch(link)
    expect(again.status).toBe(200)
    expect(await again.text()).toContain('<h1>Schon bestätigt</h1>')
    await deliverMails({ payload, smtp })
    smtp.received.length = 0
  })

  it("should write the commenter's mails in their language, also when a German moderator approves", async () => {
    const body = validBody({ notifyOnApproval: true })
    const response = await submit(body, { 'Accept-Language': 'en-GB,en;q=0.9' })
    expect(response.status).toBe(202)
    const [confirmation] = mailsTo(await deliverMails({ payload, smtp }), String(body.email))
    expect(confirmation?.subject).toBe('Please confirm your comment')
    const link = linkIn({ mail: confirmation, pattern: CONFIRM_LINK })
    expect((await followLink({ link, method: 'POST' })).status).toBe(200)
    smtp.received.length = 0
    await approve(response.body.comment!.id)
    const subjects = mailsTo(await deliverMails({ payload, smtp }), String(body.email)).map(
      (mail) => mail.subject,
    )
    expect(subjects).toEqual(['Your comment has been published'])
    smtp.received.length = 0
  })

  it('should answer the confirmation as JSON when asked and refuse an unknown token', async () => {
    const unknown = await requestJson<ErrorBody>(
      `${server.url}/api/comments/confirm?token=${'A'.repeat(43)}`,
      { headers: { Accept: 'application/json' } },
    )
    expect(unknown.status).toBe(404)
    expect(unknown.body.errors?.[0]?.message).toContain('ungültig')
    const malformed = await fetch(`${server.url}/api/comments/confirm?token=%3Cscript%3E`)
    expect(malformed.status).toBe(400)
    expect(await malformed.text()).not.toContain('<script>')
  })

  it('should approve a confirmed comment of an address that already has an approved comment', async () => {
    const { email } = await publishedComment({ notifyOnApproval: true })
    const second = await submitAndConfirm({
      email: email.toUpperCase(),
      text: 'Noch ein Gedanke dazu.',
    })
    expect((await storedComment(second.id)).status).toBe('approved')
    expect(await publicIds()).toContain(second.id)
  })

  it('should not send an approval mail to a commenter who did not opt in', async () => {
    const { email, id } = await submitAndConfirm({ notifyOnApproval: false })
    smtp.received.length = 0
    await approve(id)
    expect(mailsTo(await deliverMails({ payload, smtp }), email)).toHaveLength(0)
  })
})

describe('mail outbox', () => {
  it('should retry a mail the SMTP server refused, after a backoff', async () => {
    const email = `smtp-busy-${Date.now()}@comments.test`
    expect((await submit(validBody({ email }))).status).toBe(202)
    expect(mailsTo(await deliverMails({ payload, smtp }), email)).toHaveLength(0)
    const { docs } = await payload.find({
      collection: 'payload-jobs',
      where: { and: [{ queue: { equals: 'mail' } }, { completedAt: { exists: false } }] },
    })
    expect(docs).toHaveLength(1)
    const job = docs[0]!
    expect(job.totalTried).toBe(1)
    expect(job.hasError).not.toBe(true)
    expect(new Date(job.waitUntil!).getTime()).toBeGreaterThan(Date.now())
    // Not before the backoff is over …
    expect(mailsTo(await deliverMails({ payload, smtp }), email)).toHaveLength(0)
    // … and then it is sent.
    await payload.update({
      collection: 'payload-jobs',
      data: { waitUntil: new Date(Date.now() - 1000).toISOString() },
      id: job.id,
    })
    expect(
      mailsTo(await deliverMails({ payload, smtp }), email).map((mail) => mail.subject),
    ).toEqual(['Bitte bestätigen Sie Ihren Kommentar'])
  })
})

describe('expiry', () => {
  it('should refuse an expired link and purge unconfirmed comments whose link expired', async () => {
    const email = uniqueEmail()
    const expired = await submit(validBody({ email }))
    const fresh = await submit(validBody())
    expect([expired.status, fresh.status]).toEqual([202, 202])
    const link = linkIn({
      mail: mailsTo(await deliverMails({ payload, smtp }), email)[0],
      pattern: CONFIRM_LINK,
    })
    const confirmed = await publishedComment()
    await payload.update({
      collection: 'comments',
      data: { confirmExpiresAt: new Date(Date.now() - 60_000).toISOString() },
      id: expired.body.comment!.id,
      overrideAccess: true,
    })
    const response = await followLink<ErrorBody>({ link })
    expect(response.status).toBe(410)
    expect(response.body.errors?.[0]?.message).toContain('abgelaufen')

    await payload.jobs.queue({ queue: 'nightly', task: PURGE_UNCONFIRMED_TASK as never } as never)
    await payload.jobs.run({ queue: 'nightly' })
    const remaining = (
      await payload.find({
        collection: 'comments',
        limit: 0,
        pagination: false,
        where: { id: { in: [expired.body.comment!.id, fresh.body.comment!.id, confirmed.id] } },
      })
    ).docs.map((doc) => doc.id)
    expect(remaining.sort()).toEqual([fresh.body.comment!.id, confirmed.id].sort())
  })
})

describe('moderation', () => {
  it.each(['approved', 'rejected', 'spam'] as const)(
    'should move a confirmed pending comment to %s',
    async (status) => {
      const { id } = await submitAndConfirm()
      const response = await requestJson<ErrorBody & { doc?: Comment }>(
        `${server.url}/api/comments/${id}`,
        { body: { status }, method: 'PATCH', token: tokens.editor },
      )
      expect(response.status, JSON.stringify(response.body)).toBe(200)
      expect((await storedComment(id)).status).toBe(status)
      expect((await publicIds()).includes(id)).toBe(status === 'approved')
    },
  )

  it('should let a moderator withdraw an approval (approved to rejected)', async () => {
    const { id } = await publishedComment()
    const response = await requestJson<ErrorBody>(`${server.url}/api/comments/${id}`, {
      body: { status: 'rejected' },
      method: 'PATCH',
      token: tokens.editor,
    })
    expect(response.status).toBe(200)
    expect(await publicIds()).not.toContain(id)
  })

  it('should refuse to set an approved comment back to pending, and take back a rejection', async () => {
    const { id } = await publishedComment()
    const setStatus = (status: string) =>
      requestJson<ErrorBody>(`${server.url}/api/comments/${id}`, {
        body: { status },
        method: 'PATCH',
        token: tokens.editor,
      })
    const response = await setStatus('pending')
    expect(response.status).toBe(400)
    expect(response.body.errors?.[0]?.message).toContain('ausstehend')
    expect((await storedComment(id)).status).toBe('approved')
    // A rejection (or a spam mark) by mistake goes back into the queue (the queue's "Rückgängig").
    expect((await setStatus('rejected')).status).toBe(200)
    expect((await setStatus('pending')).status).toBe(200)
    expect((await storedComment(id)).status).toBe('pending')
  })

  it('should refuse to approve a comment whose address is not confirmed', async () => {
    const { body } = await submit(validBody())
    const response = await requestJson<ErrorBody>(
      `${server.url}/api/comments/${body.comment!.id}`,
      { body: { status: 'approved' }, method: 'PATCH', token: tokens.editor },
    )
    expect(response.status).toBe(400)
    expect(response.body.errors?.[0]?.message).toContain('unbestätigter')
    expect((await storedComment(body.comment!.id)).status).toBe('pending')
  })

  it('should refuse moderation by visitors and municipality editors', async () => {
    const { id } = await submitAndConfirm()
    const asVisitor = await requestJson<ErrorBody>(`${server.url}/api/comments/${id}`, {
      body: { status: 'approved' },
      method: 'PATCH',
    })
    const asMunicipality = await requestJson<ErrorBody>(`${server.url}/api/comments/${id}`, {
      body: { status: 'approved' },
      method: 'PATCH',
      token: tokens.municipalityEditor,
    })
    expect([asVisitor.status, asMunicipality.status]).toEqual([403, 403])
    const user = (
      await payload.find({
        collection: 'users',
        where: { email: { equals: 'kommune@comments.test' } },
      })
    ).docs[0]!
    await expect(
      payload.update({
        collection: 'comments',
        data: { status: 'approved' },
        id,
        overrideAccess: false,
        user,
      }),
    ).rejects.toThrow()
    expect((await storedComment(id)).status).toBe('pending')
  })

  it('should apply a status to several comments at once (bulk edit)', async () => {
    const ids = [(await submitAndConfirm()).id, (await submitAndConfirm()).id]
    const response = await requestJson<ListBody<Comment>>(
      `${server.url}/api/comments?where[id][in]=${ids.join(',')}`,
      {
        body: { status: 'spam' },
        method: 'PATCH',
        token: tokens.editor,
      },
    )
    expect(response.status, JSON.stringify(response.body)).toBe(200)
    for (const id of ids) {
      expect((await storedComment(id)).status).toBe('spam')
    }
  })

  it('should list comments for moderators oldest first', async () => {
    const first = await submitAndConfirm()
    const second = await submitAndConfirm()
    const { body } = await requestJson<ListBody<Comment>>(
      `${server.url}/api/comments?limit=1000&depth=0`,
      { token: tokens.editor },
    )
    const order = body.docs!.map((doc) => doc.id)
    expect(order.indexOf(first.id)).toBeLessThan(order.indexOf(second.id))
    const createdAts = body.docs!.map((doc) => doc.createdAt)
    expect([...createdAts].sort()).toEqual(createdAts)
  })

  it('should publish an official reply of the editors and mail the commenter who opted in', async () => {
    const { email, id } = await publishedComment({ notifyOnOfficialReply: true })
    const response = await requestJson<ErrorBody & { doc?: Comment }>(
      `${server.url}/api/comments`,
      {
        body: {
          authorName: 'Redaktion',
          isOfficialReply: true,
          parent: id,
          text: 'Danke, wir nehmen das auf.',
        },
        method: 'POST',
        token: tokens.editor,
      },
    )
    expect(response.status, JSON.stringify(response.body)).toBe(201)
    expect(response.body.doc).toMatchObject({
      isConfirmed: true,
      isOfficialReply: true,
      status: 'approved',
      targetCollection: 'modules',
      targetId: String(moduleId),
    })
    expect(await publicIds()).toContain(response.body.doc!.id)
    const mails = mailsTo(await deliverMails({ payload, smtp }), email)
    expect(mails.map((mail) => mail.subject)).toEqual(['Offizielle Antwort auf Ihren Kommentar'])
    expect(mails[0]!.text).toContain('Danke, wir nehmen das auf.')
  })

  it('should not mail an official reply to a commenter who did not opt in', async () => {
    const { email, id } = await publishedComment({ notifyOnOfficialReply: false })
    const response = await requestJson<ErrorBody>(`${server.url}/api/comments`, {
      body: {
        authorName: 'Redaktion',
        isOfficialReply: true,
        parent: id,
        text: 'Antwort ohne Benachrichtigung.',
      },
      method: 'POST',
      token: tokens.editor,
    })
    expect(response.status).toBe(201)
    expect(mailsTo(await deliverMails({ payload, smtp }), email)).toHaveLength(0)
  })
})

describe('replies', () => {
  it('should accept a visitor reply to a visible comment on the same entry', async () => {
    const { id } = await publishedComment()
    const response = await submit(validBody({ parent: id, text: 'Sehe ich genauso.' }))
    expect(response.status, JSON.stringify(response.body)).toBe(202)
    expect((await storedComment(response.body.comment!.id)).parent).toMatchObject({ id })
  })

  it('should refuse replies to replies, to other entries and to comments that are not public', async () => {
    const { id } = await publishedComment()
    const reply = await publishedComment({ parent: id, text: 'Eine Antwort.' })
    const otherModule = await createTargetModule()
    const { body: pending } = await submit(validBody())
    const before = await commentsStored()
    const toReply = await submit(validBody({ parent: reply.id }))
    const toOtherEntry = await submit(validBody({ parent: id, targetId: otherModule }))
    const toPending = await submit(validBody({ parent: pending.comment!.id }))
    const toMissing = await submit(validBody({ parent: 99_999_999 }))
    expect([toReply.status, toOtherEntry.status, toPending.status, toMissing.status]).toEqual([
      400, 400, 400, 400,
    ])
    expect(toReply.body.errors?.[0]?.message).toContain(
      'Auf Antworten kann nicht geantwortet werden',
    )
    expect(await commentsStored()).toBe(before)
  })
})

describe('replies to comments that are not public', () => {
  const graphqlIds = async (target: number) => {
    const { body } = await requestJson<GraphQLBody>(`${server.url}/api/graphql`, {
      body: {
        query: `{ Comments(where: { targetId: { equals: "${target}" } }, limit: 100) { docs { id } totalDocs } }`,
      },
      method: 'POST',
    })
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined()
    return (body.data?.Comments as { docs: { id: number }[] }).docs.map((doc) => doc.id)
  }
  const restCount = async (target: number) =>
    (
      await requestJson<{ totalDocs?: number }>(
        `${server.url}/api/comments/count?where[targetId][equals]=${target}`,
      )
    ).body.totalDocs
  const editorIds = async (target: number) =>
    (
      await requestJson<ListBody<Comment>>(
        `${server.url}/api/comments?where[targetId][equals]=${target}&limit=100&depth=0`,
        { token: tokens.editor },
      )
    ).body.docs!.map((doc) => doc.id)
  const patch = async (id: number, body: Record<string, unknown>) => {
    const response = await requestJson<ErrorBody>(`${server.url}/api/comments/${id}`, {
      body,
      method: 'PATCH',
      token: tokens.editor,
    })
    expect(response.status, JSON.stringify(response.body)).toBe(200)
  }
  /** What a visitor sees of the target, everywhere the public reads comments. */
  const publicView = async (target: number) => ({
    commentCount: await commentCountOf(target),
    count: await restCount(target),
    graphql: (await graphqlIds(target)).sort((a, b) => a - b),
    rest: (await publicIds(target)).sort((a, b) => a - b),
  })

  it('should list a reply only while the comment it answers is public, and editors always', async () => {
    const target = await createTargetModule()
    const parent = await publishedComment({ targetId: target })
    const reply = await publishedComment({ parent: parent.id, targetId: target, text: 'Genau.' })
    const both = [parent.id, reply.id].sort((a, b) => a - b)
    expect(await publicView(target)).toEqual({
      commentCount: 2,
      count: 2,
      graphql: both,
      rest: both,
    })
    const nothing = { commentCount: 0, count: 0, graphql: [], rest: [] }

    // Hidden by three reports: its reply goes with it, and can't be reported meanwhile.
    for (const client of ['198.51.100.91', '198.51.100.92', '198.51.100.93']) {
      const response = await requestJson(`${server.url}/api/comments/${parent.id}/report`, {
        body: {},
        headers: { 'X-Forwarded-For': client },
        method: 'POST',
      })
      expect(response.status, JSON.stringify(response.body)).toBe(202)
    }
    expect(await publicView(target)).toEqual(nothing)
    const reportOfReply = await requestJson(`${server.url}/api/comments/${reply.id}/report`, {
      body: {},
      headers: { 'X-Forwarded-For': '198.51.100.94' },
      method: 'POST',
    })
    expect(reportOfReply.status).toBe(404)
    expect((await requestJson(`${server.url}/api/comments/${reply.id}`)).status).toBe(404)
    expect((await editorIds(target)).sort((a, b) => a - b)).toEqual(both)

    // Shown again by an editor: both are back.
    await patch(parent.id, { isHiddenByReports: false })
    expect(await publicView(target)).toEqual({
      commentCount: 2,
      count: 2,
      graphql: both,
      rest: both,
    })

    // Rejected: the reply is gone too, and comes back with its approval.
    await patch(parent.id, { status: 'rejected' })
    expect(await publicView(target)).toEqual(nothing)
    expect((await editorIds(target)).sort((a, b) => a - b)).toEqual(both)
    await patch(parent.id, { status: 'approved' })
    expect((await publicView(target)).rest).toEqual(both)
  })

  it('should move the replies with the comment they answer, and never a reply alone', async () => {
    const [from, to] = [await createTargetModule(), await createTargetModule()]
    const parent = await publishedComment({ targetId: from })
    const reply = await publishedComment({ parent: parent.id, targetId: from, text: 'Ja.' })
    const both = [parent.id, reply.id].sort((a, b) => a - b)

    const alone = await requestJson<ErrorBody>(`${server.url}/api/comments/${reply.id}`, {
      body: { targetId: String(to) },
      method: 'PATCH',
      token: tokens.editor,
    })
    expect(alone.status).toBe(400)
    expect(alone.body.errors?.[0]?.message).toContain('Eine Antwort bleibt beim Eintrag')
    expect((await storedComment(reply.id)).targetId).toBe(String(from))

    await patch(parent.id, { targetId: String(to) })
    expect((await storedComment(reply.id)).targetId).toBe(String(to))
    expect(await publicView(to)).toEqual({ commentCount: 2, count: 2, graphql: both, rest: both })
    expect(await publicView(from)).toEqual({ commentCount: 0, count: 0, graphql: [], rest: [] })
  })
})

describe('refused input', () => {
  const refusals: [string, () => Record<string, unknown> | string, number, string][] = [
    ['a filled honeypot', () => validBody({ website: 'http://spam.example' }), 400, 'automatisch'],
    ['an invalid form token', () => validBody({ formToken: '123.abc' }), 400, 'Formular-Token'],
    [
      'a forged form token',
      () => validBody({ formToken: `${Date.now() - 10_000}.${'0'.repeat(64)}` }),
      400,
      'Formular-Token',
    ],
    [
      'a form token sent too fast',
      () => validBody({ formToken: commentFormToken(payload, { ageSeconds: 0 }) }),
      400,
      'zu schnell',
    ],
    [
      'an expired form token',
      () => validBody({ formToken: commentFormToken(payload, { ageSeconds: 3 * 3600 }) }),
      400,
      'abgelaufen',
    ],
    [
      'too many links',
      () => validBody({ text: 'Siehe https://a.example, http://b.example und www.c.example' }),
      400,
      'zu viele Links',
    ],
    [
      'a text that is too long',
      () => validBody({ text: 'x'.repeat(2001) }),
      400,
      '„Kommentar“ ist zu lang (höchstens 2000 Zeichen)',
    ],
    ['an empty text', () => validBody({ text: '   ' }), 400, 'Bitte geben Sie „Kommentar“ an'],
    ['missing consent', () => validBody({ consent: false }), 400, 'Netiquette'],
    [
      'an invalid e-mail address',
      () => validBody({ email: 'keine-adresse' }),
      400,
      'gültige E-Mail-Adresse',
    ],
    ['an unknown field', () => validBody({ status: 'approved' }), 400, 'status'],
    [
      'an unknown target collection',
      () => validBody({ targetCollection: 'users' }),
      400,
      '„Bereich“ hat keinen der zulässigen Werte',
    ],
    [
      'a NUL character in the text',
      () => validBody({ text: 'Guter\u0000Vorschlag' }),
      400,
      'Nullzeichen',
    ],
    [
      'a lone surrogate in the name',
      () => validBody({ authorName: 'Anna \ud800' }),
      400,
      'Unicode',
    ],
    [
      'a target that does not exist',
      () => validBody({ targetId: 99_999_999 }),
      404,
      'nicht gefunden',
    ],
    ['invalid JSON', () => '{"authorName": ', 400, 'kein gültiges JSON'],
    ['an empty body', () => '', 400, 'JSON'],
  ]

  it.each(refusals)(
    'should refuse %s with a clear message and store nothing',
    async (_name, makeBody, status, message) => {
      const before = { comments: await commentsStored(), jobs: await mailJobsQueued() }
      const body = makeBody()
      const response = typeof body === 'string' ? await submitRaw(body) : await submit(body)
      expect(response.status, JSON.stringify(response.body)).toBe(status)
      expect(response.body.errors?.[0]?.message).toContain(message)
      expect({ comments: await commentsStored(), jobs: await mailJobsQueued() }).toEqual(before)
    },
  )

  it('should name each refused field in data.errors, so a form can show the message beside it', async () => {
    const response = await submit(validBody({ authorName: '', email: 'keine-adresse' }))
    expect(response.status).toBe(400)
    const errors = (
      response.body.errors?.[0] as
        { data?: { errors?: { message: string; path: string }[] } } | undefined
    )?.data?.errors
    expect(errors).toEqual([
      { message: 'Bitte geben Sie „Name“ an.', path: 'authorName' },
      {
        message: 'Bitte geben Sie bei „E-Mail-Adresse“ eine gültige E-Mail-Adresse an.',
        path: 'email',
      },
    ])
  })

  it('should name a thousand unknown fields in a short message', async () => {
    const body = validBody(
      Object.fromEntries(Array.from({ length: 1000 }, (_, index) => [`feld${index}`, 'x'])),
    )
    const response = await submit(body)
    expect(response.status).toBe(400)
    const message = response.body.errors?.[0]?.message ?? ''
    expect(message).toContain('feld0')
    expect(message).toContain('und 995 weitere')
    expect(message.length).toBeLessThan(300)
  })

  it('should refuse a body that is not sent as JSON (415) and store nothing', async () => {
    const before = await commentsStored()
    const response = await fetch(`${server.url}/api/comments`, {
      body: JSON.stringify(validBody()),
      headers: { 'Content-Type': 'text/plain' },
      method: 'POST',
    })
    expect(response.status).toBe(415)
    expect(((await response.json()) as ErrorBody).errors?.[0]?.message).toMatch(/application\/json/)
    expect(await commentsStored()).toBe(before)
  })

  it('should answer in English when the client asks for it', async () => {
    const response = await submit(
      validBody({ text: 'https://a.example https://b.example https://c.example' }),
      { 'Accept-Language': 'en-US,en;q=0.9' },
    )
    expect(response.status).toBe(400)
    expect(response.body.errors?.[0]?.message).toBe(
      'The comment contains too many links (at most 2).',
    )
  })

  it('should refuse a comment on a draft', async () => {
    const draft = await createTargetModule('draft')
    const before = await commentsStored()
    const response = await submit(validBody({ targetId: draft }))
    expect(response.status).toBe(404)
    expect(await commentsStored()).toBe(before)
  })

  it('should accept a comment on a project too', async () => {
    const project = await createProject(payload, { title: `Kommentiertes Projekt ${++counter}` })
    const response = await submit(validBody({ targetCollection: 'projects', targetId: project.id }))
    expect(response.status, JSON.stringify(response.body)).toBe(202)
    const { body } = await requestJson<{ commentCount?: number }>(
      `${server.url}/api/projects/${project.id}?depth=0`,
    )
    expect(body.commentCount).toBe(0)
  })
})

describe('plain text', () => {
  it('should store script tags as given and return them as inert text', async () => {
    const text = '<script>alert("x")</script> <img src=x onerror=alert(1)> & "Anführungszeichen"'
    const { id } = await publishedComment({ authorName: '<b>Mallory</b>', text })
    expect((await storedComment(id)).text).toBe(text)
    const response = await fetch(`${server.url}/api/comments/${id}?depth=0`)
    expect(response.headers.get('content-type')).toContain('application/json')
    const doc = (await response.json()) as Comment
    expect(doc.text).toBe(text)
    expect(doc.authorName).toBe('<b>Mallory</b>')
  })
})

describe('private data', () => {
  it('should never return the e-mail address, hashes or consent to the public (REST, depth 0 to 3)', async () => {
    const { email, id } = await publishedComment({ notifyOnApproval: true })
    const reply = await publishedComment({ parent: id, text: 'Antwort mit Elternkommentar.' })
    for (const depth of [0, 1, 2, 3]) {
      for (const url of [
        `${server.url}/api/comments?depth=${depth}&limit=100`,
        `${server.url}/api/comments/${reply.id}?depth=${depth}`,
        `${server.url}/api/modules/${moduleId}?depth=${depth}`,
      ]) {
        const response = await fetch(url)
        const text = await response.text()
        expect(response.status, url).toBe(200)
        expect(text, url).not.toContain(email)
        expect(text, url).not.toMatch(HEX_HASH)
        expect(text, url).not.toContain('emailHash')
        expect(text, url).not.toContain('consent')
      }
    }
    const parentAsReplyParent = await requestJson<Comment>(
      `${server.url}/api/comments/${reply.id}?depth=1`,
    )
    expect(parentAsReplyParent.body.parent).toMatchObject({ id })
    // The moderators do read the address (and still no hash).
    const asEditor = await requestJson<Comment>(`${server.url}/api/comments/${id}?depth=0`, {
      token: tokens.editor,
    })
    expect(asEditor.body.email).toBe(email)
    expect(JSON.stringify(asEditor.body)).not.toMatch(HEX_HASH)
  })

  it('should refuse public queries and sorting by private fields', async () => {
    const { email } = await publishedComment()
    for (const query of [
      `where[email][equals]=${encodeURIComponent(email)}`,
      `where[email][like]=comments.test`,
      `where[emailHash][exists]=true`,
      `where[clientHash][exists]=true`,
      `where[confirmTokenHash][exists]=true`,
      `where[consent.version][exists]=true`,
      `sort=email`,
      `sort=-emailHash`,
      `sort=parent.email`,
    ]) {
      const response = await requestJson<ListBody<Comment>>(`${server.url}/api/comments?${query}`)
      expect(response.status, `${query}: ${JSON.stringify(response.body)}`).toBeGreaterThanOrEqual(
        400,
      )
      expect(response.status).toBeLessThan(500)
    }
  })

  it('should return no e-mail address over GraphQL and refuse filtering by it', async () => {
    const { email } = await publishedComment()
    const graphql = (query: string) =>
      requestJson<GraphQLBody>(`${server.url}/api/graphql`, { body: { query }, method: 'POST' })
    const list = await graphql(
      '{ Comments(limit: 100) { docs { id text email parent { id email } } } }',
    )
    expect(JSON.stringify(list.body)).not.toContain(email)
    const docs =
      (list.body.data?.Comments as { docs: { email: null | string }[] } | undefined)?.docs ?? []
    expect(docs.length).toBeGreaterThan(0)
    expect(docs.every((doc) => doc.email === null)).toBe(true)
    const filtered = await graphql(
      `{ Comments(where: { email: { equals: "${email}" } }) { docs { id } } }`,
    )
    expect(filtered.body.errors?.length ?? 0).toBeGreaterThan(0)
    expect(JSON.stringify(filtered.body.data ?? {})).not.toContain('"id"')
    const hashes = await graphql(
      '{ Comments(limit: 100) { docs { id emailHash clientHash confirmTokenHash consent { version } } } }',
    )
    expect(JSON.stringify(hashes.body)).not.toMatch(HEX_HASH)
    expect(JSON.stringify(hashes.body)).not.toContain('2026-01')
  })

  it('should show only approved, confirmed, unhidden comments to the public', async () => {
    const { body: unconfirmed } = await submit(validBody())
    const pending = await submitAndConfirm()
    const visible = await publishedComment()
    const ids = await publicIds()
    expect(ids).toContain(visible.id)
    expect(ids).not.toContain(unconfirmed.comment!.id)
    expect(ids).not.toContain(pending.id)
    const direct = await requestJson<ErrorBody>(`${server.url}/api/comments/${pending.id}`)
    expect(direct.status).toBe(404)
  })
})

describe('reports', () => {
  const report = (id: number, client: string) =>
    requestJson<ErrorBody & { message?: string }>(`${server.url}/api/comments/${id}/report`, {
      body: {},
      headers: { 'X-Forwarded-For': client },
      method: 'POST',
    })

  it('should hide a comment after three reports from different clients until a moderator decides', async () => {
    const target = await createTargetModule()
    const { id } = await publishedComment({ targetId: target })
    expect(await commentCountOf(target)).toBe(1)
    expect((await report(id, '198.51.100.1')).status).toBe(202)
    expect((await report(id, '198.51.100.2')).status).toBe(202)
    expect(await publicIds(target)).toContain(id)
    const third = await report(id, '198.51.100.3')
    expect(third.status).toBe(202)
    expect(third.body.message).toContain('Danke für Ihre Meldung')
    expect(await publicIds(target)).not.toContain(id)
    expect(await commentCountOf(target)).toBe(0)
    expect(await storedComment(id)).toMatchObject({
      isHiddenByReports: true,
      reportCount: 3,
      status: 'approved',
    })
    // Hidden: nobody can report it any more.
    expect((await report(id, '198.51.100.4')).status).toBe(404)

    const decision = await requestJson<ErrorBody>(`${server.url}/api/comments/${id}`, {
      body: { isHiddenByReports: false },
      method: 'PATCH',
      token: tokens.editor,
    })
    expect(decision.status, JSON.stringify(decision.body)).toBe(200)
    expect(await publicIds(target)).toContain(id)
    expect(await commentCountOf(target)).toBe(1)
  })

  it("should put a hidden comment back as it was when the queue's rejection is taken back, and mail nobody", async () => {
    const target = await createTargetModule()
    const { email, id } = await publishedComment({ notifyOnApproval: true, targetId: target })
    // The approval mail of its first approval, once.
    expect(mailsTo(await deliverMails({ payload, smtp }), email)).toHaveLength(1)
    smtp.received.length = 0
    for (const client of ['198.51.100.71', '198.51.100.72', '198.51.100.73']) {
      expect((await report(id, client)).status).toBe(202)
    }
    expect(await storedComment(id)).toMatchObject({
      isHiddenByReports: true,
      reportCount: 3,
      status: 'approved',
    })
    // The queue's "Ablehnen": any decision lifts the hiding and counting starts again.
    const rejection = await requestJson<ErrorBody>(`${server.url}/api/comments/${id}`, {
      body: { isHiddenByReports: false, status: 'rejected' },
      method: 'PATCH',
      token: tokens.editor,
    })
    expect(rejection.status, JSON.stringify(rejection.body)).toBe(200)
    expect(await storedComment(id)).toMatchObject({
      isHiddenByReports: false,
      reportCount: 0,
      status: 'rejected',
    })
    // Its "Rückgängig": the state before, only where the rejection still stands.
    const undo = () =>
      requestJson<ListBody<Comment>>(
        `${server.url}/api/comments?where[and][0][id][in][0]=${id}&where[and][1][status][equals]=rejected`,
        {
          body: { isHiddenByReports: true, reportCount: 3, status: 'approved' },
          method: 'PATCH',
          token: tokens.editor,
        },
      )
    const undone = await undo()
    expect(undone.status, JSON.stringify(undone.body)).toBe(200)
    expect(undone.body.docs?.map((doc) => doc.id)).toEqual([id])
    expect(await storedComment(id)).toMatchObject({
      isHiddenByReports: true,
      reportCount: 3,
      status: 'approved',
    })
    expect(await publicIds(target)).not.toContain(id)
    expect(await commentCountOf(target)).toBe(0)
    // Twice changes nothing more.
    expect((await undo()).body.docs).toEqual([])
    // Approved again but hidden: no approval mail, neither now nor when it is shown again.
    expect(mailsTo(await deliverMails({ payload, smtp }), email)).toHaveLength(0)
    const shown = await requestJson<ErrorBody>(`${server.url}/api/comments/${id}`, {
      body: { isHiddenByReports: false },
      method: 'PATCH',
      token: tokens.editor,
    })
    expect(shown.status, JSON.stringify(shown.body)).toBe(200)
    expect(await publicIds(target)).toContain(id)
    expect(mailsTo(await deliverMails({ payload, smtp }), email)).toHaveLength(0)
  })

  it("should dismiss the reports of a visible comment with the queue's approval, and put it back with them when its rejection is taken back, mailing nobody", async () => {
    const target = await createTargetModule()
    const { email, id } = await publishedComment({ notifyOnApproval: true, targetId: target })
    expect(mailsTo(await deliverMails({ payload, smtp }), email)).toHaveLength(1)
    smtp.received.length = 0
    const patch = (body: Record<string, unknown>, query = `/${id}`) =>
      requestJson<ListBody<Comment>>(`${server.url}/api/comments${query}`, {
        body,
        method: 'PATCH',
        token: tokens.editor,
      })
    const stateOf = async () => {
      const { isHiddenByReports, reportCount, status } = await storedComment(id)
      return { isHiddenByReports, reportCount, status }
    }
    expect((await report(id, '198.51.100.75')).status).toBe(202)
    expect((await report(id, '198.51.100.76')).status).toBe(202)
    const reported = { isHiddenByReports: false, reportCount: 2, status: 'approved' }
    expect(await stateOf()).toEqual(reported)
    // Saving it unchanged in the edit view (the checkbox as it was) decides nothing.
    expect((await patch({ isHiddenByReports: false, text: 'Unverändert.' })).status).toBe(200)
    expect(await stateOf()).toEqual(reported)

    // The queue's "Ablehnen", then "Rückgängig": public again, with its two reports.
    expect(
      (await patch({ isHiddenByReports: false, reportCount: 0, status: 'rejected' })).status,
    ).toBe(200)
    expect(await stateOf()).toEqual({
      isHiddenByReports: false,
      reportCount: 0,
      status: 'rejected',
    })
    const undone = await patch(
      { isHiddenByReports: false, reportCount: 2, status: 'approved' },
      `?where[and][0][id][in][0]=${id}&where[and][1][status][equals]=rejected`,
    )
    expect(undone.body.docs?.map((doc) => doc.id)).toEqual([id])
    expect(await stateOf()).toEqual(reported)
    expect(await publicIds(target)).toContain(id)

    // The queue's "Freigeben": the reports are dismissed, the comment stays.
    expect(
      (await patch({ isHiddenByReports: false, reportCount: 0, status: 'approved' })).status,
    ).toBe(200)
    expect(await stateOf()).toEqual({
      isHiddenByReports: false,
      reportCount: 0,
      status: 'approved',
    })
    expect(await publicIds(target)).toContain(id)
    expect(mailsTo(await deliverMails({ payload, smtp }), email)).toHaveLength(0)
  })

  it('should dismiss the reports of a visible comment that gets a new status in the admin', async () => {
    const { id } = await publishedComment()
    expect((await report(id, '198.51.100.77')).status).toBe(202)
    const response = await requestJson<ErrorBody>(`${server.url}/api/comments/${id}`, {
      body: { status: 'rejected' },
      method: 'PATCH',
      token: tokens.editor,
    })
    expect(response.status, JSON.stringify(response.body)).toBe(200)
    expect(await storedComment(id)).toMatchObject({ reportCount: 0, status: 'rejected' })
  })

  it('should count one report per client', async () => {
    const { id } = await publishedComment()
    expect((await report(id, '198.51.100.50')).status).toBe(202)
    const again = await report(id, '198.51.100.50')
    expect(again.status).toBe(409)
    expect(again.body.errors?.[0]?.message).toContain('bereits gemeldet')
    expect((await storedComment(id)).reportCount).toBe(1)
  })

  it('should count parallel reports of different clients exactly', async () => {
    const { id } = await publishedComment()
    const responses = await Promise.all([1, 2, 3, 4, 5].map((n) => report(id, `203.0.113.${n}`)))
    // Three hide it; later ones find it hidden.
    expect(responses.filter((response) => response.status === 202)).toHaveLength(3)
    expect(responses.filter((response) => response.status === 404)).toHaveLength(2)
    expect(await storedComment(id)).toMatchObject({ isHiddenByReports: true, reportCount: 3 })
  })

  it('should refuse reports of comments that are not public', async () => {
    const { id } = await submitAndConfirm()
    expect((await report(id, '198.51.100.60')).status).toBe(404)
    expect((await report(99_999_999, '198.51.100.60')).status).toBe(404)
  })
})

describe('rate limit', () => {
  it('should answer 429 with Retry-After once a client sends more comments than the limit, and store nothing', async () => {
    const client = '192.0.2.77'
    for (let i = 0; i < 10; i++) {
      expect((await submit(validBody(), { 'X-Forwarded-For': client })).status).toBe(202)
    }
    const before = await commentsStored()
    const limited = await submit(validBody(), { 'X-Forwarded-For': client })
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(limited.body.errors?.[0]?.message).toContain('Zu viele Kommentare')
    expect(await commentsStored()).toBe(before)
    // Other clients and the confirmation links are not affected.
    expect((await submit(validBody())).status).toBe(202)
    expect(
      (
        await requestJson(`${server.url}/api/comments/confirm?token=${'B'.repeat(43)}`, {
          headers: { Accept: 'application/json', 'X-Forwarded-For': client },
        })
      ).status,
    ).toBe(404)
  })
})

describe('rate limit and refused input', () => {
  it('should not count comments refused for their input against the limit, and still limit accepted ones', async () => {
    const client = '192.0.2.78'
    const before = await commentsStored()
    // More refusals than the limit (10): an empty text, a text too long, a body that is no JSON.
    const refused: number[] = []
    for (let i = 0; i < 12; i++) {
      const text = i % 2 ? '' : 'x'.repeat(2001)
      refused.push((await submit(validBody({ text }), { 'X-Forwarded-For': client })).status)
    }
    const notJson = await fetch(`${server.url}/api/comments`, {
      body: 'text=Hallo',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        'X-Forwarded-For': client,
      },
      method: 'POST',
    })
    refused.push(notJson.status)
    expect(refused).toEqual([...Array(12).fill(400), 415])
    expect(await commentsStored()).toBe(before)
    const statuses: number[] = []
    for (let i = 0; i < 11; i++) {
      statuses.push((await submit(validBody(), { 'X-Forwarded-For': client })).status)
    }
    expect(statuses).toEqual([...Array(10).fill(202), 429])
    expect(await commentsStored()).toBe(before + 10)
  })

  it('should not count reports refused for their input (not JSON) against the limit', async () => {
    const { id } = await publishedComment()
    const client = '192.0.2.79'
    const refused: number[] = []
    for (let i = 0; i < 12; i++) {
      const response = await fetch(`${server.url}/api/comments/${id}/report`, {
        body: '',
        headers: { 'Content-Type': 'text/plain', 'X-Forwarded-For': client },
        method: 'POST',
      })
      refused.push(response.status)
    }
    expect(refused).toEqual(Array(12).fill(415))
    const accepted = await requestJson<ErrorBody>(`${server.url}/api/comments/${id}/report`, {
      body: {},
      headers: { 'X-Forwarded-For': client },
      method: 'POST',
    })
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(202)
    expect((await storedComment(id)).reportCount).toBe(1)
  })
})

describe('comment count', () => {
  it('should count approved visible comments per document in a list', async () => {
    const [a, b] = [await createTargetModule(), await createTargetModule()]
    await publishedComment({ targetId: a })
    await publishedComment({ targetId: a })
    await submitAndConfirm({ targetId: a })
    await publishedComment({ targetId: b })
    const { body } = await requestJson<ListBody<{ commentCount?: number; id: number }>>(
      `${server.url}/api/modules?where[id][in]=${a},${b}&depth=0`,
    )
    const counts = Object.fromEntries(body.docs!.map((doc) => [doc.id, doc.commentCount]))
    expect(counts).toEqual({ [a]: 2, [b]: 1 })
  })
})
