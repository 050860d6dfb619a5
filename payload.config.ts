import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { postgresAdapter } from '@payloadcms/db-postgres'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { de } from '@payloadcms/translations/languages/de'
import { en } from '@payloadcms/translations/languages/en'
import nodemailer from 'nodemailer'
import { buildConfig, type JobsConfig } from 'payload'
import pinoPretty from 'pino-pretty'

import { EventSeries } from './collections/EventSeries'
import { Events } from './collections/Events'
import { FieldsOfAction } from './collections/FieldsOfAction'
import { Media } from './collections/Media'
import { Modules } from './collections/Modules'
import { Municipalities } from './collections/Municipalities'
import { Organisations } from './collections/Organisations'
import { People } from './collections/People'
import { ProgramAreas } from './collections/ProgramAreas'
import { Programmes } from './collections/Programmes'
import { Projects } from './collections/Projects'
import { Publications } from './collections/Publications'
import { TargetGroups } from './collections/TargetGroups'
import { failingCommits } from './src/db/commitErrors'
import { refusingUnsupportedOperators } from './src/db/unsupportedOperators'
import { Users } from './collections/Users'
import { PrivacyRequests } from './collections/PrivacyRequests'
import { consentVersionOf, Netiquette, PrivacyNotice } from './globals/consentTexts'
import { commentsPlugin } from '@quartiersnetz/plugin-comments'
import { eventRegistrationPlugin } from '@quartiersnetz/plugin-event-registration'
import { ratingsPlugin } from '@quartiersnetz/plugin-ratings'
import { MAIL_QUEUE } from '@quartiersnetz/plugin-kit/sendMailTask'
import { withPersonalDataSources, withPrivacyNoticeUrl } from '@quartiersnetz/plugin-kit/privacy'
import { withReadOnlyNotice } from './src/admin/readOnlyNotice/withReadOnlyNotice'
import { withSelfHostedCodeEditors } from './src/admin/codeEditors/withSelfHostedCodeEditors'
import { isEditor } from './src/access/isEditor'
import { MARK_DATA_URL } from './src/admin/branding/mark'
import { editorsDashboard } from './src/admin/dashboard'
import { orderNavigationGroups } from './src/admin/navigationOrder'
import { PRIVACY_VIEW_PATH } from './src/admin/privacy/path'
import { SEARCH_VIEW_PATH } from './src/admin/search/path'
import { groups } from './collections/shared/publicContent'
import { adminTranslations, withAdminTranslationsLast } from './src/i18n/adminTranslations'
import { adminOrigins, readAdminOrigins } from './src/server/adminOrigins'
import { answerHonestly } from './src/errors/answerHonestly'
import { clientErrorsAtInfo } from './src/errors/clientErrorsAtInfo'
import { withDataChecks } from './src/hooks/refuseMissingData'
import { cpdOfEvent } from './src/events/cpd'
import { RATING_DIMENSIONS } from './src/domain/ratingDimensions'
import { createEmlFileTransport } from './src/email/emlFileTransport'
import { mailFilesPersonalData } from './src/email/mailFiles'
import { nodemailerEmail } from './src/email/nodemailerAdapter'
import {
  generateSeriesOccurrencesTask,
  isJobsAutoRunEnabled,
  jobsAccess,
  DEFAULT_QUEUE,
  NIGHTLY_QUEUE,
  nightlyAutoRun,
} from './src/events/jobs'
import { readSettings } from './src/runtime/settings'
import { withScheduledPublicationsReadable } from './src/access/readScheduledPublications'
import { noIntrospectionOutsideDevelopment } from './src/api/noIntrospection'
import { searchPlugin } from './src/search'

type AutorunCronConfig = Extract<NonNullable<JobsConfig['autoRun']>, unknown[]>[number]

const dirname = path.dirname(fileURLToPath(import.meta.url))
const settings = readSettings()
/** Where mails go as .eml files while no SMTP_URL is set. */
const mailFilesDirectory = path.join(settings.dataDir, 'mail')

/** The plugins' collections, named once: the plugins add them, the dashboard reads them. */
const pluginSlugs = {
  commentReports: 'comment-reports',
  comments: 'comments',
  ratingSummaries: 'rating-summaries',
  ratings: 'ratings',
  registrations: 'registrations',
} as const

