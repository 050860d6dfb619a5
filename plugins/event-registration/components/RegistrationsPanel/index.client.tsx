'use client'

import type { FormState } from 'payload'

import type { StoredRegistration } from '../../types'
import type { MessageDraft } from './MessageForm'
import type { PanelData, PanelRegistration } from './rows'
import type { Filter } from './statusLabels'

import { Button, useConfig, useForm } from '@payloadcms/ui'
import { useCallback, useEffect, useId, useMemo, useState } from 'react'

import { messageOf, sendIn } from './api'
import { AttendanceConfirmations } from './AttendanceConfirmations'
import { CsvExport } from './CsvExport'
import { MessageForm } from './MessageForm'
import { RegistrationsTable } from './RegistrationsTable'
import { ResultRegion } from './ResultRegion'
import { toPanelRegistration } from './rows'
import { SeatsGauge } from './SeatsGauge'
import { StatusFilter } from './StatusFilter'
import { usePanelActions } from './usePanelActions'
import { useRegistrationTranslation } from './useRegistrationTranslation'

import './index.css'

type Props = {
  /** null while the event isn't saved: there is nothing to manage yet. */
  eventId: null | number | string
  eventsSlug: string
  initial: null | PanelData
  isDisabled: boolean
  registrationsSlug: string
  timeZone: string
}

/**
 * The organisers' desk on an event: seats, the registrations by status, decisions (confirm,
 * move up, cancel), check-in, CSV export, a message to all confirmed and attendance
 * confirmations. Every action goes through the plugin's endpoints as the signed-in user, which
 * hold the event's lock and send the mails; the list is read again after each.
 */
