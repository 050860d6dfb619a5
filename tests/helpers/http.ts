/** Small helpers for talking to the running server over real HTTP. */
export type JsonResponse<T = Record<string, unknown>> = {
  body: T
  headers: Headers
  status: number
}

export const requestJson = async <T = Record<string, unknown>>(
  url: string,
  {
    body,
    headers,
    method = 'GET',
    token,
  }: { body?: unknown; headers?: Record<string, string>; method?: string; token?: string } = {},
): Promise<JsonResponse<T>> => {
  const response = await fetch(url, {
    body: body === undefined ? undefined : JSON.stringify(body),
    headers: {
      'Accept-Language': 'de-DE',
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(token ? { Authorization: `JWT ${token}` } : {}),
      ...headers,
    },
    method,
  })
  const text = await response.text()
  let parsed: unknown = text
  try {
    parsed = text ? JSON.parse(text) : {}
  } catch {
    // Not JSON: keep the text so a failing assertion shows it.
  }
  return { body: parsed as T, headers: response.headers, status: response.status }
}

export const login = async (baseUrl: string, email: string, password: string): Promise<string> => {
  const { body, status } = await requestJson<{ token?: string }>(`${baseUrl}/api/users/login`, {
    body: { email, password },
    method: 'POST',
  })
  if (status !== 200 || !body.token) {
    throw new Error(`login of ${email} failed with ${status}: ${JSON.stringify(body)}`)
  }
  return body.token
}
