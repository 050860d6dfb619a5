import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository root (this file lives in src/runtime/). */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/** Where runtime data lives: the embedded cluster, uploads, outgoing mail in development. */
export const dataDir = (): string => path.resolve(projectRoot, process.env.DATA_DIR || '.data')
