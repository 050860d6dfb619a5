/**
 * The one server: express in front of Next, which serves Payload's admin, REST and GraphQL.
 * express adds what Payload leaves to the host: security headers, health checks, body limits,
 * rate limits on the auth routes and a graceful shutdown.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import type { Payload } from 'payload'

import http from 'node:http'

import express from 'express'
import next from 'next'
import { getPayload } from 'payload'

import config from '../../payload.config'
import { closePool, poolOf } from '../db/closePool'
import { committedMigrations } from '../db/committedMigrations'
import { ensureDemoAdmin } from '../runtime/demoAdmin'
import { publicWriteRoutesOf } from '@quartiersnetz/plugin-kit/pluginConfig'
import { mailOutboxBookkeeping } from '@quartiersnetz/plugin-kit/sendMailTask'
import { hasContent, refreshUpcomingDemoDates, seed } from '../seed'
import { projectRoot } from '../runtime/paths'
import { readSettings } from '../runtime/settings'
import { RETRY_AFTER_SECONDS } from '../errors/answerHonestly'
import { apiCors } from './apiCors'
import { bodyQueryAsGet, guardApiInput, requestForNext } from './apiInput'
import { refuseWrongMethods } from './allowedMethods'
import { refuseUnavailableRoutes } from './apiRoutes'
import { refuseImpossibleIds } from './documentIds'
import { refuseInvalidListFilters, refuseNulInPageAddresses } from './pageAddresses'
import { refuseLargePages } from './pageSizes'
import { bodyLimits, MULTIPART_OVERHEAD_BYTES } from './bodyLimits'
import { passClientAddress } from './clientAddress'
import { explainAdminOrigin } from './explainAdminOrigin'
import { mountHealthRoutes } from './health'
import { httpCache } from './httpCache'
import { payloadBookkeeping } from './httpCache/bookkeeping'
import { bookkeepingTables } from './httpCache/bookkeepingTables'
import { type ContentChanges, watchContentChanges } from './httpCache/contentChanges'
import { shareContentChanges } from './httpCache/freshValue'
import { authRateLimit, publicWriteRateLimits, stopSharedRateLimitCounter } from './rateLimits'
import { apiGate, graphqlApi, payloadApi } from './payloadApi'
import { answerClientError } from './clientErrors'
import { privacyNotice } from './privacyNotice'
import { retryAfterOn503 } from './retryAfter'
import { securityHeaders } from './securityHeaders'
import { demoPage } from '../demo/demoPage'
import { reindexSearchIfEmpty } from '../search'
import { serveWidgets } from './widgets'
import { MONACO_VS_PATH } from '../admin/codeEditors/monacoPath'
import { serveMonaco } from './monaco'

export type StartServerArgs = {
  /** Create a demo admin (printed once) when there is no user yet. */
  hasDemoAdmin?: boolean
  host?: string
  isDev: boolean
  /** 0 picks a free port. */
  port?: number
}

export type RunningServer = {
  /** The demo page of a member city (DEMO_PAGE), on the server's other local name. */
  demoUrl: string | undefined
  payload: Payload
  port: number
  /** Drains open requests (up to `timeoutMs`), then closes the HTTP server and the database pool. */
  stop: (args?: { timeoutMs?: number }) => Promise<void>
  url: string
}

const listen = (server: Server, port: number, host: string) =>
  new Promise<number>((resolve, reject) => {
    server.once('error', reject)
    // A burst of visitors opens many connections at once: a deep accept queue keeps the kernel
    // from resetting them while the process is busy (Linux caps it at net.core.somaxconn).
    server.listen({ backlog: 4096, host, port }, () => {
      server.off('error', reject)
      const address = server.address()
      resolve(typeof address === 'object' && address ? address.port : port)
    })
  })

