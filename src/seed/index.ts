import type { CollectionSlug, Payload } from 'payload'

import { commitTransaction, createLocalReq, initTransaction, killTransaction } from 'payload'

import type { SeedContext, Tally } from './context'

import { berlinDate } from '../events/berlinTime'

import { seedBadenWuerttemberg } from './badenWuerttemberg'
import { seedConsentTexts } from './consentTexts'
import { seedDemoComments } from './demoComments'
import { seedDemoRatings } from './demoRatings'
import { NETZWERKTREFFEN_SERIES_SLUG, seedEvents } from './events'
import { seedFieldsOfAction } from './fieldsOfAction'
import { seedModules } from './modules'
import { seedMunicipalities } from './municipalities'
import { seedNetwork } from './network'
import { seedProjects } from './projects'
import { seedPublications } from './publications'
import { seedTaxonomies } from './taxonomies'
import {
  NETZWERKTREFFEN_MUNICIPALITY,
  seedUpcomingEvents,
  WEBINAR_FIELD_OF_ACTION,
} from './upcomingEvents'

export type SeedArgs = {
  log?: (message: string) => void
  /** The seed's clock: the demo's upcoming dates are relative to this day. Tests pass a later one. */
  now?: Date
  payload: Payload
}

/** What the seed did, per area, in the order it ran. */
export type SeedReport = ({ area: string } & Tally)[]

const UPCOMING_AREA = 'kommende Termine (Beispieldaten)'

const tallyLine = (area: string, { created, unchanged, updated }: Tally) =>
  `Demo-Inhalte ${area}: ${created} angelegt, ${updated} aktualisiert, ${unchanged} unverändert`

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
    log(tallyLine(name, tally))
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
    await area(UPCOMING_AREA, (context) =>
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

/**
 * `npm run dev` on a later day: the demo's upcoming dates have begun or their registration has
 * closed, and the registration widget has nothing left to show. Once no upcoming published
 * date is open for registration, the upcoming dates are refreshed as `npm run seed` refreshes
 * them (the next Netzwerktreffen opened, a new demo webinar: src/seed/upcomingEvents.ts), in
 * one transaction. Nothing else is written, and nothing while a date is still open, so an
 * editor's changes stay. Returns whether it refreshed.
 */
export const refreshUpcomingDemoDates = async ({
  log = () => undefined,
  now = new Date(),
  payload,
}: SeedArgs): Promise<boolean> => {
  const { docs: ahead } = await payload.find({
    collection: 'events',
    depth: 0,
    limit: 100,
    overrideAccess: true,
    where: {
      and: [
        { _status: { equals: 'published' } },
        { registrationOpen: { equals: true } },
        { start: { greater_than: now.toISOString() } },
      ],
    },
  })
  // Switched on (as the API tells it now), not begun, and the deadline day not over on `now`'s day.
  const today = berlinDate(now)
  const isOpen = (event: (typeof ahead)[number]) =>
    event.registrationOpen === true &&
    (!event.registration?.deadline || berlinDate(new Date(event.registration.deadline)) >= today)
  if (ahead.some(isOpen)) {
    return false
  }
  const idOf = async (collection: CollectionSlug, slug: string) => {
    const { docs } = await payload.find({
      collection,
      depth: 0,
      limit: 1,
      overrideAccess: true,
      pagination: false,
      where: { slug: { equals: slug } },
    })
    return typeof docs[0]?.id === 'number' ? docs[0].id : undefined
  }
  const [netzwerktreffen, essen, socialNetworks] = await Promise.all([
    idOf('event-series', NETZWERKTREFFEN_SERIES_SLUG),
    idOf('municipalities', NETZWERKTREFFEN_MUNICIPALITY),
    idOf('fields-of-action', WEBINAR_FIELD_OF_ACTION),
  ])
  if (netzwerktreffen === undefined || essen === undefined || socialNetworks === undefined) {
    log(
      'Kein Termin ist mehr zur Anmeldung offen; die Beispieltermine der Demo werden nicht erneuert, weil Demo-Inhalte fehlen, auf die sie verweisen (npm run seed legt sie wieder an).',
    )
    return false
  }
  const req = await createLocalReq({}, payload)
  await initTransaction(req)
  const tally: Tally = { created: 0, unchanged: 0, updated: 0 }
  try {
    await seedUpcomingEvents(
      { now, payload, req, tally },
      {
        fieldsOfAction: { [WEBINAR_FIELD_OF_ACTION]: socialNetworks },
        municipalities: { [NETZWERKTREFFEN_MUNICIPALITY]: essen },
        series: { netzwerktreffen },
      },
    )
    await commitTransaction(req)
  } catch (err) {
    await killTransaction(req)
    throw err
  }
  log(`Kein Termin war mehr zur Anmeldung offen: ${tallyLine(UPCOMING_AREA, tally)}`)
  return true
}