/** The events' fields event registration reads (the dashboard shows the deadline too). */
const eventFields = {
  accessLink: 'accessLink',
  deadline: 'registration.deadline',
  end: 'end',
  format: 'format',
  start: 'start',
  title: 'title',
}

const config = buildConfig({
  admin: {
    // No Gravatar: the admin makes no outbound calls.
    avatar: 'default',
    components: {
      // Above the dashboard's tiles: whose overview it is (src/admin/dashboard/).
      beforeDashboard: ['/src/admin/dashboard/Heading#DashboardHeading'],
      graphics: {
        Icon: '/src/admin/branding/Icon#Icon',
        Logo: '/src/admin/branding/Logo#Logo',
      },
      // Above the collections in the navigation: the way to the search (src/admin/search/).
      beforeNavLinks: ['/src/admin/search/NavLink#SearchNavLink'],
      // A banner when the admin is open under an address it can't save from (sign-in included).
      providers: ['/src/admin/originNotice#OriginNotice'],
      views: {
        // Data-subject requests: look up, export and erase by e-mail address (src/admin/privacy/).
        privacyRequests: {
          Component: '/src/admin/privacy#PrivacyRequestsView',
          exact: true,
          path: PRIVACY_VIEW_PATH,
        },
        // One search across every searchable collection, drafts included (src/admin/search/).
        search: {
          Component: '/src/admin/search#SearchView',
          exact: true,
          path: SEARCH_VIEW_PATH,
        },
      },
    },
    dashboard: editorsDashboard({
      comments: { slug: pluginSlugs.comments },
      events: { fields: { deadline: eventFields.deadline }, slug: 'events' },
      ratings: { slug: pluginSlugs.ratings },
      registrations: { slug: pluginSlugs.registrations },
      series: { field: 'series', slug: 'event-series' },
    }),
    dateFormat: 'dd.MM.yyyy HH:mm',
    importMap: {
      baseDir: path.resolve(dirname),
    },
    timezones: {
      defaultTimezone: 'Europe/Berlin',
      supportedTimezones: [{ label: 'Europa/Berlin', value: 'Europe/Berlin' }],
    },
    meta: {
      defaultOGImageType: 'off',
      description: 'Quartiersnetz: Redaktion des Netzwerks für Stadtentwicklung',
      icons: [{ rel: 'icon', type: 'image/svg+xml', url: MARK_DATA_URL }],
      openGraph: { siteName: 'Quartiersnetz', title: 'Quartiersnetz' },
      titleSuffix: ' – Quartiersnetz',
    },
    user: Users.slug,
  },
  bin: [
    { key: 'seed', scriptPath: path.resolve(dirname, 'scripts/seed.ts') },
    { key: 'ratings:recount', scriptPath: path.resolve(dirname, 'scripts/ratingsRecount.ts') },
  ],
  collections: withReadOnlyNotice([
    Organisations,
    People,
    Municipalities,
    ProgramAreas,
    FieldsOfAction,
    Projects,
    Modules,
    Events,
    EventSeries,
    Programmes,
    Publications,
    TargetGroups,
    Media,
    Users,
    PrivacyRequests,
  ]),
  // The texts visitors agree to, versioned; published ones are what consents record.
  globals: [Netiquette, PrivacyNotice],
  // The plugins' mails link the privacy notice (/datenschutz, or the network's own).
  custom: withPersonalDataSources(
    {
      custom: withPrivacyNoticeUrl({}, settings.privacyUrl ?? `${settings.serverUrl}/datenschutz`),
    },
    // Without a mail server the mails are files (src/email/mailFiles.ts): personal data too.
    settings.smtpUrl ? [] : [mailFilesPersonalData(mailFilesDirectory)],
  ),
  // Member sites' widgets send their rating token in X-Visitor-Token (no cookies cross-site).
  cors: { headers: ['x-visitor-token'], origins: settings.corsOrigins },
  // The pages whose sign-in cookie Payload takes: SERVER_URL, ADMIN_ORIGINS and, in
  // development, localhost and 127.0.0.1 alike (src/server/adminOrigins.ts).
  csrf: adminOrigins({
    extra: readAdminOrigins(),
    isProduction: process.env.NODE_ENV === 'production',
    port: settings.port,
    serverUrl: settings.serverUrl,
  }),
  // A failed COMMIT fails the request instead of passing as stored (src/db/commitErrors.ts);
  // a filter the database can't run is refused with 400 (src/db/unsupportedOperators.ts).
  db: refusingUnsupportedOperators(
    failingCommits(
      postgresAdapter({
        migrationDir: path.resolve(dirname, 'migrations'),
        pool: {
          // Read when the pool is created, not when the config is imported: entry points and
          // tests set DATABASE_URL (starting the embedded PostgreSQL) after importing the config.
          get connectionString() {
            return process.env.DATABASE_URL
          },
          connectionTimeoutMillis: 5_000,
          max: settings.databasePoolSize,
        },
        // The schema only changes through committed migrations, in development too.
        push: false,
      }),
    ),
  ),
  editor: lexicalEditor(),
  email: nodemailerEmail({
    defaultFromAddress: settings.mailFromAddress,
    defaultFromName: settings.mailFromName,
    // No verification at start (it would open an SMTP connection); sending reports errors.
    // Without SMTP_URL nothing is sent: mails become .eml files under .data/mail/.
    transport: nodemailer.createTransport(
      settings.smtpUrl ??
        createEmlFileTransport({
          directory: mailFilesDirectory,
          log: (message) => console.info(message),
        }),
    ),
  }),
  // Websites get what they link to, not whole object graphs: depth 1 unless asked, never deeper than 3.
  defaultDepth: 1,
  maxDepth: 3,
  graphQL: {
    // Our rule instead of Payload's, which depends on NODE_ENV at run time (src/api/noIntrospection.ts).
    disableIntrospectionInProduction: false,
    disablePlaygroundInProduction: true,
    maxComplexity: 1000,
    validationRules: () => [noIntrospectionOutsideDevelopment],
  },
  jobs: {
    access: jobsAccess,
    // The server process runs the nightly queue and, every 10 seconds, the mail outbox
    // (plugins/shared/sendMailTask.ts) unless JOBS_AUTORUN=false (src/events/jobs.ts).
    autoRun: isJobsAutoRunEnabled()
      ? [
          ...(nightlyAutoRun() as AutorunCronConfig[]),
          { cron: '*/10 * * * * *', limit: 20, queue: MAIL_QUEUE },
          // Payload's own queue: scheduled publications and withdrawals, checked every minute.
          { cron: '* * * * *', limit: 20, queue: DEFAULT_QUEUE },
        ]
      : undefined,
    // Staff see what is scheduled for a document; the other jobs stay closed.
    jobsCollectionOverrides: withScheduledPublicationsReadable,
    // The plugins add the mail outbox's task (and its keys collection) themselves.
    tasks: [generateSeriesOccurrencesTask],
  },
  // Readable logs in development, JSON lines (for log collectors) in production.
  logger: {
    destination:
      process.env.NODE_ENV === 'production'
        ? undefined
        : pinoPretty({ colorize: true, ignore: 'pid,hostname', translateTime: 'SYS:HH:MM:ss' }),
    // A client's refused input is no server error (src/errors/clientErrorsAtInfo.ts).
    options: { hooks: { logMethod: clientErrorsAtInfo }, level: process.env.LOG_LEVEL || 'info' },
  },
  // Wrong passwords and refused input are the client's mistake, not ours: no stack traces.
  // (Unexpected failures are plain errors, not APIErrors, and still log as errors.)
  loggingLevels: {
    APIError: 'info',
    AuthenticationError: 'info',
    LockedAuth: 'info',
    // A full queue is load, not a defect (answered 503 with Retry-After), as the gate logs it;
    // our own error's name is none of Payload's.
    ...({ OverloadedError: 'warn' } as Record<string, 'warn'>),
    QueryError: 'info',
  },
  // Errors Payload would answer with 500 get the status that says what happened (503, 400).
  hooks: {
    afterError: [answerHonestly],
  },
  i18n: {
    fallbackLanguage: 'de',
    supportedLanguages: { de, en },
    // "Sie" instead of Payload's "du", and our name instead of Payload's.
    translations: adminTranslations,
  },
  plugins: [
    commentsPlugin({
      autoApproveKnownEmails: settings.commentsAutoApproveKnownEmails,
      canModerate: isEditor,
      collections: ['modules', 'projects'],
      consentVersion: consentVersionOf(
        ['netiquette', 'privacy-notice'],
        settings.commentsConsentVersion,
      ),
      mailQueue: MAIL_QUEUE,
      minSubmitSeconds: settings.commentsMinSubmitSeconds,
      moderatorEmails: settings.commentsModeratorEmails,
      overrides: {
        comments: { admin: { group: groups.participation } },
        reports: { admin: { group: groups.participation } },
      },
      // The nightly queue runs every five minutes and handles schedules: the purge is hourly.
      purgeQueue: NIGHTLY_QUEUE,
      rateLimit: {
        max: settings.commentsRateLimitMax,
        windowMs: settings.commentsRateLimitWindowMs,
      },
      reportsToHide: settings.commentsReportsToHide,
      // The pages the mailed links open link back to the member site's page (widgets' returnUrl).
      returnOrigins: settings.corsOrigins,
      siteName: settings.siteName,
      slugs: { comments: pluginSlugs.comments, reports: pluginSlugs.commentReports },
    }),
    eventRegistrationPlugin({
      canManage: isEditor,
      confirmHours: settings.eventRegistrationConfirmHours,
      consentVersion: consentVersionOf(
        ['privacy-notice'],
        settings.eventRegistrationConsentVersion,
      ),
      cpdOf: cpdOfEvent,
      eventsCollection: 'events',
      fields: eventFields,
      mailQueue: MAIL_QUEUE,
      overrides: { registrations: { admin: { group: groups.events } } },
      rateLimit: {
        max: settings.eventRegistrationRateLimitMax,
        windowMs: settings.eventRegistrationRateLimitWindowMs,
      },
      reminderHoursBefore: settings.eventRegistrationReminderHours,
      retentionDays: settings.eventRegistrationRetentionDays,
      returnOrigins: settings.corsOrigins,
      // The nightly queue runs every five minutes and handles schedules.
      scheduleQueue: NIGHTLY_QUEUE,
      siteName: settings.siteName,
      slug: pluginSlugs.registrations,
    }),
    ratingsPlugin({
      canModerate: isEditor,
      collections: ['modules'],
      dimensions: [...RATING_DIMENSIONS],
      editorialAssessmentField: 'editorialAssessment',
      finderFilters: [
        { collection: 'fields-of-action', field: 'fieldsOfAction', name: 'fieldOfAction' },
        { collection: 'target-groups', field: 'targetGroups', name: 'targetGroup' },
      ],
      maxRatingsPerClientPerHour: settings.ratingsPerClientPerHour,
      overrides: {
        ratings: { admin: { group: groups.participation } },
        summaries: { admin: { group: groups.participation } },
      },
      // The erasure of abuse-limit hashes runs with the other plugins' scheduled tasks.
      scheduleQueue: NIGHTLY_QUEUE,
      slugs: { ratings: pluginSlugs.ratings, summaries: pluginSlugs.ratingSummaries },
    }),
    // Full-text search: the index follows every change of the searchable collections.
    searchPlugin(),
    // Last, so that it covers the plugins' collections too.
    withDataChecks,
    // The navigation's groups in the order of `groups`, the plugins' collections included.
    orderNavigationGroups(Object.values(groups)),
    // Code and JSON fields, the plugins' too, load their editor from our server, not a CDN.
    withSelfHostedCodeEditors,
  ],
  secret: process.env.PAYLOAD_SECRET ?? '',
  serverURL: settings.serverUrl,
  telemetry: false,
  typescript: {
    // Generated on demand (`npm run generate:types`, checked by `npm test`), not by every server
    // start in development, which would rewrite the file under running tests.
    autoGenerate: false,
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

// Our admin texts win over those a rich-text editor merges in while sanitising.
export default withAdminTranslationsLast(config)
