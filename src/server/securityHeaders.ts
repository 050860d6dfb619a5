import type { RequestHandler } from 'express'

import helmet from 'helmet'

type SecurityHeadersArgs = {
  isDev: boolean
  isHttps: boolean
}

/**
 * helmet, loosened only where Payload's admin needs it: Next inlines its bootstrap scripts and
 * styles, the rich-text editor uses blob: and data: images, and the dev server needs eval and
 * a WebSocket for hot reload. Everything is served from our own origin; nothing else loads.
 */
export const securityHeaders = ({ isDev, isHttps }: SecurityHeadersArgs): RequestHandler[] => [
  helmet({
    contentSecurityPolicy: {
      directives: {
        'base-uri': ["'self'"],
        'connect-src': ["'self'", ...(isDev ? ['ws:', 'wss:'] : [])],
        'default-src': ["'self'"],
        'font-src': ["'self'", 'data:'],
        'form-action': ["'self'"],
        // The admin's live preview frames our own pages.
        'frame-ancestors': ["'self'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'media-src': ["'self'", 'blob:'],
        'object-src': ["'none'"],
        'script-src': ["'self'", "'unsafe-inline'", ...(isDev ? ["'unsafe-eval'"] : [])],
        'style-src': ["'self'", "'unsafe-inline'"],
        'upgrade-insecure-requests': isHttps ? [] : null,
        'worker-src': ["'self'", 'blob:'],
      },
      useDefaults: false,
    },
    crossOriginEmbedderPolicy: false,
    // Member-city websites embed our images and documents: /api/ sets its own policy below.
    crossOriginResourcePolicy: { policy: 'same-origin' },
    hsts: isHttps ? { includeSubDomains: true, maxAge: 31_536_000 } : false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  }),
  (req, res, next) => {
    if (req.path.startsWith('/api/')) {
      res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin')
    }
    next()
  },
]
