import type { Language } from '../../rule/describeRule'
import type { Ordinal } from '../../rule/ruleChoice'
import type { Weekday } from '../../rule/ruleParts'

export type RuleTexts = {
  chooseAgain: string
  clockUnit: string
  days: string
  end: string
  endBeforeStart: string
  expert: string
  expertHint: string
  expertOnly: string
  frequency: string
  frequencyOptions: { monthly: string; none: string; weekly: string }
  interval: { monthly: (n: number) => string; weekly: (n: number) => string }
  intervalLabel: string
  legend: string
  noDays: string
  noWords: string
  ordinal: Record<Ordinal, string>
  ordinalLabel: string
  rule: string
  start: string
  time: string
  timeFormat: string
  timePlaceholder: string
  weekday: string
  weekdayShort: Record<Weekday, string>
  weekdayLong: Record<Weekday, string>
  words: string
}

export const TEXTS: Record<Language, RuleTexts> = {
  de: {
    chooseAgain: 'Mit den Auswahlfeldern neu festlegen',
    clockUnit: 'Uhr (Berliner Zeit)',
    days: 'An diesen Wochentagen',
    end: 'bis',
    endBeforeStart: 'Das Ende muss nach dem Beginn liegen.',
    expert: 'Experte: Regel direkt bearbeiten',
    expertHint:
      'Eine Regel nach RFC 5545 (RRULE), z. B. FREQ=MONTHLY;BYDAY=+1TH für jeden 1. Donnerstag im Monat oder FREQ=WEEKLY;BYDAY=TU für jeden Dienstag. Beginn, Ende und Uhrzeit stehen in eigenen Feldern.',
    expertOnly:
      'Diese Regel lässt sich mit den Auswahlfeldern nicht darstellen; sie bleibt gespeichert, wie sie ist.',
    frequency: 'Rhythmus',
    frequencyOptions: {
      monthly: 'monatlich, an einem Wochentag',
      none: 'keine regelmäßigen Termine',
      weekly: 'wöchentlich',
    },
    interval: {
      monthly: (n) => (n === 1 ? 'jeden Monat' : `alle ${n} Monate`),
      weekly: (n) => (n === 1 ? 'jede Woche' : `alle ${n} Wochen`),
    },
    intervalLabel: 'Abstand',
    legend: 'Wann finden die Termine statt?',
    noDays: 'Bitte wählen Sie mindestens einen Wochentag.',
    noWords:
      'Diese Regel lässt sich nicht in Worten wiedergeben; die Vorschau unten zeigt die Termine.',
    ordinal: { '-1': 'letzten', 1: '1.', 2: '2.', 3: '3.', 4: '4.' },
    ordinalLabel: 'Am',
    rule: 'Regel (RRULE)',
    start: 'von',
    time: 'Uhrzeit',
    timeFormat: 'Bitte geben Sie die Uhrzeit als HH:MM an, z. B. 10:00.',
    timePlaceholder: 'HH:MM',
    weekday: 'Wochentag',
    weekdayLong: {
      FR: 'Freitag',
      MO: 'Montag',
      SA: 'Samstag',
      SU: 'Sonntag',
      TH: 'Donnerstag',
      TU: 'Dienstag',
      WE: 'Mittwoch',
    },
    weekdayShort: { FR: 'Fr', MO: 'Mo', SA: 'Sa', SU: 'So', TH: 'Do', TU: 'Di', WE: 'Mi' },
    words: 'In Worten',
  },
  en: {
    chooseAgain: 'Choose it again with the controls',
    clockUnit: '(Berlin time)',
    days: 'On these weekdays',
    end: 'to',
    endBeforeStart: 'The end must be after the start.',
    expert: 'Expert: edit the rule directly',
    expertHint:
      'A rule after RFC 5545 (RRULE), e.g. FREQ=MONTHLY;BYDAY=+1TH for every first Thursday of the month or FREQ=WEEKLY;BYDAY=TU for every Tuesday. Start, end and time of day have their own fields.',
    expertOnly: "The controls can't show this rule; it stays stored as it is.",
    frequency: 'Frequency',
    frequencyOptions: {
      monthly: 'monthly, on a weekday',
      none: 'no regular dates',
      weekly: 'weekly',
    },
    interval: {
      monthly: (n) => (n === 1 ? 'every month' : `every ${n} months`),
      weekly: (n) => (n === 1 ? 'every week' : `every ${n} weeks`),
    },
    intervalLabel: 'Interval',
    legend: 'When do the dates take place?',
    noDays: 'Please choose at least one weekday.',
    noWords: "This rule can't be put into words; the preview below shows its dates.",
    ordinal: { '-1': 'last', 1: 'first', 2: 'second', 3: 'third', 4: 'fourth' },
    ordinalLabel: 'On the',
    rule: 'Rule (RRULE)',
    start: 'from',
    time: 'Time',
    timeFormat: 'Please give the time as HH:MM, e.g. 10:00.',
    timePlaceholder: 'HH:MM',
    weekday: 'Weekday',
    weekdayLong: {
      FR: 'Friday',
      MO: 'Monday',
      SA: 'Saturday',
      SU: 'Sunday',
      TH: 'Thursday',
      TU: 'Tuesday',
      WE: 'Wednesday',
    },
    weekdayShort: { FR: 'Fri', MO: 'Mon', SA: 'Sat', SU: 'Sun', TH: 'Thu', TU: 'Tue', WE: 'Wed' },
    words: 'In words',
  },
}
