'use client'

/** Placeholder until the admin panel lands. */
export const RatingsPanel = () => null
