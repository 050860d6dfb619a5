/**
 * Portability of the comments plugin, tested rather than promised: the plugin on a config of
 * its own (tests/plugins/comments/config.ts: remarks on 'articles', collections 'remarks' and
 * 'remark-reports' with the host's overrides, the host's wording of two texts), its sanitised
 * shape and host contract (mail outbox, public write routes), and the plugin running for real
 * on a fresh database of that config, with `disabled: true` beside it.
 */
import type { SanitizedConfig } from 'payload'

import { SEND_MAIL_TASK, MAIL_KEYS_SLUG } from '@quartiersnetz/plugin-kit/sendMailTask'
import { publicWriteRoutesOf } from '@quartiersnetz/plugin-kit/pluginConfig'
import { PURGE_UNCONFIRMED_TASK } from '@quartiersnetz/plugin-comments'
import { translations } from '@quartiersnetz/plugin-comments/translations/index'
import { buildConfig } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import {
  ARTICLES,
  articles,
  COMMENTS_RATE_LIMIT,
  COMMENTS_SLUGS,
  commentsTestConfig,
  HOST_TEXTS,
} from '../plugins/comments/config'
import { hostConfig, staff } from '../plugins/host'
import {
  collectionOf,
  columnsOf,
  countDocs,
  createDoc,
  endpointsOf,
  fieldNames,
  fieldTree,
  lastOwnField,
  findDocs,
  type RunningPlugin,
  saysDisabled,
  startOnFreshDatabase,
} from '../plugins/portability'

type Answer = {
  comment?: { id: number; status: string }
  errors?: { message: string }[]
  message?: string
}
type MailJob = {
  input: { subject: string; text: string; to: string }
  queue: string
  taskSlug: string
}

const de = translations.de['plugin-comments']

let enabled: RunningPlugin
let disabled: RunningPlugin
let counter = 0

beforeAll(async () => {
  ;[enabled, disabled] = await Promise.all([
    startOnFreshDatabase({
      build: (databaseUrl) => commentsTestConfig({ databaseUrl }),
      name: 'comments',
    }),
    startOnFreshDatabase({
      build: (databaseUrl) => commentsTestConfig({ databaseUrl, disabled: true }),
      name: 'comments_disabled',
    }),
  ])
})

afterAll(async () => {
  await Promise.all([enabled?.stop(), disabled?.stop()])
})

const newArticle = async (running: RunningPlugin) => {
  const path = `artikel-${++counter}`
  const { id } = await createDoc(running.payload, ARTICLES, {
    headline: `Artikel ${counter}`,
    path,
  })
  return { id, path }
}

const remarkBody = async (running: RunningPlugin, articleId: number | string, email: string) => {
  const token = await running.api<{ formToken?: string }>(`/${COMMENTS_SLUGS.comments}/form-token`)
  return {
    authorName: 'Mara Quell',
    consent: true,
    email,
    formToken: token.body.formToken,
    targetCollection: ARTICLES,
    targetId: String(articleId),
    text: 'Eine Anmerkung zum Artikel.',
    website: '',
  }
}

/** Each declared route as the collection and the path of a POST endpoint it names. */
const routeResolves = (config: SanitizedConfig, path: string) => {
  const [, slug, ...rest] = path.split('/')
  const normalise = (value: string) => value.replace(/:[^/]+/g, ':param')
  const endpointPath = normalise(`/${rest.join('/')}`)
  const { endpoints } = collectionOf(config, slug!)
  return (
    endpoints !== false &&
    endpoints.some(
      (endpoint) => endpoint.method === 'post' && normalise(endpoint.path) === endpointPath,
    )
  )
}

