'use client'

import type { TextFieldClientComponent } from 'payload'

import type { Language } from '../../rule/describeRule'

import { Button, useField, useFormFields, useTranslation } from '@payloadcms/ui'
import { useId, useState } from 'react'

import { asSentence, describeRule } from '../../rule/describeRule'
import {
  choiceOfRule,
  MAX_MONTHS,
  MAX_WEEKS,
  ORDINALS,
  type Ordinal,
  type RuleChoice,
  ruleOfChoice,
} from '../../rule/ruleChoice'
import { type Weekday, WEEKDAYS } from '../../rule/ruleParts'
import { ruleProblem } from '../../rule/validateRule'
import { TEXTS } from './texts'

import './index.css'

/** The defaults of the series' time fields (and of the generation when they are empty). */
const DEFAULT_START_TIME = '10:00'
const DEFAULT_DURATION_MINUTES = 120
const DAY_MINUTES = 24 * 60
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/

const minutesOf = (time: string): number | undefined => {
  const match = TIME.exec(time)
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined
}

/** A typed time of day as HH:MM ("9:30", "9.30", "930", "9" → "09:30", "09:00"), or undefined. */
const normalizeTime = (typed: string): string | undefined => {
  const match = /^(\d{1,2})(?:[:.]?(\d{2}))?$/.exec(typed.trim())
  if (!match) {
    return undefined
  }
  const time = `${match[1]!.padStart(2, '0')}:${match[2] ?? '00'}`
  return TIME.test(time) ? time : undefined
}

const clock = (minutes: number) => {
  const inDay = ((minutes % DAY_MINUTES) + DAY_MINUTES) % DAY_MINUTES
  return `${String(Math.floor(inDay / 60)).padStart(2, '0')}:${String(inDay % 60).padStart(2, '0')}`
}

/** The weekday of a day-only date (stored at 12:00 UTC, so the UTC day is the calendar day). */
const weekdayOf = (value: unknown): Weekday => {
  const date = typeof value === 'string' ? new Date(value) : undefined
  return date && !Number.isNaN(date.getTime()) ? WEEKDAYS[(date.getUTCDay() + 6) % 7]! : 'MO'
}

const range = (count: number) => Array.from({ length: count }, (_, index) => index + 1)

/**
 * The series' rule as controls (weekly on weekdays, monthly on the n-th weekday, every n weeks
 * or months, from … to …) with the rule in words, writing the same RRULE text the field always
 * stored; "Experte" edits that text directly. It also keeps the hidden fields `startTime` and
 * `durationMinutes` beside it, which the time controls stand for.
 */
