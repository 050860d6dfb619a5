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

/** Uploads a file to a collection (multipart, with `_payload`), as the admin does. */
export const uploadFile = async <T = Record<string, unknown>>(
  url: string,
  {
    content,
    data = { alt: 'Test' },
    filename,
    token,
    type,
  }: {
    content: Buffer | string
    data?: Record<string, unknown>
    filename: string
    token: string
    type: string
  },
): Promise<{ body: T; status: number }> => {
  const form = new FormData()
  form.append(
    'file',
    new Blob([typeof content === 'string' ? content : new Uint8Array(content)], { type }),
    filename,
  )
  form.append('_payload', JSON.stringify(data))
  const response = await fetch(url, {
    body: form,
    headers: { 'Accept-Language': 'de-DE', Authorization: `JWT ${token}` },
    method: 'POST',
  })
  return { body: (await response.json()) as T, status: response.status }
}
