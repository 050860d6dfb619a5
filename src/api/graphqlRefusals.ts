/**
 * Wraps Payload's GraphQL handler (ours and Next's route) so that a request whose operation can't
 * run at all answers 400. graphql-http answers a syntax or validation error, a variable of the
 * wrong type or an operation it can't pick (errors and no `data`) with 200 to clients that accept
 * `application/json`, the legacy behaviour of GraphQL over HTTP; a client, a proxy or a
 * website's error handling that goes by the status took such a refusal for an answer (user
 * test: `{ Modules { docs { gibtsnicht } } }` answered 200). GraphQL over HTTP asks for a 4xx
 * whenever `data` is missing; execution errors beside `data` (even `data: null`) stay 200, as
 * the spec asks, and the body stays as it was.
 */
type RouteHandler<Context> = (request: Request, context: Context) => Promise<Response>

/** Whether a GraphQL answer carries errors and no `data`: nothing was executed. */
const isRefusal = (text: string) => {
  // Most answers carry data and no errors; only those with errors are read.
  if (!text.includes('"errors"')) {
    return false
  }
  try {
    const body: unknown = JSON.parse(text)
    return body !== null && typeof body === 'object' && 'errors' in body && !('data' in body)
  } catch {
    return false
  }
}

/**
 * Answers whose operation ran without errors, as the handler that made them knows
 * (graphqlApi.ts): nothing in them to read for a refusal or a translation. Reading a 170 KB
 * answer as text and writing it anew cost ≈ 1 ms per wrapper (bench/optimisations.md).
 */
const errorFreeAnswers = new WeakSet<Response>()

/** Marks an answer whose operation ran without errors (see errorFreeAnswers). */
export const markErrorFree = (response: Response): Response => {
  errorFreeAnswers.add(response)
  return response
}

export const isErrorFree = (response: Response): boolean => errorFreeAnswers.has(response)

export const refusalsAsBadRequest =
  <Context>(handler: RouteHandler<Context>): RouteHandler<Context> =>
  async (request, context) => {
    const response = await handler(request, context)
    if (
      response.status !== 200 ||
      isErrorFree(response) ||
      !response.headers.get('content-type')?.includes('json')
    ) {
      return response
    }
    const text = await response.text()
    return isRefusal(text)
      ? new Response(text, { headers: response.headers, status: 400, statusText: 'Bad Request' })
      : new Response(text, response)
  }
