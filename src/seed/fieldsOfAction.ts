import type { SeedContext } from './context'

import { paragraphs } from './richText'
import { upsertBySlug } from './upsertBySlug'

/** The Handlungsfelder of the Soziale Stadt NRW, in the order of DOMAIN.md. */
const FIELDS_OF_ACTION = [
  {
    slug: 'soziale-netze-und-buergerschaftliches-engagement',
    title: 'Soziale Netze und Bürgerschaftliches Engagement',
  },
  { slug: 'image-und-identitaet', title: 'Image und Identität' },
  { slug: 'oekologie', title: 'Ökologie' },
  { slug: 'sport-und-freizeit', title: 'Sport und Freizeit' },
  { slug: 'kriminalpraevention', title: 'Kriminalprävention' },
  { slug: 'wohnen', title: 'Wohnen' },
  {
    slug: 'wirtschaftsfoerderung-und-lokale-oekonomie',
    title: 'Wirtschaftsförderung und lokale Ökonomie',
  },
  { slug: 'staedtebau-und-wohnumfeld', title: 'Städtebau und Wohnumfeld' },
  {
    slug: 'soziale-infrastruktur-und-stadtteilzentren',
    title: 'Soziale Infrastruktur und Stadtteilzentren',
  },
  { slug: 'schule-und-bildung', title: 'Schule und Bildung' },
  { slug: 'kultur', title: 'Kultur' },
  { slug: 'arbeitsmarkt-und-strukturpolitik', title: 'Arbeitsmarkt- und Strukturpolitik' },
  { slug: 'gesundheit', title: 'Gesundheit' },
  { slug: 'integration', title: 'Integration' },
] as const

export type FieldOfActionKey = (typeof FIELDS_OF_ACTION)[number]['slug']

export type FieldOfActionIds = Record<FieldOfActionKey, number>

/** Seed 001, the page of the Handlungsfeld "Soziale Netze und Bürgerschaftliches Engagement". */
const socialNetworks = {
  introduction: paragraphs(
    'Bürgerschaftliches Engagement ist ein fester Baustein der Sozialen Stadt NRW. Stadtteilarbeit wäre undenkbar ohne die zahlreichen Freiwilligen in den Vereinen, Verbänden, Initiativen oder religiösen Gemeinschaften. Quartiersentwicklung braucht Menschen, die sich für ihren Stadtteil engagieren, und Bürgerinnen und Bürger, die in ihrem Stadtteil etwas verändern und bewirken wollen. Sie gestalten das vielfältige Leben in ihrem Stadtteil und schaffen durch ihr Engagement soziale Netze und ein Wir-Gefühl.',
    'Dort, wo es bereits funktionierende Netzwerke gibt, trägt bürgerschaftliches Engagement maßgeblich zur erfolgreichen Stadtteilentwicklung bei. Hier ist es Aufgabe des Programms Soziale Stadt NRW, die Beteiligungsstrukturen zu stärken und dem Bürgerengagement zur Umsetzung zu verhelfen. In Stadtteilen, in denen soziale Netze und bürgerschaftliches Engagement fehlen, gilt es, die Bewohnerschaft zu aktivieren, Gemeinsamkeiten zum Thema zu machen und niederschwellige Strukturen für Engagement zu schaffen.',
  ),
  roleOfQuartiersmanagement: paragraphs(
    'Das Quartiersmanagement stößt diese Maßnahmen an, setzt sie um oder koordiniert sie. Seine Aufgabe ist es, das bürgerschaftliche Engagement und die sozialen Netze in den Stadtteilen der Sozialen Stadt NRW zu stärken. Wenn dies gelingt, bildet das bürgerschaftliche Engagement eine Brücke zwischen Politik, Verwaltung und dem Leben im Stadtteil. Mit ihrem Engagement können Bürgerinnen und Bürger die durch das Programm angestoßenen positiven Entwicklungen weiter mittragen.',
  ),
  typicalMeasures: [
    {
      measure:
        'Anlässe gestalten, zu denen sich die Bürgerinnen und Bürger begegnen und Engagement entwickeln können',
    },
    {
      measure:
        'offene, gemeinschaftlich nutzbare Räume schaffen, die von der Bürgerschaft, Vereinen und sozialen Netzen genutzt und gepflegt werden',
    },
    {
      measure:
        'engagierte Bürgerinnen und Bürger bei der Selbstorganisation, Projektentwicklung und -umsetzung unterstützen',
    },
    {
      measure:
        'die Bewohnerschaft systematisch in die Steuerungsstrukturen der Stadtteilarbeit einbeziehen',
    },
  ],
}

export const seedFieldsOfAction = async (context: SeedContext): Promise<FieldOfActionIds> => {
  const ids: Partial<FieldOfActionIds> = {}
  for (const [index, field] of FIELDS_OF_ACTION.entries()) {
    ids[field.slug] = await upsertBySlug(context, 'fields-of-action', {
      ...field,
      ...(field.slug === 'soziale-netze-und-buergerschaftliches-engagement' ? socialNetworks : {}),
      order: index + 1,
    })
  }
  return ids as FieldOfActionIds
}
