'use client'
/** The plugin's client components, for hosts that compose their own admin views. */
export { RegistrationsPanelClient } from './components/RegistrationsPanel/index.client'
