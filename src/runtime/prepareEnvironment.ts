/**
 * Everything that must be true before the Payload config is imported: environment loaded,
 * a database URL (starting the embedded PostgreSQL when none is given) and a secret.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import pg from 'pg'

import { startEmbeddedPostgres } from '../db/embeddedPostgres'
import { dataDir, projectRoot } from './paths'

export type PreparedEnvironment = {
  /** Whether DATABASE_URL points at the embedded cluster this call started or reused. */
  isEmbedded: boolean
  /** Stops the embedded cluster if this call started it; a no-op otherwise. */
  stopDatabase: () => Promise<void>
}

type PrepareArgs = {
  isProduction: boolean
  log?: (message: string) => void
}

const EMBEDDED_DATABASE = 'quartiersnetz'

/** A setting is missing or wrong: the message says which and how to fix it. */
export class SettingsError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'SettingsError'
  }
}

const loadDotEnv = () => {
  const file = path.join(projectRoot, '.env')
  if (fs.existsSync(file)) {
    process.loadEnvFile(file)
  }
}

/** In development a secret is generated once and kept under .data/, so sessions survive restarts. */
const ensureSecret = ({ isProduction }: { isProduction: boolean }) => {
  if (process.env.PAYLOAD_SECRET) {
    if (isProduction && process.env.PAYLOAD_SECRET.length < 32) {
      throw new SettingsError(
        'PAYLOAD_SECRET ist zu kurz: in Produktion mindestens 32 Zeichen (z. B. `openssl rand -hex 32`).',
      )
    }
    return
  }
  if (isProduction) {
    throw new SettingsError(
      'PAYLOAD_SECRET fehlt. In Produktion muss PAYLOAD_SECRET gesetzt sein (mindestens 32 Zeichen, z. B. `openssl rand -hex 32`); siehe .env.example.',
    )
  }
  const file = path.join(dataDir(), 'payload-secret')
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true })
    fs.writeFileSync(file, crypto.randomBytes(32).toString('hex'), { mode: 0o600 })
  }
  process.env.PAYLOAD_SECRET = fs.readFileSync(file, 'utf8').trim()
}

const ensureDatabase = async ({ log }: { log: (message: string) => void }) => {
  if (process.env.DATABASE_URL) {
    return { isEmbedded: false, stopDatabase: async () => undefined }
  }
  const cluster = await startEmbeddedPostgres({ dataDir: path.join(dataDir(), 'postgres'), log })
  const client = new pg.Client({ connectionString: cluster.urlFor('postgres') })
  await client.connect()
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [
      EMBEDDED_DATABASE,
    ])
    if (!rowCount) {
      await client.query(`CREATE DATABASE ${EMBEDDED_DATABASE}`)
    }
  } finally {
    await client.end()
  }
  process.env.DATABASE_URL = cluster.urlFor(EMBEDDED_DATABASE)
  return { isEmbedded: true, stopDatabase: cluster.stop }
}

export const prepareEnvironment = async ({
  isProduction,
  log = () => undefined,
}: PrepareArgs): Promise<PreparedEnvironment> => {
  loadDotEnv()
  ensureSecret({ isProduction })
  return ensureDatabase({ log })
}
