/** Kinds of events (and the offer formats of a body, which are the same). */
export const EVENT_KINDS = [
  { label: { de: 'Netzwerktreffen', en: 'Network meeting' }, value: 'network-meeting' },
  { label: { de: 'Exkursion', en: 'Excursion' }, value: 'excursion' },
  { label: { de: 'Studienfahrt', en: 'Study trip' }, value: 'study-trip' },
  { label: { de: 'Werkstatt', en: 'Workshop' }, value: 'workshop' },
  { label: { de: 'Arbeitsgruppe', en: 'Working group' }, value: 'working-group' },
  { label: { de: 'Seminar', en: 'Seminar' }, value: 'seminar' },
  { label: { de: 'Tagung', en: 'Conference' }, value: 'conference' },
  { label: { de: 'Webinar', en: 'Webinar' }, value: 'webinar' },
]

export const EVENT_FORMATS = [
  { label: { de: 'Online', en: 'Online' }, value: 'online' },
  { label: { de: 'Vor Ort', en: 'On site' }, value: 'on-site' },
  { label: { de: 'Hybrid (vor Ort und online)', en: 'Hybrid' }, value: 'hybrid' },
]

export const EVENT_TIME_ZONE = 'Europe/Berlin'