describe('the sanitised config', () => {
  it("should add the plugin's collections under the host's slugs and none under its defaults", () => {
    const slugs = enabled.config.collections.map(({ slug }) => slug)
    expect(slugs).toEqual(
      expect.arrayContaining(['staff', ARTICLES, COMMENTS_SLUGS.comments, COMMENTS_SLUGS.reports]),
    )
    expect(slugs).not.toContain('comments')
    expect(slugs).not.toContain('comment-reports')
  })

  it("should keep the articles' own fields and endpoints and add the virtual comment count", async () => {
    expect(fieldNames(collectionOf(enabled.config, ARTICLES).fields)).toEqual(
      expect.arrayContaining(['headline', 'path', 'commentCount']),
    )
    // A copy: Payload's sanitising appends the timestamps to the fields array it is given.
    const withoutPlugin = await buildConfig({
      ...hostConfig(),
      collections: [staff, { ...articles, fields: [...articles.fields] }],
    })
    expect(endpointsOf(enabled.config, ARTICLES)).toEqual(endpointsOf(withoutPlugin, ARTICLES))
  })

  it("should put the public endpoints on the host's comment collection", () => {
    expect(endpointsOf(enabled.config, COMMENTS_SLUGS.comments)).toEqual(
      expect.arrayContaining([
        'POST /',
        'GET /form-token',
        'GET /thread',
        'POST /confirm',
        'GET /confirm',
        'POST /:id/report',
      ]),
    )
  })

  it("should let remarks and reports refer to each other under the host's slugs", () => {
    const remarks = collectionOf(enabled.config, COMMENTS_SLUGS.comments)
    const reports = collectionOf(enabled.config, COMMENTS_SLUGS.reports)
    expect(
      remarks.fields.find((field) => 'name' in field && field.name === 'parent'),
    ).toMatchObject({ relationTo: COMMENTS_SLUGS.comments })
    expect(
      reports.fields.find((field) => 'name' in field && field.name === 'comment'),
    ).toMatchObject({ relationTo: COMMENTS_SLUGS.comments })
  })

  it("should apply the host's overrides: admin group, labels, an extra field, the plugin's access kept", () => {
    const remarks = collectionOf(enabled.config, COMMENTS_SLUGS.comments)
    expect(remarks.admin.group).toEqual({ de: 'Redaktion', en: 'Editorial' })
    expect(remarks.labels.singular).toEqual({ de: 'Anmerkung', en: 'Remark' })
    expect(lastOwnField(remarks.fields)).toBe('topic')
    expect(fieldNames(remarks.fields)).toEqual(
      expect.arrayContaining(['authorName', 'email', 'status', 'consent.version']),
    )
    // The plugin's own: moderation, and the consent version stamped on creation; the
    // notices, and the replies moved with their comment.
    expect(remarks.hooks.beforeChange).toHaveLength(2)
    expect(remarks.hooks.afterChange).toHaveLength(2)
    const reports = collectionOf(enabled.config, COMMENTS_SLUGS.reports)
    expect(reports.labels.plural).toEqual({ de: 'Beschwerden', en: 'Complaints' })
    expect(reports.access.create?.({ req: {} } as never)).toBe(false)
  })

  it("should add the mail outbox (the sendMail task and the mail keys) once, and the purge on the host's queue", () => {
    const tasks = enabled.config.jobs.tasks ?? []
    expect(tasks.filter(({ slug }) => slug === SEND_MAIL_TASK)).toHaveLength(1)
    expect(enabled.config.collections.filter(({ slug }) => slug === MAIL_KEYS_SLUG)).toHaveLength(1)
    expect(tasks.find(({ slug }) => slug === PURGE_UNCONFIRMED_TASK)?.schedule).toEqual([
      expect.objectContaining({ queue: 'housekeeping' }),
    ])
  })

  it("should declare the comment and report routes with the host's limit for its edge", () => {
    const routes = publicWriteRoutesOf(enabled.config)
    expect(routes.map(({ kind, limit, path }) => ({ kind, limit, path }))).toEqual([
      { kind: 'comment', limit: COMMENTS_RATE_LIMIT, path: `/${COMMENTS_SLUGS.comments}` },
      {
        kind: 'report',
        limit: COMMENTS_RATE_LIMIT,
        path: `/${COMMENTS_SLUGS.comments}/:id/report`,
      },
    ])
    for (const route of routes) {
      expect(routeResolves(enabled.config, route.path), route.path).toBe(true)
      const message = route.message(7)
      expect(message.de).toContain('7')
      expect(message.en).toContain('7')
    }
  })

  it("should keep the host's wording of the plugin's texts and add the rest", () => {
    const texts = enabled.config.i18n.translations as Record<
      string,
      Record<string, Record<string, string>>
    >
    expect(texts.de?.['plugin-comments']).toMatchObject({
      ...HOST_TEXTS,
      commentsDisabled: de.commentsDisabled,
    })
    expect(texts.en?.['plugin-comments']?.submitted).toBe(
      translations.en['plugin-comments'].submitted,
    )
  })
})

