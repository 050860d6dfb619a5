/**
 * A document's address with something that can't be its id (`/api/modules/stadtteilkonferenz`,
 * `POST /api/modules/stadtteilkonferenz/ratings`: ids are numbers here) is answered 404 before
 * Payload runs, naming how to find the document by its slug. Payload would answer 400 "a value
 * the database doesn't take" and the plugins "Eintrag nicht gefunden", which leave a webmaster
 * who tried the slug the widgets accept guessing.
 *
 * The endpoint is looked up as Payload's `handleEndpoints` does (the collection's endpoints in
 * their order, the first whose method and path match), so `/count`, `/versions` or
 * `/catalogue` are never taken for an id; only an `:id` parameter of a collection whose ids are
 * numbers is checked.
 */
import type { RequestHandler } from 'express'
import type { Payload } from 'payload'

import { effectiveMethod, endpointRoutesOf } from './allowedMethods'
import { decodeSegment } from './routePattern'
import { sendError } from './sendError'

/** What Payload reads as a number id (`parseDocumentID`): anything else never finds a document. */
const isNumberLike = (id: string) => id.trim() !== '' && Number.isFinite(Number(id))

export const refuseImpossibleIds = ({ payload }: { payload: Payload }): RequestHandler => {
  const apiRoute = payload.config.routes.api
  const routesFor = endpointRoutesOf(payload.config)
  /** The collections whose ids are numbers. */
  const collections = new Map<string, { hasSlug: boolean; label: { de: string; en: string } }>()
  for (const collection of payload.config.collections) {
    const idType = payload.collections[collection.slug]?.customIDType ?? payload.db.defaultIDType
    if (idType !== 'number' || !collection.endpoints) {
      continue
    }
    const plural = collection.labels?.plural
    const name = (language: 'de' | 'en') =>
      typeof plural === 'string'
        ? plural
        : plural && typeof plural === 'object'
          ? String((plural as Record<string, string>)[language] ?? collection.slug)
          : collection.slug
    collections.set(collection.slug, {
      hasSlug: collection.flattenedFields.some((field) => field.name === 'slug'),
      label: { de: name('de'), en: name('en') },
    })
  }
  const apiPrefix = `${apiRoute}/`
  return (req, res, next) => {
    if (!req.path.startsWith(apiPrefix)) {
      next()
      return
    }
    const [slug = '', ...rest] = req.path.slice(apiPrefix.length).split('/')
    const collection = collections.get(slug)
    if (!collection) {
      next()
      return
    }
    const method = effectiveMethod(req.method, (name) => req.get(name))
    const route = (routesFor(req.path) || []).find(
      (candidate) => candidate.method === method && candidate.pattern.test(req.path),
    )
    const id =
      route?.idSegment === undefined ? undefined : decodeSegment(rest[route.idSegment] ?? '')
    if (id === undefined || isNumberLike(id)) {
      next()
      return
    }
    const query = `${apiRoute}/${slug}?where[slug][equals]=${encodeURIComponent(id)}`
    res.setHeader('Cache-Control', 'no-store')
    sendError(req, res, 404, {
      de: `Unter „${id}“ gibt es keinen Eintrag: Die IDs von „${collection.label.de}“ sind Zahlen.${collection.hasSlug ? ` Nach dem Kurznamen finden Sie ihn mit ${query}.` : ''}`,
      en: `There is no entry at "${id}": the ids of "${collection.label.en}" are numbers.${collection.hasSlug ? ` Find it by its slug with ${query}.` : ''}`,
    })
  }
}
