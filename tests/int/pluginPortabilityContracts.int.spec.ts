/**
 * What the plugins promise a host, checked on sanitised configs of hosts that are not this
 * project (tests/plugins/*\/config.ts): the mail outbox once, the public write routes for the
 * host's edge, the host's wording of the plugins' texts, a host's `endpoints: false`, and
 * option errors that name the plugin. No database: these are properties of the config.
 */
import type { CollectionConfig, CollectionSlug, Config, Field, Plugin } from 'payload'

import { commentsPlugin, type CommentsPluginOptions } from '@quartiersnetz/plugin-comments'
import {
  eventRegistrationPlugin,
  type EventRegistrationPluginOptions,
} from '@quartiersnetz/plugin-event-registration'
import { type PublicWriteRoute, publicWriteRoutesOf } from '@quartiersnetz/plugin-kit/pluginConfig'
import {
  MAIL_KEYS_SLUG,
  mailKeysCollection,
  SEND_MAIL_TASK,
  sendMailTask,
} from '@quartiersnetz/plugin-kit/sendMailTask'
import { ratingsPlugin, type RatingsPluginOptions } from '@quartiersnetz/plugin-ratings'
import { buildConfig } from 'payload'
import { describe, expect, it } from 'vitest'

import { articles, commentsOptions, COMMENTS_SLUGS } from '../plugins/comments/config'
import { registrationOptions, SESSIONS, sessions } from '../plugins/event-registration/config'
import { hostConfig, staff } from '../plugins/host'
import { methods, ratingsOptions } from '../plugins/ratings/config'

type Texts = Record<string, Record<string, Record<string, string>>>

/** A host with all three target collections and the given plugins. */
const hostWith = (plugins: Plugin[], changes: Partial<Config> = {}) =>
  buildConfig({
    ...hostConfig(),
    collections: [staff, methods, articles, sessions],
    plugins,
    ...changes,
  })

const bothMailingPlugins = () => [
  commentsPlugin(commentsOptions),
  eventRegistrationPlugin(registrationOptions),
]

const countOf = <T extends { slug: string }>(items: readonly T[] | undefined, slug: string) =>
  (items ?? []).filter((item) => item.slug === slug).length

describe('the mail outbox', () => {
  it('should be added once when two plugins that send mail need it', async () => {
    const config = await hostWith(bothMailingPlugins())
    expect(countOf(config.jobs.tasks, SEND_MAIL_TASK)).toBe(1)
    expect(countOf(config.collections, MAIL_KEYS_SLUG)).toBe(1)
  })

  it('should not be added again when the host registered it itself', async () => {
    const config = await hostWith(bothMailingPlugins(), {
      collections: [staff, methods, articles, sessions, mailKeysCollection],
      jobs: { tasks: [sendMailTask as never] },
    })
    expect(countOf(config.jobs.tasks, SEND_MAIL_TASK)).toBe(1)
    expect(countOf(config.collections, MAIL_KEYS_SLUG)).toBe(1)
  })

  it('should not be added by the plugin that sends no mail', async () => {
    const config = await hostWith([ratingsPlugin(ratingsOptions)])
    expect(countOf(config.jobs.tasks, SEND_MAIL_TASK)).toBe(0)
    expect(countOf(config.collections, MAIL_KEYS_SLUG)).toBe(0)
  })
})