describe('running on its own database', () => {
  it('should take a comment on an article and keep it pending, not public', async () => {
    const article = await newArticle(enabled)
    const answer = await enabled.api<Answer>(`/${COMMENTS_SLUGS.comments}`, {
      body: await remarkBody(enabled, article.id, 'mara@example.org'),
      method: 'POST',
    })
    expect(answer.status, answer.text).toBe(202)
    expect(answer.body.comment?.status).toBe('pending')

    const [stored] = await findDocs(enabled.payload, COMMENTS_SLUGS.comments, {
      targetId: { equals: String(article.id) },
    })
    expect(stored).toMatchObject({
      consent: { version: 'netiquette-2027' },
      isConfirmed: false,
      status: 'pending',
      targetCollection: ARTICLES,
      topic: 'general',
    })
    const publicList = await enabled.api<{ docs: unknown[] }>(
      `/${COMMENTS_SLUGS.comments}?where[targetId][equals]=${article.id}`,
    )
    expect(publicList.status).toBe(200)
    expect(publicList.body.docs).toEqual([])
    const read = await enabled.api<{ commentCount?: number }>(`/${ARTICLES}/${article.id}`)
    expect(read.body.commentCount).toBe(0)
  })

  it("should answer a submit with the host's wording of the plugin's text", async () => {
    const article = await newArticle(enabled)
    const answer = await enabled.api<Answer>(`/${COMMENTS_SLUGS.comments}`, {
      body: await remarkBody(enabled, article.id, 'jo@example.org'),
      method: 'POST',
    })
    expect(answer.status, answer.text).toBe(202)
    expect(answer.body.message).toBe(HOST_TEXTS.submitted)
  })

  it("should queue the confirmation mail on the host's queue with a link to the host's collection, which confirms it", async () => {
    const article = await newArticle(enabled)
    const answer = await enabled.api<Answer>(`/${COMMENTS_SLUGS.comments}`, {
      body: await remarkBody(enabled, article.id, 'kim@example.org'),
      method: 'POST',
    })
    expect(answer.status, answer.text).toBe(202)
    const jobs = (await findDocs(enabled.payload, 'payload-jobs', {
      taskSlug: { equals: SEND_MAIL_TASK },
    })) as unknown as MailJob[]
    const mail = jobs.find((job) => job.input.to === 'kim@example.org')
    expect(mail?.queue).toBe('outbox')
    const token = mail?.input.text.match(
      new RegExp(`/api/${COMMENTS_SLUGS.comments}/confirm\\?token=([A-Za-z0-9_-]+)`),
    )?.[1]
    expect(token).toBeDefined()

    const confirmed = await enabled.api<Answer>(
      `/${COMMENTS_SLUGS.comments}/confirm?token=${token}`,
      { headers: { accept: 'application/json' }, method: 'POST' },
    )
    expect(confirmed.status, confirmed.text).toBe(200)
    const [stored] = await findDocs(enabled.payload, COMMENTS_SLUGS.comments, {
      targetId: { equals: String(article.id) },
    })
    expect(stored).toMatchObject({ isConfirmed: true, status: 'pending' })
  })

  it("should write the confirmation mail with the host's wording of its subject", async () => {
    const article = await newArticle(enabled)
    const answer = await enabled.api<Answer>(`/${COMMENTS_SLUGS.comments}`, {
      body: await remarkBody(enabled, article.id, 'lu@example.org'),
      method: 'POST',
    })
    expect(answer.status, answer.text).toBe(202)
    const jobs = (await findDocs(enabled.payload, 'payload-jobs', {
      taskSlug: { equals: SEND_MAIL_TASK },
    })) as unknown as MailJob[]
    expect(jobs.find((job) => job.input.to === 'lu@example.org')?.input.subject).toBe(
      HOST_TEXTS.confirmMailSubject,
    )
  })

  it("should find an article for the thread by the host's slug field", async () => {
    const article = await newArticle(enabled)
    const thread = await enabled.api<{ comments: unknown[]; target: { id: number } }>(
      `/${COMMENTS_SLUGS.comments}/thread?target=${ARTICLES}/${article.path}`,
    )
    expect(thread.status, thread.text).toBe(200)
    expect(thread.body).toMatchObject({ comments: [], target: { id: article.id } })
  })
})

