/**
 * How a host tells the comments and ratings plugins to name and link its documents (the
 * `collections` option's `{ slug, titleField, publicUrl }`), on a config of its own that is not
 * this project: remarks on articles named by their kicker rather than `admin.useAsTitle`, with
 * the article's public address in the visitor's mails and on the confirmation page; and the
 * options' errors at start.
 */
import type { CollectionConfig, CollectionSlug } from 'payload'

import { type CommentsPluginOptions, commentsPlugin } from '@quartiersnetz/plugin-comments'
import { ratingsPlugin } from '@quartiersnetz/plugin-ratings'
import { SEND_MAIL_TASK } from '@quartiersnetz/plugin-kit/sendMailTask'
import { buildConfig } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { hostConfig, staff } from '../plugins/host'
import {
  createDoc,
  findDocs,
  type RunningPlugin,
  startOnFreshDatabase,
} from '../plugins/portability'

const ARTICLES = 'articles' as CollectionSlug

const articles: CollectionConfig = {
  slug: ARTICLES,
  access: { read: () => true },
  admin: { useAsTitle: 'headline' },
  fields: [
    { name: 'headline', type: 'text', required: true },
    { name: 'kicker', type: 'text' },
    { name: 'path', type: 'text', index: true, unique: true },
  ],
  labels: { plural: { de: 'Artikel', en: 'Articles' }, singular: { de: 'Artikel', en: 'Article' } },
}

const commentsOptions: CommentsPluginOptions = {
  collections: [
    {
      publicUrl: ({ doc }) => `https://zeitung.example/artikel/${String(doc.path)}`,
      slug: ARTICLES,
      titleField: 'kicker',
    },
  ],
  consentVersion: 'netiquette-2027',
  mailQueue: 'outbox',
  minSubmitSeconds: 0,
  slugField: 'path',
}

type MailJob = { input: { html: string; subject: string; text: string; to: string } }

let running: RunningPlugin
let counter = 0

beforeAll(async () => {
  running = await startOnFreshDatabase({
    build: (databaseUrl) =>
      buildConfig({
        ...hostConfig({ databaseUrl }),
        collections: [staff, articles],
        plugins: [commentsPlugin(commentsOptions)],
      }),
    name: 'comment_targets',
  })
})

afterAll(async () => {
  await running?.stop()
})

/** A remark on a new article whose kicker and headline differ; the queued confirmation mail. */
const remarkOnNewArticle = async (email: string) => {
  const path = `artikel-${++counter}`
  const article = await createDoc(running.payload, ARTICLES, {
    headline: `Lange Überschrift ${counter}`,
    kicker: `Kurz ${counter}`,
    path,
  })
  const formToken = (await running.api<{ formToken?: string }>('/comments/form-token')).body
    .formToken
  const answer = await running.api('/comments', {
    body: {
      authorName: 'Mara Quell',
      consent: true,
      email,
      formToken,
      targetCollection: ARTICLES,
      targetId: String(article.id),
      text: 'Eine Anmerkung.',
      website: '',
    },
    method: 'POST',
  })
  expect(answer.status, answer.text).toBe(202)
  const jobs = (await findDocs(running.payload, 'payload-jobs', {
    taskSlug: { equals: SEND_MAIL_TASK },
  })) as unknown as MailJob[]
  const mail = jobs.find((job) => job.input.to === email)
  return { article, mail, path }
}

describe("the host's title field and public address", () => {
  it("should name the article by the host's title field in the confirmation mail, without its address", async () => {
    const { mail } = await remarkOnNewArticle('kicker@example.org')
    expect(mail?.input.text).toContain(`Ihren Kommentar zu „Kurz ${counter}“`)
    expect(mail?.input.text).not.toContain('Lange Überschrift')
    // One thing to do in this mail: confirm.
    expect(mail?.input.text).not.toContain('zeitung.example')
  })

  it("should link the article's public address on the page the confirmation link opens", async () => {
    const { mail, path } = await remarkOnNewArticle('seite@example.org')
    const token = mail?.input.text.match(/\/api\/comments\/confirm\?token=([A-Za-z0-9_-]+)/)?.[1]
    expect(token).toBeDefined()
    const page = await running.api(`/comments/confirm?token=${token}`)
    expect(page.status).toBe(200)
    expect(page.text).toContain(`<h2 id="subject">Ihr Kommentar zu „Kurz ${counter}“</h2>`)
    expect(page.text).toContain(
      `<p class="subject-link"><a href="https://zeitung.example/artikel/${path}" rel="noreferrer">„Kurz ${counter}“ ansehen</a></p>`,
    )
  })

  it("should name the article by the host's title field in the admin's reads", async () => {
    const { article } = await remarkOnNewArticle('lesen@example.org')
    const { docs } = await running.payload.find({
      collection: 'comments' as CollectionSlug,
      overrideAccess: false,
      user: null,
      where: { targetId: { equals: String(article.id) } },
    })
    // Unconfirmed: the public reads nothing; a moderator (any signed-in staff member) does.
    expect(docs).toEqual([])
    const moderator = await createDoc(running.payload, staff.slug, {
      email: `staff-${counter}@example.org`,
      password: 'Staff-Test-2026',
    })
    const asModerator = await running.payload.find({
      collection: 'comments' as CollectionSlug,
      overrideAccess: false,
      user: { ...moderator, collection: staff.slug } as never,
      where: { targetId: { equals: String(article.id) } },
    })
    expect((asModerator.docs[0] as { target?: unknown } | undefined)?.target).toEqual({
      collection: ARTICLES,
      id: String(article.id),
      isFound: true,
      title: `Kurz ${counter}`,
    })
  })
})

describe('the options at start', () => {
  const configWith = (collections: CommentsPluginOptions['collections']) =>
    buildConfig({
      ...hostConfig(),
      collections: [staff, { ...articles, fields: [...articles.fields] }],
      plugins: [commentsPlugin({ ...commentsOptions, collections })],
    })

  it('should refuse a title field the collection does not have, naming the plugin', async () => {
    await expect(configWith([{ slug: ARTICLES, titleField: 'subtitle' }])).rejects.toThrow(
      'commentsPlugin: `collections[].titleField` names "subtitle", which articles doesn\'t have.',
    )
    await expect(
      buildConfig({
        ...hostConfig(),
        collections: [staff, { ...articles, fields: [...articles.fields] }],
        plugins: [
          ratingsPlugin({
            collections: [{ slug: ARTICLES, titleField: 'subtitle' }],
            dimensions: [{ high: 'hoch', key: 'reach', label: 'Reichweite', low: 'gering' }],
          }),
        ],
      }),
    ).rejects.toThrow(
      'ratingsPlugin: `collections[].titleField` names "subtitle", which articles doesn\'t have.',
    )
  })

  it('should refuse a collection named twice and an address that is no function', async () => {
    await expect(configWith([ARTICLES, { slug: ARTICLES }])).rejects.toThrow(
      'commentsPlugin: `collections` names "articles" twice.',
    )
    await expect(
      configWith([{ publicUrl: 'https://zeitung.example' as never, slug: ARTICLES }]),
    ).rejects.toThrow('commentsPlugin: `publicUrl` of "articles" must be a function')
  })
})
