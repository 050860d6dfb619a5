/** The plugin's server components, for the admin's import map (`@quartiersnetz/plugin-ratings/rsc#RatingsPanel`). */
export { RatingsPanel } from './components/RatingsPanel'
export { TargetCell, TargetField } from './components/TargetLink'
