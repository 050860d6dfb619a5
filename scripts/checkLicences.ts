/**
 * The REUSE check (https://reuse.software/spec-3.3/) without the REUSE tool, which is Python and
 * not part of this stack: every file git knows (committed, or new and not ignored) has a copyright
 * notice and a licence, from an SPDX header of its own, a `<name>.license` file beside it or a
 * table in REUSE.toml; every licence named has its text in LICENSES/, and LICENSES/ holds nothing
 * else. Globs and precedence follow the REUSE tool's reading of the spec (a `**` spans folders, the
 * last matching table wins, "closest" lets a file's own header win).
 *
 * `npm run check:licences` judges the files of `git ls-files` (add `-- --untracked` for new files
 * not yet added), prints what is missing and exits 1; tests call `checkLicences()`.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

import { projectRoot } from '../src/runtime/paths'

export type Precedence = 'aggregate' | 'closest' | 'override'

export type Annotation = {
  copyright: string[]
  licences: string[]
  paths: string[]
  precedence: Precedence
}

export type LicenceCheck = {
  /** The files judged (Covered Files in REUSE's words). */
  files: string[]
  /** The licences the files are under, e.g. ['MIT']. */
  licences: string[]
  /** One sentence per defect; empty when the repository is compliant. */
  problems: string[]
}

type Info = { copyright: string[]; licences: string[] }

/** REUSE.toml cannot be read: the message says where. */
export class ReuseTomlError extends Error {}

const PRECEDENCES: Precedence[] = ['aggregate', 'closest', 'override']

/**
 * Files that need no licensing information of their own (REUSE 3.3, "Covered File"): licence
 * texts, LICENSE/COPYING, `.license` companions, SPDX documents, the REUSE tool's folder. The root
 * REUSE.toml is covered by its own table; a nested one is reported.
 */
const isExempt = (file: string) =>
  file !== 'REUSE.toml' &&
  (file.startsWith('LICENSES/') ||
    file.startsWith('.reuse/') ||
    /^(LICENSE|COPYING)(\.[^/]*)?$/.test(path.posix.basename(file)) ||
    file.endsWith('.license') ||
    /\.spdx(\.(json|yaml|yml|xml|rdf|rdf\.xml))?$/.test(file) ||
    /(^|\/)REUSE\.toml$/.test(file))

// --- REUSE.toml --------------------------------------------------------------------------------

const parseTomlString = (raw: string, where: string): string => {
  const text = raw.trim()
  if (text.startsWith("'") && text.endsWith("'") && text.length >= 2) {
    return text.slice(1, -1)
  }
  if (text.startsWith('"') && text.endsWith('"') && text.length >= 2) {
    return JSON.parse(text) as string
  }
  throw new ReuseTomlError(`REUSE.toml ${where}: expected a quoted string, found ${text}`)
}

const parseTomlValue = (raw: string, where: string): number | string | string[] => {
  const text = raw.trim()
  if (/^\d+$/.test(text)) {
    return Number(text)
  }
  if (text.startsWith('[')) {
    if (!text.endsWith(']')) {
      throw new ReuseTomlError(`REUSE.toml ${where}: an array without its closing bracket`)
    }
    const items: string[] = []
    // Strings may contain commas; match them one by one.
    const pattern = /\s*("(?:[^"\\]|\\.)*"|'[^']*')\s*(,|$)/gy
    const inner = text.slice(1, -1).trim()
    let match: RegExpExecArray | null
    while (pattern.lastIndex < inner.length && (match = pattern.exec(inner))) {
      items.push(parseTomlString(match[1]!, where))
    }
    if (pattern.lastIndex < inner.length) {
      throw new ReuseTomlError(`REUSE.toml ${where}: cannot read the array ${text}`)
    }
    return items
  }
  return parseTomlString(text, where)
}

/** Drops a comment that starts outside a string. */
const stripComment = (line: string) => {
  let quote: string | undefined
  for (let index = 0; index < line.length; index++) {
    const char = line[index]!
    if (quote) {
      if (char === '\\' && quote === '"') {
        index++
      } else if (char === quote) {
        quote = undefined
      }
    } else if (char === '"' || char === "'") {
      quote = char
    } else if (char === '#') {
      return line.slice(0, index)
    }
  }
  return line
}

