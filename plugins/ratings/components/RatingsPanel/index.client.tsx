'use client'

import type { RatingsTranslationKey, translations } from '../../translations'
import type { DimensionSummary, RatingDimension, RatingSummary } from '../../types'

import { getTranslation } from '@payloadcms/translations'
import { useFormFields, useTranslation } from '@payloadcms/ui'

import './index.css'

export type RatingsPanelOptions = {
  dimensions: RatingDimension[]
  /** Group field of the document with one number per dimension key, shown beside the mean. */
  editorialAssessmentField?: string
  /** The plugin is switched off (`disabled`): say so instead of showing no ratings. */
  isDisabled?: boolean
  scale: { max: number; min: number }
}

type Props = RatingsPanelOptions & {
  /** The summary could not be read (logged on the server). */
  hasFailed?: boolean
  summary: null | RatingSummary
}

type Translations = (typeof translations)['de']

const useRatingsTranslation = () => useTranslation<Translations, RatingsTranslationKey>()

const CHART = { barArea: 64, height: 104, labelGap: 16, top: 16, width: 240 }

/** Bars of how often each value was given, the visitors' mean as a line, the editors' value marked on the axis. */
const DistributionChart = ({
  dimension,
  editorialValue,
  scale,
}: {
  dimension: DimensionSummary
  editorialValue: null | number
  scale: RatingsPanelOptions['scale']
}) => {
  const { t } = useRatingsTranslation()
  const steps = scale.max - scale.min + 1
  const slot = CHART.width / steps
  const barWidth = Math.min(32, slot * 0.6)
  const baseline = CHART.top + CHART.barArea
  const highest = Math.max(1, ...dimension.distribution)
  const centreOf = (value: number) => (value - scale.min) * slot + slot / 2
  const values = Array.from({ length: steps }, (_, index) => scale.min + index)
  const description = t('plugin-ratings:distribution', {
    max: scale.max,
    min: scale.min,
    values: values
      .map((value, index) => `${value}: ${dimension.distribution[index] ?? 0}`)
      .join(', '),
  })

  return (
    <svg
      aria-label={description}
      className="ratings-panel__chart"
      role="img"
      viewBox={`0 0 ${CHART.width} ${CHART.height}`}
      width={CHART.width}
      height={CHART.height}
    >
      <line className="ratings-panel__axis" x1={0} x2={CHART.width} y1={baseline} y2={baseline} />
      {values.map((value, index) => {
        const count = dimension.distribution[index] ?? 0
        const height = (count / highest) * CHART.barArea
        return count > 0 ? (
          <rect
            className="ratings-panel__bar"
            height={height}
            key={value}
            rx={2}
            width={barWidth}
            x={centreOf(value) - barWidth / 2}
            y={baseline - height}
          />
        ) : null
      })}
      {dimension.mean !== null && (
        <line
          className="ratings-panel__mean-line"
          x1={centreOf(dimension.mean)}
          x2={centreOf(dimension.mean)}
          y1={CHART.top - 12}
          y2={baseline}
        />
      )}
      {/* Labels last, so that the mean line never covers them. */}
      {values.map((value, index) => {
        const count = dimension.distribution[index] ?? 0
        const height = (count / highest) * CHART.barArea
        const x = centreOf(value)
        const isEditorial = editorialValue === value
        return (
          <g key={value}>
            <text
              className={
                count > 0
                  ? 'ratings-panel__count'
                  : 'ratings-panel__count ratings-panel__count--zero'
              }
              textAnchor="middle"
              x={x}
              y={baseline - height - 4}
            >
              {count}
            </text>
            {isEditorial && (
              <circle
                className="ratings-panel__editorial-mark"
                cx={x}
                cy={baseline + CHART.labelGap - 4}
                r={8}
              />
            )}
            <text
              className={
                isEditorial
                  ? 'ratings-panel__tick ratings-panel__tick--editorial'
                  : 'ratings-panel__tick'
              }
              textAnchor="middle"
              x={x}
              y={baseline + CHART.labelGap}
            >
              {value}
            </text>
          </g>
        )
      })}
    </svg>
  )
}

