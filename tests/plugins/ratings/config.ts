/**
 * The ratings plugin on a host that is not this project: visitors rate working methods
 * ('methods') on two dimensions of the host's own, on a scale from 0 to 4, into collections the
 * host names ('method-votes', 'method-scores') and dresses up (`overrides`).
 */
import type {
  CollectionAfterDeleteHook,
  CollectionBeforeChangeHook,
  CollectionConfig,
  CollectionSlug,
} from 'payload'

import { type RatingsPluginOptions, ratingsPlugin } from '@quartiersnetz/plugin-ratings'
import { buildConfig } from 'payload'

import { type HostArgs, hostConfig, staff } from '../host'

export const METHODS = 'methods'

export const methods: CollectionConfig = {
  slug: METHODS,
  access: { read: () => true },
  admin: { useAsTitle: 'name' },
  fields: [
    { name: 'name', type: 'text', required: true },
    {
      // The editors' own view on the same dimensions, shown beside the visitors' mean.
      name: 'assessment',
      type: 'group',
      fields: [
        { name: 'effort', type: 'number' },
        { name: 'reach', type: 'number' },
      ],
    },
  ],
  labels: { plural: { de: 'Methoden', en: 'Methods' }, singular: { de: 'Methode', en: 'Method' } },
}

export const RATINGS_SLUGS = { ratings: 'method-votes', summaries: 'method-scores' } as const

/** The host's hook on the votes: runs beside the plugin's (it stamps the extra field). */
export const stampVote: CollectionBeforeChangeHook = ({ data }) => ({
  ...data,
  channel: 'host-hook',
})

/** The host's hook after a vote is deleted, appended after the plugin's (which fixes the summary). */
export const forgetVote: CollectionAfterDeleteHook = () => undefined

export const ratingsOptions: RatingsPluginOptions = {
  collections: [METHODS as CollectionSlug],
  dimensions: [
    {
      high: { de: 'hoch', en: 'high' },
      key: 'effort',
      label: { de: 'Aufwand', en: 'Effort' },
      low: { de: 'gering', en: 'low' },
    },
    { high: 'many people', key: 'reach', label: 'Reach', low: 'few people' },
  ],
  editorialAssessmentField: 'assessment',
  maxRatingsPerClientPerHour: 50,
  overrides: {
    ratings: {
      admin: { group: { de: 'Auswertung', en: 'Evaluation' } },
      fields: ({ defaultFields }) => [...defaultFields, { name: 'channel', type: 'text' }],
      hooks: { afterDelete: [forgetVote], beforeChange: [stampVote] },
      labels: { plural: { de: 'Stimmen', en: 'Votes' }, singular: { de: 'Stimme', en: 'Vote' } },
    },
    summaries: {
      admin: { group: { de: 'Auswertung', en: 'Evaluation' } },
      labels: {
        plural: { de: 'Methodenwerte', en: 'Method scores' },
        singular: { de: 'Methodenwert', en: 'Method score' },
      },
    },
  },
  scale: { max: 4, min: 0 },
  slugs: RATINGS_SLUGS,
  visitorCookieName: 'method_voter',
}

export const ratingsTestConfig = ({
  disabled = false,
  ...host
}: HostArgs & { disabled?: boolean } = {}) =>
  buildConfig({
    ...hostConfig(host),
    collections: [staff, methods],
    plugins: [ratingsPlugin({ ...ratingsOptions, disabled })],
  })
