import type { RequestHandler } from 'express'

import { sendError } from './sendError'

type BodyLimitsArgs = {
  jsonBodyMaxBytes: number
  uploadMaxBytes: number
}

/** Room for the multipart framing and the other form fields around an upload. */
export const MULTIPART_OVERHEAD_BYTES = 1024 * 1024

/**
 * Refuses oversized request bodies before they reach Next, from the declared length. Payload
 * reads the raw body itself, so no body parser runs here; a body without a declared length is
 * accepted only as multipart (busboy enforces the upload limit while streaming).
 */
export const bodyLimits =
  ({ jsonBodyMaxBytes, uploadMaxBytes }: BodyLimitsArgs): RequestHandler =>
  (req, res, next) => {
    const declared = req.headers['content-length']
    const isMultipart = (req.headers['content-type'] ?? '')
      .toLowerCase()
      .startsWith('multipart/form-data')
    const limit = isMultipart ? uploadMaxBytes + MULTIPART_OVERHEAD_BYTES : jsonBodyMaxBytes
    if (declared === undefined) {
      if (req.headers['transfer-encoding'] && !isMultipart) {
        sendError(req, res, 411, {
          de: 'Anfragen mit Inhalt brauchen eine Content-Length-Angabe.',
          en: 'Requests with a body need a Content-Length header.',
        })
        return
      }
      next()
      return
    }
    const length = Number(declared)
    if (!Number.isSafeInteger(length) || length < 0) {
      sendError(req, res, 400, {
        de: 'Ungültige Content-Length-Angabe.',
        en: 'Invalid Content-Length header.',
      })
      return
    }
    if (length > limit) {
      const megabytes = (limit / 1024 / 1024).toFixed(1)
      sendError(req, res, 413, {
        de: `Die Anfrage ist zu groß (höchstens ${megabytes} MB).`,
        en: `The request is too large (at most ${megabytes} MB).`,
      })
      return
    }
    next()
  }
