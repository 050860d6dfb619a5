/**
 * `npm start`: the compiled server (dist/server/server.mjs, made by `npm run build`) in plain
 * Node, with the heap settings package.json gives it (docs/operating.md, "Memory"). Says what
 * to do when the build is missing, instead of Node's "Cannot find module".
 */
import fs from 'node:fs'

const bundle = new URL('../dist/server/server.mjs', import.meta.url)

if (!fs.existsSync(bundle)) {
  console.error(
    'Der Server ist noch nicht gebaut. Bitte zuerst `npm run build` ausführen, dann `npm start`.',
  )
  process.exit(1)
}

await import(bundle.href)
