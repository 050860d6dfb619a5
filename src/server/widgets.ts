/**
 * Serves the visitor widgets under /widgets/v1/ (widgets/build.ts): the loader revalidated on
 * every use (ETag, 304), the hashed bundle immutable for a year; gzip or brotli as the browser
 * accepts; readable from any website (CORS `*` and Cross-Origin-Resource-Policy: the script is
 * public and carries no data). In production the files `npm run build` wrote are served (built
 * at start if missing); otherwise they are built at start, and rebuilt on change in development.
 */
import type { RequestHandler } from 'express'
import type { Payload } from 'payload'

import { buildWidgets, readWidgets, type WidgetBuild, watchWidgets } from '../../widgets/build'
import { matchesEtag } from './httpCache/validators'

export const WIDGETS_PATH = '/widgets/v1/'

type WidgetsArgs = { isDev: boolean; isProduction: boolean; logger: Payload['logger'] }

export const serveWidgets = async ({
  isDev,
  isProduction,
  logger,
}: WidgetsArgs): Promise<{ handler: RequestHandler; stop: () => Promise<void> }> => {
  let current: WidgetBuild
  let stop = async (): Promise<void> => undefined
  if (isDev) {
    let resolveFirst: (build: WidgetBuild) => void
    const first = new Promise<WidgetBuild>((resolve) => (resolveFirst = resolve))
    const watcher = await watchWidgets({
      onBuild: (build) => {
        current = build
        resolveFirst(build)
      },
      onError: (message) => logger.error({ msg: `Widgets: Fehler beim Bauen:\n${message}` }),
    })
    current = await first
    stop = async () => watcher.stop()
  } else {
    const built = isProduction ? await readWidgets() : undefined
    if (isProduction && !built) {
      logger.warn({
        msg: 'Widgets: widgets/dist fehlt (npm run build); sie werden beim Start gebaut.',
      })
    }
    current = built ?? (await buildWidgets())
  }

  const handler: RequestHandler = (req, res, next) => {
    if (!req.path.startsWith(WIDGETS_PATH) || (req.method !== 'GET' && req.method !== 'HEAD')) {
      next()
      return
    }
    const file = current.files.get(req.path.slice(WIDGETS_PATH.length))
    if (!file) {
      res
        .status(404)
        .type('text/plain; charset=utf-8')
        .send('Diese Widget-Datei gibt es nicht (mehr). / No such widget file.')
      return
    }
    res.setHeader('Access-Control-Allow-Origin', '*')
    res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin')
    res.setHeader(
      'Cache-Control',
      file.isImmutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    )
    res.setHeader('Content-Type', 'text/javascript; charset=utf-8')
    res.setHeader('ETag', file.etag)
    res.setHeader('Vary', 'Accept-Encoding')
    if (matchesEtag(req.headers['if-none-match'], file.etag)) {
      res.status(304).end()
      return
    }
    const accepted = req.acceptsEncodings('br', 'gzip', 'identity')
    const body = accepted === 'br' ? file.brotli : accepted === 'gzip' ? file.gzip : file.body
    if (accepted === 'br' || accepted === 'gzip') {
      res.setHeader('Content-Encoding', accepted)
    }
    res.setHeader('Content-Length', String(body.length))
    res.status(200).end(req.method === 'HEAD' ? undefined : body)
  }
  return { handler, stop }
}
