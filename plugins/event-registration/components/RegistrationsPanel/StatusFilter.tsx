import type { Filter } from './statusLabels'

import { FILTERS, labelOf } from './statusLabels'
import { useRegistrationTranslation } from './useRegistrationTranslation'

type Props = {
  countOf: (filter: Filter) => number
  filter: Filter
  onChange: (filter: Filter) => void
}

/** Toggle buttons for the list's status, each with its count. */
export const StatusFilter = ({ countOf, filter, onChange }: Props) => {
  const { t } = useRegistrationTranslation()
  return (
    <div
      aria-label={t('plugin-event-registration:panelFilterLabel')}
      className="registrations-panel__filters"
      role="group"
    >
      {FILTERS.map((status) => (
        <button
          aria-pressed={filter === status}
          className={
            filter === status
              ? 'registrations-panel__filter registrations-panel__filter--active'
              : 'registrations-panel__filter'
          }
          data-filter={status}
          key={status}
          onClick={() => onChange(status)}
          type="button"
        >
          {labelOf(t, status)}{' '}
          <span className="registrations-panel__filter-count">({countOf(status)})</span>
        </button>
      ))}
    </div>
  )
}
