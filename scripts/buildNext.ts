import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { projectRoot } from '../src/runtime/paths'

/** What the production build is made from; a change in any of it makes the build stale. */
const SOURCES = [
  'src',
  'collections',
  'plugins',
  'payload.config.ts',
  'payload-types.ts',
  'next.config.mjs',
  'tsconfig.json',
  'package-lock.json',
]
const distDir = () => path.join(projectRoot, process.env.NEXT_DIST_DIR || '.next')

const listFiles = (entry: string): string[] => {
  const full = path.join(projectRoot, entry)
  if (!fs.existsSync(full)) {
    return []
  }
  if (fs.statSync(full).isFile()) {
    return [entry]
  }
  return fs
    .readdirSync(full, { withFileTypes: true })
    .flatMap((child) => listFiles(path.join(entry, child.name)))
}

export const sourceHash = (): string => {
  const hash = crypto.createHash('sha256')
  for (const file of SOURCES.flatMap(listFiles).sort()) {
    hash.update(file)
    hash.update(fs.readFileSync(path.join(projectRoot, file)))
  }
  return hash.digest('hex')
}

/** Runs `next build` unless the last build was made from the same sources (or `isForced`). */
type BuildArgs = {
  isForced?: boolean
  /** Show next build's output as it comes; otherwise it is shown only when the build fails. */
  isVerbose?: boolean
  log?: (message: string) => void
}

export const buildNext = async ({
  isForced = false,
  isVerbose = true,
  log = console.info,
}: BuildArgs = {}) => {
  const hash = sourceHash()
  const hashFile = path.join(distDir(), 'quartiersnetz-source-hash')
  const isFresh =
    fs.existsSync(path.join(distDir(), 'BUILD_ID')) &&
    fs.existsSync(hashFile) &&
    fs.readFileSync(hashFile, 'utf8') === hash
  if (isFresh && !isForced) {
    log('Produktions-Build ist aktuell.')
    return
  }
  log('next build …')
  const nextBin = path.join(projectRoot, 'node_modules', 'next', 'dist', 'bin', 'next')
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [nextBin, 'build'], {
      cwd: projectRoot,
      env: {
        ...process.env,
        DATABASE_URL: process.env.DATABASE_URL || 'postgres://build@127.0.0.1:1/build',
        NEXT_TELEMETRY_DISABLED: '1',
        NODE_ENV: 'production',
        PAYLOAD_SECRET:
          process.env.PAYLOAD_SECRET || 'build-time-placeholder-never-used-at-runtime',
      },
      stdio: isVerbose ? 'inherit' : ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.once('error', reject)
    child.once('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`next build failed (exit code ${code})\n${output}`)),
    )
  })
  fs.writeFileSync(hashFile, hash)
}
