import { useRegistrationTranslation } from './useRegistrationTranslation'

type Props = {
  /** null: no limit. */
  capacity: null | number
  seatsTaken: number
  waitingCount: number
}

/** Seats taken against the capacity (a meter, red when overbooked) and the waiting list's length. */
export const SeatsGauge = ({ capacity, seatsTaken, waitingCount }: Props) => {
  const { t } = useRegistrationTranslation()
  const isFull = capacity !== null && seatsTaken >= capacity
  const gaugeShare = capacity ? Math.min(1, seatsTaken / capacity) : 0
  return (
    <div className="registrations-panel__gauge">
      <p className="registrations-panel__gauge-figures">
        <strong className="registrations-panel__seats">
          {seatsTaken} /{' '}
          {capacity === null ? t('plugin-event-registration:panelUnlimited') : capacity}
        </strong>{' '}
        <span>{t('plugin-event-registration:panelSeats')}</span>
        {isFull && (
          <span className="registrations-panel__full">
            {' '}
            · {t('plugin-event-registration:panelFull')}
          </span>
        )}
      </p>
      {capacity !== null && (
        <div
          aria-label={t('plugin-event-registration:panelSeatsLabel', {
            capacity,
            taken: seatsTaken,
          })}
          aria-valuemax={capacity}
          aria-valuemin={0}
          aria-valuenow={seatsTaken}
          className={
            seatsTaken > capacity
              ? 'registrations-panel__bar registrations-panel__bar--over'
              : 'registrations-panel__bar'
          }
          role="meter"
        >
          <span
            className="registrations-panel__bar-fill"
            style={{ width: `${gaugeShare * 100}%` }}
          />
        </div>
      )}
      <p className="registrations-panel__waiting">
        {t('plugin-event-registration:panelWaiting', { count: waitingCount })}
      </p>
    </div>
  )
}
