/**
 * Runs a compiled entry point (dist/server/<name>.mjs, made by `npm run build`) in plain Node,
 * for `npm start` (scripts/start.mjs) and `npm run worker` (scripts/worker.mjs). Says what to do
 * when the build is missing, instead of Node's "Cannot find module".
 *
 * package.json gives both `--conditions=production`: Lexical's default Node entry points
 * (lexical, @lexical/*) pick their build with a top-level `await import()`, and Node 20 now and
 * then leaves one of those imports unsettled while several load at once. The process then ends
 * with exit code 13 before any line of ours runs, without a word (one start in ten here). The
 * condition makes Node load the production build directly (tests/int/startScripts); should a
 * start end that way anyway, this says so.
 */
import fs from 'node:fs'

/**
 * @param {{ bundle: string, command: string, subject: string }} what the bundle's name in
 *   dist/server, the npm command that starts it, and what it is in German ("Der Server").
 */
export const runBundle = async ({ bundle, command, subject }) => {
  const url = new URL(`../dist/server/${bundle}.mjs`, import.meta.url)
  if (!fs.existsSync(url)) {
    console.error(
      `${subject} ist noch nicht gebaut. Bitte zuerst \`npm run build\` ausführen, dann \`${command}\`.`,
    )
    process.exit(1)
  }
  // A top-level await left unsettled while the modules load ends the process with exit code 13,
  // and Node 20 says nothing: the exit event then still reports 0.
  let isLoaded = false
  process.once('exit', (code) => {
    if (!isLoaded && code === 0) {
      console.error(
        `${subject} wurde beendet, bevor er startete: ein Modul-Import blieb unerledigt (Exit-Code 13). Bitte starten Sie ihn mit \`${command}\` erneut, das die Node-Option \`--conditions=production\` setzt.`,
      )
    }
  })
  await import(url.href).finally(() => {
    isLoaded = true
  })
}
