import type { UIFieldServerProps } from 'payload'

import type { RegistrationTranslationKey } from '../../translations'
import type { CpdRecognition, StoredEvent, StoredRegistration } from '../../types'
import type { PanelData } from './rows'

import { collectionOf } from '@quartiersnetz/plugin-kit/data'
import { translatorOf } from '@quartiersnetz/plugin-kit/respond'
import { RegistrationsPanelClient } from './index.client'
import { toPanelRegistration } from './rows'

export type RegistrationsPanelOptions = {
  eventsSlug: string
  /** The plugin is switched off (`disabled`): the panel says so above what is stored. */
  isDisabled?: boolean
  registrationsSlug: string
  /**
   * Time zone of the registration times in the list.
   * @default 'Europe/Berlin'
   */
  timeZone?: string
}

type Props = RegistrationsPanelOptions &
  UIFieldServerProps & {
    /** Server only (the field's `serverProps`): whether the saved event is recognised as CPD. */
    cpdOf?: (event: Record<string, unknown>) => CpdRecognition | null
  }

/** A refusal by access control (Payload's Forbidden), as opposed to anything else that failed. */
const isForbidden = (err: unknown) => (err as { status?: number }).status === 403

/**
 * Reads the event's registrations and its capacity through the Local API as the signed-in user
 * (whoever may not manage registrations gets the refusal's message, not the data) and hands
 * them to the client part, which does everything else through the REST API.
 */
export const RegistrationsPanel = async ({
  cpdOf,
  eventsSlug,
  id,
  isDisabled = false,
  registrationsSlug,
  req,
  timeZone = 'Europe/Berlin',
}: Props) => {
  if (id === undefined || id === null || id === '') {
    return (
      <RegistrationsPanelClient
        eventId={null}
        eventsSlug={eventsSlug}
        initial={null}
        isDisabled={isDisabled}
        registrationsSlug={registrationsSlug}
        timeZone={timeZone}
      />
    )
  }
  let initial: PanelData
  try {
    const { docs } = await collectionOf<StoredRegistration>(req, registrationsSlug).find({
      overrideAccess: false,
      pagination: false,
      sort: 'createdAt',
      where: { event: { equals: id } },
    })
    const event = await collectionOf<StoredEvent>(req, eventsSlug).findByID({
      id,
      overrideAccess: false,
    })
    initial = {
      capacity: typeof event?.capacity === 'number' ? event.capacity : null,
      error: null,
      isCpd: Boolean(event && cpdOf?.(event)),
      registrations: docs.map(toPanelRegistration),
    }
  } catch (err) {
    const status = (err as { status?: number }).status ?? 500
    if (status >= 500) {
      req.payload.logger.error({
        err,
        msg: `registrations panel: could not read the registrations of ${eventsSlug} ${id}`,
      })
    }
    initial = {
      capacity: null,
      // Said for people: what they can't do here and whom to ask, not Payload's generic refusal.
      error: isForbidden(err)
        ? translatorOf<RegistrationTranslationKey>(req)('plugin-event-registration:panelForbidden')
        : err instanceof Error
          ? err.message
          : String(err),
      isCpd: false,
      registrations: [],
    }
  }
  return (
    <RegistrationsPanelClient
      eventId={id}
      eventsSlug={eventsSlug}
      initial={initial}
      isDisabled={isDisabled}
      registrationsSlug={registrationsSlug}
      timeZone={timeZone}
    />
  )
}
