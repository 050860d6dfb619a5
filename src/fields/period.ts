import type { GroupField, SelectField } from 'payload'

import { germanDay } from './dateInput'

/** How exact a date is: the seeds know some facts only to the year ("2017 bis 2019") or month. */
export const datePrecisionField = (name = 'precision'): SelectField => ({
  name,
  type: 'select',
  defaultValue: 'day',
  label: { de: 'Genauigkeit', en: 'Precision' },
  options: [
    { label: { de: 'Tag', en: 'Day' }, value: 'day' },
    { label: { de: 'Monat', en: 'Month' }, value: 'month' },
    { label: { de: 'Jahr', en: 'Year' }, value: 'year' },
  ],
})

/** A calendar day typed or picked the German way (src/fields/dateInput.ts). */
const dayOnly = germanDay

/** A from/until period with its precision. */
export const periodField = (name = 'period'): GroupField => ({
  name,
  type: 'group',
  fields: [
    {
      type: 'row',
      fields: [
        { name: 'from', type: 'date', admin: dayOnly, label: { de: 'Von', en: 'From' } },
        { name: 'until', type: 'date', admin: dayOnly, label: { de: 'Bis', en: 'Until' } },
        datePrecisionField(),
      ],
    },
  ],
  label: { de: 'Zeitraum', en: 'Period' },
  validate: (value: unknown) => {
    const period = value as { from?: null | string; until?: null | string } | undefined
    if (period?.from && period.until && new Date(period.until) < new Date(period.from)) {
      return 'Das Ende des Zeitraums liegt vor seinem Anfang.'
    }
    return true
  },
})

export const dayOnlyDate = dayOnly
