'use client'

import type { TargetInWords } from '@quartiersnetz/plugin-kit/targets'

import type { CommentsTranslationKey, translations } from '../../translations'
import type { CommentStatus } from '../../types'

import { getTranslation } from '@payloadcms/translations'
import { Button, SetStepNav, toast, useConfig, useTranslation } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useEffect, useRef, useState, useTransition } from 'react'

import './index.css'

export type QueuedComment = {
  authorName: string
  createdAt: string
  id: number | string
  isHiddenByReports: boolean
  reportCount: number
  /** Pending, or approved with reports: hidden by them or still visible (what the queue lists). */
  status: CommentStatus
  /** The commented document in words. */
  target: TargetInWords
  text: string
}

type Props = {
  comments: QueuedComment[]
  commentsSlug: string
  isDisabled: boolean
  /** The server's clock when the list was read, so that server and browser render the same ages. */
  now: number
  /** Reports that hide a comment. */
  reportsToHide: number
  total: number
}

type Decision = Exclude<CommentStatus, 'pending'>

/** The queue's decisions, as its buttons offer them. */
const DECISIONS: {
  buttonStyle: 'primary' | 'secondary'
  label: CommentsTranslationKey
  status: Decision
}[] = [
  { buttonStyle: 'primary', label: 'plugin-comments:moderationApprove', status: 'approved' },
  { buttonStyle: 'secondary', label: 'plugin-comments:moderationReject', status: 'rejected' },
  { buttonStyle: 'secondary', label: 'plugin-comments:moderationSpam', status: 'spam' },
]

type Translations = (typeof translations)['de']

const useCommentsTranslation = () => useTranslation<Translations, CommentsTranslationKey>()

/** What a decision changes and its undo puts back. */
type ModerationState = Pick<QueuedComment, 'isHiddenByReports' | 'reportCount' | 'status'>

/** How long a rejection or spam mark can be taken back from its toast. */
const UNDO_MS = 10_000

const DONE_MESSAGES: Record<Decision, CommentsTranslationKey> = {
  approved: 'plugin-comments:moderationApproved',
  rejected: 'plugin-comments:moderationRejected',
  spam: 'plugin-comments:moderationSpammed',
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
]

/** "vor 3 Stunden": the largest unit that fits, in the admin's language. */
const formatAge = (createdAt: string, now: number, language: string) => {
  const seconds = Math.max(0, (now - new Date(createdAt).getTime()) / 1000)
  // Always numeric ("vor 2 Tagen", not "vorgestern"): ages in a queue are compared at a glance.
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'always' })
  for (const [unit, size] of UNITS) {
    if (seconds >= size) {
      return format.format(-Math.floor(seconds / size), unit)
    }
  }
  return new Intl.RelativeTimeFormat(language, { numeric: 'auto' }).format(0, 'second')
}

const messageOf = (body: unknown, fallback: string) => {
  const errors = (body as { errors?: { message?: string }[] } | null)?.errors
  return (
    errors
      ?.map((error) => error.message)
      .filter(Boolean)
      .join(' ') || fallback
  )
}

