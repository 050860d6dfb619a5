/**
 * `npm run build`: the production build of the admin and API (next build). The Payload config
 * is evaluated during the build, so a database URL and secret are only placeholders here;
 * nothing connects.
 */
import { buildNext } from './buildNext'

buildNext({ isForced: true }).catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err)
  process.exit(1)
})