export const startServer = async ({
  hasDemoAdmin = false,
  host,
  isDev,
  port,
}: StartServerArgs): Promise<RunningServer> => {
  const settings = readSettings()
  const payload = await getPayload({ config, cron: true })
  const pool = poolOf(payload)
  // Without a listener, an idle connection that the database drops would crash the process.
  pool?.on('error', (err: Error & { code?: string }) =>
    payload.logger.warn({
      code: err.code,
      msg: `PostgreSQL connection lost (${err.message}); the pool reconnects on demand.`,
    }),
  )
  // The pool listens for errors of idle connections only. A connection that is checked out but
  // idle (inside an open transaction, between two queries) and dies with the database would
  // throw its error at the process; the transaction's next query fails instead (answered 503).
  pool?.on('connect', (client) => {
    client.on('error', (err: Error & { code?: string }) =>
      payload.logger.warn({
        code: err.code,
        msg: `PostgreSQL connection lost while in use (${err.message}).`,
      }),
    )
  })

  // The committed migrations, imported as modules (Payload's own file scan cannot load .ts
  // outside tsx, e.g. under vitest).
  await payload.db.migrate({ migrations: committedMigrations })
  // Content written before the search index existed becomes searchable (once; then the hooks keep it).
  await reindexSearchIfEmpty(payload)
  if (hasDemoAdmin) {
    await ensureDemoAdmin({ payload, serverUrl: settings.serverUrl })
    // The first `npm run dev` fills an empty database with the demo content.
    if (!(await hasContent(payload))) {
      await seed({ log: (message) => payload.logger.info(message), payload })
    } else {
      // On a later day: new upcoming dates once none is open for registration any more.
      await refreshUpcomingDemoDates({ log: (message) => payload.logger.info(message), payload })
    }
  }

  const nextApp = next({
    customServer: true,
    dev: isDev,
    dir: projectRoot,
    hostname: host ?? settings.host,
    port: port ?? settings.port,
  })
  await nextApp.prepare()
  const handle = nextApp.getRequestHandler()

  // Public GETs: ETag, 304 and answers from memory while content is unchanged (httpCache/).
  // Writes to bookkeeping, declared by whoever owns it, don't count as changes.
  const contentChanges: ContentChanges | undefined = settings.httpCache
    ? await watchContentChanges({
        bookkeepingTables: bookkeepingTables(payload, [
          ...payloadBookkeeping(payload.config),
          ...mailOutboxBookkeeping,
        ]),
        connectionString: process.env.DATABASE_URL,
        logger: payload.logger,
      })
    : undefined
  // HTTP_CACHE_TARGETED=false: every change concerns everything (httpCache/index.ts).
  const isTargeted = process.env.HTTP_CACHE_TARGETED !== 'false'
  if (contentChanges) {
    // Endpoints that keep what they read while it is unchanged (the method catalogue).
    shareContentChanges(payload, contentChanges, { isTargeted })
  }

  // The visitor widgets' script (widgets/), built at start or read from `npm run build`.
  const widgets = await serveWidgets({
    isDev,
    isProduction: process.env.NODE_ENV === 'production',
    logger: payload.logger,
  })

  let isShuttingDown = false
  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', settings.trustProxy)
  app.use(securityHeaders({ isDev, isHttps: settings.serverUrl.startsWith('https://') }))
  mountHealthRoutes(app, { getPool: () => pool, isShuttingDown: () => isShuttingDown })
  app.use(widgets.handler)
  // The admin's code editor from our own origin, not a CDN (monaco.ts).
  app.use(MONACO_VS_PATH, serveMonaco({ logger: payload.logger }))
  app.use(privacyNotice({ payload, settings }))
  let boundPortForDemo = 0
  if (settings.demoPage) {
    app.use(demoPage({ payload, port: () => boundPortForDemo }))
  }
  app.use(retryAfterOn503({ seconds: RETRY_AFTER_SECONDS }))
  // `/admin/collections/projects?search=%00` would leave the admin's page blank.
  app.use(
    refuseNulInPageAddresses({
      adminRoute: payload.config.routes.admin,
      apiRoute: payload.config.routes.api,
    }),
  )
  // `/admin/collections/events?where[capacity][equals]=abc` as well.
  app.use(refuseInvalidListFilters({ payload }))
  app.use(passClientAddress)
  app.use(apiCors({ payload }))
  // A save from the admin opened under an address Payload won't take the cookie from: say why.
  app.use(explainAdminOrigin({ payload, serverUrl: settings.serverUrl }))
  app.use(
    bodyLimits({
      jsonBodyMaxBytes: settings.jsonBodyMaxBytes,
      uploadMaxBytes: settings.uploadMaxBytes,
    }),
  )
  // A long GET sent as a POST (a form or JSON) is the GET it stands for, for every check below (apiInput.ts);
  // after the CORS headers and the declared size are settled, so its refusals carry both.
  app.use(
    bodyQueryAsGet({ apiRoute: payload.config.routes.api, maxBytes: settings.jsonBodyMaxBytes }),
  )
  app.use(
    authRateLimit({ max: settings.authRateLimitMax, windowMs: settings.authRateLimitWindowMs }),
  )
  for (const limiter of publicWriteRateLimits({
    apiRoute: payload.config.routes.api,
    routes: publicWriteRoutesOf(payload.config),
  })) {
    app.use(limiter)
  }
  // An address the API has, asked with a method it doesn't take: 405, not "not found".
  app.use(refuseWrongMethods({ config: payload.config }))
  app.use(
    guardApiInput({
      apiRoute: payload.config.routes.api,
      jsonBodyMaxBytes: settings.jsonBodyMaxBytes,
      maxDepth: payload.config.maxDepth,
      multipartBodyMaxBytes: settings.uploadMaxBytes + MULTIPART_OVERHEAD_BYTES,
      uploadCollections: payload.config.collections
        .filter((collection) => collection.upload)
        .map((collection) => collection.slug),
    }),
  )
  app.use(refuseUnavailableRoutes({ payload }))
  // `/api/modules/stadtteilkonferenz`: ids are numbers; say how to find it by its slug.
  app.use(refuseImpossibleIds({ payload }))
  // A visitor's page of a list: at most 100 documents (pageSizes.ts).
  app.use(refuseLargePages({ payload }))
  // Without change notifications nothing is cached, but GraphQL by GET still reaches Payload.
  // At most API_CONCURRENCY API requests in Payload at once, cache misses included (payloadApi.ts).
  const gate = apiGate({ concurrency: settings.apiConcurrency, payload })
  // A body read at the edge reaches Next as a replay of the same bytes (apiInput.ts).
  const handleNext = (req: IncomingMessage, res: ServerResponse) => handle(requestForNext(req), res)
  // GraphQL without Next in between (payloadApi.ts), the cache's misses too.
  const graphql = graphqlApi({ gate, handleNext, isDirect: settings.payloadApiDirect, payload })
  app.use(
    httpCache({
      changes: contentChanges,
      gate,
      handle: graphql,
      isGraphqlDirect: settings.payloadApiDirect,
      isTargeted,
      maxBytes: settings.httpCacheMaxBytes,
      payload,
    }),
  )
  // Payload's REST API without Next in between (payloadApi.ts); PAYLOAD_API_DIRECT=false
  // routes it through Next's route as before.
  const finalHandler = payloadApi({
    gate,
    graphql,
    handleNext,
    isDirect: settings.payloadApiDirect,
    payload,
  })
  app.use((req, res) => {
    void finalHandler(req, res)
  })

  const server = http.createServer(app)
  // What Node's parser refuses (too long, no HTTP) is said in words too (clientErrors.ts).
  server.on('clientError', answerClientError)
  if (isDev) {
    // Hot reload of the admin in development runs over a WebSocket that Next answers.
    const upgrade = nextApp.getUpgradeHandler()
    server.on('upgrade', (req, socket, head) => {
      void upgrade(req, socket, head)
    })
  }
  const boundPort = await listen(server, port ?? settings.port, host ?? settings.host)
  boundPortForDemo = boundPort
  const url = `http://localhost:${boundPort}`

  const stop = async ({ timeoutMs = 10_000 }: { timeoutMs?: number } = {}) => {
    if (isShuttingDown) {
      return
    }
    isShuttingDown = true
    const closed = new Promise<void>((resolve) => server.close(() => resolve()))
    server.closeIdleConnections()
    const timer = setTimeout(() => server.closeAllConnections(), timeoutMs)
    await closed
    clearTimeout(timer)
    await stopSharedRateLimitCounter()
    await nextApp.close().catch(() => undefined)
    await contentChanges?.stop()
    await widgets.stop()
    await payload.destroy()
    await closePool(pool)
  }

  return {
    demoUrl: settings.demoPage ? `http://127.0.0.1:${boundPort}/demo/` : undefined,
    payload,
    port: boundPort,
    stop,
    url,
  }
}
