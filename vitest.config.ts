import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { defineConfig } from 'vitest/config'

const dirname = path.dirname(fileURLToPath(import.meta.url))

export default defineConfig({
  resolve: {
    alias: [
      { find: '@payload-config', replacement: path.resolve(dirname, 'payload.config.ts') },
      // `graphql` as Node resolves it (index.js; it has no exports map), not by its `module`
      // field as Vite would: our validation rule's errors must be the GraphQLError that
      // graphql-http and Payload's schema use, as in the server (src/server/graphqlApi.ts).
      { find: /^graphql$/, replacement: createRequire(import.meta.url).resolve('graphql') },
    ],
  },
  test: {
    environment: 'node',
    // Lexical's build chosen by condition, not by its entry's top-level await (tests/int/startScripts).
    execArgv: ['--conditions=development'],
    // Each file runs in its own process with its own database (tests/helpers/perFileDatabase.ts).
    fileParallelism: true,
    globalSetup: ['tests/helpers/globalSetup.ts'],
    hookTimeout: 120_000,
    include: ['tests/int/**/*.int.spec.ts', 'tests/e2e/**/*.e2e.spec.ts'],
    isolate: true,
    maxWorkers: 2,
    pool: 'forks',
    reporters: ['default', './tests/helpers/summaryReporter.ts'],
    setupFiles: ['tests/helpers/perFileDatabase.ts'],
    testTimeout: 60_000,
  },
})
