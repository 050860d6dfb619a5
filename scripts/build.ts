/**
 * `npm run build`: the visitor widgets (widgets/dist/v1, see widgets/build.ts), the production
 * build of the admin and API (next build) and the server compiled for `npm start`
 * (dist/server/server.mjs, see buildServer.ts). The Payload config is evaluated during the
 * build, so a database URL and secret are only placeholders here; nothing connects.
 */
import { buildWidgets, sizesOf, writeWidgets } from '../widgets/build'
import { buildNext } from './buildNext'
import { buildServer } from './buildServer'

const main = async () => {
  const widgets = await buildWidgets()
  await writeWidgets(widgets)
  const { gzipBytes } = sizesOf(widgets)
  console.info(`Widgets: ${widgets.bundleName} (${(gzipBytes / 1024).toFixed(1)} KB gzip)`)
  await buildServer({})
  await buildNext({ isForced: true })
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err)
  process.exit(1)
})
