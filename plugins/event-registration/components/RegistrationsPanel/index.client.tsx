'use client'

import type { RegistrationStatus, StoredRegistration } from '../../types'
import type { PanelData, PanelRegistration } from './rows'

import { Button, useConfig, useTranslation } from '@payloadcms/ui'
import { useCallback, useEffect, useId, useState } from 'react'

import { toPanelRegistration } from './rows'
import { fill, statusText, textsFor } from './texts'

import './index.css'

type Props = {
  /** null while the event isn't saved: there is nothing to manage yet. */
  eventId: null | number | string
  eventsSlug: string
  initial: null | PanelData
  registrationsSlug: string
  timeZone: string
}

type Filter = 'all' | RegistrationStatus

const FILTERS: Filter[] = ['all', 'confirmed', 'waitlisted', 'pending', 'cancelled']

/** Where a result is announced: next to the control that caused it. */
type Area = 'attendance' | 'export' | 'list' | 'message'

type Result = { area: Area; isError: boolean; text: string }

type ErrorBody = { errors?: { data?: { errors?: { message?: string }[] }; message?: string }[] }

/** Every message of an error answer, Payload's field errors included. */
const messageOf = (body: unknown, fallback: string) => {
  const errors = (body as ErrorBody | null)?.errors ?? []
  const texts = errors.flatMap((error) => [error.message, ...(error.data?.errors ?? []).map((detail) => detail.message)]).filter((text): text is string => Boolean(text))
  return [...new Set(texts)].join(' ') || fallback
}

const hasErrors = (body: unknown) => Boolean((body as ErrorBody | null)?.errors?.length)

const fileNameOf = (response: Response, fallback: string) => /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? fallback

/**
 * The organisers' desk on an event: seats, the registrations by status, decisions (confirm,
 * move up, cancel), check-in, CSV export, a message to all confirmed and attendance
 * confirmations. Every action goes through the plugin's endpoints as the signed-in user, which
 * hold the event's lock and send the mails; the list is read again after each.
 */
