'use client'

import { Link, useConfig, useTranslation } from '@payloadcms/ui'
import { usePathname } from 'next/navigation'
import { formatAdminURL } from 'payload/shared'

import { SEARCH_VIEW_PATH } from './path'
import { textsFor } from './texts'

/** Above the collections in the navigation: the way to the view "Suche". */
export const SearchNavLink = () => {
  const { config } = useConfig()
  const { i18n } = useTranslation()
  const pathname = usePathname()
  const href = formatAdminURL({ adminRoute: config.routes.admin, path: SEARCH_VIEW_PATH })
  const isActive = pathname === href
  const label = (
    <>
      {isActive ? <div className="nav__link-indicator" /> : null}
      <span className="nav__link-label">{textsFor(i18n.language).heading}</span>
    </>
  )
  return isActive ? (
    <div aria-current="page" className="nav__link" id="nav-search">
      {label}
    </div>
  ) : (
    <Link className="nav__link" href={href} id="nav-search" prefetch={false}>
      {label}
    </Link>
  )
}
