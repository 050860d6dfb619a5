import type { GraphQLFieldResolver, GraphQLSchema } from 'graphql'

import { Kind } from 'graphql'

type Args = Record<string, unknown> & { select?: unknown }

/**
 * Payload reads only the fields a GraphQL query asks for when the query says `select: true`
 * (its collection, version and global queries take the argument; the related documents of a
 * relationship are read with the fields asked of them too); without it every field is read,
 * every join run and every relationship read whole, and then GraphQL throws away what wasn't
 * asked. The answer is the same either way, so a query that doesn't say is answered as with
 * `select: true`: a member site's list asking a few fields costs a fraction
 * (bench/optimisations.md). `select: false` reads everything, as before.
 *
 * Only for an operation with a single top-level field: Payload keeps the select of a query in
 * the request's context, which all top-level fields of one operation share, so with two of
 * them one field's relationships could be read with the other's fields. Such operations are
 * answered as Payload answers them (reading everything, unless they ask for select).
 */
export const withSelectByDefault = (schema: GraphQLSchema): GraphQLSchema => {
  const query = schema.getQueryType()
  for (const field of Object.values(query?.getFields() ?? {})) {
    const resolve = field.resolve as GraphQLFieldResolver<unknown, unknown, Args> | undefined
    if (!resolve || !field.args.some((arg) => arg.name === 'select')) {
      continue
    }
    field.resolve = (source, args: Args, context, info) => {
      const [only, ...more] = info.operation.selectionSet.selections
      const isAlone = !more.length && only?.kind === Kind.FIELD
      return resolve(
        source,
        isAlone && args.select === undefined ? { ...args, select: true } : args,
        context,
        info,
      )
    }
  }
  return schema
}
