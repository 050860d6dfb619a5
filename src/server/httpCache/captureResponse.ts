import type { Response } from 'express'

type Capture = (args: { body: Buffer; status: number }) => void

/**
 * Holds back what Next writes (writeHead, write, end) until the answer is complete, so its
 * ETag can go into the headers; then `onComplete` sends it (or a 304). An answer larger than
 * `maxBytes` is let through as it comes, and so is one whose headers were passed to writeHead
 * (they can't be read back to be kept).
 */
export const captureResponse = (
  res: Response,
  { maxBytes, onComplete }: { maxBytes: number; onComplete: Capture },
) => {
  const original = {
    end: res.end as (this: Response, callback?: () => void) => Response,
    flushHeaders: res.flushHeaders,
    write: res.write as (this: Response, chunk: Buffer) => boolean,
    writeHead: res.writeHead,
  }
  const chunks: Buffer[] = []
  let size = 0
  let writeHeadArgs: Parameters<Response['writeHead']> | undefined

  const restore = () => {
    res.end = original.end as Response['end']
    res.flushHeaders = original.flushHeaders
    res.write = original.write as Response['write']
    res.writeHead = original.writeHead
  }
  const toBuffer = (chunk: unknown, encoding?: unknown): Buffer =>
    Buffer.isBuffer(chunk)
      ? chunk
      : typeof chunk === 'string'
        ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')
        : Buffer.from(chunk as Uint8Array)
  /** Gives up holding back: sends what came so far and lets the rest stream. */
  const letThrough = () => {
    restore()
    if (writeHeadArgs) {
      original.writeHead.apply(res, writeHeadArgs)
    }
    for (const chunk of chunks) {
      original.write.call(res, chunk)
    }
  }

  res.writeHead = function writeHead(this: Response, ...args: Parameters<Response['writeHead']>) {
    writeHeadArgs = args
    return this
  } as Response['writeHead']
  res.flushHeaders = () => undefined
  res.write = function write(
    this: Response,
    chunk: unknown,
    encoding?: unknown,
    callback?: unknown,
  ) {
    const done = typeof encoding === 'function' ? encoding : callback
    if (chunk !== undefined && chunk !== null) {
      const buffer = toBuffer(chunk, encoding)
      chunks.push(buffer)
      size += buffer.length
    }
    if (size > maxBytes) {
      letThrough()
    }
    if (typeof done === 'function') {
      process.nextTick(done as () => void)
    }
    return true
  } as Response['write']
  res.end = function end(this: Response, chunk?: unknown, encoding?: unknown, callback?: unknown) {
    const done =
      typeof chunk === 'function' ? chunk : typeof encoding === 'function' ? encoding : callback
    if (chunk !== undefined && chunk !== null && typeof chunk !== 'function') {
      const buffer = toBuffer(chunk, encoding)
      chunks.push(buffer)
      size += buffer.length
    }
    // Headers passed to writeHead are not readable back: such an answer is not kept.
    const hasHeadersInWriteHead = writeHeadArgs?.some(
      (arg) => typeof arg === 'object' && arg !== null,
    )
    if (hasHeadersInWriteHead || size > maxBytes) {
      letThrough()
      return original.end.call(this, typeof done === 'function' ? (done as () => void) : undefined)
    }
    restore()
    const status = typeof writeHeadArgs?.[0] === 'number' ? writeHeadArgs[0] : res.statusCode
    onComplete({ body: Buffer.concat(chunks, size), status })
    if (typeof done === 'function') {
      res.once('finish', done as () => void)
    }
    return this
  } as Response['end']
}