/** Decisions go through the REST API as the signed-in user, so the collection's hooks (mails, counts) run. */
export const ModerationQueueClient = ({
  comments,
  commentsSlug,
  isDisabled,
  now,
  reportsToHide,
  total,
}: Props) => {
  const { i18n, t } = useCommentsTranslation()
  const { config, getEntityConfig } = useConfig()
  const router = useRouter()
  const [selected, setSelected] = useState<Set<string>>(new Set())
  const [isBusy, setIsBusy] = useState(false)
  // The toast's undo runs from the render that made the toast: a ref, not state, says "busy".
  const isWorking = useRef(false)
  // Decided rows stay on screen until the refreshed list arrives: their buttons stay off.
  const [decidedIds, setDecidedIds] = useState<Set<string>>(new Set())
  const [listShown, setListShown] = useState(comments)
  // The exact time (the age's tooltip) in the browser's time zone: known once in the browser,
  // so the server's page and the first render in the browser agree (no hydration mismatch).
  const [isInBrowser, setIsInBrowser] = useState(false)
  useEffect(() => setIsInBrowser(true), [])
  if (listShown !== comments) {
    // The refreshed list: decided rows are gone from it, one that came back is open again.
    setListShown(comments)
    setDecidedIds(new Set())
  }
  const [isRefreshing, startRefresh] = useTransition()
  const refresh = () => startRefresh(() => router.refresh())

  const apiUrl = `${config.serverURL}${config.routes.api}/${commentsSlug}`
  const adminRoute = config.routes.admin === '/' ? '' : config.routes.admin
  const visibleIds = comments.map((comment) => String(comment.id))
  const selectedIds = visibleIds.filter((id) => selected.has(id))
  const isAllSelected = visibleIds.length > 0 && selectedIds.length === visibleIds.length

  /**
   * Sets `data` on the comments `ids` (only on those whose status is still `onlyIfStatus`);
   * returns the ids it was set on.
   */
  const setStatus = async (
    ids: string[],
    data: Record<string, unknown>,
    onlyIfStatus?: CommentStatus,
  ) => {
    // One comment by its id, several with a where on the ids (Payload's bulk update), as is
    // one whose status must not have changed meanwhile.
    const isBulk = ids.length > 1 || onlyIfStatus !== undefined
    const query = new URLSearchParams(
      ids.map((id, index) => [`where[and][0][id][in][${index}]`, id]),
    )
    if (onlyIfStatus) {
      query.set('where[and][1][status][equals]', onlyIfStatus)
    }
    const url = isBulk
      ? `${apiUrl}?${query.toString()}`
      : `${apiUrl}/${encodeURIComponent(ids[0] ?? '')}`
    const response = await fetch(url, {
      body: JSON.stringify(data),
      credentials: 'include',
      headers: { 'Accept-Language': i18n.language, 'Content-Type': 'application/json' },
      method: 'PATCH',
    })
    const body: unknown = await response.json().catch(() => null)
    const doneIds = !isBulk
      ? response.ok
        ? ids
        : []
      : ((body as { docs?: { id: number | string }[] } | null)?.docs ?? []).map((doc) =>
          String(doc.id),
        )
    return { body, doneIds, response }
  }

  /**
   * Undo from the toast: each comment gets back what it had before the rejection, the spam
   * mark or the dismissal of its reports (pending; or approved with its reports counted as
   * before, hidden or still visible), unless somebody changed it meanwhile. No mail: a comment
   * with reports was approved and public before (an approval of a pending comment is not undone
   * at all: it may already have mailed the commenter).
   */
  const restore = async (decision: Decision, before: Map<string, ModerationState>) => {
    if (isWorking.current) {
      return
    }
    isWorking.current = true
    setIsBusy(true)
    // Comments that had the same state go back together.
    const groups = new Map<string, { ids: string[]; state: ModerationState }>()
    for (const [id, state] of before) {
      const key = JSON.stringify(state)
      const group = groups.get(key) ?? { ids: [], state }
      group.ids.push(id)
      groups.set(key, group)
    }
    let waiting = 0
    let hidden = 0
    let reported = 0
    const problems: string[] = []
    try {
      for (const { ids, state } of groups.values()) {
        const { body, doneIds, response } = await setStatus(ids, state, decision)
        if (state.isHiddenByReports) {
          hidden += doneIds.length
        } else if (state.status === 'approved') {
          reported += doneIds.length
        } else {
          waiting += doneIds.length
        }
        if (doneIds.length < ids.length) {
          problems.push(
            doneIds.length || !response.ok
              ? messageOf(body, response.statusText)
              : t('plugin-comments:moderationUndoChanged'),
          )
        }
        setDecidedIds((previous) => {
          const next = new Set(previous)
          doneIds.forEach((id) => next.delete(id))
          return next
        })
      }
    } catch (err) {
      problems.push(err instanceof Error ? err.message : String(err))
    } finally {
      isWorking.current = false
      setIsBusy(false)
      refresh()
    }
    const restored = [
      waiting ? t('plugin-comments:moderationRestored', { count: waiting }) : '',
      hidden ? t('plugin-comments:moderationRestoredHidden', { count: hidden }) : '',
      reported ? t('plugin-comments:moderationRestoredReported', { count: reported }) : '',
    ]
      .filter(Boolean)
      .join(' ')
    if (restored) {
      toast.success(restored)
    }
    if (problems.length) {
      toast.error(t('plugin-comments:moderationUndoFailed', { message: problems.join(' ') }))
    }
  }

  const decide = async (ids: string[], status: Decision) => {
    if (!ids.length || isWorking.current) {
      return
    }
    isWorking.current = true
    setIsBusy(true)
    try {
      // Any decision lifts the hiding by reports and dismisses them: approving a comment that
      // is still visible keeps its status and only sets the count back.
      const { body, doneIds, response } = await setStatus(ids, {
        isHiddenByReports: false,
        reportCount: 0,
        status,
      })
      const failures = (body as { errors?: unknown[] } | null)?.errors ?? []
      if (!response.ok || failures.length) {
        // A lost session or a missing permission in words that say what to do, not Payload's.
        const message =
          response.status === 401
            ? t('plugin-comments:moderationSignedOut')
            : response.status === 403
              ? t('plugin-comments:moderationForbidden')
              : messageOf(body, response.statusText)
        toast.error(t('plugin-comments:moderationFailed', { message }))
      }
      if (doneIds.length > 0) {
        setDecidedIds((previous) => new Set([...previous, ...doneIds]))
        const before = new Map(
          comments
            .filter((comment) => doneIds.includes(String(comment.id)))
            .map(({ id, isHiddenByReports, reportCount, status: previous }) => [
              String(id),
              { isHiddenByReports, reportCount, status: previous },
            ]),
        )
        // An approval may have mailed the commenter: it is not undone. Dismissing the reports
        // of comments that were approved already mails nobody: it can be taken back.
        const isDismissal =
          status === 'approved' &&
          [...before.values()].every((state) => state.status === 'approved')
        let isUndone = false
        toast.success(
          t(isDismissal ? 'plugin-comments:moderationDismissed' : DONE_MESSAGES[status], {
            count: doneIds.length,
          }),
          status === 'approved' && !isDismissal
            ? undefined
            : {
                action: {
                  label: t('plugin-comments:moderationUndo'),
                  onClick: () => {
                    // Once per decision, however often the button is pressed.
                    if (!isUndone && !isWorking.current) {
                      isUndone = true
                      void restore(status, before)
                    }
                  },
                },
                duration: UNDO_MS,
              },
        )
      }
      setSelected(new Set())
      refresh()
    } catch (err) {
      toast.error(
        t('plugin-comments:moderationFailed', {
          message: err instanceof Error ? err.message : String(err),
        }),
      )
    } finally {
      isWorking.current = false
      setIsBusy(false)
    }
  }

  const toggle = (id: string) =>
    setSelected((previous) => {
      const next = new Set(previous)
      if (next.has(id)) {
        next.delete(id)
      } else {
        next.add(id)
      }
      return next
    })

  const targetLabel = (slug: string) => {
    const collection = getEntityConfig({ collectionSlug: slug })
    return collection ? getTranslation(collection.labels.singular, i18n) : slug
  }

  const renderDecisionButtons = (ids: string[]) => {
    const isOff = isBusy || isRefreshing || !ids.length || ids.some((id) => decidedIds.has(id))
    return (
      <div className="moderation-queue__actions">
        {DECISIONS.map(({ buttonStyle, label, status }) => (
          <Button
            buttonStyle={buttonStyle}
            disabled={isOff}
            key={status}
            margin={false}
            onClick={() => void decide(ids, status)}
            size="small"
          >
            {t(label)}
          </Button>
        ))}
      </div>
    )
  }

  return (
    <div className="moderation-queue__content">
      <SetStepNav nav={[{ label: t('plugin-comments:moderationTitle') }]} />
      <h1 className="moderation-queue__title">{t('plugin-comments:moderationTitle')}</h1>
      <p className="moderation-queue__intro">{t('plugin-comments:moderationIntro')}</p>
      {isDisabled && (
        <p className="moderation-queue__intro" role="status">
          {t('plugin-comments:commentsDisabled')}
        </p>
      )}
      {comments.length === 0 ? (
        <p className="moderation-queue__empty">{t('plugin-comments:moderationEmpty')}</p>
      ) : (
        <>
          <div className="moderation-queue__bulk">
            <span>{t('plugin-comments:moderationBulkLabel', { count: selectedIds.length })}</span>
            {renderDecisionButtons(selectedIds)}
          </div>
          <table className="moderation-queue__table">
            <thead>
              <tr>
                <th className="moderation-queue__select">
                  <input
                    aria-label={t('plugin-comments:moderationSelectAll')}
                    checked={isAllSelected}
                    onChange={() => setSelected(isAllSelected ? new Set() : new Set(visibleIds))}
                    type="checkbox"
                  />
                </th>
                <th>{t('plugin-comments:moderationAuthor')}</th>
                <th>{t('plugin-comments:moderationTarget')}</th>
                <th>{t('plugin-comments:moderationText')}</th>
                <th>{t('plugin-comments:moderationAge')}</th>
                <th>{t('plugin-comments:moderationReports')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {comments.map((comment) => {
                const id = String(comment.id)
                return (
                  <tr className="moderation-queue__row" data-comment-id={id} key={id}>
                    <td className="moderation-queue__select">
                      <input
                        aria-label={t('plugin-comments:moderationSelect', {
                          name: comment.authorName,
                        })}
                        checked={selected.has(id)}
                        onChange={() => toggle(id)}
                        type="checkbox"
                      />
                    </td>
                    <td className="moderation-queue__author">
                      <a
                        href={`${adminRoute}/collections/${commentsSlug}/${encodeURIComponent(id)}`}
                      >
                        {comment.authorName}
                      </a>
                    </td>
                    <td className="moderation-queue__target">
                      <span className="moderation-queue__target-label">
                        {targetLabel(comment.target.collection)}
                      </span>
                      {comment.target.isFound ? (
                        <a
                          href={`${adminRoute}/collections/${comment.target.collection}/${encodeURIComponent(comment.target.id)}`}
                        >
                          {comment.target.title ?? comment.target.id}
                        </a>
                      ) : (
                        <span className="moderation-queue__target-missing">
                          {comment.target.id} ({t('plugin-comments:targetMissing')})
                        </span>
                      )}
                    </td>
                    {/* Plain text from visitors: rendered as text, never as markup. */}
                    <td className="moderation-queue__text">
                      {comment.text}
                      {comment.isHiddenByReports ? (
                        <div className="moderation-queue__hidden">
                          {t('plugin-comments:moderationHiddenByReports')}
                        </div>
                      ) : (
                        comment.reportCount > 0 && (
                          <div className="moderation-queue__reported">
                            {t('plugin-comments:moderationReportedVisible', {
                              count: comment.reportCount,
                              threshold: reportsToHide,
                            })}
                          </div>
                        )
                      )}
                    </td>
                    <td
                      className="moderation-queue__age"
                      title={
                        isInBrowser
                          ? new Date(comment.createdAt).toLocaleString(i18n.language)
                          : undefined
                      }
                    >
                      {formatAge(comment.createdAt, now, i18n.language)}
                    </td>
                    <td className="moderation-queue__reports">{comment.reportCount}</td>
                    <td>{renderDecisionButtons([id])}</td>
                  </tr>
                )
              })}
            </tbody>
          </table>
          {total > comments.length && (
            <p className="moderation-queue__more">
              {t('plugin-comments:moderationMore', { shown: comments.length, total })}
            </p>
          )}
        </>
      )}
    </div>
  )
}
