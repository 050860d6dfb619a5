/**
 * `npm start`: the compiled server (dist/server/server.mjs, made by `npm run build`) in plain
 * Node, with the heap settings package.json gives it (docs/operating.md, "Memory") and the
 * export condition Lexical needs (scripts/runBundle.mjs).
 */
import { runBundle } from './runBundle.mjs'

await runBundle({ bundle: 'server', command: 'npm start', subject: 'Der Server' })
