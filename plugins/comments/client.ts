'use client'
/** The plugin's client components, for hosts that compose their own admin views. */
export { ModerationNavLinkClient } from './components/ModerationNavLink/index.client'
export { ModerationQueueClient } from './components/ModerationQueue/index.client'
