/**
 * Bundles the widgets (widgets/index.ts and what it imports, lit included) into one ES module
 * with esbuild, names it by its content's hash and pairs it with a tiny loader under the
 * stable address member sites paste:
 *
 *   /widgets/v1/quartiersnetz.js            import './quartiersnetz-<hash>.js'  (revalidated: ETag)
 *   /widgets/v1/quartiersnetz-<hash>.js     the bundle                          (immutable, a year)
 *
 * so a deploy reaches every page at once while browsers keep the bundle itself for a year.
 */
import crypto from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

import * as esbuild from 'esbuild'

const widgetsDir = path.dirname(fileURLToPath(import.meta.url))

/** Where `npm run build` writes the files (git-ignored). */
export const WIDGETS_DIST_DIR = path.join(widgetsDir, 'dist', 'v1')
export const LOADER_NAME = 'quartiersnetz.js'

export type WidgetFile = {
  brotli: Buffer
  body: Buffer
  etag: string
  gzip: Buffer
  isImmutable: boolean
  name: string
}

export type WidgetBuild = {
  /** The hashed bundle's name, e.g. quartiersnetz-3f2a9c1b7d.js. */
  bundleName: string
  files: Map<string, WidgetFile>
}

const fileOf = (name: string, body: Buffer, isImmutable: boolean): WidgetFile => ({
  body,
  brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
  etag: `"${crypto.createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`,
  gzip: gzipSync(body, { level: 9 }),
  isImmutable,
  name,
})

const buildOptions: esbuild.BuildOptions = {
  bundle: true,
  charset: 'utf8',
  entryPoints: [path.join(widgetsDir, 'index.ts')],
  format: 'esm',
  // lit's licence (BSD-3-Clause) asks that its notice travel with the code: kept at the end.
  legalComments: 'eof',
  minify: true,
  // Browsers of the last few years: custom elements, shadow DOM, optional chaining.
  target: ['chrome100', 'edge100', 'firefox100', 'safari15.4'],
  write: false,
}

const toBuild = (bundle: Buffer): WidgetBuild => {
  const hash = crypto.createHash('sha256').update(bundle).digest('hex').slice(0, 10)
  const bundleName = `quartiersnetz-${hash}.js`
  const loader = Buffer.from(`import './${bundleName}';\n`)
  return {
    bundleName,
    files: new Map([
      [bundleName, fileOf(bundleName, bundle, true)],
      [LOADER_NAME, fileOf(LOADER_NAME, loader, false)],
    ]),
  }
}

/** Builds the widgets in memory. */
export const buildWidgets = async (): Promise<WidgetBuild> => {
  const result = await esbuild.build(buildOptions)
  return toBuild(Buffer.from(result.outputFiles![0]!.contents))
}

/** Rebuilds on every change of a widget source (development); `onBuild` gets each new build. */
export const watchWidgets = async ({
  onBuild,
  onError,
}: {
  onBuild: (build: WidgetBuild) => void
  onError: (message: string) => void
}) => {
  const context = await esbuild.context({
    ...buildOptions,
    plugins: [
      {
        name: 'quartiersnetz-widgets',
        setup(build) {
          build.onEnd((result) => {
            if (result.errors.length || !result.outputFiles?.[0]) {
              onError(result.errors.map((error) => error.text).join('\n'))
              return
            }
            onBuild(toBuild(Buffer.from(result.outputFiles[0].contents)))
          })
        },
      },
    ],
  })
  await context.watch()
  return { stop: () => context.dispose() }
}

/** Writes a build to `dir` (replacing what was there): what `npm run build` ships. */
export const writeWidgets = async (build: WidgetBuild, dir = WIDGETS_DIST_DIR) => {
  const staging = `${dir}.tmp-${process.pid}`
  await fs.rm(staging, { force: true, recursive: true })
  await fs.mkdir(staging, { recursive: true })
  for (const file of build.files.values()) {
    await fs.writeFile(path.join(staging, file.name), file.body)
  }
  await fs.rm(dir, { force: true, recursive: true })
  await fs.rename(staging, dir)
}

/** Reads what `writeWidgets` wrote, or undefined when nothing was built. */
export const readWidgets = async (dir = WIDGETS_DIST_DIR): Promise<undefined | WidgetBuild> => {
  const loader = await fs
    .readFile(path.join(dir, LOADER_NAME), 'utf8')
    .catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') {
        return undefined
      }
      throw err
    })
  const bundleName = loader && /import '\.\/(quartiersnetz-[0-9a-f]{10}\.js)'/.exec(loader)?.[1]
  if (!bundleName) {
    return undefined
  }
  return toBuild(await fs.readFile(path.join(dir, bundleName)))
}

/** Sizes for docs/widgets.md and `npm run bench`. */
export const sizesOf = (build: WidgetBuild) => {
  const bundle = build.files.get(build.bundleName)!
  return {
    brotliBytes: bundle.brotli.length,
    bytes: bundle.body.length,
    gzipBytes: bundle.gzip.length,
  }
}
