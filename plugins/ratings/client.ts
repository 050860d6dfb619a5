'use client'
/** The plugin's client components, for hosts that compose their own admin views. */
export { RatingsPanelClient } from './components/RatingsPanel/index.client'
export { BipolarScaleField } from './components/BipolarScaleField/index.client'
