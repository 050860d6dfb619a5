/**
 * The Quartiersnetz mark: three houses of a neighbourhood, joined as a network, on a rounded
 * square. One SVG for the admin's icon, its logo and the browser tab (a data: URL, so nothing
 * is fetched from elsewhere and no font is needed).
 */
export const BRAND_COLOR = '#0f5e63'

export const MARK_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="14" fill="${BRAND_COLOR}"/><g stroke="#fff" stroke-width="3" stroke-linejoin="round"><path d="M17 24 47 24 32 47z" fill="none" stroke-opacity=".6"/><path d="M10 23l7-7 7 7v8H10zM40 23l7-7 7 7v8H40zM25 46l7-7 7 7v8H25z" fill="#fff"/></g></svg>`

export const MARK_DATA_URL = `data:image/svg+xml,${encodeURIComponent(MARK_SVG)}`
