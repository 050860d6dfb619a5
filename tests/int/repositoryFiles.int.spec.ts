/**
 * What public-sector open-source platforms expect of the repository, checked: publiccode.yml
 * against the standard's required keys and vocabularies, SECURITY.md, licence information per
 * file (REUSE 3.3, scripts/checkLicences.ts, also shown failing on a repository of its own), the
 * SBOM (scripts/sbom.ts) and the accessibility statement template.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'

import { afterAll, describe, expect, it } from 'vitest'

import { projectRoot } from '../../src/runtime/paths'
import { checkLicences, globToRegExp } from '../../scripts/checkLicences'
import { createSbom } from '../../scripts/sbom'

// js-yaml comes with ESLint and Payload; it has no types of its own here.
const { load: loadYaml } = createRequire(import.meta.url)('js-yaml') as {
  load: (text: string) => unknown
}

type PackageJson = {
  dependencies: Record<string, string>
  devDependencies: Record<string, string>
  engines: { node: string }
  license: string
  version: string
}

const read = (file: string) => fs.readFileSync(path.join(projectRoot, file), 'utf8')
const pkg = JSON.parse(read('package.json')) as PackageJson

/** The standard's controlled vocabulary of categories (publiccode.yml, categories-list). */
const CATEGORIES = `accounting agile-project-management applicant-tracking application-development
appointment-scheduling backup billing-and-invoicing blog budgeting business-intelligence
business-process-management cad call-center-management cloud-management collaboration
communications compliance-management contact-management content-management crm
customer-service-and-support data-analytics data-collection data-visualization design
design-system digital-asset-management digital-citizenship document-management donor-management
e-commerce e-signature educational-content email-management email-marketing employee-management
enterprise-project-management enterprise-social-networking erp event-management
facility-management feedback-and-reviews-management financial-reporting fleet-management
fundraising gamification geographic-information-systems grant-management graphic-design
help-desk hr ide identity-management instant-messaging inventory-management it-asset-management
it-development it-management it-security it-service-management knowledge-management
learning-management-system marketing mind-mapping mobile-marketing mobile-payment
network-management office online-booking online-community payment-gateway payroll
predictive-analysis procurement productivity-suite project-collaboration project-management
property-management real-estate-management remote-support resource-management sales-management
seo service-desk social-media-management survey talent-management task-management
taxes-management test-management time-management time-tracking translation video-conferencing
video-editing visitor-management voip warehouse-management web-collaboration web-conferencing
website-builder whistleblowing workflow-management`.split(/\s+/)

const SCOPES =
  `agriculture culture defence education emergency-services employment energy environment
finance-and-economic-development foreign-affairs healthcare infrastructures justice
local-authorities manufacturing research science-and-technology security society sport tourism
transportation welfare`.split(/\s+/)

type Description = {
  features?: string[]
  longDescription?: string
  shortDescription?: string
}

type PublicCode = {
  categories?: string[]
  dependsOn?: { open?: { name: string; versionMin?: string }[] }
  description?: Record<string, Description>
  developmentStatus?: string
  intendedAudience?: { countries?: string[]; scope?: string[] }
  legal?: { license?: string }
  localisation?: { availableLanguages?: string[]; localisationReady?: unknown }
  maintenance?: {
    contacts?: { name?: string }[]
    contractors?: { name?: string; until?: string }[]
    type?: string
  }
  name?: string
  platforms?: string[]
  publiccodeYmlVersion?: string
  releaseDate?: string
  softwareType?: string
  softwareVersion?: string
  url?: string
}

