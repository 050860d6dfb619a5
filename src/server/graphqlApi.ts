/**
 * Payload's GraphQL API served by express itself, as payloadApi.ts serves its REST API: the
 * same steps as the handler of Next's GraphQL route (@payloadcms/next, routes/graphql/handler),
 * with Payload's framework-free parts (its request, the schema `configToSchema` builds from the
 * config, its validation rules with the depth and complexity limits, graphql-http), so a query
 * no longer passes through Next's router, its request/response adapters and its web streams.
 * The schema is built once, on the first query; a query reads only the fields it asks for
 * (graphqlSelect.ts), a visitor's page holds at most 100 documents (graphqlPageSizes.ts). Errors are said as Payload's handler says them
 * (its `afterError` hooks included) and logged as the error they wrap; the caller translates
 * them (inClientLanguage.ts).
 */
import type { PayloadRequest, SanitizedConfig } from 'payload'

import { configToSchema } from '@payloadcms/graphql'
import { type GraphQLError } from 'graphql'
import { createHandler } from 'graphql-http/lib/use/fetch'
import {
  addDataAndFileToRequest,
  addLocalesToRequestFromData,
  createPayloadRequest,
  headersWithCors,
  logError,
  mergeHeaders,
  unlinkClientUploadTempFile,
} from 'payload'

import { withPublicPageSizes } from '../api/graphqlPageSizes'
import { markErrorFree } from '../api/graphqlRefusals'
import { withStoredRelationOrder } from '../api/graphqlRelationOrder'
import { withSelectByDefault } from '../api/graphqlSelect'
import { withKnownTypeNames } from '../api/knownTypeNames'

type Schema = ReturnType<typeof configToSchema>

type ErrorWithStatus = GraphQLError & {
  originalError?: (Error & { data?: unknown; status?: number }) | null
}

/** An error as Payload's handler formats it: details of a 500 only with `debug`. */
const formatError = async (err: ErrorWithStatus, req: PayloadRequest) => {
  const { payload } = req
  const status = err.originalError?.status || 500
  // Logged as the error it wraps, so that Payload's `loggingLevels` apply as on REST (a refusal
  // such as an APIError with 400 at info, not every GraphQLError at error).
  logError({ err: err.originalError ?? err, payload })
  let formatted: Record<string, unknown> = {
    extensions: {
      data: err.originalError?.data || undefined,
      name: err.originalError?.name || undefined,
      stack: payload.config.debug ? err.stack : undefined,
      statusCode: status,
    },
    locations: err.locations,
    message: !payload.config.debug && status === 500 ? 'Something went wrong.' : err.message,
    path: err.path,
  }
  for (const hook of payload.config.hooks.afterError ?? []) {
    const result = await hook({
      context: req.context,
      error: err,
      graphqlResult: formatted,
      req,
    } as never)
    if (result?.graphqlResult) {
      formatted = result.graphqlResult as unknown as Record<string, unknown>
    }
  }
  return formatted
}

const schemas = new WeakMap<SanitizedConfig, Schema>()

/**
 * The schema Payload's handler answers with, built once per config on first use (the HTTP
 * cache's answers from kept documents validate against it too: keptGraphql.ts).
 */
export const graphqlSchemaOf = (config: SanitizedConfig): Schema => {
  let schema = schemas.get(config)
  if (!schema) {
    const built = configToSchema(config)
    schema = {
      ...built,
      schema: withPublicPageSizes(withSelectByDefault(withStoredRelationOrder(built.schema))),
    }
    schemas.set(config, schema)
  }
  return schema
}

/** `POST /api/graphql` as a Fetch handler (the request's body is read once here, once by graphql-http). */
export const graphqlHandler = (config: SanitizedConfig) => {
  const schemaOf = () => graphqlSchemaOf(config)

  return async (request: Request): Promise<Response> => {
    const original = request.clone()
    const req = await createPayloadRequest({ canSetHeaders: true, config, request })
    if (config.graphQL?.disable) {
      return new Response(null, { status: 404 })
    }
    try {
      await addDataAndFileToRequest(req)
      addLocalesToRequestFromData(req)
      const { schema: graphqlSchema, validationRules } = schemaOf()
      const headers: Record<string, string> = {}
      let isErrorFree = false
      const answer = await createHandler({
        context: { headers, req },
        onOperation: async (_request, args, result) => {
          const response =
            typeof req.payload.extensions === 'function'
              ? await req.payload.extensions({ args, req: _request, result } as never)
              : result
          if (!('errors' in response) || !response.errors) {
            isErrorFree = true
            return response
          }
          const errors = await Promise.all(
            (result as { errors?: readonly GraphQLError[] }).errors?.map((err) =>
              formatError(err as ErrorWithStatus, req),
            ) ?? [],
          )
          return { ...response, errors } as never
        },
        schema: graphqlSchema,
        validationRules: (_request, args, defaultRules) =>
          withKnownTypeNames(defaultRules).concat(validationRules(args)),
      })(original)
      const answerHeaders = headersWithCors({ headers: new Headers(answer.headers), req })
      for (const [name, value] of Object.entries(headers)) {
        answerHeaders.append(name, value)
      }
      const response = new Response(answer.body, {
        headers: req.responseHeaders
          ? mergeHeaders(req.responseHeaders, answerHeaders)
          : answerHeaders,
        status: answer.status,
      })
      // Its wrappers (payloadApi.ts) needn't read it for errors.
      return isErrorFree && answer.status === 200 ? markErrorFree(response) : response
    } finally {
      // GraphQL reads the body itself, so an upload's temporary file is removed here.
      await unlinkClientUploadTempFile({ req })
    }
  }
}
