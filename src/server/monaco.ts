/**
 * Serves the code editor of the admin's code and JSON fields (Monaco) from our own origin:
 * monaco-editor's `min/vs`, found where Node resolves the package (a fresh install, the compiled
 * server alike), under a path that names its version, so browsers keep the files for a year.
 * Payload's default would load it from a CDN (src/admin/codeEditors/loadMonaco.ts).
 *
 * The files are text and large (the editor alone 2.4 MB): scripts, styles and JSON go out
 * compressed (brotli, else gzip), each compressed once on its first request and then kept
 * in memory (only what editors' browsers ask for: about 700 KB for a JSON field).
 */
import type { RequestHandler } from 'express'
import type { Payload } from 'payload'

import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

import express from 'express'
import { promisify } from 'node:util'
import zlib from 'node:zlib'

import { MONACO_VERSION } from '../admin/codeEditors/monacoPath'

/** monaco-editor's `min/vs` folder and the installed version. */
export const monacoFiles = () => {
  // The package's `require` entry is min/vs/index.js (its package.json is not exported).
  const vsDirectory = path.dirname(createRequire(import.meta.url).resolve('monaco-editor'))
  const { version } = JSON.parse(
    fs.readFileSync(path.join(vsDirectory, '..', '..', 'package.json'), 'utf8'),
  ) as { version: string }
  return { version, vsDirectory }
}

/** What is worth compressing, by extension, with its Content-Type. */
const COMPRESSIBLE: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.ttf': 'font/ttf',
}

const ENCODINGS = ['br', 'gzip'] as const

const brotli = promisify(zlib.brotliCompress)
const gzip = promisify(zlib.gzip)

/**
 * The compressed variants of the files asked for, made once each (brotli at quality 5: nearly
 * the size of the best, at a fraction of its time for a 2.4 MB file). A failed compression is
 * forgotten, so the next request tries again; meanwhile the file goes out uncompressed.
 */
const compressedFiles = (vsDirectory: string) => {
  const made = new Map<string, Promise<Buffer | null>>()
  return (file: string, encoding: 'br' | 'gzip') => {
    const key = `${encoding}:${file}`
    let variant = made.get(key)
    if (!variant) {
      variant = fs.promises
        .readFile(path.join(vsDirectory, file))
        .then((raw) =>
          encoding === 'br'
            ? brotli(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } })
            : gzip(raw, { level: 6 }),
        )
        .catch(() => {
          made.delete(key)
          return null
        })
      made.set(key, variant)
    }
    return variant
  }
}

/** The file below `vsDirectory` a request names, if it is one worth compressing. */
const compressibleFile = (vsDirectory: string, requestPath: string): null | string => {
  let relative: string
  try {
    relative = path.normalize(decodeURIComponent(requestPath)).replace(/^[/\\]+/, '')
  } catch {
    return null
  }
  if (
    !COMPRESSIBLE[path.extname(relative)] ||
    relative.startsWith('..') ||
    relative.split(/[/\\]/).some((part) => part.startsWith('.')) ||
    !fs.existsSync(path.join(vsDirectory, relative))
  ) {
    return null
  }
  return relative
}

export const serveMonaco = ({ logger }: { logger: Payload['logger'] }): RequestHandler => {
  const { version, vsDirectory } = monacoFiles()
  if (version !== MONACO_VERSION) {
    logger.warn({
      msg: `monaco-editor ${version} ist installiert, das Admin-Panel erwartet ${MONACO_VERSION} (src/admin/codeEditors/monacoPath.ts): Code- und JSON-Felder bleiben leer.`,
    })
  }
  const files = express.static(vsDirectory, {
    dotfiles: 'ignore',
    immutable: true,
    index: false,
    maxAge: '365d',
    redirect: false,
  })
  const compressed = compressedFiles(vsDirectory)
  const notFound: RequestHandler = (req, res) =>
    files(req, res, () => {
      res
        .status(404)
        .type('text/plain; charset=utf-8')
        .send('Diese Editor-Datei gibt es nicht. / No such editor file.')
    })
  // Mounted at MONACO_VS_PATH: nothing else is looked for below it.
  return (req, res, next) => {
    const file =
      req.method === 'GET' || req.method === 'HEAD' ? compressibleFile(vsDirectory, req.path) : null
    // Brotli where the browser takes it (clients list gzip first: ask for each); no
    // Accept-Encoding at all: plain (a client that says nothing may decode nothing).
    const encoding =
      file && req.headers['accept-encoding']
        ? ENCODINGS.find((each) => req.acceptsEncodings(each) === each)
        : undefined
    res.vary('Accept-Encoding')
    if (!file || !encoding) {
      notFound(req, res, next)
      return
    }
    void compressed(file, encoding).then((body) => {
      if (!body) {
        notFound(req, res, next)
        return
      }
      res
        .status(200)
        .set({
          'Cache-Control': 'public, max-age=31536000, immutable',
          'Content-Encoding': encoding,
          'Content-Type': COMPRESSIBLE[path.extname(file)]!,
        })
        .end(req.method === 'HEAD' ? undefined : body)
    })
  }
}
