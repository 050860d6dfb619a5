import type { CollectionBeforeChangeHook } from 'payload'

/**
 * "Plätze begrenzt" (registration.hasLimitedSeats) and the number of seats (`capacity`, from
 * event registration) say one thing: a number of seats means the seats are limited. So the
 * public fact follows the number; without a number it stays what the editor says (limited,
 * the number not known yet, as in the seed's announcements). Only a number sent in this change
 * ticks it, so unticking it without a number keeps it unticked.
 */
export const markLimitedSeats: CollectionBeforeChangeHook = ({ data }) => {
  if (typeof data.capacity !== 'number') {
    return data
  }
  const registration =
    data.registration && typeof data.registration === 'object' ? data.registration : {}
  return { ...data, registration: { ...registration, hasLimitedSeats: true } }
}
