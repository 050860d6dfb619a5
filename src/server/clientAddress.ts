import type { RequestHandler } from 'express'

import { CLIENT_ADDRESS_HEADER } from '@quartiersnetz/plugin-kit/clientAddress'

/**
 * Hands the client's address (express' req.ip, which honours `trust proxy`) to Payload's
 * endpoints in a header that a client can't set itself: whatever it sent is replaced.
 */
export const passClientAddress: RequestHandler = (req, _res, next) => {
  req.headers[CLIENT_ADDRESS_HEADER] = req.ip ?? req.socket.remoteAddress ?? 'unknown'
  next()
}
