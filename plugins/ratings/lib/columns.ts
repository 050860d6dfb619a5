/** Payload's Postgres column naming: camelCase field names become snake_case. */
export const snakeCase = (value: string): string => value.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/-/g, '_').toLowerCase()

/** A Postgres table name for a collection slug, as the adapter names it. */
export const tableName = (slug: string): string => snakeCase(slug)
