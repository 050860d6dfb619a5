/**
 * The validators of a cacheable answer: an ETag (a hash of the body) and
 * `Cache-Control: public, max-age=0, must-revalidate`, so clients and proxies keep the answer
 * but ask again every time, and a 304 when their `If-None-Match` still matches.
 */
import type { Response } from 'express'

import crypto from 'node:crypto'

export const PUBLIC_CACHE_CONTROL = 'public, max-age=0, must-revalidate'

/**
 * A weak ETag (a hash of the uncompressed body): the answer goes out gzip-compressed or not,
 * depending on the client (index.ts), and a weak validator names the content, not the bytes,
 * so one ETag validates both. (If-None-Match compares weakly anyway.)
 */
export const etagOf = (body: Buffer) =>
  `W/"${crypto.createHash('sha1').update(body).digest('base64url')}"`

const opaqueOf = (tag: string) => (tag.startsWith('W/') ? tag.slice(2) : tag)

/**
 * Whether an `If-None-Match` header matches the current ETag, as RFC 9110 (13.1.2) has it for
 * GET and HEAD: `*` matches any current answer; otherwise any tag of the list, compared weakly
 * (`W/` on either side ignored), so a proxy or CDN that weakened a strong tag (it compressed the
 * answer) still gets its 304. Tags are read as quoted strings, which may contain commas.
 */
export const matchesEtag = (header: null | string | undefined, etag: string) => {
  if (!header) {
    return false
  }
  if (header.trim() === '*') {
    return true
  }
  const opaque = opaqueOf(etag)
  return [...header.matchAll(/(?:W\/)?("[^"]*")/g)].some(([, tag]) => tag === opaque)
}

/**
 * `X-Cache` says whether the answer came from memory (`hit`) or from Payload (`miss`). An answer
 * to a POST (a GraphQL query) is for the server's memory only: HTTP caches get no instructions.
 */
export const setValidators = (
  res: Response,
  etag: string,
  state: 'hit' | 'miss',
  { isGet }: { isGet: boolean } = { isGet: true },
) => {
  res.setHeader('ETag', etag)
  if (isGet) {
    res.setHeader('Cache-Control', PUBLIC_CACHE_CONTROL)
  }
  res.vary('Origin')
  res.vary('Accept-Language')
  // Kept answers go out gzip-compressed to clients that accept it (index.ts).
  res.vary('Accept-Encoding')
  res.setHeader('X-Cache', state)
}

export const notModified = (res: Response) => {
  res.removeHeader('Content-Type')
  res.removeHeader('Content-Length')
  res.statusCode = 304
  res.end()
}
