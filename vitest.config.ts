import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { defineConfig } from 'vitest/config'

const dirname = path.dirname(fileURLToPath(import.meta.url))

export default defineConfig({
  resolve: {
    alias: {
      '@payload-config': path.resolve(dirname, 'payload.config.ts'),
    },
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
