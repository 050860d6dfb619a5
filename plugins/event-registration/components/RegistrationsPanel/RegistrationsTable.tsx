import type { Send } from './api'
import type { PanelRegistration } from './rows'
import type { Filter } from './statusLabels'
import type { Act } from './usePanelActions'

import { messageOf } from './api'
import { nameOf } from './rows'
import { RowActions } from './RowActions'
import { labelOf } from './statusLabels'
import { useRegistrationTranslation } from './useRegistrationTranslation'

type Props = {
  act: Act
  filter: Filter
  isBusy: boolean
  isFull: boolean
  /** Every registration of the event, to tell "none yet" from "none with this status". */
  registrations: PanelRegistration[]
  registrationsUrl: string
  send: Send
  /** Shows a check-in at once, before the server has answered. */
  showAttended: (id: PanelRegistration['id'], attended: boolean) => void
  /** The registrations the filter lets through. */
  shown: PanelRegistration[]
  timeZone: string
}

/**
 * The registrations as a table: name, address, status, when registered (in the event's time
 * zone), check-in for confirmed ones, and each one's decisions.
 */
export const RegistrationsTable = ({
  act,
  filter,
  isBusy,
  isFull,
  registrations,
  registrationsUrl,
  send,
  showAttended,
  shown,
  timeZone,
}: Props) => {
  const { i18n, t } = useRegistrationTranslation()
  const anonymised = t('plugin-event-registration:panelAnonymised')
  const dateFormat = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'de-DE', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  })

  const checkIn = (row: PanelRegistration, attended: boolean) =>
    act('list', async () => {
      // Shown at once; the reload afterwards puts back what the server kept.
      showAttended(row.id, attended)
      const answer = await send(
        `${registrationsUrl}/${encodeURIComponent(String(row.id))}?depth=0`,
        { body: { attended }, method: 'PATCH' },
      )
      if (!answer.isOk) {
        return { error: messageOf(answer.body, answer.response.statusText) }
      }
      return t(
        attended
          ? 'plugin-event-registration:panelCheckedIn'
          : 'plugin-event-registration:panelCheckedOut',
        { name: nameOf(row, anonymised) },
      )
    })

  if (shown.length === 0) {
    return (
      <p className="registrations-panel__empty">
        {registrations.length === 0
          ? t('plugin-event-registration:panelEmpty')
          : t('plugin-event-registration:panelEmptyFilter')}
      </p>
    )
  }
  return (
    <div className="registrations-panel__table-wrap">
      <table className="registrations-panel__table">
        <caption className="registrations-panel__caption">
          {t('plugin-event-registration:panelRegistrations')}: {labelOf(t, filter)} ({shown.length})
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('plugin-event-registration:panelName')}</th>
            <th scope="col">{t('plugin-event-registration:panelEmail')}</th>
            <th scope="col">{t('plugin-event-registration:panelStatus')}</th>
            <th scope="col">{t('plugin-event-registration:panelRegisteredAt')}</th>
            <th scope="col">{t('plugin-event-registration:panelAttended')}</th>
            <th scope="col">
              <span className="registrations-panel__visually-hidden">
                {t('plugin-event-registration:panelActions')}
              </span>
            </th>
          </tr>
        </thead>
        <tbody>
          {shown.map((row) => (
            <tr
              className="registrations-panel__row"
              data-registration-id={String(row.id)}
              data-status={row.status}
              key={String(row.id)}
            >
              <td className="registrations-panel__name">
                {row.isAnonymised ? anonymised : row.name}
              </td>
              <td className="registrations-panel__email">{row.email}</td>
              <td className="registrations-panel__status">
                <span
                  className={`registrations-panel__badge registrations-panel__badge--${row.status}`}
                >
                  {labelOf(t, row.status)}
                </span>
              </td>
              <td className="registrations-panel__date">
                {dateFormat.format(new Date(row.createdAt))}
              </td>
              <td className="registrations-panel__attended">
                {row.status === 'confirmed' && !row.isAnonymised ? (
                  <input
                    aria-label={t('plugin-event-registration:panelAttendedLabel', {
                      name: nameOf(row, anonymised),
                    })}
                    checked={row.attended}
                    disabled={isBusy}
                    onChange={(event) => void checkIn(row, event.target.checked)}
                    type="checkbox"
                  />
                ) : row.attended ? (
                  '✓'
                ) : null}
              </td>
              <td>
                <RowActions
                  act={act}
                  isBusy={isBusy}
                  isFull={isFull}
                  registrationsUrl={registrationsUrl}
                  row={row}
                  send={send}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
