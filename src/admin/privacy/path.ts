/** Where the view "Datenschutzanfragen" opens, below the admin route. */
export const PRIVACY_VIEW_PATH = '/datenschutzanfragen'

/** The log of the requests, whose endpoints the view calls. */
export const PRIVACY_REQUESTS_SLUG = 'privacy-requests' as const
