import type { Payload } from 'payload'

export type SeedArgs = {
  log?: (message: string) => void
  payload: Payload
}

/**
 * Demo content from the seed texts (shared/seeds): idempotent, so running it twice changes
 * nothing. Filled in with the content model's demo data.
 */
export const seed = async ({ log = () => undefined }: SeedArgs): Promise<void> => {
  log('Keine Demo-Inhalte definiert.')
}

/** Whether the database already holds content (then `npm run dev` does not seed again). */
export const hasContent = async (payload: Payload): Promise<boolean> => {
  const { totalDocs } = await payload.count({ collection: 'organisations', overrideAccess: true })
  return totalDocs > 0
}