const asList = (value: unknown): string[] =>
  value === undefined ? [] : Array.isArray(value) ? value.map(String) : [String(value)]

/**
 * The part of TOML that REUSE.toml uses: `version`, `[[annotations]]` tables of strings and string
 * arrays (arrays may span lines), comments. Anything else is refused rather than misread.
 */
export const parseReuseToml = (text: string): { annotations: Annotation[]; version: number } => {
  const tables: Record<string, unknown>[] = []
  const top: Record<string, unknown> = {}
  let current = top
  const lines = text.split(/\r?\n/)
  for (let index = 0; index < lines.length; index++) {
    const where = `line ${index + 1}`
    let line = stripComment(lines[index]!).trim()
    if (!line) {
      continue
    }
    if (line === '[[annotations]]') {
      current = {}
      tables.push(current)
      continue
    }
    if (line.startsWith('[')) {
      throw new ReuseTomlError(`REUSE.toml ${where}: unknown table ${line}`)
    }
    const equals = line.indexOf('=')
    if (equals < 0) {
      throw new ReuseTomlError(`REUSE.toml ${where}: expected key = value`)
    }
    const key = line.slice(0, equals).trim()
    let value = line.slice(equals + 1).trim()
    // An array continues until its closing bracket.
    while (value.startsWith('[') && !stripComment(value).trim().endsWith(']')) {
      index++
      if (index >= lines.length) {
        throw new ReuseTomlError(`REUSE.toml ${where}: an array without its closing bracket`)
      }
      line = stripComment(lines[index]!).trim()
      value = `${value} ${line}`
    }
    current[key] = parseTomlValue(value.replace(/,\s*]$/, ']'), where)
  }
  if (typeof top.version !== 'number') {
    throw new ReuseTomlError('REUSE.toml: `version = 1` is missing')
  }
  const annotations = tables.map((table, index): Annotation => {
    const precedence = (table.precedence ?? 'closest') as Precedence
    if (!PRECEDENCES.includes(precedence)) {
      throw new ReuseTomlError(
        `REUSE.toml annotation ${index + 1}: unknown precedence ${precedence}`,
      )
    }
    const paths = asList(table.path)
    if (!paths.length) {
      throw new ReuseTomlError(`REUSE.toml annotation ${index + 1}: \`path\` is missing`)
    }
    return {
      copyright: asList(table['SPDX-FileCopyrightText']),
      licences: asList(table['SPDX-License-Identifier']),
      paths,
      precedence,
    }
  })
  return { annotations, version: top.version }
}

/** A REUSE.toml path glob as the REUSE tool reads it: `*` within a folder, `**` across folders. */
export const globToRegExp = (glob: string): RegExp => {
  let source = ''
  let isEscaping = false
  let isGlobstar = false
  let previous = ''
  for (const char of glob) {
    if (char === '\\') {
      if (previous === '\\' && isEscaping) {
        isEscaping = false
        source += '\\\\'
      } else {
        isEscaping = true
      }
    } else if (char === '*') {
      if (isEscaping) {
        source += '\\*'
        isEscaping = false
      } else if (previous === '*' && !isGlobstar) {
        isGlobstar = true
        source += '.*'
      }
    } else if (char === '/') {
      if (!isGlobstar) {
        source += '/'
      }
      isEscaping = false
    } else {
      if (previous === '*' && !isGlobstar) {
        source += '[^/]*'
      }
      source += char.replace(/[.+?^${}()|[\]\\]/g, '\\$&')
      isGlobstar = false
      isEscaping = false
    }
    previous = char
  }
  if (previous === '*' && !isGlobstar) {
    source += '[^/]*'
  }
  return new RegExp(`^(?:${source})$`)
}

// --- headers -----------------------------------------------------------------------------------

const isBinary = (content: Buffer) => content.subarray(0, 8000).includes(0)

