/**
 * `npm run worker`: the compiled job worker (dist/server/worker.mjs, made by `npm run build`)
 * in plain Node, with the export condition Lexical needs (scripts/runBundle.mjs).
 */
import { runBundle } from './runBundle.mjs'

await runBundle({ bundle: 'worker', command: 'npm run worker', subject: 'Der Worker' })
