import type { Send } from './api'
import type { Act, Result } from './usePanelActions'

import { Button } from '@payloadcms/ui'

import { messageOf } from './api'
import { ResultRegion } from './ResultRegion'
import { useRegistrationTranslation } from './useRegistrationTranslation'

type Props = {
  act: Act
  /** Asked before sending: how many are marked as attended. */
  attendedCount: number
  eventUrl: string
  headingId: string
  isBusy: boolean
  /** The saved event is recognised as CPD (the plugin's `cpdOf`). */
  isCpd: boolean
  result: null | Result
  send: Send
}

/**
 * CPD attendance confirmations to everyone marked as attended (endpoints/attendance.ts), after
 * asking. While they can't be sent (the event isn't recognised, nobody is marked as attended)
 * the button is disabled and the reason stands beside it, instead of a question and a refusal.
 */
export const AttendanceConfirmations = ({
  act,
  attendedCount,
  eventUrl,
  headingId,
  isBusy,
  isCpd,
  result,
  send,
}: Props) => {
  const { t } = useRegistrationTranslation()
  const reasonId = `${headingId}-reason`
  const reason = !isCpd
    ? t('plugin-event-registration:panelAttendanceNotRecognised')
    : attendedCount === 0
      ? t('plugin-event-registration:panelAttendanceNoneAttended')
      : null

  const sendAttendance = () =>
    act('attendance', async () => {
      if (
        !window.confirm(
          t('plugin-event-registration:panelAttendanceConfirm', { count: attendedCount }),
        )
      ) {
        return ''
      }
      const answer = await send(`${eventUrl}/registrations/attendance-confirmations`, {
        method: 'POST',
      })
      if (!answer.isOk) {
        return { error: messageOf(answer.body, answer.response.statusText) }
      }
      return String((answer.body as { message?: string } | null)?.message ?? '')
    })

  return (
    <section aria-labelledby={headingId} className="registrations-panel__section">
      <h4 className="registrations-panel__section-title" id={headingId}>
        {t('plugin-event-registration:panelAttendance')}
      </h4>
      <p className="registrations-panel__hint">
        {t('plugin-event-registration:panelAttendanceHint')}
      </p>
      <div className="registrations-panel__actions">
        <Button
          buttonStyle="secondary"
          disabled={isBusy || reason !== null}
          extraButtonProps={reason ? { 'aria-describedby': reasonId } : {}}
          margin={false}
          onClick={() => void sendAttendance()}
          size="small"
        >
          {t('plugin-event-registration:panelAttendanceButton')}
        </Button>
      </div>
      {reason && (
        <p className="registrations-panel__reason" id={reasonId}>
          {reason}
        </p>
      )}
      <ResultRegion area="attendance" result={result} />
    </section>
  )
}
