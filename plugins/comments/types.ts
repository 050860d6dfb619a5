import type { Access, CollectionSlug } from 'payload'

import type {
  ConsentVersionOf,
  ConsentVersionOption,
} from '@quartiersnetz/plugin-kit/consentVersion'
import type { CollectionOverride, RateLimit } from '@quartiersnetz/plugin-kit/pluginConfig'
import type {
  TargetCollection,
  TargetCollectionOption,
  TargetInWords,
} from '@quartiersnetz/plugin-kit/targets'

export type CommentsPluginOptions = {
  /**
   * A comment whose e-mail address already has an approved comment is approved as soon as it
   * is confirmed, without waiting for a moderator.
   * @default false
   */
  autoApproveKnownEmails?: boolean
  /**
   * Who moderates: reads every comment with its e-mail address, changes the status and writes
   * official replies in the admin.
   * @default any signed-in user of the admin
   */
  canModerate?: Access
  /**
   * The collections whose documents visitors comment on, e.g. `['modules', 'projects']`; an entry
   * may say how its documents are named and where visitors find them:
   * `{ slug: 'modules', titleField: 'title', publicUrl: ({ doc }) => \`https://…/${doc.slug}\` }`.
   * The title names the document in the admin's lists, the moderation queue, the mails and the
   * confirmation page; the public address is linked in visitors' mails and on that page.
   * @default titleField: the collection's `admin.useAsTitle`; publicUrl: none
   */
  collections: TargetCollectionOption[]
  /**
   * How long the confirmation link is valid; unconfirmed comments are deleted after this.
   * @default 72
   */
  confirmHours?: number
  /**
   * The version of the netiquette and privacy notice the visitor agrees to, stored with the
   * consent: a string, or a function answering the version in force at the moment of the
   * consent (e.g. the published versions of editable texts).
   */
  consentVersion: ConsentVersionOption
  /**
   * Keep the collections and fields (schema stays stable) but refuse new comments and reports.
   * @default false
   */
  disabled?: boolean
  /**
   * Longest time a form token stays valid, in seconds.
   * @default 7200
   */
  formTokenMaxAgeSeconds?: number
  /**
   * Secret for hashing e-mail addresses, confirmation tokens and client addresses.
   * @default the Payload secret
   */
  hashSecret?: string
  /**
   * Name of the honeypot field in the submitted body; it must be missing or empty.
   * @default 'website'
   */
  honeypotField?: string
  /**
   * Queue of the mail jobs (the `sendMail` task from plugins/shared, which the host registers).
   * @default 'mail'
   */
  mailQueue?: string
  /**
   * Links (http://, https://, www.) a comment may contain.
   * @default 2
   */
  maxLinks?: number
  /**
   * Longest comment in characters.
   * @default 2000
   */
  maxTextLength?: number
  /**
   * Seconds between fetching the form token and submitting, at least.
   * @default 3
   */
  minSubmitSeconds?: number
  /**
   * Addresses that get a mail for every new confirmed comment.
   * @default []
   */
  moderatorEmails?: string[]
  /**
   * Queue of the hourly purge of unconfirmed comments (the host must run it with schedules).
   * @default 'default'
   */
  purgeQueue?: string
  /**
   * Days a report record (which client reported which comment, by keyed hash) is kept; the
   * comment's count of reports stays. The hourly retention job deletes older ones.
   * @default 30
   */
  reportRetentionDays?: number
  /**
   * Reports (one per client) after which a comment is hidden until a moderator decides.
   * @default 3
   */
  reportsToHide?: number
  /**
   * Origins of the member sites whose pages may be sent as a comment's `returnUrl` (the page
   * the visitor commented on; the page the confirmation link opens links back to it), besides
   * the server's own.
   * @default [] (only the server's own origin)
   */
  returnOrigins?: string[]
  /**
   * The network's name, at the top of the page the confirmation link opens.
   * @default the e-mail adapter's sender name (`defaultFromName`)
   */
  siteName?: string
  /**
   * Only published documents can be commented on (collections with drafts).
   * @default true
   */
  requirePublished?: boolean
  /**
   * The field of the target collections that names a document in URLs; the thread endpoint
   * finds a target by it (`?target=modules/stadtteilkonferenz`) as well as by its id.
   * @default 'slug'
   */
  slugField?: string
  /**
   * Slugs of the collections the plugin adds.
   * @default { comments: 'comments', reports: 'comment-reports' }
   */
  slugs?: { comments?: string; reports?: string }
  /**
   * Changes to the collections the plugin adds (admin group, labels, access, hooks; fields as a
   * function of the plugin's), as Payload's plugin-search and plugin-redirects take them.
   * @default {}
   */
  overrides?: { comments?: CollectionOverride; reports?: CollectionOverride }
  /**
   * New comments and, counted separately, reports one client may send per window. The host's
   * edge counts them before Payload runs: the plugin declares the routes and this limit in
   * `config.custom.quartiersnetz.publicWriteRoutes` (0: no limit).
   * @default { max: 10, windowMs: 600000 }
   */
  rateLimit?: RateLimit
}

/** Options with every default applied. */
export type ResolvedCommentsOptions = Required<
  Omit<
    CommentsPluginOptions,
    'collections' | 'consentVersion' | 'hashSecret' | 'siteName' | 'slugs'
  >
> & {
  /** Written by the endpoints; empty when `consentVersionOf` fills it in on create. */
  consentVersion: string
  consentVersionOf: ConsentVersionOf
  /** The slugs of the target collections. */
  collections: CollectionSlug[]
  hashSecret?: string
  siteName?: string
  slugs: { comments: string; reports: string }
  /** The target collections with their settings. */
  targets: TargetCollection[]
}

export const COMMENT_STATUSES = ['pending', 'approved', 'rejected', 'spam'] as const
export type CommentStatus = (typeof COMMENT_STATUSES)[number]

/** A comment as the plugin reads it with overrideAccess. */
export type StoredComment = {
  authorName: string
  email?: null | string
  emailHash?: null | string
  id: number | string
  isConfirmed?: boolean | null
  isHiddenByReports?: boolean | null
  isOfficialReply?: boolean | null
  /** The language the commenter used; mails to them are written in it. */
  language?: 'de' | 'en' | null
  notifyOnApproval?: boolean | null
  notifyOnOfficialReply?: boolean | null
  parent?: null | number | string | { id: number | string }
  reportCount?: null | number
  /** The page the visitor commented on (the widget's host page), if the widget sent it. */
  returnUrl?: null | string
  status: CommentStatus
  /** The target in words, on reads on somebody's behalf (plugins/shared/targets.ts). */
  target?: null | TargetInWords
  targetCollection: string
  targetId: string
  text: string
}
