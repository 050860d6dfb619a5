/**
 * The editorial facets of the method catalogue (issue 16): what a practitioner filters
 * participation methods by, as the Modulbaukasten's sections and catalogues such as
 * Participedia and partizipation.at do. Handlungsfelder and target groups are relationships of
 * their own; these are fixed lists. `isMany`: a method may carry several values.
 */
type Option = { label: { de: string; en: string }; value: string }

export type ModuleFacet = {
  /** The module's field. */
  field: string
  isMany: boolean
  label: { de: string; en: string }
  /** The catalogue's query parameter. */
  name: string
  options: readonly Option[]
}

export const MODULE_FACETS = [
  {
    field: 'processPhases',
    isMany: true,
    label: { de: 'Prozessphase', en: 'Process phase' },
    name: 'phase',
    options: [
      { label: { de: 'Analyse', en: 'Analysis' }, value: 'analysis' },
      { label: { de: 'Planung', en: 'Planning' }, value: 'planning' },
      { label: { de: 'Umsetzung', en: 'Implementation' }, value: 'implementation' },
      { label: { de: 'Auswertung und Verstetigung', en: 'Evaluation' }, value: 'evaluation' },
    ],
  },
  {
    field: 'participants',
    isMany: true,
    label: { de: 'Zahl der Teilnehmenden', en: 'Number of participants' },
    name: 'participants',
    options: [
      { label: { de: 'bis 15 Personen', en: 'up to 15 people' }, value: 'small' },
      { label: { de: '15 bis 50 Personen', en: '15 to 50 people' }, value: 'medium' },
      { label: { de: '50 bis 200 Personen', en: '50 to 200 people' }, value: 'large' },
      { label: { de: 'mehr als 200 Personen', en: 'more than 200 people' }, value: 'very-large' },
    ],
  },
  {
    field: 'duration',
    isMany: false,
    label: { de: 'Dauer', en: 'Duration' },
    name: 'duration',
    options: [
      { label: { de: 'einige Stunden', en: 'a few hours' }, value: 'hours' },
      { label: { de: 'ein bis drei Tage', en: 'one to three days' }, value: 'days' },
      { label: { de: 'mehrere Wochen', en: 'several weeks' }, value: 'weeks' },
      { label: { de: 'mehrere Monate', en: 'several months' }, value: 'months' },
      {
        label: { de: 'dauerhaft, mit regelmäßigen Treffen', en: 'ongoing, with regular meetings' },
        value: 'ongoing',
      },
    ],
  },
  {
    field: 'participationLevels',
    isMany: true,
    label: { de: 'Beteiligungsstufe', en: 'Level of participation' },
    name: 'participationLevel',
    options: [
      { label: { de: 'Information', en: 'Inform' }, value: 'inform' },
      { label: { de: 'Konsultation', en: 'Consult' }, value: 'consult' },
      { label: { de: 'Mitentscheidung', en: 'Co-decide' }, value: 'co-decide' },
    ],
  },
  {
    field: 'formats',
    isMany: true,
    label: { de: 'Format', en: 'Format' },
    name: 'format',
    options: [
      { label: { de: 'analog (vor Ort)', en: 'analogue (on site)' }, value: 'analog' },
      { label: { de: 'digital', en: 'digital' }, value: 'digital' },
      { label: { de: 'hybrid', en: 'hybrid' }, value: 'hybrid' },
    ],
  },
] as const satisfies readonly ModuleFacet[]

export type ModuleFacetName = (typeof MODULE_FACETS)[number]['name']
