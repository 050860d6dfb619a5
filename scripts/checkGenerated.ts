/**
 * Fails when the committed generated files (payload-types.ts, the admin import map) do not
 * match the config. It regenerates them in place, so after a failure the fix is to commit.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import { projectRoot } from '../src/runtime/paths'

const GENERATED = [
  { command: 'generate:types', file: 'payload-types.ts' },
  { command: 'generate:importmap', file: 'src/app/(payload)/admin/importMap.js' },
]

const stale: string[] = []
for (const { command, file } of GENERATED) {
  const full = path.join(projectRoot, file)
  const before = fs.existsSync(full) ? fs.readFileSync(full, 'utf8') : ''
  execFileSync(
    process.execPath,
    [path.join(projectRoot, 'node_modules/tsx/dist/cli.mjs'), 'scripts/payload.ts', command],
    {
      cwd: projectRoot,
      stdio: 'ignore',
    },
  )
  const after = fs.readFileSync(full, 'utf8')
  if (before.trim() !== after.trim()) {
    stale.push(`${file} (npm run ${command})`)
  }
}

if (stale.length) {
  console.error(
    `Generated files were stale and have been regenerated; review and commit them:\n  ${stale.join('\n  ')}`,
  )
  process.exit(1)
}
console.info('Generated files are current.')
