/**
 * `npm start`: the compiled server (dist/server/server.mjs, made by `npm run build`) in plain
 * Node, with the heap settings package.json gives it (docs/operating.md, "Memory"). Says what
 * to do when the build is missing, instead of Node's "Cannot find module".
 *
 * package.json also gives `--conditions=production`: Lexical's default Node entry points
 * (lexical, @lexical/*) pick their build with a top-level `await import()`, and Node 20 now and
 * then leaves one of those imports unsettled while several load at once. The process then ends
 * with exit code 13 before any line of ours runs, without a word (one start in ten here). The
 * condition makes Node load the production build directly (tests/int/startScripts).
 */
import fs from 'node:fs'

const bundle = new URL('../dist/server/server.mjs', import.meta.url)

if (!fs.existsSync(bundle)) {
  console.error(
    'Der Server ist noch nicht gebaut. Bitte zuerst `npm run build` ausführen, dann `npm start`.',
  )
  process.exit(1)
}

// A top-level await left unsettled while the modules load ends the process with exit code 13,
// and Node 20 says nothing: the exit event then still reports 0.
let isLoaded = false
process.once('exit', (code) => {
  if (!isLoaded && code === 0) {
    console.error(
      'Der Server wurde beendet, bevor er startete: ein Modul-Import blieb unerledigt (Exit-Code 13). Bitte starten Sie ihn mit `npm start` erneut, das die Node-Option `--conditions=production` setzt.',
    )
  }
})

await import(bundle.href).finally(() => {
  isLoaded = true
})
