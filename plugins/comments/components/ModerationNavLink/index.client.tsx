'use client'

import type { CommentsTranslationKey, translations } from '../../translations'

import { Link, useConfig, useTranslation } from '@payloadcms/ui'
import { usePathname } from 'next/navigation'

import { MODERATION_VIEW_PATH } from '../../lib/moderationQueue'
import '../ModerationQueue/index.css'

type Translations = (typeof translations)['de']

export const ModerationNavLinkClient = ({
  isDisabled,
  waitingCount,
}: {
  isDisabled: boolean
  waitingCount: number
}) => {
  const { t } = useTranslation<Translations, CommentsTranslationKey>()
  const { config } = useConfig()
  const pathname = usePathname()
  const adminRoute = config.routes.admin === '/' ? '' : config.routes.admin
  const href = `${adminRoute}${MODERATION_VIEW_PATH}`
  const isActive = pathname === href

  return (
    <Link
      className="nav__link moderation-queue__nav-link"
      href={href}
      id="nav-moderation"
      prefetch={false}
    >
      {isActive && <div className="nav__link-indicator" />}
      <span className="nav__link-label">
        {t('plugin-comments:moderationNav')}
        {isDisabled && ` (${t('plugin-comments:moderationNavOff')})`}
      </span>
      {waitingCount > 0 && (
        <span
          aria-label={t('plugin-comments:moderationNavWaiting', { count: waitingCount })}
          className="moderation-queue__nav-count"
        >
          {waitingCount}
        </span>
      )}
    </Link>
  )
}
