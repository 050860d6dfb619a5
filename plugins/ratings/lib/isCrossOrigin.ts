import type { PayloadRequest } from 'payload'

/** The origin of a URL, or undefined for one that isn't a URL. */
const originOf = (url: string | undefined): string | undefined => {
  if (!url) {
    return undefined
  }
  try {
    return new URL(url).origin
  } catch {
    return undefined
  }
}

/**
 * Whether a browser sent the request from another site's page (a widget on a member city's
 * website): its Origin differs from the server's own (`serverURL`, else the request's URL).
 * Requests without an Origin (servers, curl) count as our own.
 */
export const isCrossOrigin = (req: PayloadRequest): boolean => {
  const origin = req.headers.get('origin')
  if (!origin) {
    return false
  }
  const own = originOf(req.payload.config.serverURL) ?? originOf(req.url)
  return origin !== own
}
