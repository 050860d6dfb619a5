'use client'

import type { UIFieldClientComponent } from 'payload'

import type { PlannedOccurrence, Recurrence } from '../../../../src/events/recurrence'
import type { Language } from '../../rule/describeRule'
import type { GenerationCounts } from './texts'

import {
  Button,
  toast,
  useAuth,
  useConfig,
  useDocumentInfo,
  useFormFields,
  useFormModified,
  useTranslation,
} from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { reduceFieldsToValues } from 'payload/shared'
import { useId, useMemo, useState } from 'react'

import { EVENT_TIME_ZONE } from '../../../../src/domain/eventKinds'
import { InvalidRecurrenceError, planOccurrences } from '../../../../src/events/recurrence'
import { TEXTS } from './texts'

import './index.css'

type ErrorBody = { errors?: { message?: string }[] }

/** How many dates the preview lists; the rest are counted. */
const SHOWN = 8
/** The horizon field's default. */
const DEFAULT_HORIZON_DAYS = 180

type Plan =
  { error: string; occurrences?: never } | { error?: never; occurrences: PlannedOccurrence[] }

/** The recurrence group as the form holds it (its exceptions' rows arrive keyed by index). */
const recurrenceOf = (values: Record<string, unknown>, group: string): Recurrence => {
  const recurrence = ((group ? values[group] : values) ?? {}) as Record<string, unknown>
  const { exceptions } = recurrence
  return {
    ...recurrence,
    exceptions: (Array.isArray(exceptions)
      ? exceptions
      : exceptions && typeof exceptions === 'object'
        ? Object.values(exceptions)
        : []
    ).filter((exception): exception is { date: string } =>
      Boolean(exception && typeof exception === 'object' && 'date' in exception && exception.date),
    ) as Recurrence['exceptions'],
  }
}

/** The series' dates as the generation would plan them now; undefined without a rule. */
const planOf = ({
  createdAt,
  id,
  language,
  now,
  recurrence,
}: {
  createdAt: string | undefined
  id: number | string | undefined
  language: Language
  now: Date
  recurrence: Recurrence
}): Plan | undefined => {
  if (!recurrence.rule?.trim()) {
    return undefined
  }
  try {
    return {
      occurrences: planOccurrences({
        now,
        recurrence,
        seriesId: id ?? 'new',
        // What the generation falls back to without a start date: the series' creation.
        startsOnFallback: createdAt ?? now.toISOString(),
      }),
    }
  } catch (err) {
    if (err instanceof InvalidRecurrenceError) {
      return { error: err.text[language] }
    }
    throw err
  }
}

/**
 * The next dates of the series as the form stands, planned by the same function the generation
 * runs (`planOccurrences`: Berlin wall time, exceptions, horizon), and "generate now" for the
 * coordination office, optionally as drafts. The endpoint checks the role again.
 */