describe('publiccode.yml', () => {
  const publiccode = loadYaml(read('publiccode.yml')) as PublicCode

  it('should have the required top-level keys with allowed values (standard 0.4)', () => {
    expect(publiccode.publiccodeYmlVersion).toBe('0.4')
    expect(publiccode.name).toBe('Quartiersnetz')
    expect(() => new URL(publiccode.url ?? '')).not.toThrow()
    expect(publiccode.platforms).toContain('web')
    expect(publiccode.categories?.length).toBeGreaterThan(0)
    for (const category of publiccode.categories ?? []) {
      expect(CATEGORIES, category).toContain(category)
    }
    expect(['concept', 'development', 'beta', 'stable', 'obsolete']).toContain(
      publiccode.developmentStatus,
    )
    expect([
      'standalone/mobile',
      'standalone/iot',
      'standalone/desktop',
      'standalone/web',
      'standalone/backend',
      'standalone/other',
      'addon',
      'library',
      'configurationFiles',
    ]).toContain(publiccode.softwareType)
    for (const scope of publiccode.intendedAudience?.scope ?? []) {
      expect(SCOPES, scope).toContain(scope)
    }
    expect(publiccode.intendedAudience?.countries).toEqual(['de'])
  })

  it('should name the version of package.json and a valid release date', () => {
    expect(publiccode.softwareVersion).toBe(pkg.version)
    expect(publiccode.releaseDate).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(new Date(`${publiccode.releaseDate}T00:00:00Z`).toISOString().slice(0, 10)).toBe(
      publiccode.releaseDate,
    )
  })

  it('should describe the software in German and English within the standard’s lengths', () => {
    expect(Object.keys(publiccode.description ?? {}).sort()).toEqual(['de', 'en'])
    for (const [language, description] of Object.entries(publiccode.description ?? {})) {
      const { features = [], longDescription = '', shortDescription = '' } = description
      expect(shortDescription.length, language).toBeGreaterThan(0)
      expect(shortDescription.length, language).toBeLessThanOrEqual(150)
      expect(shortDescription, language).not.toContain('\n')
      expect(longDescription.length, language).toBeGreaterThanOrEqual(150)
      expect(longDescription.length, language).toBeLessThanOrEqual(10_000)
      expect(features.length, language).toBeGreaterThanOrEqual(5)
    }
  })

  it('should state the licence of package.json, whose text is in LICENSES/', () => {
    expect(publiccode.legal?.license).toBe(pkg.license)
    expect(fs.existsSync(path.join(projectRoot, 'LICENSES', `${pkg.license}.txt`))).toBe(true)
  })

  it('should name maintenance contacts as its maintenance type requires', () => {
    const { contacts = [], contractors = [], type } = publiccode.maintenance ?? {}
    expect(['internal', 'contract', 'community', 'none']).toContain(type)
    if (type === 'internal' || type === 'community') {
      expect(contacts.length).toBeGreaterThan(0)
      expect(contacts.every(({ name }) => Boolean(name?.trim()))).toBe(true)
    }
    if (type === 'contract') {
      expect(contractors.every(({ name, until }) => name && until)).toBe(true)
    }
  })

  it('should declare German and English and the runtime it depends on', () => {
    expect(publiccode.localisation?.localisationReady).toBe(true)
    expect(publiccode.localisation?.availableLanguages).toEqual(['de', 'en'])
    const open = publiccode.dependsOn?.open ?? []
    expect(open.map(({ name }) => name)).toEqual(['PostgreSQL', 'Node.js'])
    const node = open.find(({ name }) => name === 'Node.js')
    expect(pkg.engines.node).toBe(`>=${node?.versionMin}.0`)
  })
})

describe('SECURITY.md', () => {
  const security = read('SECURITY.md')

  it('should say in German and English how to report privately and what to include', () => {
    expect(security).toContain('## Deutsch')
    expect(security).toContain('## English')
    expect(security).toContain('Report a vulnerability')
    expect(security).toContain('### Was die Meldung enthalten sollte')
    expect(security).toContain('### What to include')
  })

  it('should name the supported version line of package.json and the response times', () => {
    const line = pkg.version.replace(/\.\d+$/, '.x')
    expect(security).toContain(`| ${line} (die jeweils neueste) | ja |`)
    expect(security).toContain(`| ${line} (the latest) | yes |`)
    expect(security).toContain('innerhalb von 5 Werktagen')
    expect(security).toContain('within 5 working days')
  })
})

describe('licence information per file (REUSE 3.3)', () => {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'qn-reuse-'))

  afterAll(() => {
    fs.rmSync(scratch, { force: true, recursive: true })
  })

  it('should find a copyright and a licence for every file git lists, with each licence text', () => {
    const { files, licences, problems } = checkLicences({ root: projectRoot })
    expect(problems).toEqual([])
    expect(licences).toEqual(['MIT'])
    expect(files).toContain('payload.config.ts')
    expect(files).toContain('payload-types.ts')
    expect(files.some((file) => file.startsWith('migrations/'))).toBe(true)
    expect(fs.readFileSync(path.join(projectRoot, 'LICENSE'), 'utf8')).toContain('MIT License')
  })

  it('should read REUSE.toml globs as the REUSE tool does', () => {
    expect(globToRegExp('**/*.ts').test('payload.config.ts')).toBe(true)
    expect(globToRegExp('**/*.ts').test('plugins/ratings/index.ts')).toBe(true)
    expect(globToRegExp('*.ts').test('plugins/ratings/index.ts')).toBe(false)
    expect(globToRegExp('src/app/(payload)/**').test('src/app/(payload)/admin/importMap.js')).toBe(
      true,
    )
    expect(globToRegExp('migrations/**').test('migrations.ts')).toBe(false)
  })

  it('should report a file without licence, a licence without text and a text no file uses', () => {
    const write = (file: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(scratch, file)), { recursive: true })
      fs.writeFileSync(path.join(scratch, file), text)
    }
    write(
      'REUSE.toml',
      [
        'version = 1',
        '[[annotations]]',
        'path = ["**/*.ts", "REUSE.toml"]',
        'SPDX-FileCopyrightText = "2026 Beispiel"',
        'SPDX-License-Identifier = "MIT"',
      ].join('\n'),
    )
    write('LICENSES/MIT.txt', 'MIT License\n')
    write('LICENSES/0BSD.txt', '0BSD\n')
    write('src/covered.ts', 'export const a = 1\n')
    write('picture.png', '\u0089PNG\u0000binary')
    // The tags are assembled so that this test file does not carry them itself.
    const tag = (name: string) => ['SPDX', name].join('-')
    write(
      'vendored.js',
      `// ${tag('FileCopyrightText')}: 2020 Jemand\n// ${tag('License-Identifier')}: Apache-2.0\n`,
    )
    execFileSync('git', ['init', '-q'], { cwd: scratch })
    execFileSync('git', ['add', '.'], { cwd: scratch })

    const { files, problems } = checkLicences({ root: scratch })
    expect(files).toEqual(['REUSE.toml', 'picture.png', 'src/covered.ts', 'vendored.js'])
    expect(problems).toEqual([
      'picture.png: no copyright and licence. Cover it in REUSE.toml or give it an SPDX header (or picture.png.license).',
      'Apache-2.0 (used by vendored.js and maybe others) has no text in LICENSES/Apache-2.0.txt.',
      'LICENSES/0BSD.txt: no file is under 0BSD; remove the text or the mistake.',
    ])
  })
})

