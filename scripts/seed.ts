/**
 * `npm run seed`: writes the demo content (idempotent) after applying pending migrations.
 * It runs as a Payload bin script (`payload.config.ts` → `bin`) through scripts/payload.ts,
 * which starts the embedded PostgreSQL when DATABASE_URL is unset and stops it afterwards.
 */
import type { SanitizedConfig } from 'payload'

import { getPayload } from 'payload'

import { committedMigrations } from '../src/db/committedMigrations'
import { seed } from '../src/seed'

export const script = async (config: SanitizedConfig) => {
  try {
    const payload = await getPayload({ config })
    await payload.db.migrate({ migrations: committedMigrations })
    await seed({ log: (message) => payload.logger.info(message), payload })
  } catch (err) {
    console.error(err)
    // Payload's bin reports a failed script but exits 0; a failed seed must fail the command.
    process.exit(1)
  }
}
