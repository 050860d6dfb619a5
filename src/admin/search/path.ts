/** Where the view "Suche" opens, below the admin route. */
export const SEARCH_VIEW_PATH = '/suche'
