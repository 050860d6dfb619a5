/**
 * The panel's calls to the REST API: as the signed-in user (cookie), in the admin's language,
 * JSON both ways. An answer counts as failed when its status or its body says so (Payload
 * answers some refusals with 200 and `errors`).
 */

type ErrorBody = { errors?: { data?: { errors?: { message?: string }[] }; message?: string }[] }

export type Answer = { body: unknown; isOk: boolean; response: Response }

export type Send = (url: string, init?: { body?: unknown; method?: string }) => Promise<Answer>

/** Every message of an error answer, Payload's field errors included. */
export const messageOf = (body: unknown, fallback: string) => {
  const errors = (body as ErrorBody | null)?.errors ?? []
  const texts = errors
    .flatMap((error) => [
      error.message,
      ...(error.data?.errors ?? []).map((detail) => detail.message),
    ])
    .filter((text): text is string => Boolean(text))
  return [...new Set(texts)].join(' ') || fallback
}

const hasErrors = (body: unknown) => Boolean((body as ErrorBody | null)?.errors?.length)

export const fileNameOf = (response: Response, fallback: string) =>
  /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? fallback

export const sendIn =
  (language: string): Send =>
  async (url, init = {}) => {
    const response = await fetch(url, {
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      credentials: 'include',
      headers: {
        Accept: 'application/json',
        'Accept-Language': language,
        ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      method: init.method ?? 'GET',
    })
    const body: unknown = await response.json().catch(() => null)
    return { body, isOk: response.ok && !hasErrors(body), response }
  }
