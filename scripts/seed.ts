/**
 * `npm run seed`: writes the demo content (idempotent) into the configured database, the
 * embedded one unless DATABASE_URL is set, after applying pending migrations.
 */
import { getPayload } from 'payload'

import { closePool, poolOf } from '../src/db/closePool'
import { committedMigrations } from '../src/db/committedMigrations'
import { prepareEnvironment } from '../src/runtime/prepareEnvironment'

const main = async () => {
  const { stopDatabase } = await prepareEnvironment({
    isProduction: process.env.NODE_ENV === 'production',
    log: (message) => console.info(message),
  })
  try {
    process.env.DISABLE_PAYLOAD_HMR = 'true'
    const { default: config } = await import('../payload.config')
    const payload = await getPayload({ config })
    try {
      await payload.db.migrate({ migrations: committedMigrations })
      const { seed } = await import('../src/seed')
      await seed({ log: (message) => console.info(message), payload })
    } finally {
      await payload.destroy()
      await closePool(poolOf(payload))
    }
  } finally {
    await stopDatabase()
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err)
    process.exit(1)
  },
)
