import type { PayloadRequest } from 'payload'

export type JsonBodyResult =
  | { error: 'empty' | 'invalid-json' | 'too-large'; ok: false }
  | { ok: true; value: unknown }

/**
 * Reads a small JSON body with a hard size limit (checked on the declared length and on what
 * actually arrives), so a public endpoint never buffers more than it needs.
 */
export const readJsonBody = async (req: PayloadRequest, maxBytes: number): Promise<JsonBodyResult> => {
  const declared = Number(req.headers.get('content-length') ?? 'NaN')
  if (Number.isFinite(declared) && declared > maxBytes) {
    return { error: 'too-large', ok: false }
  }
  if (!req.text) {
    return { error: 'empty', ok: false }
  }
  const text = await req.text()
  if (Buffer.byteLength(text) > maxBytes) {
    return { error: 'too-large', ok: false }
  }
  if (!text.trim()) {
    return { error: 'empty', ok: false }
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch {
    return { error: 'invalid-json', ok: false }
  }
}
