/**
 * The npm scripts that start a long-running process (start, worker, dev) give Node the export
 * condition that makes Lexical load one build directly. Lexical's default Node entry points pick
 * their build with a top-level `await import()`; Node 20 now and then leaves one of those
 * unsettled while several load at once, and the process ends with exit code 13 before any of our
 * code runs, without a word (one production start in ten, one tsx start in four here).
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import { fileURLToPath } from 'node:url'

import { describe, expect, it } from 'vitest'

import { npmScriptEnv, npmScriptNodeArgs } from '../../scripts/buildServer'
import { projectRoot } from '../../src/runtime/paths'

/** Where Node, with these options, finds a package's ES module entry, as a file path. */
const resolvedWith = (options: string[], specifier: string) =>
  fileURLToPath(
    execFileSync(
      process.execPath,
      [
        ...options.filter((option) => option.startsWith('--conditions')),
        '--input-type=module',
        '-e',
        `process.stdout.write(import.meta.resolve(${JSON.stringify(specifier)}))`,
      ],
      { cwd: projectRoot, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } },
    ),
  )

/** Lexical's packages as Payload's rich-text editor imports them. */
const LEXICAL_ENTRIES = ['lexical', '@lexical/utils', '@lexical/rich-text', '@lexical/table']

const hasTopLevelDynamicImport = (file: string) =>
  /^const mod = await .*import\(/m.test(fs.readFileSync(file, 'utf8'))

describe('npm scripts that start a process', () => {
  it('should load a build of Lexical without a top-level await in Node', () => {
    // The check itself: without a condition Node picks the entry that awaits an import.
    expect(hasTopLevelDynamicImport(resolvedWith([], 'lexical'))).toBe(true)

    const expected = { dev: 'dev', start: 'prod', worker: 'prod' } as const
    for (const [script, build] of Object.entries(expected)) {
      const options = npmScriptNodeArgs(script).slice(0, -1)
      for (const entry of LEXICAL_ENTRIES) {
        const file = resolvedWith(options, entry)
        expect(file, `${script}: ${entry}`).toMatch(new RegExp(`\\.${build}\\.mjs$`))
        expect(hasTopLevelDynamicImport(file), `${script}: ${entry}`).toBe(false)
      }
    }
  })

  it('should start the server with its heap limit, and it and the worker with two malloc arenas (docs/operating.md, "Memory")', () => {
    // Without the cap glibc gave every allocating thread an arena: 25–30 MB more resident.
    for (const script of ['start', 'worker']) {
      expect(npmScriptEnv(script), script).toMatchObject({
        MALLOC_ARENA_MAX: '2',
        NODE_ENV: 'production',
      })
    }
    expect(npmScriptNodeArgs('start')).toContain('--max-old-space-size=384')
  })

  it('should say what to do when the server or the worker is not built, or ends before its modules are loaded', () => {
    const folder = fs.mkdtempSync(`${projectRoot}/.test-start-`)
    /** The script's exit code and what it said. */
    const run = (script: string) => {
      try {
        execFileSync(process.execPath, [`${folder}/scripts/${script}`], {
          encoding: 'utf8',
          stdio: 'pipe',
        })
        return { status: 0, stderr: '' }
      } catch (err) {
        return err as { status: number; stderr: string }
      }
    }
    try {
      fs.mkdirSync(`${folder}/scripts`)
      fs.mkdirSync(`${folder}/dist/server`, { recursive: true })
      for (const script of ['runBundle.mjs', 'start.mjs', 'worker.mjs']) {
        fs.copyFileSync(`${projectRoot}/scripts/${script}`, `${folder}/scripts/${script}`)
      }
      for (const [script, bundle, subject, command] of [
        ['start.mjs', 'server', 'Der Server', 'npm start'],
        ['worker.mjs', 'worker', 'Der Worker', 'npm run worker'],
      ] as const) {
        const unbuilt = run(script)
        expect(unbuilt.status).toBe(1)
        expect(unbuilt.stderr).toContain(`${subject} ist noch nicht gebaut`)
        expect(unbuilt.stderr).toContain(`dann \`${command}\``)
        // A module whose top-level await never settles, as Node 20 leaves Lexical's now and then.
        fs.writeFileSync(`${folder}/dist/server/${bundle}.mjs`, 'await new Promise(() => {})\n')
        const unsettled = run(script)
        expect(unsettled.status).toBe(13)
        expect(unsettled.stderr).toContain(`${subject} wurde beendet, bevor er startete`)
      }
    } finally {
      fs.rmSync(folder, { force: true, recursive: true })
    }
  })
})
