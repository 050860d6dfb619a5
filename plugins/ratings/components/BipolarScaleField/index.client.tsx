'use client'

import type { NumberFieldClientProps } from 'payload'

import type { RatingsTranslationKey, translations } from '../../translations'
import type { LocalizedText } from '../../types'

import { getTranslation } from '@payloadcms/translations'
import { FieldError, useField, useTranslation } from '@payloadcms/ui'
import { useId } from 'react'

import './index.css'

export type BipolarScaleOptions = {
  /** What the highest value means, e.g. "ist sehr kostenintensiv". */
  high: LocalizedText
  /** What the lowest value means, e.g. "ist mit geringen Kosten verbunden". */
  low: LocalizedText
  /** @default 5 */
  max?: number
  /** @default 1 */
  min?: number
}

type Props = BipolarScaleOptions & NumberFieldClientProps

type Translations = (typeof translations)['de']

/**
 * A number field as the scale between two poles that visitors rate on (the widgets' scale): a
 * radio group in a fieldset whose legend is the field's label, the poles' words at either end
 * (describing the first and the last value), and "no assessment" to leave it empty. Native
 * radios: Tab reaches the group, the arrow keys choose. It writes the same number a number
 * field would, or null.
 */
export const BipolarScaleField = ({
  field,
  high,
  low,
  max = 5,
  min = 1,
  path: pathFromProps,
  readOnly,
}: Props) => {
  const { i18n, t } = useTranslation<Translations, RatingsTranslationKey>()
  const { disabled, path, setValue, showError, value } = useField<null | number>({
    potentiallyStalePath: pathFromProps,
  })
  const id = useId()
  const isReadOnly = Boolean(readOnly || disabled)
  const steps = Array.from({ length: max - min + 1 }, (_, index) => min + index)
  const current = typeof value === 'number' && Number.isFinite(value) ? value : null
  const label = getTranslation(field.label || field.name, i18n)
  const lowId = `${id}-low`
  const highId = `${id}-high`

  return (
    <div
      className={[
        'field-type',
        'bipolar-scale',
        showError && 'error',
        isReadOnly && 'bipolar-scale--read-only',
      ]
        .filter(Boolean)
        .join(' ')}
      data-field={path}
    >
      <fieldset className="bipolar-scale__fieldset">
        <legend className="bipolar-scale__legend">{label}</legend>
        <FieldError path={path} showError={showError} />
        <div className="bipolar-scale__scale">
          <span className="bipolar-scale__pole bipolar-scale__pole--low" id={lowId}>
            {getTranslation(low, i18n)}
          </span>
          <span className="bipolar-scale__steps">
            {steps.map((step) => (
              <label className="bipolar-scale__step" key={step}>
                <input
                  aria-describedby={step === min ? lowId : step === max ? highId : undefined}
                  checked={current === step}
                  disabled={isReadOnly}
                  name={path}
                  onChange={() => setValue(step)}
                  type="radio"
                  value={step}
                />
                <span className="bipolar-scale__number">{step}</span>
              </label>
            ))}
          </span>
          <span className="bipolar-scale__pole bipolar-scale__pole--high" id={highId}>
            {getTranslation(high, i18n)}
          </span>
        </div>
        <label className="bipolar-scale__none">
          <input
            checked={current === null}
            disabled={isReadOnly}
            name={path}
            onChange={() => setValue(null)}
            type="radio"
            value=""
          />
          <span>{t('plugin-ratings:scaleNone')}</span>
        </label>
      </fieldset>
    </div>
  )
}
