import type { de } from './de'

export const en: typeof de = {
  'plugin-ratings': {
    balanced: 'balanced',
    bodyTooLarge: 'The request is too large (at most {{max}} bytes).',
    documentLocked: 'Ratings for this entry are locked.',
    documentNotFound: 'Entry not found or not published.',
    editorial: 'Editors',
    emptyBody: 'Please send at least one rating, e.g. {"values": {"{{example}}": 4}}.',
    finderInvalid: 'Invalid filter: {{details}}',
    invalidJson: 'The body is not valid JSON.',
    lockedField: 'Lock ratings',
    lockedFieldDescription: 'Locked: visitors cannot rate this entry (any more).',
    mean: 'Mean',
    noRatings: 'No ratings yet.',
    panelTitle: 'Visitor ratings',
    raterCount: 'This entry has been rated by {{count}} users so far.',
    ratingsDisabled: 'Ratings are switched off at the moment.',
    ratingsPlural: 'Ratings',
    ratingsSingular: 'Rating',
    summariesPlural: 'Rating summaries',
    summariesSingular: 'Rating summary',
    tooManyRatings: 'Too many ratings from this connection. Please try again later.',
    unknownDimension: 'Unknown dimension "{{key}}". Allowed: {{allowed}}.',
    valueOutOfRange: '"{{key}}" needs a whole number from {{min}} to {{max}}.',
    visitors: 'Users',
  },
}
