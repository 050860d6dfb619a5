/**
 * The software bill of materials: every package the running product consists of, with version,
 * licence, hash and purl, and who depends on whom, as CycloneDX JSON. It starts from npm's own
 * SBOM of the installed tree (`npm sbom --omit dev`, offline) and corrects what npm gets wrong:
 * - `--omit dev` drops every package that a dev tool also reaches, with all it needs: here esbuild,
 *   tsx, sass, pg-protocol and pg-types among about 80, which the server does run. What belongs
 *   in is decided instead by what npm itself installs without dev dependencies
 *   (`npm query .prod`); packages npm's SBOM left out are described from their package.json
 *   and the lockfile's hash, and the dependency graph is rebuilt from the same query.
 * - In a workspace, npm names the product and the plugins after their folders ("main",
 *   "ratings"); they get their package names.
 *
 * `npm run sbom` writes dist/quartiersnetz.cdx.json; `npm run sbom -- -` writes to stdout,
 * `npm run sbom -- <file>` to that file.
 */
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

import { projectRoot } from '../src/runtime/paths'

type License = { expression?: string; license?: { id?: string; name?: string } }

export type CycloneDxComponent = {
  'bom-ref': string
  description?: string
  hashes?: { alg: string; content: string }[]
  licenses?: License[]
  name: string
  purl?: string
  scope?: string
  type: string
  version: string
}

export type CycloneDxBom = {
  bomFormat: 'CycloneDX'
  components: CycloneDxComponent[]
  dependencies?: { dependsOn?: string[]; ref: string }[]
  metadata: { component: CycloneDxComponent; timestamp?: string }
  specVersion: string
}

type PackageJson = {
  dependencies?: Record<string, string>
  description?: string
  license?: string
  name: string
  version: string
}

/** A package as `npm query` describes it: its package.json and where it sits in the tree. */
type QueryNode = PackageJson & { _id: string; location: string; to?: string[] }

const DEFAULT_OUTPUT = 'dist/quartiersnetz.cdx.json'

const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(file, 'utf8')) as T

const purlOf = ({ name, version }: { name: string; version: string }) =>
  `pkg:npm/${name.replace(/^@/, '%40')}@${version}`

const licensesOf = (license: string | undefined): License[] =>
  !license
    ? []
    : /^[A-Za-z0-9.+-]+$/.test(license)
      ? [{ license: { id: license } }]
      : [{ expression: license }]

const hashesOf = (integrity: string | undefined) =>
  integrity?.startsWith('sha512-')
    ? [{ alg: 'SHA-512', content: Buffer.from(integrity.slice(7), 'base64').toString('hex') }]
    : []

/** Runs npm's own CLI (the one running this script under `npm run`, else `npm` from the PATH). */
const runNpm = (root: string, args: string[]) =>
  new Promise<string>((resolve, reject) => {
    const npmCli = process.env.npm_execpath
    const [command, prefix] = npmCli?.endsWith('.js')
      ? [process.execPath, [npmCli]]
      : ['npm', [] as string[]]
    execFile(
      command,
      [...prefix, ...args],
      { cwd: root, maxBuffer: 256 * 1024 * 1024 },
      (err, stdout, stderr) =>
        err
          ? reject(new Error(`npm ${args[0]} failed: ${stderr || err.message}`))
          : resolve(stdout),
    )
  })

export const createSbom = async ({ root = projectRoot }: { root?: string } = {}) => {
  const pkg = readJson<PackageJson>(path.join(root, 'package.json'))
  const lock = readJson<{ packages: Record<string, { integrity?: string }> }>(
    path.join(root, 'package-lock.json'),
  )
  const [sbom, query] = await Promise.all([
    runNpm(root, [
      'sbom',
      '--sbom-format',
      'cyclonedx',
      '--sbom-type',
      'application',
      '--omit',
      'dev',
    ]),
    runNpm(root, ['query', '.prod']),
  ])
  const bom = JSON.parse(sbom) as CycloneDxBom
  const nodes = JSON.parse(query) as QueryNode[]
  const productRef = `${pkg.name}@${pkg.version}`
  const listed = new Map(bom.components.map((component) => [component['bom-ref'], component]))

  const components = new Map<string, CycloneDxComponent>()
  for (const node of nodes) {
    if (node.location === '' || components.has(node._id)) {
      continue
    }
    const fromNpm = listed.get(node._id)
    components.set(
      node._id,
      fromNpm
        ? { ...fromNpm, name: node.name }
        : {
            'bom-ref': node._id,
            description: node.description,
            hashes: hashesOf(lock.packages[node.location]?.integrity),
            licenses: licensesOf(node.license),
            name: node.name,
            purl: purlOf(node),
            scope: 'required',
            type: 'library',
            version: node.version,
          },
    )
  }

  // Who depends on whom, among what is in. The product depends on its own dependencies and
  // workspaces (its edges to dev tools fall away even where a dev tool is also a production
  // package for another reason).
  const idAt = new Map(nodes.map((node) => [node.location, node._id]))
  const edges = new Map<string, Set<string>>()
  for (const node of nodes.filter(({ location }) => location !== '')) {
    const targets = edges.get(node._id) ?? new Set<string>()
    for (const location of node.to ?? []) {
      const id = idAt.get(location)
      if (id && id !== node._id && components.has(id)) {
        targets.add(id)
      }
    }
    edges.set(node._id, targets)
  }
  const topLevel = new Map(
    nodes
      .filter(({ location }) => location !== '' && !location.includes('node_modules/', 1))
      .map((node) => [node.name, node._id]),
  )
  const workspaces = nodes.filter(
    ({ location }) => location && !location.startsWith('node_modules/'),
  )
  edges.set(
    productRef,
    new Set(
      [...Object.keys(pkg.dependencies ?? {}), ...workspaces.map(({ name }) => name)]
        .map((name) => topLevel.get(name))
        .filter((id): id is string => Boolean(id)),
    ),
  )

  bom.metadata.component = {
    ...bom.metadata.component,
    'bom-ref': productRef,
    description: pkg.description,
    licenses: licensesOf(pkg.license),
    name: pkg.name,
    purl: purlOf(pkg),
    type: 'application',
    version: pkg.version,
  }
  bom.components = [...components.values()].sort((a, b) => a['bom-ref'].localeCompare(b['bom-ref']))
  bom.dependencies = [...edges]
    .map(([ref, targets]) => ({ dependsOn: [...targets].sort(), ref }))
    .sort((a, b) =>
      a.ref === productRef ? -1 : b.ref === productRef ? 1 : a.ref.localeCompare(b.ref),
    )
  return bom
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href
if (isMain) {
  const target = process.argv[2] ?? DEFAULT_OUTPUT
  const bom = await createSbom()
  const json = `${JSON.stringify(bom, null, 2)}\n`
  if (target === '-') {
    process.stdout.write(json)
  } else {
    const file = path.resolve(projectRoot, target)
    fs.mkdirSync(path.dirname(file), { recursive: true })
    fs.writeFileSync(file, json)
    const unlicensed = bom.components.filter((component) => !component.licenses?.length)
    console.info(
      `SBOM (CycloneDX ${bom.specVersion}) with ${bom.components.length} components written to ${path.relative(projectRoot, file)}.`,
    )
    if (unlicensed.length) {
      console.warn(
        `Without a declared licence: ${unlicensed.map((component) => component['bom-ref']).join(', ')}`,
      )
    }
  }
}
