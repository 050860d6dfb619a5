/**
 * Builds the search index of the bench database (its data set is written with SQL, past the
 * hooks that keep the index): `node --import tsx bench/searchIndex.ts` with DATABASE_URL set.
 * Prints `search index: <n> published documents`.
 */
import { getPayload } from 'payload'

import config from '../payload.config'
import { reindexSearch } from '../src/search'

const payload = await getPayload({ config })
const count = await reindexSearch(payload)
console.info(`search index: ${count} published documents`)
await payload.destroy()
process.exit(0)