describe("the public write routes for the host's edge", () => {
  it("should list every plugin's routes after the host's own", async () => {
    const hostRoute: PublicWriteRoute = {
      kind: 'newsletter',
      limit: { max: 2, windowMs: 60_000 },
      message: () => ({ de: 'Zu viele.', en: 'Too many.' }),
      path: '/newsletter',
    }
    const config = await hostWith(bothMailingPlugins(), {
      custom: { quartiersnetz: { publicWriteRoutes: [hostRoute] } },
    })
    expect(publicWriteRoutesOf(config).map(({ kind, path }) => `${kind} ${path}`)).toEqual([
      'newsletter /newsletter',
      `comment /${COMMENTS_SLUGS.comments}`,
      `report /${COMMENTS_SLUGS.comments}/:id/report`,
      `registration /${SESSIONS}/:id/registrations`,
    ])
  })

  it('should declare nothing for a plugin whose limit is 0', async () => {
    const config = await hostWith([
      commentsPlugin({ ...commentsOptions, rateLimit: { max: 0, windowMs: 60_000 } }),
      eventRegistrationPlugin({ ...registrationOptions, rateLimit: { max: 0, windowMs: 60_000 } }),
    ])
    expect(publicWriteRoutesOf(config)).toEqual([])
  })

  it("should declare the plugins' defaults when the host sets no limit", async () => {
    const config = await hostWith([
      commentsPlugin({ ...commentsOptions, rateLimit: undefined }),
      eventRegistrationPlugin({ ...registrationOptions, rateLimit: undefined }),
    ])
    expect(publicWriteRoutesOf(config).map(({ limit }) => limit)).toEqual([
      { max: 10, windowMs: 600_000 },
      { max: 10, windowMs: 600_000 },
      { max: 10, windowMs: 600_000 },
    ])
  })
})

describe("the host's wording of the plugins' texts", () => {
  it("should win over every plugin's own text, and leave the host's other texts alone", async () => {
    const config = await hostWith([ratingsPlugin(ratingsOptions), ...bothMailingPlugins()], {
      i18n: {
        ...hostConfig().i18n,
        translations: {
          de: {
            'host-app': { greeting: 'Moin' },
            'plugin-comments': { commentsDisabled: 'Die Anmerkungen ruhen.' },
            'plugin-event-registration': { disabled: 'Keine Anmeldungen im Moment.' },
          },
          en: { 'plugin-ratings': { ratingsDisabled: 'No votes today.' } },
        } as never,
      },
    })
    const texts = config.i18n.translations as Texts
    expect(texts.de?.['host-app']).toEqual({ greeting: 'Moin' })
    expect(texts.de?.['plugin-comments']?.commentsDisabled).toBe('Die Anmerkungen ruhen.')
    expect(texts.de?.['plugin-event-registration']?.disabled).toBe('Keine Anmeldungen im Moment.')
    expect(texts.en?.['plugin-ratings']?.ratingsDisabled).toBe('No votes today.')
    // The plugins' other texts are still there.
    expect(texts.de?.['plugin-comments']?.submitted).toMatch(/Danke/)
    expect(texts.en?.['plugin-comments']?.commentsDisabled).toBe(
      'Comments are switched off at the moment.',
    )
    expect(texts.de?.['plugin-ratings']?.ratingsDisabled).toBe(
      'Bewertungen sind derzeit abgeschaltet.',
    )
  })
})

/** Every named field, nested ones included. */
const namesIn = (fields: Field[]): string[] =>
  fields.flatMap((field) => [
    ...('name' in field ? [field.name] : []),
    ...('fields' in field ? namesIn(field.fields) : []),
    ...('tabs' in field ? field.tabs.flatMap((tab) => namesIn(tab.fields)) : []),
  ])

describe("a host's `endpoints: false` on a target collection", () => {
  const closed = (collection: CollectionConfig): CollectionConfig => ({
    ...collection,
    endpoints: false,
  })

  it.each([
    ['ratingsPlugin', methods, () => ratingsPlugin(ratingsOptions)],
    ['commentsPlugin', articles, () => commentsPlugin(commentsOptions)],
    ['eventRegistrationPlugin', sessions, () => eventRegistrationPlugin(registrationOptions)],
  ] as const)(
    'should stay false after %s extends the collection',
    async (_name, target, plugin) => {
      const others = [methods, articles, sessions].filter((collection) => collection !== target)
      const config = await buildConfig({
        ...hostConfig(),
        collections: [staff, ...others, closed(target)],
        plugins: [plugin()],
      })
      const extended = config.collections.find(({ slug }) => slug === target.slug)
      expect(extended?.endpoints).toBe(false)
      // Extended all the same: its fields are there (at the top or inside a section).
      expect(namesIn(extended?.fields ?? []).length).toBeGreaterThan(namesIn(target.fields).length)
    },
  )
})

