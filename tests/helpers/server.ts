import type { RunningServer } from '../../src/server/startServer'

import { startServer } from '../../src/server/startServer'

/** The real server (production build) on this file's database and port. */
export const startTestServer = async (): Promise<RunningServer> =>
  startServer({ isDev: false, port: Number(process.env.PORT) })
