import type { RequestHandler } from 'express'

/**
 * Every 503 tells the client when to try again: whoever answers (Payload's error hook, a
 * plugin's queue, /readyz, Next), a 503 without Retry-After gets one here.
 */
export const retryAfterOn503 =
  ({ seconds }: { seconds: number }): RequestHandler =>
  (_req, res, next) => {
    const writeHead = res.writeHead
    res.writeHead = function (this: typeof res, ...args: Parameters<typeof writeHead>) {
      if (args[0] === 503 && !this.hasHeader('retry-after')) {
        this.setHeader('Retry-After', String(seconds))
      }
      return writeHead.apply(this, args)
    } as typeof writeHead
    next()
  }
