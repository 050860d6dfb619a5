import type { CollectionSlug, UIFieldServerProps } from 'payload'

import type { StoredRegistration } from '../../types'
import type { PanelData } from './rows'

import { RegistrationsPanelClient } from './index.client'
import { toPanelRegistration } from './rows'

export type RegistrationsPanelOptions = {
  eventsSlug: string
  registrationsSlug: string
  /**
   * Time zone of the registration times in the list.
   * @default 'Europe/Berlin'
   */
  timeZone?: string
}

type Props = RegistrationsPanelOptions & UIFieldServerProps

/**
 * Reads the event's registrations and its capacity through the Local API as the signed-in user
 * (whoever may not manage registrations gets the refusal's message, not the data) and hands
 * them to the client part, which does everything else through the REST API.
 */
export const RegistrationsPanel = async ({ eventsSlug, id, registrationsSlug, req, timeZone = 'Europe/Berlin' }: Props) => {
  if (id === undefined || id === null || id === '') {
    return <RegistrationsPanelClient eventId={null} eventsSlug={eventsSlug} initial={null} registrationsSlug={registrationsSlug} timeZone={timeZone} />
  }
  let initial: PanelData
  try {
    const { docs } = await req.payload.find({
      collection: registrationsSlug as CollectionSlug,
      depth: 0,
      overrideAccess: false,
      pagination: false,
      req,
      sort: 'createdAt',
      where: { event: { equals: id } },
    })
    const event = (await req.payload.findByID({
      collection: eventsSlug as CollectionSlug,
      depth: 0,
      disableErrors: true,
      id,
      overrideAccess: false,
      req,
    })) as { capacity?: null | number } | null
    initial = {
      capacity: typeof event?.capacity === 'number' ? event.capacity : null,
      error: null,
      registrations: (docs as unknown as StoredRegistration[]).map(toPanelRegistration),
    }
  } catch (err) {
    const status = (err as { status?: number }).status ?? 500
    if (status >= 500) {
      req.payload.logger.error({ err, msg: `registrations panel: could not read the registrations of ${eventsSlug} ${id}` })
    }
    initial = { capacity: null, error: err instanceof Error ? err.message : String(err), registrations: [] }
  }
  return <RegistrationsPanelClient eventId={id} eventsSlug={eventsSlug} initial={initial} registrationsSlug={registrationsSlug} timeZone={timeZone} />
}
