import type { PayloadRequest } from 'payload'

/**
 * The header through which the host server passes the client's address. The host must set it
 * itself (overwriting whatever a client sent), e.g. from express' `req.ip` with its
 * `trust proxy` setting; plugins never trust X-Forwarded-For on their own.
 */
export const CLIENT_ADDRESS_HEADER = 'x-client-address'

export const clientAddressOf = (req: Pick<PayloadRequest, 'headers'>): string => req.headers.get(CLIENT_ADDRESS_HEADER) ?? 'unknown'