describe('option errors that name the plugin', () => {
  const rejects = (plugin: () => Plugin) => expect(hostWith([plugin()])).rejects

  const ratings = (changes: Partial<RatingsPluginOptions>) => () =>
    ratingsPlugin({ ...ratingsOptions, ...changes } as RatingsPluginOptions)
  const comments = (changes: Partial<CommentsPluginOptions>) => () =>
    commentsPlugin({ ...commentsOptions, ...changes } as CommentsPluginOptions)
  const registration = (changes: Partial<EventRegistrationPluginOptions>) => () =>
    eventRegistrationPlugin({
      ...registrationOptions,
      ...changes,
    } as EventRegistrationPluginOptions)

  it.each([
    ['no collections', ratings({ collections: [] }), /^ratingsPlugin: .*`collections`/],
    ['no dimensions', ratings({ dimensions: [] }), /^ratingsPlugin: .*`dimensions`/],
    [
      'a dimension key that is no field name',
      ratings({
        dimensions: [{ high: 'viel', key: 'Effort-Level', label: 'Aufwand', low: 'wenig' }],
      }),
      /^ratingsPlugin: .*Effort-Level/,
    ],
    ['a scale without steps', ratings({ scale: { max: 3, min: 3 } }), /^ratingsPlugin: .*`scale`/],
    [
      'an unknown target collection',
      ratings({ collections: ['workshops' as CollectionSlug] }),
      /^ratingsPlugin: .*workshops/,
    ],
    [
      'an unknown editorialAssessmentField',
      ratings({ editorialAssessmentField: 'verdict' }),
      /^ratingsPlugin: .*verdict/,
    ],
  ])('should refuse ratings with %s', async (_case, plugin, message) => {
    await rejects(plugin).toThrow(message)
  })

  it.each([
    ['no collections', comments({ collections: undefined }), /^commentsPlugin: .*`collections`/],
    [
      'no consentVersion',
      comments({ consentVersion: undefined }),
      /^commentsPlugin: .*`consentVersion`/,
    ],
    [
      'an unknown target collection',
      comments({ collections: ['workshops' as CollectionSlug] }),
      /^commentsPlugin: .*workshops/,
    ],
    [
      'a negative rate limit',
      comments({ rateLimit: { max: -1, windowMs: 60_000 } }),
      /^commentsPlugin: .*`rateLimit`/,
    ],
    [
      'a rate limit window under a second',
      comments({ rateLimit: { max: 5, windowMs: 10 } }),
      /^commentsPlugin: .*`rateLimit`/,
    ],
    [
      'a negative minSubmitSeconds',
      comments({ minSubmitSeconds: -1 }),
      /^commentsPlugin: .*`minSubmitSeconds`/,
    ],
    [
      'a return origin that is no origin',
      comments({ returnOrigins: ['https://example.org/page'] }),
      /^commentsPlugin: .*`returnOrigins`/,
    ],
  ])('should refuse comments with %s', async (_case, plugin, message) => {
    await rejects(plugin).toThrow(message)
  })

  it.each([
    [
      'no eventsCollection',
      registration({ eventsCollection: undefined }),
      /^eventRegistrationPlugin: .*`eventsCollection`/,
    ],
    [
      'no consentVersion',
      registration({ consentVersion: undefined }),
      /^eventRegistrationPlugin: .*`consentVersion`/,
    ],
    [
      'an unknown events collection',
      registration({ eventsCollection: 'workshops' as CollectionSlug }),
      /^eventRegistrationPlugin: .*workshops/,
    ],
    [
      'a rate limit that is no whole number',
      registration({ rateLimit: { max: 1.5, windowMs: 60_000 } }),
      /^eventRegistrationPlugin: .*`rateLimit`/,
    ],
    [
      'a confirmation time of 0 hours',
      registration({ confirmHours: 0 }),
      /^eventRegistrationPlugin: .*`confirmHours`/,
    ],
    [
      'a field mapping to a field the events collection lacks',
      registration({ fields: { ...registrationOptions.fields, start: 'startsAt' } }),
      /^eventRegistrationPlugin: .*startsAt/,
    ],
  ])('should refuse event registration with %s', async (_case, plugin, message) => {
    await rejects(plugin).toThrow(message)
  })
})
