import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { postgresAdapter } from '@payloadcms/db-postgres'
import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { de } from '@payloadcms/translations/languages/de'
import { en } from '@payloadcms/translations/languages/en'
import nodemailer from 'nodemailer'
import { buildConfig } from 'payload'

import { Media } from './collections/Media'
import { Users } from './collections/Users/index'
import { createEmlFileTransport } from './src/email/emlFileTransport'
import { readSettings } from './src/runtime/settings'

const dirname = path.dirname(fileURLToPath(import.meta.url))
const settings = readSettings()

export default buildConfig({
  admin: {
    // No Gravatar: the admin makes no outbound calls.
    avatar: 'default',
    dateFormat: 'dd.MM.yyyy HH:mm',
    importMap: {
      baseDir: path.resolve(dirname),
    },
    meta: {
      titleSuffix: ' – Quartiersnetz',
    },
    user: Users.slug,
  },
  collections: [Users, Media],
  cors: settings.corsOrigins,
  db: postgresAdapter({
    migrationDir: path.resolve(dirname, 'migrations'),
    pool: {
      connectionString: process.env.DATABASE_URL,
      connectionTimeoutMillis: 5_000,
      max: settings.databasePoolSize,
    },
    // The schema only changes through committed migrations, in development too.
    push: false,
  }),
  editor: lexicalEditor(),
  email: nodemailerAdapter({
    defaultFromAddress: settings.mailFromAddress,
    defaultFromName: settings.mailFromName,
    // Verifying would open an SMTP connection at every start; sending reports errors anyway.
    skipVerify: true,
    // Without SMTP_URL nothing is sent: mails become .eml files under .data/mail/.
    transport: nodemailer.createTransport(
      settings.smtpUrl ??
        createEmlFileTransport({
          directory: path.join(settings.dataDir, 'mail'),
          log: (message) => console.info(message),
        }),
    ),
  }),
  graphQL: {
    disablePlaygroundInProduction: true,
  },
  logger: {
    options: { level: process.env.LOG_LEVEL || 'info' },
  },
  // Wrong passwords and refused input are the client's mistake, not ours: no stack traces.
  // (Unexpected failures are plain errors, not APIErrors, and still log as errors.)
  loggingLevels: {
    APIError: 'info',
    AuthenticationError: 'info',
    LockedAuth: 'info',
  },
  i18n: {
    fallbackLanguage: 'de',
    supportedLanguages: { de, en },
  },
  secret: process.env.PAYLOAD_SECRET ?? '',
  serverURL: settings.serverUrl,
  telemetry: false,
  typescript: {
    outputFile: path.resolve(dirname, 'payload-types.ts'),
  },
  upload: {
    abortOnLimit: true,
    limits: {
      fileSize: settings.uploadMaxBytes,
    },
    responseOnLimit: `Die Datei ist zu groß (höchstens ${Math.round(settings.uploadMaxBytes / 1024 / 1024)} MB).`,
  },
})
