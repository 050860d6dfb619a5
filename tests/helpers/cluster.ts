/** Connection helpers for the test cluster (embedded, or the server TEST_DATABASE_URL names). */
import pg from 'pg'

/** The URL of `database` on the same server as `baseUrl`. */
export const databaseUrl = (baseUrl: string, database: string): string => {
  const url = new URL(baseUrl)
  url.pathname = `/${database}`
  return url.toString()
}

export const withClient = async <T>(
  url: string,
  run: (client: pg.Client) => Promise<T>,
): Promise<T> => {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await run(client)
  } finally {
    await client.end()
  }
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`

export const createDatabase = async (adminUrl: string, name: string, template?: string) =>
  withClient(adminUrl, (client) =>
    client.query(`CREATE DATABASE ${quote(name)}${template ? ` TEMPLATE ${quote(template)}` : ''}`),
  )

export const dropDatabase = async (adminUrl: string, name: string) =>
  withClient(adminUrl, (client) =>
    client.query(`DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`),
  )
