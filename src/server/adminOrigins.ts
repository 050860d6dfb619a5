/**
 * The addresses under which the admin may be opened and still save. Payload takes the sign-in
 * cookie only from pages of the origins in its `csrf` list (SERVER_URL is always on it); a
 * page opened under any other name is signed in but every save fails with 403. In development
 * the server is reached as localhost, 127.0.0.1 or SERVER_URL alike, so all three are on the
 * list; in production only SERVER_URL and what ADMIN_ORIGINS adds.
 */

/** Local names of a development server, with the port it listens on. */
const localOrigins = (port: number) => [
  `http://localhost:${port}`,
  `http://127.0.0.1:${port}`,
  `http://[::1]:${port}`,
]

/** The origin (scheme://host[:port]) of a URL such as SERVER_URL, without path or slash. */
export const originOf = (url: string): string => new URL(url).origin

type AdminOriginsArgs = {
  /** ADMIN_ORIGINS: further addresses of the admin (an internal name, a second domain). */
  extra?: string[]
  isProduction: boolean
  port: number
  serverUrl: string
}

/** Payload's `csrf` list: the origins whose pages may send the sign-in cookie. */
export const adminOrigins = ({
  extra = [],
  isProduction,
  port,
  serverUrl,
}: AdminOriginsArgs): string[] => {
  const own = originOf(serverUrl)
  return [...new Set([own, ...extra, ...(isProduction ? [] : localOrigins(port))])]
}

/**
 * ADMIN_ORIGINS, comma-separated origins such as https://quartiersnetz.intern.example; a value
 * that is no origin stops the start with a message naming the variable.
 */
export const readAdminOrigins = (raw = process.env.ADMIN_ORIGINS ?? ''): string[] =>
  raw
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      let origin: string | undefined
      try {
        origin = originOf(entry)
      } catch {
        origin = undefined
      }
      if (!origin || origin !== entry.replace(/\/$/, '') || !/^https?:/.test(origin)) {
        throw new Error(
          `ADMIN_ORIGINS: "${entry}" ist keine Adresse der Form https://name[:port] (ohne Pfad).`,
        )
      }
      return origin
    })
