import type { RegistrationTranslationKey } from '../../translations'
import type { RegistrationStatus } from '../../types'
import type { Translate } from './useRegistrationTranslation'

/** What the list shows: every registration or those of one status. */
export type Filter = 'all' | RegistrationStatus

export const FILTERS: Filter[] = ['all', 'confirmed', 'waitlisted', 'pending', 'cancelled']

const LABEL_KEYS: Record<Filter, RegistrationTranslationKey> = {
  all: 'plugin-event-registration:panelAll',
  cancelled: 'plugin-event-registration:panelStatusCancelled',
  confirmed: 'plugin-event-registration:panelStatusConfirmed',
  pending: 'plugin-event-registration:panelStatusPending',
  waitlisted: 'plugin-event-registration:panelStatusWaitlisted',
}

/** A status's name ("Bestätigt"), or "Alle" for the whole list. */
export const labelOf = (t: Translate, filter: Filter) => t(LABEL_KEYS[filter])