export const RegistrationsPanelClient = ({ eventId, eventsSlug, initial, registrationsSlug, timeZone }: Props) => {
  const { i18n } = useTranslation()
  const { config } = useConfig()
  const language = i18n.language
  const texts = textsFor(language)
  const ids = useId()

  const [data, setData] = useState<null | PanelData>(initial)
  const [filter, setFilter] = useState<Filter>('all')
  const [isBusy, setIsBusy] = useState(false)
  const [result, setResult] = useState<null | Result>(null)
  const [subject, setSubject] = useState('')
  const [text, setText] = useState('')

  // A new server render (after saving the event) brings a fresh list.
  useEffect(() => setData(initial), [initial])

  const api = config.routes.api
  const eventUrl = `${api}/${eventsSlug}/${encodeURIComponent(String(eventId ?? ''))}`

  const send = useCallback(
    async (url: string, init: { body?: unknown; method?: string } = {}) => {
      const response = await fetch(url, {
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        credentials: 'include',
        headers: {
          Accept: 'application/json',
          'Accept-Language': language,
          ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        method: init.method ?? 'GET',
      })
      const body: unknown = await response.json().catch(() => null)
      return { body, isOk: response.ok && !hasErrors(body), response }
    },
    [language],
  )

  const reload = useCallback(async () => {
    if (eventId === null) {
      return
    }
    const query = new URLSearchParams({ depth: '0', limit: '0', sort: 'createdAt', 'where[event][equals]': String(eventId) })
    const list = await send(`${api}/${registrationsSlug}?${query.toString()}`)
    if (!list.isOk) {
      setData({ capacity: null, error: messageOf(list.body, list.response.statusText), registrations: [] })
      return
    }
    const event = await send(`${eventUrl}?depth=0`)
    const capacity = (event.body as { capacity?: null | number } | null)?.capacity
    setData((previous) => ({
      capacity: event.isOk ? (typeof capacity === 'number' ? capacity : null) : (previous?.capacity ?? null),
      error: null,
      registrations: ((list.body as { docs?: StoredRegistration[] } | null)?.docs ?? []).map(toPanelRegistration),
    }))
  }, [api, eventId, eventUrl, registrationsSlug, send])

  /** Runs an action, announces its outcome in `area`, then reads the list again. */
  const act = async (area: Area, work: () => Promise<string | { error: string }>) => {
    if (isBusy) {
      return
    }
    setIsBusy(true)
    setResult(null)
    try {
      const outcome = await work()
      setResult(typeof outcome === 'string' ? { area, isError: false, text: outcome } : { area, isError: true, text: outcome.error })
      await reload()
    } catch (err) {
      setResult({ area, isError: true, text: fill(texts.failed, { message: err instanceof Error ? err.message : String(err) }) })
    } finally {
      setIsBusy(false)
    }
  }

  if (eventId === null || !data) {
    return (
      <div className="field-type registrations-panel">
        <h3 className="registrations-panel__title">{texts.title}</h3>
        <p className="registrations-panel__hint">{texts.unsaved}</p>
      </div>
    )
  }

  const { capacity, error, registrations } = data
  const countOf = (status: Filter) => (status === 'all' ? registrations.length : registrations.filter((row) => row.status === status).length)
  const seatsTaken = countOf('confirmed')
  const waitingCount = countOf('waitlisted')
  const isFull = capacity !== null && seatsTaken >= capacity
  const shown = filter === 'all' ? registrations : registrations.filter((row) => row.status === filter)
  const attendedCount = registrations.filter((row) => row.status === 'confirmed' && row.attended).length
  const nameOf = (row: PanelRegistration) => row.name || row.email || texts.anonymised
  const dateFormat = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'de-DE', { dateStyle: 'medium', timeStyle: 'short', timeZone })
  const filterLabel = (status: Filter) => (status === 'all' ? texts.all : statusText(status, language))

  const decide = (row: PanelRegistration, status: 'cancelled' | 'confirmed') =>
    act('list', async () => {
      const name = nameOf(row)
      if (status === 'cancelled' && !window.confirm(fill(texts.cancelConfirm, { name }))) {
        return ''
      }
      const url = `${api}/${registrationsSlug}/${encodeURIComponent(String(row.id))}/status`
      let answer = await send(url, { body: { status }, method: 'POST' })
      // Full: the organiser may still overbook, knowingly.
      if (answer.response.status === 409 && status === 'confirmed' && isFull) {
        const message = messageOf(answer.body, answer.response.statusText)
        if (!window.confirm(`${message}\n\n${texts.overbookQuestion}`)) {
          return { error: message }
        }
        answer = await send(url, { body: { overbook: true, status }, method: 'POST' })
      }
      if (!answer.isOk) {
        return { error: messageOf(answer.body, answer.response.statusText) }
      }
      if (status === 'confirmed') {
        return fill(row.status === 'waitlisted' ? texts.movedUp : texts.confirmed, { name })
      }
      const promoted = (answer.body as { promoted?: unknown[] } | null)?.promoted ?? []
      return [fill(texts.cancelled, { name }), promoted.length ? fill(texts.promoted, { count: promoted.length }) : ''].filter(Boolean).join(' ')
    })

  const checkIn = (row: PanelRegistration, attended: boolean) =>
    act('list', async () => {
      // Shown at once; the reload afterwards puts back what the server kept.
      setData((previous) => previous && { ...previous, registrations: previous.registrations.map((other) => (other.id === row.id ? { ...other, attended } : other)) })
      const answer = await send(`${api}/${registrationsSlug}/${encodeURIComponent(String(row.id))}?depth=0`, { body: { attended }, method: 'PATCH' })
      if (!answer.isOk) {
        return { error: messageOf(answer.body, answer.response.statusText) }
      }
      return fill(attended ? texts.checkedIn : texts.checkedOut, { name: nameOf(row) })
    })

  const exportCsv = (scope: 'all' | 'attendees' | RegistrationStatus) =>
    act('export', async () => {
      const response = await fetch(`${eventUrl}/registrations/export?status=${scope}`, {
        credentials: 'include',
        headers: { 'Accept-Language': language },
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

  const sendMessage = () =>
    act('message', async () => {
      if (!window.confirm(fill(texts.messageConfirm, { count: seatsTaken, subject: subject.trim() }))) {
        return ''
      }
      const answer = await send(`${eventUrl}/registrations/message`, { body: { subject, text }, method: 'POST' })
      if (!answer.isOk) {
        return { error: messageOf(answer.body, answer.response.statusText) }
      }
      setSubject('')
      setText('')
      return String((answer.body as { message?: string } | null)?.message ?? '')
    })

  const sendAttendance = () =>
    act('attendance', async () => {
      if (!window.confirm(fill(texts.attendanceConfirm, { count: attendedCount }))) {
        return ''
      }
      const answer = await send(`${eventUrl}/registrations/attendance-confirmations`, { method: 'POST' })
      if (!answer.isOk) {
        return { error: messageOf(answer.body, answer.response.statusText) }
      }
      return String((answer.body as { message?: string } | null)?.message ?? '')
    })

  /** A polite live region per area; it exists before it speaks, so screen readers announce it. */
  const renderResult = (area: Area) => (
    <div aria-live="polite" className="registrations-panel__result-region" role="status">
      {result?.area === area && result.text && (
        <p className={result.isError ? 'registrations-panel__result registrations-panel__result--error' : 'registrations-panel__result'}>{result.text}</p>
      )}
    </div>
  )

  const renderActions = (row: PanelRegistration) => {
    if (row.isAnonymised) {
      return null
    }
    const canConfirm = row.status === 'pending' || row.status === 'waitlisted'
    return (
      <div className="registrations-panel__actions">
        {canConfirm && (
          <Button
            aria-label={`${row.status === 'waitlisted' ? texts.moveUp : texts.confirm}: ${nameOf(row)}`}
            buttonStyle="primary"
            disabled={isBusy}
            margin={false}
            onClick={() => void decide(row, 'confirmed')}
            size="small"
          >
            {row.status === 'waitlisted' ? texts.moveUp : texts.confirm}
          </Button>
        )}
        {row.status !== 'cancelled' && (
          <Button aria-label={`${texts.cancel}: ${nameOf(row)}`} buttonStyle="secondary" disabled={isBusy} margin={false} onClick={() => void decide(row, 'cancelled')} size="small">
            {texts.cancel}
          </Button>
        )}
      </div>
    )
  }

  const gaugeShare = capacity ? Math.min(1, seatsTaken / capacity) : 0

  return (
    <div aria-busy={isBusy} className="field-type registrations-panel">
      <div className="registrations-panel__header">
        <h3 className="registrations-panel__title">{texts.title}</h3>
        <Button buttonStyle="subtle" disabled={isBusy} margin={false} onClick={() => void act('list', async () => '')} size="small">
          {texts.refresh}
        </Button>
      </div>

      {error ? (
        <p className="registrations-panel__result registrations-panel__result--error" role="alert">
          {error}
        </p>
      ) : (
        <>
          <div className="registrations-panel__gauge">
            <p className="registrations-panel__gauge-figures">
              <strong className="registrations-panel__seats">
                {seatsTaken} / {capacity === null ? texts.unlimited : capacity}
              </strong>{' '}
              <span>{texts.seats}</span>
              {isFull && <span className="registrations-panel__full"> · {texts.full}</span>}
            </p>
            {capacity !== null && (
              <div
                aria-label={fill(texts.seatsLabel, { capacity, taken: seatsTaken })}
                aria-valuemax={capacity}
                aria-valuemin={0}
                aria-valuenow={seatsTaken}
                className={seatsTaken > capacity ? 'registrations-panel__bar registrations-panel__bar--over' : 'registrations-panel__bar'}
                role="meter"
              >
                <span className="registrations-panel__bar-fill" style={{ width: `${gaugeShare * 100}%` }} />
              </div>
            )}
            <p className="registrations-panel__waiting">{fill(texts.waiting, { count: waitingCount })}</p>
          </div>

          <div aria-label={texts.filterLabel} className="registrations-panel__filters" role="group">
            {FILTERS.map((status) => (
              <button
                aria-pressed={filter === status}
                className={filter === status ? 'registrations-panel__filter registrations-panel__filter--active' : 'registrations-panel__filter'}
                data-filter={status}
                key={status}
                onClick={() => setFilter(status)}
                type="button"
              >
                {filterLabel(status)} <span className="registrations-panel__filter-count">({countOf(status)})</span>
              </button>
            ))}
          </div>

          {renderResult('list')}

          {shown.length === 0 ? (
            <p className="registrations-panel__empty">{registrations.length === 0 ? texts.empty : texts.emptyFilter}</p>
          ) : (
            <div className="registrations-panel__table-wrap">
              <table className="registrations-panel__table">
                <caption className="registrations-panel__caption">
                  {texts.registrations}: {filterLabel(filter)} ({shown.length})
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{texts.name}</th>
                    <th scope="col">{texts.email}</th>
                    <th scope="col">{texts.status}</th>
                    <th scope="col">{texts.registeredAt}</th>
                    <th scope="col">{texts.attended}</th>
                    <th scope="col">
                      <span className="registrations-panel__visually-hidden">{texts.actions}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((row) => (
                    <tr className="registrations-panel__row" data-registration-id={String(row.id)} data-status={row.status} key={String(row.id)}>
                      <td className="registrations-panel__name">{row.isAnonymised ? texts.anonymised : row.name}</td>
                      <td className="registrations-panel__email">{row.email}</td>
                      <td className="registrations-panel__status">
                        <span className={`registrations-panel__badge registrations-panel__badge--${row.status}`}>{statusText(row.status, language)}</span>
                      </td>
                      <td className="registrations-panel__date">{dateFormat.format(new Date(row.createdAt))}</td>
                      <td className="registrations-panel__attended">
                        {row.status === 'confirmed' && !row.isAnonymised ? (
                          <input
                            aria-label={fill(texts.attendedLabel, { name: nameOf(row) })}
                            checked={row.attended}
                            disabled={isBusy}
                            onChange={(event) => void checkIn(row, event.target.checked)}
                            type="checkbox"
                          />
                        ) : row.attended ? (
                          '✓'
                        ) : null}
                      </td>
                      <td>{renderActions(row)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}

          <section aria-labelledby={`${ids}-csv`} className="registrations-panel__section">
            <h4 className="registrations-panel__section-title" id={`${ids}-csv`}>
              {texts.csv}
            </h4>
            <div className="registrations-panel__actions">
              <Button buttonStyle="secondary" disabled={isBusy} margin={false} onClick={() => void exportCsv('attendees')} size="small">
                {texts.csvAttendees}
              </Button>
              <Button buttonStyle="secondary" disabled={isBusy} margin={false} onClick={() => void exportCsv('all')} size="small">
                {texts.csvAll}
              </Button>
              {filter !== 'all' && filter !== 'confirmed' && (
                <Button buttonStyle="secondary" disabled={isBusy} margin={false} onClick={() => void exportCsv(filter)} size="small">
                  {fill(texts.csvFilter, { filter: filterLabel(filter) })}
                </Button>
              )}
            </div>
            {renderResult('export')}
          </section>

          {/* Not a <form>: it sits inside the document's form, and Enter must not save the event. */}
          <section aria-labelledby={`${ids}-message`} className="registrations-panel__section registrations-panel__message">
            <h4 className="registrations-panel__section-title" id={`${ids}-message`}>
              {texts.message}
            </h4>
            <p className="registrations-panel__hint">{texts.messageHint}</p>
            <label className="registrations-panel__label" htmlFor={`${ids}-subject`}>
              {texts.messageSubject}
            </label>
            <input
              className="registrations-panel__input"
              id={`${ids}-subject`}
              maxLength={200}
              onChange={(event) => setSubject(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === 'Enter') {
                  event.preventDefault()
                }
              }}
              type="text"
              value={subject}
            />
            <label className="registrations-panel__label" htmlFor={`${ids}-text`}>
              {texts.messageText}
            </label>
            <textarea className="registrations-panel__input" id={`${ids}-text`} maxLength={10_000} onChange={(event) => setText(event.target.value)} rows={5} value={text} />
            <div className="registrations-panel__actions">
              <Button buttonStyle="primary" disabled={isBusy || !subject.trim() || !text.trim()} margin={false} onClick={() => void sendMessage()} size="small">
                {texts.messageSend}
              </Button>
            </div>
            {renderResult('message')}
          </section>

          <section aria-labelledby={`${ids}-attendance`} className="registrations-panel__section">
            <h4 className="registrations-panel__section-title" id={`${ids}-attendance`}>
              {texts.attendance}
            </h4>
            <p className="registrations-panel__hint">{texts.attendanceHint}</p>
            <div className="registrations-panel__actions">
              <Button buttonStyle="secondary" disabled={isBusy} margin={false} onClick={() => void sendAttendance()} size="small">
                {texts.attendanceButton}
              </Button>
            </div>
            {renderResult('attendance')}
          </section>
        </>
      )}
    </div>
  )
}
