import type { Filter } from './statusLabels'
import type { Act, Result } from './usePanelActions'

import { Button } from '@payloadcms/ui'

import { fileNameOf, messageOf } from './api'
import { ResultRegion } from './ResultRegion'
import { labelOf } from './statusLabels'
import { useRegistrationTranslation } from './useRegistrationTranslation'

type Props = {
  act: Act
  /** `${api}/${eventsSlug}/${id}` */
  eventUrl: string
  filter: Filter
  headingId: string
  isBusy: boolean
  result: null | Result
}

/**
 * Downloads of the registrations as CSV (endpoints/export.ts): the attendees, all, or those of
 * the status the list is filtered by.
 */
export const CsvExport = ({ act, eventUrl, filter, headingId, isBusy, result }: Props) => {
  const { i18n, t } = useRegistrationTranslation()

  const exportCsv = (scope: 'all' | 'attendees' | Filter) =>
    act('export', async () => {
      const response = await fetch(`${eventUrl}/registrations/export?status=${scope}`, {
        credentials: 'include',
        headers: { 'Accept-Language': i18n.language },
      })
      if (!response.ok) {
        return { error: messageOf(await response.json().catch(() => null), response.statusText) }
      }
      const link = document.createElement('a')
      link.href = URL.createObjectURL(await response.blob())
      link.download = fileNameOf(response, 'anmeldungen.csv')
      document.body.append(link)
      link.click()
      link.remove()
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000)
      return ''
    })

  return (
    <section aria-labelledby={headingId} className="registrations-panel__section">
      <h4 className="registrations-panel__section-title" id={headingId}>
        {t('plugin-event-registration:panelCsv')}
      </h4>
      <div className="registrations-panel__actions">
        <Button
          buttonStyle="secondary"
          disabled={isBusy}
          margin={false}
          onClick={() => void exportCsv('attendees')}
          size="small"
        >
          {t('plugin-event-registration:panelCsvAttendees')}
        </Button>
        <Button
          buttonStyle="secondary"
          disabled={isBusy}
          margin={false}
          onClick={() => void exportCsv('all')}
          size="small"
        >
          {t('plugin-event-registration:panelCsvAll')}
        </Button>
        {filter !== 'all' && filter !== 'confirmed' && (
          <Button
            buttonStyle="secondary"
            disabled={isBusy}
            margin={false}
            onClick={() => void exportCsv(filter)}
            size="small"
          >
            {t('plugin-event-registration:panelCsvFilter', { filter: labelOf(t, filter) })}
          </Button>
        )}
      </div>
      <ResultRegion area="export" result={result} />
    </section>
  )
}
