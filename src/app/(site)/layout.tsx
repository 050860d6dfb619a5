import type { Metadata } from 'next'
import type { ReactNode } from 'react'

import { MARK_DATA_URL } from '../../admin/branding/mark'
import { languageOf } from './language'

export const metadata: Metadata = {
  icons: [{ rel: 'icon', type: 'image/svg+xml', url: MARK_DATA_URL }],
  robots: { follow: false, index: false },
}

/**
 * Everything outside the admin (/admin) and the API (/api): Quartiersnetz has no public pages
 * of its own, so this layout only frames the page that says so, in the visitor's language.
 */
const SiteLayout = async ({ children }: { children: ReactNode }) => (
  <html lang={await languageOf()}>
    <body>{children}</body>
  </html>
)

export default SiteLayout
