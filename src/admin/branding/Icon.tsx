import { MARK_DATA_URL } from './mark'

/** The small mark in the admin's navigation and header (instead of Payload's). */
export const Icon = () => (
  <img
    alt="Quartiersnetz"
    height={24}
    src={MARK_DATA_URL}
    style={{ display: 'block' }}
    width={24}
  />
)
