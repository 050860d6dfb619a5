import type { CollectionOverride } from '@quartiersnetz/plugin-kit/pluginConfig'
import type { TargetCollection } from '@quartiersnetz/plugin-kit/targets'
import type { Access, CollectionSlug } from 'payload'

/** A text in the admin's languages; a plain string is used for every language. */
export type LocalizedText = Record<string, string> | string

export type RatingDimension = {
  /** Field name in code, e.g. `financialEffort`. Letters and digits, starting with a letter. */
  key: string
  /** The dimension's name, e.g. { de: 'Finanzieller Aufwand', en: 'Financial effort' }. */
  label: LocalizedText
  /** What the lowest value means, e.g. "ist mit geringen Kosten verbunden". */
  low: LocalizedText
  /** What the highest value means, e.g. "ist sehr kostenintensiv". */
  high: LocalizedText
}

/** A filter of the finder by a relationship of the rated documents, e.g. by Handlungsfeld. */
export type FinderFilter = {
  /** The collection the relationship points to, e.g. `fields-of-action`. */
  collection: CollectionSlug
  /** The relationship field of every rated collection, e.g. `fieldsOfAction` (hasMany or not). */
  field: string
  /** A label for messages about the parameter. @default the collection's singular label */
  label?: LocalizedText
  /** The query parameter, e.g. `fieldOfAction` for `?fieldOfAction=<slug-or-id>`. */
  name: string
  /**
   * The field of that collection that names a document in URLs.
   * @default 'slug'
   */
  slugField?: string
}

export type RatingsPluginOptions = {
  /**
   * Who may list ratings in the admin, delete abusive ones and lock ratings of a document.
   * @default any signed-in user of the admin
   */
  canModerate?: Access
  /**
   * The collections whose documents visitors rate, e.g. `['modules']`; an entry may name the
   * field that names its documents in the admin's lists: `{ slug: 'modules', titleField: 'title' }`.
   * @default titleField: the collection's `admin.useAsTitle`
   */
  collections: (CollectionSlug | Omit<TargetCollection, 'publicUrl'>)[]
  /** The dimensions every rating may have a value on (at least one). */
  dimensions: RatingDimension[]
  /**
   * Keep the collections and fields (schema stays stable) but refuse new ratings and skip the
   * summary on reads.
   * @default false
   */
  disabled?: boolean
  /**
   * A field of the target documents holding an editorial assessment on the same dimensions
   * (a group with one number per dimension key); the admin panel shows it beside the visitors' mean.
   * @default undefined
   */
  editorialAssessmentField?: string
  /**
   * Filters of the finder by relationships besides the profile, each a query parameter that
   * takes a slug or an id of a published document, e.g.
   * `[{ name: 'fieldOfAction', field: 'fieldsOfAction', collection: 'fields-of-action' }]`
   * for `?fieldOfAction=wohnen`; `?facets=true` counts the matching documents per value.
   * @default []
   */
  finderFilters?: FinderFilter[]
  /**
   * Secret for hashing visitor tokens and client addresses. Nothing is stored in clear.
   * @default the Payload secret
   */
  hashSecret?: string
  /**
   * Ratings one client (by salted hash of its address) may send per hour, over all documents.
   * 0 switches the limit off.
   * @default 120
   */
  maxRatingsPerClientPerHour?: number
  /**
   * Only published documents can be rated (for collections with drafts).
   * @default true
   */
  requirePublished?: boolean
  /**
   * The scale of every dimension.
   * @default { max: 5, min: 1 }
   */
  scale?: { max: number; min: number }
  /**
   * Queue of the hourly erasure of client-address hashes past the hourly limit (the host must
   * run it with schedules).
   * @default 'default'
   */
  scheduleQueue?: string
  /**
   * Slugs of the collections the plugin adds.
   * @default { ratings: 'ratings', summaries: 'rating-summaries' }
   */
  slugs?: { ratings?: string; summaries?: string }
  /**
   * Changes to the collections the plugin adds (admin group, labels, access, hooks; fields as a
   * function of the plugin's), as Payload's plugin-search and plugin-redirects take them.
   * @default {}
   */
  overrides?: { ratings?: CollectionOverride; summaries?: CollectionOverride }
  /**
   * Name of the cookie that carries the visitor's opaque token.
   * @default 'rating_visitor'
   */
  visitorCookieName?: string
}

export type ResolvedFinderFilter = Required<Omit<FinderFilter, 'label'>> & { label?: LocalizedText }

/** Options with every default applied. */
export type ResolvedRatingsOptions = Required<
  Omit<
    RatingsPluginOptions,
    'collections' | 'editorialAssessmentField' | 'finderFilters' | 'hashSecret' | 'slugs'
  >
> & {
  /** The slugs of the rated collections. */
  collections: CollectionSlug[]
  editorialAssessmentField?: string
  finderFilters: ResolvedFinderFilter[]
  hashSecret?: string
  slugs: { ratings: string; summaries: string }
  /** The rated collections with their settings. */
  targets: TargetCollection[]
}

/** The aggregate of one dimension, as the API returns it with a document. */
export type DimensionSummary = {
  count: number
  /** How many ratings gave each value, from scale.min to scale.max. */
  distribution: number[]
  /** What the highest value means, in the request's language. */
  high: string
  label: string
  /** The pole the mean is closer to: 'low', 'high', or 'balanced' in the middle. */
  lean: 'balanced' | 'high' | 'low' | null
  leanLabel: null | string
  /** What the lowest value means, in the request's language. */
  low: string
  mean: null | number
}

/** What a rated document carries as `ratingSummary` in the API. */
export type RatingSummary = {
  dimensions: Record<string, DimensionSummary>
  isLocked: boolean
  raterCount: number
  /** The scale of every dimension, so a client can draw it without knowing the dimensions. */
  scale: { max: number; min: number }
  /** e.g. "Dieser Eintrag wurde bisher von 3 Nutzerinnen und Nutzern bewertet." */
  text: string
}
