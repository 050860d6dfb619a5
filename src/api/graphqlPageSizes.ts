import type { GraphQLFieldResolver, GraphQLSchema } from 'graphql'
import type { PayloadRequest } from 'payload'

import { isObjectType } from 'graphql'
import { APIError } from 'payload'

import { localize } from '../i18n/localize'
import { MAX_PUBLIC_PAGE_SIZE } from '../domain/pageSize'

type Args = { limit?: unknown; pagination?: unknown }

/**
 * A visitor's GraphQL list holds at most `MAX_PUBLIC_PAGE_SIZE` documents, as a REST list
 * (pageSizes.ts): `limit` above it, `limit: 0` or `pagination: false` are refused with the same
 * words, for the collections' lists and for a document's joins (`Projects(limit: 100000)`
 * answered every project). Signed-in users are not limited.
 */
export const withPublicPageSizes = (schema: GraphQLSchema): GraphQLSchema => {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) {
      continue
    }
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve as GraphQLFieldResolver<unknown, unknown, Args> | undefined
      if (!resolve || !field.args.some((arg) => arg.name === 'limit')) {
        continue
      }
      field.resolve = (source, args: Args, context, info) => {
        const { req } = context as { req?: PayloadRequest }
        const isTooLarge =
          args.pagination === false ||
          (typeof args.limit === 'number' &&
            (args.limit === 0 || args.limit > MAX_PUBLIC_PAGE_SIZE))
        if (isTooLarge && !req?.user) {
          throw new APIError(
            localize(req, {
              de: `Eine Seite enthält höchstens ${MAX_PUBLIC_PAGE_SIZE} Einträge (limit von 1 bis ${MAX_PUBLIC_PAGE_SIZE}, pagination nicht false); die weiteren erhalten Sie mit page: 2, 3 usw. Alle Termine auf einmal liefert der Kalender-Feed (/api/events/feed.ics).`,
              en: `A page holds at most ${MAX_PUBLIC_PAGE_SIZE} entries (limit from 1 to ${MAX_PUBLIC_PAGE_SIZE}, pagination not false); get the others with page: 2, 3 and so on. The calendar feed (/api/events/feed.ics) has every date at once.`,
            }),
            400,
            undefined,
            true,
          )
        }
        return resolve(source, args, context, info)
      }
    }
  }
  return schema
}
