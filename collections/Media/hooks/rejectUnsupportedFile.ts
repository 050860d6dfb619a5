import type { CollectionBeforeOperationHook } from 'payload'

import { APIError } from 'payload'

import { localize } from '../../../src/i18n/localize'

type RejectUnsupportedFileArgs = {
  /** What the message names as allowed, e.g. "JPEG, PNG, WebP, GIF, AVIF und PDF". */
  allowedLabel: { de: string; en: string }
  mimeTypes: string[]
}

/** The start of a text document with markup: SVG, XML or HTML, whatever name or type it claims. */
const MARKUP_START = /^\s*(<\?xml|<svg|<!doctype|<html|<!--)/i

/**
 * Payload refuses such files too, but only with "The following field is invalid: file".
 * This says why, before any processing, in the visitor's language.
 */
export const rejectUnsupportedFile =
  ({ allowedLabel, mimeTypes }: RejectUnsupportedFileArgs): CollectionBeforeOperationHook =>
  ({ operation, req }) => {
    const file = req.file
    if (!file || (operation !== 'create' && operation !== 'update')) {
      return
    }
    const head = (file.data ?? Buffer.alloc(0))
      .subarray(0, 512)
      .toString('utf8')
      .replace(/^\uFEFF/, '')
    const isMarkup =
      MARKUP_START.test(head) ||
      /\.(svgz?|xml|html?)$/i.test(file.name) ||
      /svg|xml|html/i.test(file.mimetype)
    if (isMarkup) {
      throw new APIError(
        localize(req, {
          de: `SVG-, XML- und HTML-Dateien sind nicht erlaubt, da sie Skripte enthalten können. Erlaubt sind ${allowedLabel.de}.`,
          en: `SVG, XML and HTML files are not allowed because they can contain scripts. Allowed are ${allowedLabel.en}.`,
        }),
        400,
        undefined,
        true,
      )
    }
    if (!mimeTypes.includes(file.mimetype)) {
      throw new APIError(
        localize(req, {
          de: `Dateityp ${file.mimetype || 'unbekannt'} ist nicht erlaubt. Erlaubt sind ${allowedLabel.de}.`,
          en: `File type ${file.mimetype || 'unknown'} is not allowed. Allowed are ${allowedLabel.en}.`,
        }),
        400,
        undefined,
        true,
      )
    }
  }
