import type { Send } from './api'
import type { PanelRegistration } from './rows'
import type { Act } from './usePanelActions'

import { Button } from '@payloadcms/ui'

import { messageOf } from './api'
import { nameOf } from './rows'
import { useRegistrationTranslation } from './useRegistrationTranslation'

type Props = {
  act: Act
  isBusy: boolean
  /** Every seat is taken: a refused confirmation may still be forced (overbooking). */
  isFull: boolean
  /** `${api}/${registrationsSlug}` */
  registrationsUrl: string
  row: PanelRegistration
  send: Send
}

/**
 * A registration's decisions: confirm (pending) or move up (waiting list), and cancel, after
 * asking. The endpoint sends the mails and gives a freed seat to the waiting list.
 */
export const RowActions = ({ act, isBusy, isFull, registrationsUrl, row, send }: Props) => {
  const { t } = useRegistrationTranslation()
  if (row.isAnonymised) {
    return null
  }
  const name = nameOf(row, t('plugin-event-registration:panelAnonymised'))

  const decide = (status: 'cancelled' | 'confirmed') =>
    act('list', async () => {
      if (
        status === 'cancelled' &&
        !window.confirm(t('plugin-event-registration:panelCancelConfirm', { name }))
      ) {
        return ''
      }
      const url = `${registrationsUrl}/${encodeURIComponent(String(row.id))}/status`
      let answer = await send(url, { body: { status }, method: 'POST' })
      // Full: the organiser may still overbook, knowingly.
      if (answer.response.status === 409 && status === 'confirmed' && isFull) {
        const message = messageOf(answer.body, answer.response.statusText)
        if (
          !window.confirm(`${message}\n\n${t('plugin-event-registration:panelOverbookQuestion')}`)
        ) {
          return { error: message }
        }
        answer = await send(url, { body: { overbook: true, status }, method: 'POST' })
      }
      if (!answer.isOk) {
        return { error: messageOf(answer.body, answer.response.statusText) }
      }
      if (status === 'confirmed') {
        return t(
          row.status === 'waitlisted'
            ? 'plugin-event-registration:panelMovedUp'
            : 'plugin-event-registration:panelConfirmed',
          { name },
        )
      }
      const promoted = (answer.body as { promoted?: unknown[] } | null)?.promoted ?? []
      return [
        t('plugin-event-registration:panelCancelled', { name }),
        promoted.length
          ? t('plugin-event-registration:panelPromoted', { count: promoted.length })
          : '',
      ]
        .filter(Boolean)
        .join(' ')
    })

  const canConfirm = row.status === 'pending' || row.status === 'waitlisted'
  const confirmLabel =
    row.status === 'waitlisted'
      ? t('plugin-event-registration:panelMoveUp')
      : t('plugin-event-registration:panelConfirm')
  const cancelLabel = t('plugin-event-registration:panelCancel')
  return (
    <div className="registrations-panel__actions">
      {canConfirm && (
        <Button
          aria-label={`${confirmLabel}: ${name}`}
          buttonStyle="primary"
          disabled={isBusy}
          margin={false}
          onClick={() => void decide('confirmed')}
          size="small"
        >
          {confirmLabel}
        </Button>
      )}
      {row.status !== 'cancelled' && (
        <Button
          aria-label={`${cancelLabel}: ${name}`}
          buttonStyle="secondary"
          disabled={isBusy}
          margin={false}
          onClick={() => void decide('cancelled')}
          size="small"
        >
          {cancelLabel}
        </Button>
      )}
    </div>
  )
}