export const RecurrenceRuleField: TextFieldClientComponent = ({ path, readOnly }) => {
  const { i18n } = useTranslation()
  const language: Language = i18n.language === 'en' ? 'en' : 'de'
  const text = TEXTS[language]
  const id = useId()
  const siblingPath = (name: string) => path.replace(/[^.]+$/, name)

  const rule = useField<null | string>({ path })
  const startTime = useField<null | string>({ path: siblingPath('startTime') })
  const duration = useField<null | number>({ path: siblingPath('durationMinutes') })
  const startsOn = useFormFields(([fields]) => fields[siblingPath('startsOn')]?.value)

  const value = rule.value ?? ''
  const isEmpty = value.trim() === ''
  const choice = choiceOfRule(value)
  const canUseControls = isEmpty || choice !== undefined
  const [isExpertChosen, setIsExpertChosen] = useState(!canUseControls)
  const isExpert = isExpertChosen || !canUseControls
  const [message, setMessage] = useState<string>()
  // What is typed into the time inputs until it is a time of day.
  const [startDraft, setStartDraft] = useState<string>()
  const [endDraft, setEndDraft] = useState<string>()

  const start = startTime.value && TIME.test(startTime.value) ? startTime.value : DEFAULT_START_TIME
  const durationMinutes = duration.value && duration.value > 0 ? duration.value : undefined
  const end = clock((minutesOf(start) ?? 0) + (durationMinutes ?? DEFAULT_DURATION_MINUTES))
  const problem = ruleProblem(value, language)
  const words = isEmpty
    ? undefined
    : describeRule({
        durationMinutes: durationMinutes ?? DEFAULT_DURATION_MINUTES,
        language,
        rule: value,
        startTime: start,
      })

  const write = (next: null | RuleChoice) => {
    setMessage(undefined)
    rule.setValue(next ? ruleOfChoice(next) : null)
  }

  const chooseFrequency = (frequency: string) => {
    const weekday =
      choice?.frequency === 'monthly'
        ? choice.weekday
        : choice?.frequency === 'weekly'
          ? (choice.weekdays[0] ?? weekdayOf(startsOn))
          : weekdayOf(startsOn)
    if (frequency === 'weekly') {
      write({ frequency, interval: 1, weekdays: [weekday] })
    } else if (frequency === 'monthly') {
      write({ frequency, interval: 1, ordinal: 1, weekday })
    } else {
      write(null)
    }
  }

  const toggleWeekday = (weekday: Weekday, isChecked: boolean) => {
    if (choice?.frequency !== 'weekly') {
      return
    }
    const weekdays = isChecked
      ? [...choice.weekdays, weekday]
      : choice.weekdays.filter((day) => day !== weekday)
    if (weekdays.length === 0) {
      setMessage(text.noDays)
      return
    }
    write({ ...choice, weekdays })
  }

  const changeStart = (typed: string) => {
    setStartDraft(typed)
    const next = normalizeTime(typed)
    if (!next || typed.trim().length < 4) {
      return
    }
    setStartDraft(undefined)
    setEndDraft(undefined)
    setMessage(undefined)
    startTime.setValue(next)
    // The end moves with the start, as in a calendar: the duration stays.
    if (!durationMinutes) {
      duration.setValue(DEFAULT_DURATION_MINUTES)
    }
  }

  const changeEnd = (typed: string) => {
    setEndDraft(typed)
    const next = normalizeTime(typed)
    const endMinutes = next === undefined ? undefined : minutesOf(next)
    const startMinutes = minutesOf(start)
    if (endMinutes === undefined || startMinutes === undefined || typed.trim().length < 4) {
      return
    }
    if (endMinutes <= startMinutes) {
      setMessage(text.endBeforeStart)
      return
    }
    setMessage(undefined)
    setEndDraft(undefined)
    duration.setValue(endMinutes - startMinutes)
    if (!startTime.value) {
      startTime.setValue(start)
    }
  }

  /** Leaving a time input: a short entry ("9") becomes a time, anything else says how to type it. */
  const leaveTime = (typed: string | undefined, change: (typed: string) => void) => {
    if (typed === undefined) {
      return
    }
    const next = normalizeTime(typed)
    if (next) {
      change(next)
    } else {
      setMessage(text.timeFormat)
    }
  }

  const frequency = isEmpty ? 'none' : (choice?.frequency ?? 'none')
  const intervalOptions = (max: number, current: number) =>
    [...new Set([...range(max), current])].sort((a, b) => a - b)

  return (
    <fieldset className="field-type recurrence-rule" disabled={readOnly}>
      <legend className="recurrence-rule__legend">{text.legend}</legend>

      {!isExpert && (
        <div className="recurrence-rule__controls">
          <div className="recurrence-rule__row">
            <div className="recurrence-rule__control">
              <label htmlFor={`${id}-frequency`}>{text.frequency}</label>
              <select
                id={`${id}-frequency`}
                onChange={(event) => chooseFrequency(event.target.value)}
                value={frequency}
              >
                <option value="none">{text.frequencyOptions.none}</option>
                <option value="weekly">{text.frequencyOptions.weekly}</option>
                <option value="monthly">{text.frequencyOptions.monthly}</option>
              </select>
            </div>

            {choice?.frequency === 'monthly' && (
              <>
                <div className="recurrence-rule__control">
                  <label htmlFor={`${id}-ordinal`}>{text.ordinalLabel}</label>
                  <select
                    id={`${id}-ordinal`}
                    onChange={(event) =>
                      write({ ...choice, ordinal: Number(event.target.value) as Ordinal })
                    }
                    value={choice.ordinal}
                  >
                    {ORDINALS.map((ordinal) => (
                      <option key={ordinal} value={ordinal}>
                        {text.ordinal[ordinal]}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="recurrence-rule__control">
                  <label htmlFor={`${id}-weekday`}>{text.weekday}</label>
                  <select
                    id={`${id}-weekday`}
                    onChange={(event) =>
                      write({ ...choice, weekday: event.target.value as Weekday })
                    }
                    value={choice.weekday}
                  >
                    {WEEKDAYS.map((weekday) => (
                      <option key={weekday} value={weekday}>
                        {text.weekdayLong[weekday]}
                      </option>
                    ))}
                  </select>
                </div>
              </>
            )}

            {choice && (
              <div className="recurrence-rule__control">
                <label htmlFor={`${id}-interval`}>{text.intervalLabel}</label>
                <select
                  id={`${id}-interval`}
                  onChange={(event) => write({ ...choice, interval: Number(event.target.value) })}
                  value={choice.interval}
                >
                  {intervalOptions(
                    choice.frequency === 'weekly' ? Math.min(8, MAX_WEEKS) : MAX_MONTHS,
                    choice.interval,
                  ).map((interval) => (
                    <option key={interval} value={interval}>
                      {text.interval[choice.frequency](interval)}
                    </option>
                  ))}
                </select>
              </div>
            )}
          </div>

          {choice?.frequency === 'weekly' && (
            <fieldset className="recurrence-rule__days">
              <legend>{text.days}</legend>
              {WEEKDAYS.map((weekday) => (
                <label className="recurrence-rule__day" key={weekday}>
                  <input
                    aria-label={text.weekdayLong[weekday]}
                    checked={choice.weekdays.includes(weekday)}
                    onChange={(event) => toggleWeekday(weekday, event.target.checked)}
                    type="checkbox"
                  />
                  <span aria-hidden="true">{text.weekdayShort[weekday]}</span>
                </label>
              ))}
            </fieldset>
          )}
        </div>
      )}

      {!isEmpty && (
        <fieldset className="recurrence-rule__time">
          <legend>{text.time}</legend>
          <label htmlFor={`${id}-start`}>{text.start}</label>
          <input
            autoComplete="off"
            className="recurrence-rule__clock"
            id={`${id}-start`}
            inputMode="numeric"
            maxLength={5}
            onBlur={() => leaveTime(startDraft, changeStart)}
            onChange={(event) => changeStart(event.target.value)}
            placeholder={text.timePlaceholder}
            type="text"
            value={startDraft ?? start}
          />
          <label htmlFor={`${id}-end`}>{text.end}</label>
          <input
            aria-invalid={message === text.endBeforeStart}
            autoComplete="off"
            className="recurrence-rule__clock"
            id={`${id}-end`}
            inputMode="numeric"
            maxLength={5}
            onBlur={() => leaveTime(endDraft, changeEnd)}
            onChange={(event) => changeEnd(event.target.value)}
            placeholder={text.timePlaceholder}
            type="text"
            value={endDraft ?? end}
          />
          <span className="recurrence-rule__clock-unit">{text.clockUnit}</span>
        </fieldset>
      )}

      <p className="recurrence-rule__message" role="status">
        {message}
      </p>

      {!isEmpty && !problem && (
        <p className="recurrence-rule__words">
          <span className="recurrence-rule__words-label">{text.words}: </span>
          <span className="recurrence-rule__sentence">
            {words ? asSentence(words) : text.noWords}
          </span>
        </p>
      )}

      <div className="recurrence-rule__expert">
        <label className="recurrence-rule__expert-toggle">
          <input
            checked={isExpert}
            disabled={!canUseControls}
            onChange={(event) => setIsExpertChosen(event.target.checked)}
            type="checkbox"
          />
          {text.expert}
        </label>
        {isExpert && (
          <div className="recurrence-rule__raw">
            <label htmlFor={`${id}-raw`}>{text.rule}</label>
            <input
              aria-describedby={`${id}-raw-hint ${id}-raw-problem`}
              aria-invalid={Boolean(problem)}
              className="recurrence-rule__raw-input"
              id={`${id}-raw`}
              maxLength={500}
              onChange={(event) => rule.setValue(event.target.value || null)}
              spellCheck={false}
              type="text"
              value={value}
            />
            <p className="recurrence-rule__problem" id={`${id}-raw-problem`} role="alert">
              {problem ?? (rule.showError ? rule.errorMessage : undefined)}
            </p>
            <p className="recurrence-rule__hint" id={`${id}-raw-hint`}>
              {text.expertHint}
            </p>
            {!canUseControls && (
              <div className="recurrence-rule__expert-only">
                <p>{text.expertOnly}</p>
                <Button
                  buttonStyle="secondary"
                  disabled={readOnly}
                  margin={false}
                  onClick={() => {
                    write({ frequency: 'weekly', interval: 1, weekdays: [weekdayOf(startsOn)] })
                    setIsExpertChosen(false)
                  }}
                  size="small"
                >
                  {text.chooseAgain}
                </Button>
              </div>
            )}
          </div>
        )}
      </div>
    </fieldset>
  )
}