export const RegistrationsPanelClient = ({
  eventId,
  eventsSlug,
  initial,
  isDisabled,
  registrationsSlug,
  timeZone,
}: Props) => {
  const { i18n, t } = useRegistrationTranslation()
  const { config } = useConfig()
  const ids = useId()

  const [data, setData] = useState<null | PanelData>(initial)
  const [filter, setFilter] = useState<Filter>('all')
  const [draft, setDraft] = useState<MessageDraft>({ subject: '', text: '' })

  // A new server render (after saving the event) brings a fresh list.
  useEffect(() => setData(initial), [initial])

  const api = config.routes.api
  const eventUrl = `${api}/${eventsSlug}/${encodeURIComponent(String(eventId ?? ''))}`
  const registrationsUrl = `${api}/${registrationsSlug}`
  const send = useMemo(() => sendIn(i18n.language), [i18n.language])

  const reload = useCallback(async () => {
    if (eventId === null) {
      return
    }
    const query = new URLSearchParams({
      depth: '0',
      limit: '0',
      sort: 'createdAt',
      'where[event][equals]': String(eventId),
    })
    const list = await send(`${registrationsUrl}?${query.toString()}`)
    if (!list.isOk) {
      setData({
        capacity: null,
        error:
          list.response.status === 403
            ? t('plugin-event-registration:panelForbidden')
            : messageOf(list.body, list.response.statusText),
        isCpd: false,
        registrations: [],
      })
      return
    }
    const event = await send(`${eventUrl}?depth=0`)
    const capacity = (event.body as { capacity?: null | number } | null)?.capacity
    setData((previous) => ({
      capacity: event.isOk
        ? typeof capacity === 'number'
          ? capacity
          : null
        : (previous?.capacity ?? null),
      error: null,
      isCpd: previous?.isCpd ?? false,
      registrations: ((list.body as { docs?: StoredRegistration[] } | null)?.docs ?? []).map(
        toPanelRegistration,
      ),
    }))
  }, [eventId, eventUrl, registrationsUrl, send, t])

  // The event's read-only counters (seatsTaken, waitingCount) are fields of the same form, filled
  // when the event was read: after a decision here they follow the list, without marking the
  // event as changed.
  const { dispatchFields, getField } = useForm()
  const rows = data && !data.error ? data.registrations : null
  const confirmedNow = rows?.filter((row) => row.status === 'confirmed').length
  const waitlistedNow = rows?.filter((row) => row.status === 'waitlisted').length
  useEffect(() => {
    if (confirmedNow === undefined || waitlistedNow === undefined) {
      return
    }
    const changed: FormState = {}
    for (const [path, value] of [
      ['seatsTaken', confirmedNow],
      ['waitingCount', waitlistedNow],
    ] as const) {
      const field = getField(path)
      if (field && field.value !== value) {
        changed[path] = { ...field, initialValue: value, value }
      }
    }
    if (Object.keys(changed).length) {
      dispatchFields({ type: 'UPDATE_MANY', formState: changed })
    }
  }, [confirmedNow, dispatchFields, getField, waitlistedNow])

  const { act, isBusy, result } = usePanelActions({ reload })

  if (eventId === null || !data) {
    return (
      <div className="field-type registrations-panel">
        <h3 className="registrations-panel__title">{t('plugin-event-registration:panelTitle')}</h3>
        {isDisabled && (
          <p className="registrations-panel__hint">{t('plugin-event-registration:disabled')}</p>
        )}
        <p className="registrations-panel__hint">{t('plugin-event-registration:panelUnsaved')}</p>
      </div>
    )
  }

  const { capacity, error, registrations } = data
  const countOf = (status: Filter) =>
    status === 'all'
      ? registrations.length
      : registrations.filter((row) => row.status === status).length
  const seatsTaken = countOf('confirmed')
  const isFull = capacity !== null && seatsTaken >= capacity
  const shown =
    filter === 'all' ? registrations : registrations.filter((row) => row.status === filter)
  const attendedCount = registrations.filter(
    (row) => row.status === 'confirmed' && row.attended,
  ).length
  const showAttended = (id: PanelRegistration['id'], attended: boolean) =>
    setData(
      (previous) =>
        previous && {
          ...previous,
          registrations: previous.registrations.map((other) =>
            other.id === id ? { ...other, attended } : other,
          ),
        },
    )

  return (
    <div aria-busy={isBusy} className="field-type registrations-panel">
      <div className="registrations-panel__header">
        <h3 className="registrations-panel__title">{t('plugin-event-registration:panelTitle')}</h3>
        <Button
          buttonStyle="subtle"
          disabled={isBusy}
          margin={false}
          onClick={() => void act('list', async () => '')}
          size="small"
        >
          {t('plugin-event-registration:panelRefresh')}
        </Button>
      </div>
      {isDisabled && (
        <p className="registrations-panel__hint">{t('plugin-event-registration:disabled')}</p>
      )}

      {error ? (
        <p className="registrations-panel__result registrations-panel__result--error" role="alert">
          {error}
        </p>
      ) : (
        <>
          <SeatsGauge
            capacity={capacity}
            seatsTaken={seatsTaken}
            waitingCount={countOf('waitlisted')}
          />
          <StatusFilter countOf={countOf} filter={filter} onChange={setFilter} />
          <ResultRegion area="list" result={result} />
          <RegistrationsTable
            act={act}
            filter={filter}
            isBusy={isBusy}
            isFull={isFull}
            registrations={registrations}
            registrationsUrl={registrationsUrl}
            send={send}
            showAttended={showAttended}
            shown={shown}
            timeZone={timeZone}
          />
          <CsvExport
            act={act}
            eventUrl={eventUrl}
            filter={filter}
            headingId={`${ids}-csv`}
            isBusy={isBusy}
            result={result}
          />
          <MessageForm
            act={act}
            confirmedCount={seatsTaken}
            draft={draft}
            eventUrl={eventUrl}
            idPrefix={ids}
            isBusy={isBusy}
            onDraft={setDraft}
            result={result}
            send={send}
          />
          <AttendanceConfirmations
            act={act}
            attendedCount={attendedCount}
            eventUrl={eventUrl}
            headingId={`${ids}-attendance`}
            isBusy={isBusy}
            isCpd={data.isCpd}
            result={result}
            send={send}
          />
        </>
      )}
    </div>
  )
}
