/**
 * The database work of the search and the method catalogue: at most this many statements at
 * once, the rest wait here (up to 30 s, then 503 with Retry-After through the error hook).
 * Both endpoints therefore declare `OWN_QUEUE` and pass the host's API gate: most of their
 * answers come from memory (memoryIndex.ts, the catalogue's kept facts) and need no
 * connection, so they should not wait behind other API reads, nor hold the gate's slots while
 * they catch up with the change notifications. Loading what is kept happens once at a time.
 */
import { createConcurrencyLimit } from '@quartiersnetz/plugin-kit/concurrencyLimit'

/** Half the default pool (10): searches that need the database leave the rest to other work. */
const CONCURRENT_STATEMENTS = 4
const MAX_WAIT_MS = 30_000

export const searchDatabaseLimit = createConcurrencyLimit(CONCURRENT_STATEMENTS, {
  maxWaitMs: MAX_WAIT_MS,
})
