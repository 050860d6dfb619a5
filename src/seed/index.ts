import type { Payload } from 'payload'

import { commitTransaction, createLocalReq, initTransaction, killTransaction } from 'payload'

import type { SeedContext, Tally } from './context'

import { seedBadenWuerttemberg } from './badenWuerttemberg'
import { seedConsentTexts } from './consentTexts'
import { seedDemoComments } from './demoComments'
import { seedDemoRatings } from './demoRatings'
import { seedEvents } from './events'
import { seedFieldsOfAction } from './fieldsOfAction'
import { seedModules } from './modules'
import { seedMunicipalities } from './municipalities'
import { seedNetwork } from './network'
import { seedProjects } from './projects'
import { seedPublications } from './publications'
import { seedTaxonomies } from './taxonomies'
import { seedUpcomingEvents } from './upcomingEvents'

export type SeedArgs = {
  log?: (message: string) => void
  /** The seed's clock: the demo's upcoming dates are relative to this day. Tests pass a later one. */
  now?: Date
  payload: Payload
}

/** What the seed did, per area, in the order it ran. */
export type SeedReport = ({ area: string } & Tally)[]

/**
 * Demo content from the network's source texts (web pages of the AG Soziale Stadt NRW, the
 * Modulbaukasten, a BBSR webinar series and the Städtetag Baden-Württemberg), all
 * published; and, in the areas marked "(Beispieldaten)", what the texts can't give but the
 * features need to show something: upcoming dates with online registration (relative to the
 * day of the run), visitors' ratings and comments, each marked as demo data. Idempotent:
 * documents are matched by slug (ratings and comments by their demo author) and only written
 * when they differ from what the seed wants, so a second run on the same day changes nothing;
 * what a run on a later day does is described in src/seed/upcomingEvents.ts. Runs as one
 * transaction, so a failure leaves the database as it was.
 */
export const seed = async ({
  log = () => undefined,
  now = new Date(),
  payload,
}: SeedArgs): Promise<SeedReport> => {
  const req = await createLocalReq({}, payload)
  await initTransaction(req)
  const report: SeedReport = []

  const area = async <T>(name: string, run: (context: SeedContext) => Promise<T>): Promise<T> => {
    const tally: Tally = { created: 0, unchanged: 0, updated: 0 }
    const result = await run({ now, payload, req, tally })
    report.push({ area: name, ...tally })
    log(
      `Demo-Inhalte ${name}: ${tally.created} angelegt, ${tally.updated} aktualisiert, ${tally.unchanged} unverändert`,
    )
    return result
  }

  try {
    const municipalities = await area('Kommunen', seedMunicipalities)
    const taxonomies = await area('Zielgruppen und Programme', seedTaxonomies)
    const fieldsOfAction = await area('Handlungsfelder', seedFieldsOfAction)
    const network = await area('Netzwerk Stadtentwicklung NRW', (context) =>
      seedNetwork(context, { municipalities, taxonomies }),
    )
    const publications = await area('Publikationen', (context) =>
      seedPublications(context, fieldsOfAction),
    )
    const projects = await area('Projekte', (context) =>
      seedProjects(context, { fieldsOfAction, municipalities, publications, taxonomies }),
    )
    const modules = await area('Beteiligungsmodule', (context) =>
      seedModules(context, { fieldsOfAction, projects, taxonomies }),
    )
    const series = await area('Veranstaltungen', (context) =>
      seedEvents(context, { fieldsOfAction, municipalities, network, projects, publications }),
    )
    await area('Baden-Württemberg', (context) => seedBadenWuerttemberg(context, taxonomies))
    await area('kommende Termine (Beispieldaten)', (context) =>
      seedUpcomingEvents(context, { fieldsOfAction, municipalities, series }),
    )
    await area('Bewertungen (Beispieldaten)', (context) => seedDemoRatings(context, modules))
    await area('Kommentare (Beispieldaten)', (context) =>
      seedDemoComments(context, { modules, projects }),
    )
    // Not an area of documents: the two texts visitors agree to, published once (globals).
    await seedConsentTexts({ payload, req })
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
