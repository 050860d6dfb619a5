/** The six bipolar dimensions on which participation modules are assessed (Modulbaukasten). */
export const RATING_DIMENSIONS = [
  {
    key: 'processPhase',
    label: { de: 'Prozessphase', en: 'Process phase' },
    low: { de: 'eignet sich zur Analyse / Planung', en: 'suited to analysis / planning' },
    high: { de: 'eignet sich zur konkreten Umsetzung', en: 'suited to concrete implementation' },
  },
  {
    key: 'timeEffort',
    label: { de: 'Zeitaufwand', en: 'Time effort' },
    low: { de: 'lässt sich schnell umsetzen', en: 'can be implemented quickly' },
    high: { de: 'bedarf längerer Vorbereitung', en: 'needs longer preparation' },
  },
  {
    key: 'staffEffort',
    label: { de: 'Personalaufwand', en: 'Staff effort' },
    low: { de: 'geringer personeller Einsatz nötig', en: 'little staff needed' },
    high: { de: 'ist sehr personalintensiv', en: 'very staff-intensive' },
  },
  {
    key: 'financialEffort',
    label: { de: 'Finanzieller Aufwand', en: 'Financial effort' },
    low: { de: 'ist mit geringen Kosten verbunden', en: 'low cost' },
    high: { de: 'ist sehr kostenintensiv', en: 'very costly' },
  },
  {
    key: 'participation',
    label: { de: 'Partizipation', en: 'Participation' },
    low: { de: 'hat einen geringen Beteiligungsgrad', en: 'low degree of participation' },
    high: { de: 'hat einen hohen Beteiligungsgrad', en: 'high degree of participation' },
  },
  {
    key: 'complexity',
    label: { de: 'Komplexität', en: 'Complexity' },
    low: { de: 'keine Vorkenntnisse erforderlich', en: 'no prior knowledge needed' },
    high: { de: 'bedarf professioneller Unterstützung', en: 'needs professional support' },
  },
] as const

export type RatingDimensionKey = (typeof RATING_DIMENSIONS)[number]['key']
