import type { Payload } from 'payload'

import { commitTransaction, createLocalReq, initTransaction, killTransaction } from 'payload'

import type { SeedContext, Tally } from './context'

import { seedBadenWuerttemberg } from './badenWuerttemberg'
import { seedEvents } from './events'
import { seedFieldsOfAction } from './fieldsOfAction'
import { seedModules } from './modules'
import { seedMunicipalities } from './municipalities'
import { seedNetwork } from './network'
import { seedProjects } from './projects'
import { seedPublications } from './publications'
import { seedTaxonomies } from './taxonomies'

export type SeedArgs = {
  log?: (message: string) => void
  payload: Payload
}

/** What the seed did, per area, in the order it ran. */
export type SeedReport = ({ area: string } & Tally)[]

/**
 * Demo content from the seed texts (shared/seeds, described in shared/DOMAIN.md), all
 * published. Idempotent: documents are matched by slug and only written when they differ
 * from what the seed wants, so a second run changes nothing. Runs as one transaction, so a
 * failure leaves the database as it was.
 */
export const seed = async ({ log = () => undefined, payload }: SeedArgs): Promise<SeedReport> => {
  const req = await createLocalReq({}, payload)
  await initTransaction(req)
  const report: SeedReport = []

  const area = async <T>(name: string, run: (context: SeedContext) => Promise<T>): Promise<T> => {
    const tally: Tally = { created: 0, unchanged: 0, updated: 0 }
    const result = await run({ payload, req, tally })
    report.push({ area: name, ...tally })
    log(`Demo-Inhalte ${name}: ${tally.created} angelegt, ${tally.updated} aktualisiert, ${tally.unchanged} unverändert`)
    return result
  }

  try {
    const municipalities = await area('Kommunen', seedMunicipalities)
    const taxonomies = await area('Zielgruppen und Programme', seedTaxonomies)
    const fieldsOfAction = await area('Handlungsfelder', seedFieldsOfAction)
    const network = await area('Netzwerk Stadtentwicklung NRW', (context) => seedNetwork(context, { municipalities, taxonomies }))
    const publications = await area('Publikationen', (context) => seedPublications(context, fieldsOfAction))
    const projects = await area('Projekte', (context) => seedProjects(context, { fieldsOfAction, municipalities, publications, taxonomies }))
    await area('Beteiligungsmodule', (context) => seedModules(context, projects))
    await area('Veranstaltungen', (context) => seedEvents(context, { fieldsOfAction, municipalities, network, projects, publications }))
    await area('Baden-Württemberg', (context) => seedBadenWuerttemberg(context, taxonomies))
    await commitTransaction(req)
  } catch (err) {
    await killTransaction(req)
    throw err
  }
  return report
}

/** Whether the database already holds content (then `npm run dev` does not seed again). */
export const hasContent = async (payload: Payload): Promise<boolean> => {
  const { totalDocs } = await payload.count({ collection: 'organisations', overrideAccess: true })
  return totalDocs > 0
}
