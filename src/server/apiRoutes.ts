/**
 * Routes Payload offers for every collection whether or not the collection has the feature,
 * and answers with a 500 or a 501 when it hasn't: versions of a collection without versions,
 * e-mail verification when users aren't verified, files that aren't on disk, collections with
 * no endpoints at all (payload-migrations). For a client these addresses simply don't exist:
 * 404, in its language, before Payload runs.
 */
import type { RequestHandler } from 'express'
import type { Payload } from 'payload'

import fs from 'node:fs/promises'
import path from 'node:path'

import { hasBody } from './apiInput'
import { decodeSegment } from './routePattern'
import { sendError } from './sendError'

export const refuseUnavailableRoutes = ({ payload }: { payload: Payload }): RequestHandler => {
  const apiPrefix = `${payload.config.routes.api}/`
  const collections = new Map<string, (typeof payload.config.collections)[number]>(
    payload.config.collections.map((collection) => [collection.slug, collection]),
  )
  return async (req, res, next) => {
    if (!req.path.startsWith(apiPrefix)) {
      next()
      return
    }
    const segments = req.path.slice(apiPrefix.length).replace(/\/$/, '').split('/')
    const [slug = '', feature, name] = segments
    const collection = collections.get(slug)
    if (!collection) {
      next()
      return
    }
    // A create (POST /api/<slug>) or an update (PATCH /api/<slug>[/<id>]) without a body has
    // nothing to write: Payload would fail on the missing data (500) or report "0 updated".
    const isWrite =
      (req.method === 'POST' && segments.length === 1) ||
      ((req.method === 'PATCH' || req.method === 'PUT') && segments.length <= 2)
    if (isWrite && !hasBody(req)) {
      res.setHeader('Cache-Control', 'no-store')
      sendError(req, res, 400, {
        de: 'Die Anfrage enthält keine Felder: Senden Sie sie als JSON-Objekt (Content-Type: application/json), Dateien als multipart/form-data.',
        en: 'The request has no fields: send them as a JSON object (Content-Type: application/json), files as multipart/form-data.',
      })
      return
    }
    const notFound = (de: string, en: string) => {
      res.setHeader('Cache-Control', 'no-store')
      sendError(req, res, 404, { de, en })
    }
    if (collection.endpoints === false) {
      notFound(
        `Die Sammlung „${slug}“ ist über die API nicht erreichbar.`,
        `The collection "${slug}" is not available through the API.`,
      )
      return
    }
    if (slug === 'payload-preferences' && req.method === 'DELETE') {
      // Payload 3.90's delete of a preference builds invalid SQL on PostgreSQL (a 500 for any
      // key); the admin never deletes preferences, it overwrites them.
      res.setHeader('Allow', 'GET, POST')
      res.setHeader('Cache-Control', 'no-store')
      sendError(req, res, 405, {
        de: 'Einstellungen werden überschrieben, nicht gelöscht.',
        en: 'Preferences are overwritten, not deleted.',
      })
      return
    }
    if (feature === 'versions' && !collection.versions) {
      notFound(
        `Die Sammlung „${slug}“ hat keine Versionen.`,
        `The collection "${slug}" has no versions.`,
      )
      return
    }
    if (feature === 'verify' && collection.auth && !collection.auth.verify) {
      notFound(
        'Für diese Benutzerkonten gibt es keine Bestätigung der E-Mail-Adresse.',
        'These accounts have no e-mail verification.',
      )
      return
    }
    if (
      feature === 'file' &&
      name &&
      collection.upload &&
      (req.method === 'GET' || req.method === 'HEAD')
    ) {
      const staticDir = path.resolve(collection.upload.staticDir || slug)
      const file = path.resolve(staticDir, decodeSegment(name))
      const isThere =
        file.startsWith(staticDir + path.sep) &&
        (await fs.stat(file).then(
          (stats) => stats.isFile(),
          (err: NodeJS.ErrnoException) => {
            if (err.code === 'ENOENT' || err.code === 'ENOTDIR') {
              return false
            }
            throw err
          },
        ))
      if (!isThere) {
        notFound('Diese Datei gibt es nicht.', 'There is no such file.')
        return
      }
    }
    next()
  }
}