const DimensionCard = ({
  dimension,
  editorialAssessmentField,
  scale,
  summary,
}: {
  dimension: RatingDimension
  editorialAssessmentField?: string
  scale: RatingsPanelOptions['scale']
  summary: DimensionSummary
}) => {
  const { i18n, t } = useRatingsTranslation()
  // From the form, not the saved document: the panel follows the editors' input before saving.
  const editorialRaw = useFormFields(([fields]) =>
    editorialAssessmentField
      ? fields[`${editorialAssessmentField}.${dimension.key}`]?.value
      : undefined,
  )
  const editorialValue =
    typeof editorialRaw === 'number' && Number.isFinite(editorialRaw) ? editorialRaw : null
  const format = new Intl.NumberFormat(i18n.language, {
    maximumFractionDigits: 1,
    minimumFractionDigits: 1,
  })
  const label = getTranslation(dimension.label, i18n)

  return (
    <section className="ratings-panel__dimension" data-dimension={dimension.key}>
      <header className="ratings-panel__dimension-header">
        <h4 className="ratings-panel__dimension-label">{label}</h4>
        <span className="ratings-panel__dimension-count">
          {t('plugin-ratings:dimensionCount', { count: summary.count })}
        </span>
      </header>
      <DistributionChart dimension={summary} editorialValue={editorialValue} scale={scale} />
      <div className="ratings-panel__poles">
        <span>
          {scale.min} = {getTranslation(dimension.low, i18n)}
        </span>
        <span>
          {scale.max} = {getTranslation(dimension.high, i18n)}
        </span>
      </div>
      <dl className="ratings-panel__figures">
        <div className="ratings-panel__figure">
          <dt>
            <span aria-hidden className="ratings-panel__legend ratings-panel__legend--mean" />
            {t('plugin-ratings:meanOfVisitors')}
          </dt>
          <dd>
            <strong className="ratings-panel__mean-value">
              {summary.mean === null ? '–' : format.format(summary.mean)}
            </strong>
          </dd>
          {summary.leanLabel && (
            <dd className="ratings-panel__note ratings-panel__lean">{summary.leanLabel}</dd>
          )}
        </div>
        {editorialAssessmentField && (
          <div className="ratings-panel__figure">
            <dt>
              <span
                aria-hidden
                className="ratings-panel__legend ratings-panel__legend--editorial"
              />
              {t('plugin-ratings:editorial')}
            </dt>
            <dd>
              <strong className="ratings-panel__editorial-value">
                {editorialValue === null ? '–' : editorialValue}
              </strong>
            </dd>
            {editorialValue === null && (
              <dd className="ratings-panel__note">{t('plugin-ratings:notAssessed')}</dd>
            )}
          </div>
        )}
      </dl>
    </section>
  )
}

/** Read-only: what visitors said about this document, per dimension, beside the editors' assessment. */
export const RatingsPanelClient = ({
  dimensions,
  editorialAssessmentField,
  hasFailed = false,
  isDisabled,
  scale,
  summary,
}: Props) => {
  const { t } = useRatingsTranslation()
  const hasRatings = Boolean(summary && summary.raterCount > 0)

  return (
    <div className="field-type ratings-panel">
      <h3 className="ratings-panel__title">{t('plugin-ratings:panelTitle')}</h3>
      {isDisabled && <p className="ratings-panel__locked">{t('plugin-ratings:ratingsDisabled')}</p>}
      {summary?.isLocked && (
        <p className="ratings-panel__locked">{t('plugin-ratings:documentLocked')}</p>
      )}
      {hasFailed && (
        <p className="ratings-panel__locked" role="status">
          {t('plugin-ratings:panelLoadFailed')}
        </p>
      )}
      {isDisabled || hasFailed ? null : !summary || !hasRatings ? (
        <p className="ratings-panel__empty">{t('plugin-ratings:noRatings')}</p>
      ) : (
        <>
          <p className="ratings-panel__raters">
            {t('plugin-ratings:raterCount', { count: summary.raterCount })}
          </p>
          <div className="ratings-panel__grid">
            {dimensions.map((dimension) => {
              const dimensionSummary = summary.dimensions[dimension.key]
              return dimensionSummary ? (
                <DimensionCard
                  dimension={dimension}
                  editorialAssessmentField={editorialAssessmentField}
                  key={dimension.key}
                  scale={scale}
                  summary={dimensionSummary}
                />
              ) : null
            })}
          </div>
        </>
      )}
    </div>
  )
}
