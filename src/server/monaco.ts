/**
 * Serves the code editor of the admin's code and JSON fields (Monaco) from our own origin:
 * monaco-editor's `min/vs`, found where Node resolves the package (a fresh install, the compiled
 * server alike), under a path that names its version, so browsers keep the files for a year.
 * Payload's default would load it from a CDN (src/admin/codeEditors/loadMonaco.ts).
 */
import type { RequestHandler } from 'express'
import type { Payload } from 'payload'

import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

import express from 'express'

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
  // Mounted at MONACO_VS_PATH: nothing else is looked for below it.
  return (req, res) =>
    files(req, res, () => {
      res
        .status(404)
        .type('text/plain; charset=utf-8')
        .send('Diese Editor-Datei gibt es nicht. / No such editor file.')
    })
}
