import type { PayloadRequest } from 'payload'

/**
 * The header through which the host server passes the client's address. The host must set it
 * itself (overwriting whatever a client sent), e.g. from express' `req.ip` with its
 * `trust proxy` setting; plugins never trust X-Forwarded-For on their own.
 */
export const CLIENT_ADDRESS_HEADER = 'x-client-address'

let hasWarned = false

/**
 * The client's address as the host passed it. Without it every visitor would share one
 * address (one rate limit, one "already reported"): that is said once in the log, so an
 * operator notices a host that doesn't keep the contract.
 */
export const clientAddressOf = (req: Pick<PayloadRequest, 'headers' | 'payload'>): string => {
  const address = req.headers.get(CLIENT_ADDRESS_HEADER)
  if (address) {
    return address
  }
  if (!hasWarned) {
    hasWarned = true
    req.payload.logger.warn({
      msg: `Quartiersnetz plugins: no client address in the ${CLIENT_ADDRESS_HEADER} header. The host must set it from the connection (e.g. express' req.ip); until then every visitor counts as one for rate limits and reports.`,
    })
  }
  return 'unknown'
}