describe('with disabled: true', () => {
  it('should keep the same collections and fields as without it', () => {
    const shape = (running: RunningPlugin) =>
      running.config.collections.map(({ fields, slug }) => ({ fields: fieldTree(fields), slug }))
    expect(shape(disabled)).toEqual(shape(enabled))
  })

  it('should create the same tables and columns as without it', async () => {
    expect(await columnsOf(disabled.databaseUrl)).toEqual(await columnsOf(enabled.databaseUrl))
  })

  it("should answer a comment 503 with the plugin's message and store nothing", async () => {
    const article = await newArticle(disabled)
    const answer = await disabled.api<Answer>(`/${COMMENTS_SLUGS.comments}`, {
      body: await remarkBody(disabled, article.id, 'ruhe@example.org'),
      method: 'POST',
    })
    expect(answer.status).toBe(503)
    expect(answer.body.errors?.[0]?.message).toBe(de.commentsDisabled)
    expect(
      await findDocs(disabled.payload, COMMENTS_SLUGS.comments, {
        targetId: { equals: String(article.id) },
      }),
    ).toEqual([])
    const mails = (await findDocs(disabled.payload, 'payload-jobs', {
      taskSlug: { equals: SEND_MAIL_TASK },
    })) as unknown as MailJob[]
    expect(mails.filter((job) => job.input.to === 'ruhe@example.org')).toEqual([])
  })

  it("should answer a report 503 with the plugin's message and store nothing", async () => {
    const article = await newArticle(disabled)
    // Written as a moderator would (Local API): approved and visible.
    const { id } = await createDoc(disabled.payload, COMMENTS_SLUGS.comments, {
      authorName: 'Redaktion',
      targetCollection: ARTICLES,
      targetId: String(article.id),
      text: 'Sichtbar.',
    })
    const answer = await disabled.api<Answer>(`/${COMMENTS_SLUGS.comments}/${id}/report`, {
      body: {},
      method: 'POST',
    })
    expect(answer.status).toBe(503)
    expect(answer.body.errors?.[0]?.message).toBe(de.commentsDisabled)
    expect(await countDocs(disabled.payload, COMMENTS_SLUGS.reports)).toBe(0)
  })

  it("should answer a confirmation link 503 with the plugin's message", async () => {
    const answer = await disabled.api<Answer>(
      `/${COMMENTS_SLUGS.comments}/confirm?token=${'a'.repeat(43)}`,
      { headers: { accept: 'application/json' }, method: 'POST' },
    )
    expect(answer.status).toBe(503)
    expect(answer.body.errors?.[0]?.message).toBe(de.commentsDisabled)
  })

  it('should tell the moderation view and its nav link that comments are switched off', () => {
    const components = (config: SanitizedConfig) =>
      config.admin.components as unknown as {
        afterNavLinks?: { path: string; serverProps?: Record<string, unknown> }[]
        views?: Record<string, { Component: { serverProps?: Record<string, unknown> } }>
      }
    const viewProps = (config: SanitizedConfig) =>
      components(config).views?.commentsModeration?.Component.serverProps
    const navProps = (config: SanitizedConfig) =>
      components(config).afterNavLinks?.find(({ path }) => path.includes('ModerationNavLink'))
        ?.serverProps
    expect(saysDisabled(viewProps(enabled.config))).toBe(false)
    expect(saysDisabled(viewProps(disabled.config))).toBe(true)
    expect(saysDisabled(navProps(disabled.config))).toBe(true)
  })
})

it("should not change the host's collection it was given", () => {
  expect(fieldNames(articles.fields)).toEqual(['headline', 'path'])
  expect(articles.hooks).toBeUndefined()
})
