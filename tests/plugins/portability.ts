/**
 * Running a portability config for real: a database of its own on the test cluster (filled by
 * push), a Payload instance under its own cache key, and the REST API without Next through
 * Payload's `handleEndpoints`, with the client address header the host's server would set.
 */
import type { CollectionSlug, Field, SanitizedConfig, Where } from 'payload'

import crypto from 'node:crypto'

import { getPayload, handleEndpoints, type Payload } from 'payload'

import { closePool, poolOf } from '../../src/db/closePool'
import { createDatabase, databaseUrl, dropDatabase, withClient } from '../helpers/cluster'

/** What the host's server puts in `x-client-address` (a documentation address, RFC 5737). */
export const CLIENT_ADDRESS = '198.51.100.23'

export type ApiAnswer<T = Record<string, unknown>> = {
  body: T
  headers: Headers
  status: number
  text: string
}

export type RequestOptions = {
  body?: unknown
  headers?: Record<string, string>
  method?: 'DELETE' | 'GET' | 'PATCH' | 'POST'
  /** Leave out the client address header (a host that doesn't keep the contract). */
  withoutClientAddress?: boolean
}

export type RunningPlugin = {
  /** A request to `/api<path>`, as JSON unless the answer isn't. */
  api: <T = Record<string, unknown>>(
    path: string,
    options?: RequestOptions,
  ) => Promise<ApiAnswer<T>>
  config: SanitizedConfig
  databaseUrl: string
  payload: Payload
  stop: () => Promise<void>
}

const adminUrl = () => {
  const url = process.env.QN_TEST_ADMIN_URL
  if (!url) {
    throw new Error('tests/helpers/globalSetup.ts did not run: start the tests with vitest.')
  }
  return url
}

/** Starts `config` on a new, empty database (push creates its tables). Stop it in afterAll. */
export const startOnFreshDatabase = async ({
  build,
  name,
}: {
  build: (databaseUrl: string) => Promise<SanitizedConfig>
  name: string
}): Promise<RunningPlugin> => {
  const database = `qn_portability_${name.replace(/[^a-z0-9]/g, '_')}_${crypto.randomBytes(4).toString('hex')}`
  await createDatabase(adminUrl(), database)
  const url = databaseUrl(adminUrl(), database)
  let payload: Payload | undefined
  const stop = async () => {
    if (payload) {
      await payload.destroy()
      await closePool(poolOf(payload))
    }
    await dropDatabase(adminUrl(), database)
  }
  try {
    // Drizzle skips a push whose schema equals the previous push of this process (a module
    // variable), which a config with `disabled: true` beside the same config without it does.
    process.env.PAYLOAD_FORCE_DRIZZLE_PUSH = 'true'
    const config = await build(url)
    payload = await getPayload({ config, key: database })
    const api = async <T>(
      path: string,
      { body, headers = {}, method = 'GET', withoutClientAddress = false }: RequestOptions = {},
    ): Promise<ApiAnswer<T>> => {
      const request = new Request(`http://localhost/api${path}`, {
        body: body === undefined ? undefined : JSON.stringify(body),
        headers: {
          'accept-language': 'de',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(withoutClientAddress ? {} : { 'x-client-address': CLIENT_ADDRESS }),
          ...headers,
        },
        method,
      })
      const response = await handleEndpoints({ config, payloadInstanceCacheKey: database, request })
      const text = await response.text()
      let parsed: unknown = null
      try {
        parsed = text ? JSON.parse(text) : null
      } catch {
        parsed = null
      }
      return { body: parsed as T, headers: response.headers, status: response.status, text }
    }
    return { api, config, databaseUrl: url, payload, stop }
  } catch (err) {
    await stop()
    throw err
  }
}

/** Every field as `path:type`, through rows, collapsibles, groups, arrays and tabs: the shape of a collection. */
export const fieldTree = (fields: Field[], prefix = ''): string[] =>
  fields.flatMap((field) => {
    const path = 'name' in field && field.name ? `${prefix}${field.name}` : prefix
    const own = 'name' in field && field.name ? [`${path}:${field.type}`] : []
    const nested =
      field.type === 'tabs'
        ? field.tabs.flatMap((tab) =>
            fieldTree(tab.fields, 'name' in tab && tab.name ? `${prefix}${tab.name}.` : prefix),
          )
        : 'fields' in field
          ? fieldTree(field.fields, 'name' in field && field.name ? `${path}.` : prefix)
          : []
    return [...own, ...nested]
  })

