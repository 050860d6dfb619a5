/** The plugin's server components, for the admin's import map (`@quartiersnetz/plugin-comments/rsc#ModerationQueue`). */
export { ModerationNavLink } from './components/ModerationNavLink'
export { ModerationQueue } from './components/ModerationQueue'
export { TargetCell, TargetField } from './components/TargetLink'
