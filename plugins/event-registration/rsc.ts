/** The plugin's server components, for the admin's import map (`@quartiersnetz/plugin-event-registration/rsc#RegistrationsPanel`). */
export { RegistrationsPanel } from './components/RegistrationsPanel'