/** The named fields of a collection's top level and below, without types. */
export const fieldNames = (fields: Field[]) =>
  fieldTree(fields).map((entry) => entry.split(':')[0]!)

/** The last field a collection was given (Payload appends its timestamps after every other field). */
export const lastOwnField = (fields: Field[]) =>
  fieldNames(fields)
    .filter((name) => name !== 'createdAt' && name !== 'updatedAt')
    .at(-1)

/** Tables and columns (with their types) of a database's public schema: what push made of a config. */
export const columnsOf = async (url: string): Promise<string[]> =>
  withClient(url, async (client) => {
    const { rows } = await client.query<{
      column_name: string
      table_name: string
      udt_name: string
    }>(
      `SELECT table_name, column_name, udt_name FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, column_name`,
    )
    return rows.map((row) => `${row.table_name}.${row.column_name}:${row.udt_name}`)
  })

/** Whether some prop of an admin component says that the plugin is switched off. */
export const saysDisabled = (props: Record<string, unknown> | undefined): boolean =>
  Object.entries(props ?? {}).some(([key, value]) => /disabled/i.test(key) && value === true)

/** A document made as the host's editors would (Local API), in a collection this project's types don't know. */
export const createDoc = async (
  payload: Payload,
  collection: string,
  data: Record<string, unknown>,
): Promise<{ id: number | string } & Record<string, unknown>> =>
  (await payload.create({
    collection: collection as CollectionSlug,
    data: data as never,
    overrideAccess: true,
  })) as unknown as { id: number | string } & Record<string, unknown>

export const findDocs = async (
  payload: Payload,
  collection: string,
  where: Where = {},
): Promise<Record<string, unknown>[]> =>
  (
    await payload.find({
      collection: collection as CollectionSlug,
      depth: 0,
      overrideAccess: true,
      pagination: false,
      where,
    })
  ).docs as unknown as Record<string, unknown>[]

export const countDocs = async (payload: Payload, collection: string): Promise<number> =>
  (await payload.count({ collection: collection as CollectionSlug, overrideAccess: true }))
    .totalDocs

/** A collection of a sanitised config by slug (fails the test when it is missing). */
export const collectionOf = (config: SanitizedConfig, slug: string) => {
  const collection = config.collections.find((each) => each.slug === slug)
  if (!collection) {
    throw new Error(
      `The config has no collection "${slug}" (it has ${config.collections.map((each) => each.slug).join(', ')}).`,
    )
  }
  return collection
}

/** The collection's endpoints as `METHOD path` (none when the host switched them off). */
export const endpointsOf = (config: SanitizedConfig, slug: string): string[] => {
  const { endpoints } = collectionOf(config, slug)
  return endpoints === false
    ? []
    : endpoints.map((endpoint) => `${endpoint.method.toUpperCase()} ${endpoint.path}`)
}

/** A named field anywhere in `fields` (through rows, collapsibles and tabs, not into groups). */
export const findField = (fields: Field[], name: string): Field | undefined => {
  for (const field of fields) {
    if ('name' in field && field.name === name) {
      return field
    }
    const nested =
      field.type === 'tabs'
        ? field.tabs.flatMap((tab) => ('name' in tab && tab.name ? [] : tab.fields))
        : !('name' in field) && 'fields' in field
          ? field.fields
          : []
    const found = findField(nested, name)
    if (found) {
      return found
    }
  }
  return undefined
}

/** The props a ui field hands its admin component (`admin.components.Field`). */
export const fieldComponentProps = (
  field: Field | undefined,
): Record<string, unknown> | undefined => {
  const component = field?.type === 'ui' ? field.admin.components?.Field : undefined
  return typeof component === 'object' && component !== null
    ? (component as { clientProps?: Record<string, unknown> }).clientProps
    : undefined
}
