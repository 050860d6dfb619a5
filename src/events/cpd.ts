import type { CpdRecognition } from '@quartiersnetz/plugin-event-registration/types'

/** The events collection's `cpd` group as the registration plugin's attendance confirmations need it. */
export const cpdOfEvent = (event: Record<string, unknown>): CpdRecognition | null => {
  const cpd = event.cpd as
    | null
    | undefined
    | {
        chamber?: null | string
        isRecognised?: boolean | null
        points?: null | number
        subject?: null | string
      }
  if (!cpd?.isRecognised || !cpd.chamber?.trim()) {
    return null
  }
  return { chamber: cpd.chamber.trim(), points: cpd.points ?? null, subject: cpd.subject ?? null }
}
