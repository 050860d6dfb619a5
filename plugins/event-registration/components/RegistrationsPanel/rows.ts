import type { RegistrationStatus, StoredRegistration } from '../../types'

/** What the panel shows of a registration (no answers, token hashes or consent). */
export type PanelRegistration = {
  attended: boolean
  createdAt: string
  email: null | string
  id: number | string
  isAnonymised: boolean
  name: null | string
  status: RegistrationStatus
}

/** The list as the panel starts with it, or the message of the refusal to read it. */
export type PanelData = {
  capacity: null | number
  error: null | string
  /** The saved event is recognised as CPD: attendance confirmations can be sent. */
  isCpd: boolean
  registrations: PanelRegistration[]
}

export const toPanelRegistration = (doc: StoredRegistration): PanelRegistration => ({
  attended: Boolean(doc.attended),
  createdAt: doc.createdAt,
  email: doc.email ?? null,
  id: doc.id,
  isAnonymised: Boolean(doc.anonymisedAt),
  name: doc.name ?? null,
  status: doc.status,
})

/** How the panel names a registrant: by name, else by address, else as anonymised. */
export const nameOf = (row: PanelRegistration, anonymised: string) =>
  row.name || row.email || anonymised
