/**
 * The server and the job worker compiled ahead of time for `npm start` and `npm run worker`:
 * src/server.ts and src/worker.ts, each with everything of ours it imports (config,
 * collections, plugins, migrations) as one ES module, dist/server/server.mjs and
 * dist/server/worker.mjs; the packages in node_modules stay imports. Without it they ran the
 * TypeScript sources through tsx, whose loader thread, esbuild worker and kept source maps cost
 * memory for the process's whole life (bench/optimisations.md). `npm run dev`, the CLI and the
 * tests still run the sources through tsx.
 */
import type { Plugin } from 'esbuild'

import { readFileSync } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

import { build } from 'esbuild'

import { projectRoot } from '../src/runtime/paths'

export const SERVER_BUNDLE = path.join(projectRoot, 'dist', 'server', 'server.mjs')
export const WORKER_BUNDLE = path.join(projectRoot, 'dist', 'server', 'worker.mjs')

/** Our workspace plugins are TypeScript sources: bundled, not imported at run time. */
const isOwnPackage = (specifier: string) => specifier.startsWith('@quartiersnetz/')

/**
 * Code that finds files relative to itself (`import.meta.url`: the project root, the migrations)
 * keeps finding them from the bundle: each use becomes the URL its source file had, relative to
 * wherever the bundle is, so a checkout can move after the build.
 */
const keepModuleUrls: Plugin = {
  name: 'keep-module-urls',
  setup: (esbuild) => {
    esbuild.onLoad({ filter: /\.tsx?$/ }, async (args) => {
      const source = await fs.readFile(args.path, 'utf8')
      if (!source.includes('import.meta.url') || args.path.includes('node_modules')) {
        return undefined
      }
      const relative = path
        .relative(path.dirname(SERVER_BUNDLE), args.path)
        .split(path.sep)
        .join('/')
      return {
        contents: source.replaceAll(
          'import.meta.url',
          `new URL(${JSON.stringify(relative)}, import.meta.url).href`,
        ),
        loader: args.path.endsWith('x') ? 'tsx' : 'ts',
      }
    })
  },
}

/** Leaves every package import to Node, except our own TypeScript workspace packages. */
const externalPackages: Plugin = {
  name: 'external-packages',
  setup: (esbuild) => {
    esbuild.onResolve({ filter: /^[^./]/ }, (args) =>
      isOwnPackage(args.path) || args.path.startsWith('node:') ? undefined : { external: true },
    )
  },
}

export const buildServer = async ({ log = console.info }: { log?: (message: string) => void }) => {
  const started = Date.now()
  const result = await build({
    bundle: true,
    entryPoints: {
      server: path.join(projectRoot, 'src', 'server.ts'),
      worker: path.join(projectRoot, 'src', 'worker.ts'),
    },
    format: 'esm',
    legalComments: 'none',
    logLevel: 'warning',
    metafile: true,
    outdir: path.dirname(SERVER_BUNDLE),
    outExtension: { '.js': '.mjs' },
    platform: 'node',
    plugins: [externalPackages, keepModuleUrls],
    sourcemap: 'linked',
    target: 'node20',
    tsconfig: path.join(projectRoot, 'tsconfig.json'),
  })
  const megabytesOf = (bundle: string) =>
    (
      (result.metafile.outputs[path.relative(process.cwd(), bundle).split(path.sep).join('/')]
        ?.bytes ?? 0) /
      1024 /
      1024
    ).toFixed(1)
  log(
    `Server: ${path.relative(projectRoot, SERVER_BUNDLE)} (${megabytesOf(SERVER_BUNDLE)} MB), worker: ${path.relative(projectRoot, WORKER_BUNDLE)} (${megabytesOf(WORKER_BUNDLE)} MB), ${((Date.now() - started) / 1000).toFixed(1)} s`,
  )
  return pathToFileURL(SERVER_BUNDLE).href
}

/** An npm script of package.json, and what comes before and after its `node`. */
const splitAtNode = (name: string): { after?: string; before?: string; script?: string } => {
  const { scripts } = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>
  }
  const script = scripts[name]
  const match = /^(.*?)\bnode\s+(.+)$/.exec(script ?? '')
  return { after: match?.[2], before: match?.[1], script }
}

/**
 * What an npm script of package.json gives `node`: Node's options and the script, e.g.
 * `['--conditions=production', 'scripts/worker.mjs']` for `worker`, so that the
 * benchmark and the tests start processes as the scripts do.
 */
export const npmScriptNodeArgs = (name: string): string[] => {
  const { after, script } = splitAtNode(name)
  if (after === undefined) {
    throw new Error(`package.json's ${name} script runs no node: ${script}`)
  }
  return after.trim().split(/\s+/)
}

/**
 * The environment an npm script of package.json sets for `node` through cross-env (`NAME=value`
 * before `node`), without NODE_OPTIONS, which the caller sets: e.g. `{ NODE_ENV: 'production',
 * MALLOC_ARENA_MAX: '2' }` for `start`, so that processes started as the script starts them get
 * the same allocator settings.
 */
export const npmScriptEnv = (name: string): Record<string, string> => {
  const { before = '' } = splitAtNode(name)
  const env: Record<string, string> = {}
  for (const [, key, value] of before.matchAll(/\b([A-Z_][A-Z0-9_]*)=(\S+)/g)) {
    if (key !== 'NODE_OPTIONS') {
      env[key!] = value!
    }
  }
  return env
}

/**
 * What `npm start` runs: Node's options and the compiled script, e.g.
 * `['--max-old-space-size=384', '--conditions=production', 'scripts/start.mjs']`.
 */
export const npmStartArgs = (): string[] => {
  const args = npmScriptNodeArgs('start')
  if (!/\.m?js$/.test(args.at(-1) ?? '')) {
    throw new Error(`package.json's start script runs no compiled module: ${args.join(' ')}`)
  }
  return args
}