/** A tag's value without the comment's closing characters (`*\/`, `-->`). */
const tagValue = (value: string) => value.replace(/\s*(\*\/|-->|#}|%}|\*\)|")\s*$/, '').trim()

// The tags are assembled, not written out: written out, this file would carry tags it is not
// under, and a REUSE reader (this one included) would take them for its header.
const TAG = {
  copyright: ['SPDX', 'FileCopyrightText:'].join('-'),
  ignoreEnd: ['REUSE', 'IgnoreEnd'].join('-'),
  ignoreStart: ['REUSE', 'IgnoreStart'].join('-'),
  licence: ['SPDX', 'License', 'Identifier:'].join('-'),
}
const tagPattern = (tag: string) => new RegExp(`^.*?${tag}[ \\t]*(.+)$`, 'gm')
const ignoredBlocks = new RegExp(`${TAG.ignoreStart}[\\s\\S]*?(${TAG.ignoreEnd}|$)`, 'g')

/**
 * The SPDX tags in a file (copyright notices and licence expressions), outside the blocks a file
 * marks as quoting tags it is not under (REUSE's ignore markers).
 */
export const headerInfo = (text: string): Info => {
  const visible = text.replace(ignoredBlocks, '')
  const values = (tag: string) =>
    [...visible.matchAll(tagPattern(tag))].map((match) => tagValue(match[1]!)).filter(Boolean)
  return { copyright: values(TAG.copyright), licences: values(TAG.licence) }
}

const ownInfo = (root: string, file: string): Info => {
  const companion = path.join(root, `${file}.license`)
  if (fs.existsSync(companion)) {
    return headerInfo(fs.readFileSync(companion, 'utf8'))
  }
  const content = fs.readFileSync(path.join(root, file))
  return isBinary(content) ? { copyright: [], licences: [] } : headerInfo(content.toString('utf8'))
}

// --- licence expressions -----------------------------------------------------------------------

const LICENCE_ID = /^(LicenseRef-[A-Za-z0-9.-]+|[A-Za-z0-9][A-Za-z0-9.-]*\+?)$/

/** The licence and exception identifiers of an SPDX expression, or the reason it is malformed. */
export const licenceIds = (expression: string): { ids: string[] } | { error: string } => {
  const tokens = expression
    .replace(/[()]/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .filter((token) => !['AND', 'OR', 'WITH'].includes(token))
  if (!tokens.length) {
    return { error: `an empty licence expression` }
  }
  const malformed = tokens.find((token) => !LICENCE_ID.test(token))
  if (malformed) {
    return { error: `"${malformed}" in "${expression}" is no SPDX licence identifier` }
  }
  return { ids: tokens.map((token) => token.replace(/\+$/, '')) }
}

// --- the check ---------------------------------------------------------------------------------

/**
 * The files of the repository as git lists them (`git ls-files`: committed or staged), or with
 * `isIncludingUntracked` also the new files git does not ignore (what `reuse lint` would judge).
 */
export const filesOf = (root: string, { isIncludingUntracked = false } = {}): string[] => {
  const output = execFileSync(
    'git',
    [
      'ls-files',
      '-z',
      '--cached',
      ...(isIncludingUntracked ? ['--others', '--exclude-standard'] : []),
    ],
    { cwd: root, maxBuffer: 64 * 1024 * 1024 },
  ).toString('utf8')
  return [...new Set(output.split('\0').filter(Boolean))]
    .filter((file) => {
      const stat = fs.lstatSync(path.join(root, file), { throwIfNoEntry: false })
      // Deleted but not yet committed, symlinks and empty files are not Covered Files.
      return stat?.isFile() && stat.size > 0
    })
    .sort()
}

export const checkLicences = ({
  isIncludingUntracked = false,
  root,
}: {
  isIncludingUntracked?: boolean
  root: string
}): LicenceCheck => {
  const problems: string[] = []
  const tomlPath = path.join(root, 'REUSE.toml')
  let annotations: (Annotation & { patterns: RegExp[] })[] = []
  if (fs.existsSync(tomlPath)) {
    try {
      const parsed = parseReuseToml(fs.readFileSync(tomlPath, 'utf8'))
      if (parsed.version !== 1) {
        problems.push(`REUSE.toml: version ${parsed.version} is not 1.`)
      }
      annotations = parsed.annotations.map((annotation) => ({
        ...annotation,
        patterns: annotation.paths.map(globToRegExp),
      }))
    } catch (err) {
      if (!(err instanceof ReuseTomlError)) {
        throw err
      }
      problems.push(err.message)
    }
  }

  const all = filesOf(root, { isIncludingUntracked })
  for (const nested of all.filter(
    (file) => file !== 'REUSE.toml' && /(^|\/)REUSE\.toml$/.test(file),
  )) {
    problems.push(
      `${nested}: a REUSE.toml below the root is not read by this check; merge it into the root one.`,
    )
  }
  const files = all.filter((file) => !isExempt(file))
  const used = new Map<string, string>()
  for (const file of files) {
    const own = ownInfo(root, file)
    // The last matching table wins (REUSE 3.3).
    const table = [...annotations]
      .reverse()
      .find((annotation) => annotation.patterns.some((pattern) => pattern.test(file)))
    let info: Info = own
    if (table?.precedence === 'override') {
      info = table
    } else if (table?.precedence === 'aggregate') {
      info = {
        copyright: [...own.copyright, ...table.copyright],
        licences: [...own.licences, ...table.licences],
      }
    } else if (table) {
      info = {
        copyright: own.copyright.length ? own.copyright : table.copyright,
        licences: own.licences.length ? own.licences : table.licences,
      }
    }
    if (!info.copyright.length || !info.licences.length) {
      const missing = [
        info.copyright.length ? undefined : 'copyright',
        info.licences.length ? undefined : 'licence',
      ]
        .filter(Boolean)
        .join(' and ')
      problems.push(
        `${file}: no ${missing}. Cover it in REUSE.toml or give it an SPDX header (or ${file}.license).`,
      )
      continue
    }
    for (const expression of info.licences) {
      const result = licenceIds(expression)
      if ('error' in result) {
        problems.push(`${file}: ${result.error}.`)
        continue
      }
      for (const id of result.ids) {
        if (!used.has(id)) {
          used.set(id, file)
        }
      }
    }
  }

  const licencesDir = path.join(root, 'LICENSES')
  const texts = new Map<string, string>()
  for (const entry of fs.existsSync(licencesDir) ? fs.readdirSync(licencesDir) : []) {
    const id = entry.replace(/\.[^.]+$/, '')
    if (!LICENCE_ID.test(id) || id === entry) {
      problems.push(`LICENSES/${entry}: LICENSES/ holds only licence texts named <SPDX id>.<ext>.`)
      continue
    }
    if (!fs.readFileSync(path.join(licencesDir, entry), 'utf8').trim()) {
      problems.push(`LICENSES/${entry}: the licence text is empty.`)
    }
    texts.set(id, entry)
  }
  for (const [id, file] of used) {
    if (!texts.has(id)) {
      problems.push(`${id} (used by ${file} and maybe others) has no text in LICENSES/${id}.txt.`)
    }
  }
  for (const [id, entry] of texts) {
    if (!used.has(id)) {
      problems.push(`LICENSES/${entry}: no file is under ${id}; remove the text or the mistake.`)
    }
  }
  return { files, licences: [...used.keys()].sort(), problems }
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href
if (isMain) {
  const root = projectRoot
  // `--untracked`: also the files not yet added to git (before a commit).
  const { files, licences, problems } = checkLicences({
    isIncludingUntracked: process.argv.includes('--untracked'),
    root,
  })
  if (problems.length) {
    console.error(`Licence information incomplete (REUSE 3.3):\n  ${problems.join('\n  ')}`)
    process.exit(1)
  }
  console.info(
    `Licence information complete (REUSE 3.3): ${files.length} files, licences ${licences.join(', ')} with their texts in LICENSES/.`,
  )
}
