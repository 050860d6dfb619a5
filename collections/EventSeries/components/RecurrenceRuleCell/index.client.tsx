'use client'

import type { DefaultCellComponentProps } from 'payload'

import { useTranslation } from '@payloadcms/ui'

import { asSentence, describeRule } from '../../rule/describeRule'

type Row = { recurrence?: { durationMinutes?: null | number; startTime?: null | string } | null }

/** The list's rule column in words ("Jeden 1. Donnerstag im Monat, 10:00–12:00"), the rule where words can't say it. */
export const RecurrenceRuleCell = ({ cellData, rowData }: DefaultCellComponentProps) => {
  const { i18n } = useTranslation()
  const rule = typeof cellData === 'string' ? cellData : undefined
  if (!rule?.trim()) {
    return null
  }
  const { recurrence } = rowData as Row
  const words = describeRule({
    durationMinutes: recurrence?.durationMinutes,
    language: i18n.language === 'en' ? 'en' : 'de',
    rule,
    startTime: recurrence?.startTime,
  })
  return <span title={rule}>{words ? asSentence(words) : rule}</span>
}