describe('the SBOM (CycloneDX)', () => {
  it('should list the product, every direct dependency as installed and no dev dependency', async () => {
    const bom = await createSbom()
    expect(bom.bomFormat).toBe('CycloneDX')
    expect(bom.specVersion).toMatch(/^1\.\d+$/)
    expect(bom.metadata.component).toMatchObject({
      licenses: [{ license: { id: 'MIT' } }],
      name: 'quartiersnetz',
      type: 'application',
      version: pkg.version,
    })
    const byName = new Map(bom.components.map((component) => [component.name, component]))
    for (const name of Object.keys(pkg.dependencies)) {
      const installed = (
        JSON.parse(read(`node_modules/${name}/package.json`)) as { version: string }
      ).version
      // A package may be listed in several versions (nested copies): the top-level one counts.
      const component = bom.components.find(
        (candidate) => candidate.name === name && candidate.version === installed,
      )
      expect(component, `${name}@${installed}`).toBeDefined()
      expect(component?.purl, name).toMatch(/^pkg:npm\//)
      expect(component?.licenses?.length, name).toBeGreaterThan(0)
    }
    // Dev tools stay out; what the server runs stays in, also where a dev tool reaches it too
    // (`npm sbom --omit dev` alone drops esbuild, tsx and pg's protocol, among others).
    for (const name of ['vitest', 'eslint', 'playwright-core', 'autocannon', 'smtp-server']) {
      expect(byName.has(name), name).toBe(false)
    }
    for (const name of ['esbuild', 'tsx', 'pg-protocol', 'pg-types']) {
      expect(byName.has(name), name).toBe(true)
    }
    for (const plugin of ['plugin-ratings', 'plugin-comments', 'plugin-event-registration']) {
      expect(byName.get(`@quartiersnetz/${plugin}`)?.licenses).toEqual([{ license: { id: 'MIT' } }])
    }
    // Every dependency edge points at a component of the document.
    const refs = new Set([
      bom.metadata.component['bom-ref'],
      ...bom.components.map((component) => component['bom-ref']),
    ])
    const edges = (bom.dependencies ?? []).flatMap(({ dependsOn = [], ref }) => [ref, ...dependsOn])
    expect(edges.filter((ref) => !refs.has(ref))).toEqual([])
    // And every component is reached from the product: nothing is listed without a reason.
    const graph = new Map(
      (bom.dependencies ?? []).map(({ dependsOn = [], ref }) => [ref, dependsOn]),
    )
    const reached = new Set<string>()
    const queue = [bom.metadata.component['bom-ref']]
    while (queue.length) {
      const ref = queue.pop()!
      if (!reached.has(ref)) {
        reached.add(ref)
        queue.push(...(graph.get(ref) ?? []))
      }
    }
    expect([...refs].filter((ref) => !reached.has(ref))).toEqual([])
  })
})

describe('the accessibility statement template', () => {
  it('should have the sections of the EU model statement and mark what a site fills in', () => {
    const statement = read('docs/barrierefreiheit.md')
    for (const heading of [
      '## Stand der Vereinbarkeit mit den Anforderungen',
      '## Nicht barrierefreie Inhalte',
      '## Erstellung dieser Erklärung zur Barrierefreiheit',
      '## Feedback und Kontaktangaben',
      '## Schlichtungsverfahren',
    ]) {
      expect(statement).toContain(heading)
    }
    expect(statement).toMatch(/\[[A-ZÄÖÜ][^\]]*\]/)
  })
})