export const Occurrences: UIFieldClientComponent = ({ path }) => {
  const { data: savedData, hasPublishedDoc, id } = useDocumentInfo()
  const { user } = useAuth<{ role?: string }>()
  const { config } = useConfig()
  const { i18n } = useTranslation()
  const language: Language = i18n.language === 'en' ? 'en' : 'de'
  const text = TEXTS[language]
  const isModified = useFormModified()
  const router = useRouter()
  const checkboxId = useId()
  const [isRunning, setIsRunning] = useState(false)
  const [isAsDraftsChosen, setIsAsDraftsChosen] = useState(false)
  // One "now" per visit: the preview must not change while the editor reads it.
  const [now] = useState(() => new Date())

  const group = path.includes('.') ? path.slice(0, path.lastIndexOf('.')) : ''
  const fields = useFormFields(([formFields]) => formFields)
  const recurrence = recurrenceOf(reduceFieldsToValues(fields, true), group)
  const plan = planOf({
    createdAt: savedData?.createdAt as string | undefined,
    id,
    language,
    now,
    recurrence,
  })

  const dateFormat = useMemo(
    () =>
      new Intl.DateTimeFormat(text.locale, {
        day: '2-digit',
        month: '2-digit',
        timeZone: EVENT_TIME_ZONE,
        weekday: 'short',
        year: 'numeric',
      }),
    [text.locale],
  )
  const timeFormat = useMemo(
    () =>
      new Intl.DateTimeFormat(text.locale, {
        hour: '2-digit',
        hourCycle: 'h23',
        minute: '2-digit',
        timeZone: EVENT_TIME_ZONE,
      }),
    [text.locale],
  )

  if (!plan) {
    return null
  }

  const canGenerate = Boolean(id) && (user?.role === 'admin' || user?.role === 'editor')
  const isAsDrafts = isAsDraftsChosen || !hasPublishedDoc
  const when = (occurrence: PlannedOccurrence) =>
    `${dateFormat.format(occurrence.start)}, ${timeFormat.format(occurrence.start)}–${timeFormat.format(occurrence.end)}`
  const regularDate = (occurrence: PlannedOccurrence) => {
    const [year = 1970, month = 1, day = 1] = occurrence.date.split('-').map(Number)
    // The rule date at noon Berlin time: its weekday and date, whatever time it was moved to.
    return dateFormat.format(new Date(Date.UTC(year, month - 1, day, 12)))
  }

  const generate = async () => {
    if (isModified) {
      toast.warning(text.saveFirst)
      return
    }
    setIsRunning(true)
    try {
      const response = await fetch(`${config.routes.api}/event-series/${id}/generate-occurrences`, {
        body: JSON.stringify({ asDrafts: isAsDrafts }),
        credentials: 'include',
        headers: { 'Accept-Language': i18n.language, 'Content-Type': 'application/json' },
        method: 'POST',
      })
      const body = (await response.json().catch(() => ({}))) as ErrorBody &
        Partial<GenerationCounts>
      if (!response.ok) {
        toast.error(body.errors?.[0]?.message ?? text.failed)
        return
      }
      toast.success(text.success({ ...(body as GenerationCounts), asDrafts: isAsDrafts }))
      // Shows the new "last generated" time.
      router.refresh()
    } catch {
      toast.error(text.failed)
    } finally {
      setIsRunning(false)
    }
  }

  const occurrences = plan.occurrences ?? []
  const shown = occurrences.slice(0, SHOWN)
  const last = occurrences[occurrences.length - 1]
  const taking = occurrences.filter((occurrence) => !occurrence.isSkipped).length

  return (
    <section aria-labelledby={`${checkboxId}-title`} className="field-type occurrences">
      <h3 className="occurrences__title" id={`${checkboxId}-title`}>
        {text.previewTitle}
      </h3>
      {plan.error ? (
        <p className="occurrences__error" role="alert">
          {text.invalid} {plan.error}
        </p>
      ) : (
        <>
          <p className="occurrences__summary">
            {occurrences.length === 0
              ? text.empty
              : text.summary(taking, recurrence.horizonDays ?? DEFAULT_HORIZON_DAYS)}
          </p>
          {shown.length > 0 && (
            <ol className="occurrences__list">
              {shown.map((occurrence) => (
                <li
                  className={occurrence.isSkipped ? 'occurrences__item--skipped' : undefined}
                  key={occurrence.key}
                >
                  {occurrence.isSkipped ? (
                    <>
                      <s>{when(occurrence)}</s> <span>({text.skipped})</span>
                    </>
                  ) : occurrence.isMoved ? (
                    <>
                      <s>{regularDate(occurrence)}</s> <span>({text.moved(when(occurrence))})</span>
                    </>
                  ) : (
                    when(occurrence)
                  )}
                </li>
              ))}
            </ol>
          )}
          {last && occurrences.length > shown.length && (
            <p className="occurrences__more">
              {text.more(occurrences.length - shown.length, dateFormat.format(last.start))}
            </p>
          )}
        </>
      )}

      {isModified && <p className="occurrences__unsaved">{text.unsaved}</p>}

      {canGenerate && !plan.error && (
        <div className="occurrences__generate">
          <label className="occurrences__drafts" htmlFor={checkboxId}>
            <input
              aria-describedby={`${checkboxId}-hint`}
              checked={isAsDrafts}
              disabled={!hasPublishedDoc || isRunning}
              id={checkboxId}
              onChange={(event) => setIsAsDraftsChosen(event.target.checked)}
              type="checkbox"
            />
            {text.asDrafts}
          </label>
          <p className="occurrences__hint" id={`${checkboxId}-hint`}>
            {hasPublishedDoc ? text.asDraftsHint : text.seriesIsDraft}
          </p>
          <Button
            buttonStyle="secondary"
            disabled={isRunning}
            margin={false}
            onClick={() => void generate()}
            size="medium"
          >
            {text.button}
          </Button>
          <p className="occurrences__hint">{text.description}</p>
        </div>
      )}
    </section>
  )
}
