import type { SeedContext } from './context'
import type { MunicipalityIds } from './municipalities'
import type { TaxonomyIds } from './taxonomies'

import { day } from './dates'
import { paragraphs } from './richText'
import { upsertBySlug } from './upsertBySlug'

export type NetworkIds = {
  agSozialeStadt: number
  koordinierungsstelle: number
  netzwerkStadtentwicklungNrw: number
}

type NetworkArgs = {
  municipalities: MunicipalityIds
  taxonomies: TaxonomyIds
}

/** Seed 000: the Netzwerk Stadtentwicklung NRW, its AG Soziale Stadt, their bodies and history. */
export const seedNetwork = async (
  context: SeedContext,
  { municipalities, taxonomies }: NetworkArgs,
): Promise<NetworkIds> => {
  // The page names her function, not her contact data: it stays private.
  const petraKlein = await upsertBySlug(context, 'people', {
    slug: 'petra-klein',
    name: 'Petra Klein',
    affiliation: 'Stadt Witten',
    isContactPublic: false,
    municipality: municipalities.witten,
    position: 'Leiterin der Koordinierungsstelle Stadterneuerung und Klimaschutz der Stadt Witten',
  })

  const staedtenetz = await upsertBySlug(context, 'organisations', {
    slug: 'staedtenetz-soziale-stadt-nrw',
    title: 'Städtenetz Soziale Stadt NRW',
    description: paragraphs(
      'Kommunales Netzwerk der Städte der Sozialen Stadt NRW. Die Initiative zu seiner Gründung entstand 1994 aus praktischen Fragen zur Konzeption und Umsetzung integrierter Handlungsprogramme im landesweiten Vorgängerprogramm „Stadtteile mit besonderem Erneuerungsbedarf“; seit 1999 waren die vormals losen Kooperationen zwischen den Städten formelle Kooperationsbeziehungen.',
      'Mit Gründung des landesweiten Netzwerks Stadtentwicklung NRW am 01.01.2024 ist das Städtenetz Soziale Stadt NRW in die AG Soziale Stadt des Netzwerks Stadtentwicklung NRW übergegangen.',
    ),
    dissolvedOn: day('2024-01-01'),
    kind: 'network',
    programmes: [taxonomies.programmes.sozialeStadtNrw],
  })
  const geschaeftsstelle = await upsertBySlug(context, 'organisations', {
    slug: 'geschaeftsstelle-staedtenetz-soziale-stadt-nrw',
    title: 'Geschäftsstelle des Städtenetzes Soziale Stadt NRW',
    description: paragraphs(
      'Vormalige Geschäftsstelle des Städtenetzes Soziale Stadt NRW. Sie wurde von der Kommunalen Koordinierungsstelle der AG Soziale Stadt NRW abgelöst.',
    ),
    kind: 'office',
    parent: staedtenetz,
  })

  const netzwerkStadtentwicklungNrw = await upsertBySlug(context, 'organisations', {
    slug: 'netzwerk-stadtentwicklung-nrw',
    title: 'Netzwerk Stadtentwicklung NRW',
    description: paragraphs(
      'Landesweites Netzwerk, gegründet am 01.01.2024. Mit seiner Gründung ist das Städtenetz Soziale Stadt NRW in die AG Soziale Stadt des Netzwerks mit zahlreichen weiteren Mitgliedsstädten übergegangen.',
    ),
    foundedOn: day('2024-01-01'),
    kind: 'network',
  })

  const agSozialeStadt = await upsertBySlug(context, 'organisations', {
    slug: 'ag-soziale-stadt',
    title: 'AG Soziale Stadt',
    audience:
      'Die Veranstaltungen richten sich vorrangig an die Mitglieder der AG und an weitere Kommunen aus dem Netzwerk Stadtentwicklung NRW.',
    description: paragraphs(
      'Arbeitsgemeinschaft des Netzwerks Stadtentwicklung NRW, auch AG Soziale Stadt NRW. Mit Gründung des landesweiten Netzwerks Stadtentwicklung NRW am 01.01.2024 ist das Städtenetz Soziale Stadt NRW in die AG Soziale Stadt mit zahlreichen weiteren Mitgliedsstädten übergegangen.',
      'Die AG Soziale Stadt bietet verschiedene Informations-, Mitwirkungs- und Beratungsformate für die Vertreterinnen und Vertreter ihrer Mitgliedskommunen an.',
    ),
    history: [
      {
        title: 'Initiative zur Gründung eines kommunalen Netzwerks',
        date: day('1994-01-01'),
        description:
          'Die Initiative zur Gründung eines kommunalen Netzwerks entstand im Jahr 1994 aufgrund einer Reihe von praktischen Fragen zur Konzeption und Umsetzung integrierter Handlungsprogramme im Rahmen des landesweiten Vorgängerprogramms „Stadtteile mit besonderem Erneuerungsbedarf“.',
        precision: 'year',
      },
      {
        title: 'Formelle Kooperation der Städte',
        date: day('1999-01-01'),
        description:
          'Seit dem Jahr 1999 sind die vormals losen Kooperationen zwischen den Städten in formelle Kooperationsbeziehungen transformiert worden.',
        precision: 'year',
      },
      {
        title: 'Übergang in die AG Soziale Stadt des Netzwerks Stadtentwicklung NRW',
        date: day('2024-01-01'),
        description:
          'Mit Gründung des landesweiten Netzwerks Stadtentwicklung NRW am 01.01.2024 ist das Städtenetz Soziale Stadt NRW in die AG Soziale Stadt des Netzwerks Stadtentwicklung NRW mit zahlreichen weiteren Mitgliedsstädten übergegangen.',
        precision: 'day',
      },
    ],
    kind: 'working-group',
    offerFormats: [
      {
        title: 'Monatliche Netzwerktreffen',
        description:
          'Jeden 1. Donnerstag im Monat lädt die AG Soziale Stadt zum monatlichen Netzwerktreffen ein. Hierbei handelt es sich um eine Austauschrunde, welche jeweils zu einem bestimmten Themenschwerpunkt organisiert wird und sowohl digital als auch vor Ort stattfindet. Die Treffen bestehen in der Regel aus einem themenspezifischen Impuls aus der Wissenschaft und Forschung oder aus einer Mitgliedskommune und bieten anschließend die Möglichkeit zu einem offenen Erfahrungsaustausch der Anwesenden. Im Rahmen einzelner Termine finden Besuche von Mitgliedskommunen statt, um Einblicke in Programmgebiete in NRW zu erhalten.',
        eventKinds: ['network-meeting'],
      },
      {
        title: 'Exkursionen und Studienfahrten',
        description:
          'Zur Qualifizierung und Weiterbildung der Kolleginnen und Kollegen der integrierten Stadtteilentwicklung bietet die AG Soziale Stadt NRW (unter Anerkennung durch die Architektenkammer NRW für den Bereich Stadtplanung) Vor-Ort-Besuche bzw. Städtereisen zur Besichtigung von Projekten und zum Fachaustausch mit Akteuren der Stadtteilentwicklung an. Die bisherigen Exkursionen führten in verschiedene deutsche Städte und Regionen bundesweit sowie – mit Fahrten in die Niederlande (Delft, Rotterdam), Frankreich (Lyon) und Belgien (Hauptstadtregion Brüssel / Besuch der EU-Kommission und des Quartiers Molenbeek-Saint-Jean) – auch in das europäische Ausland.',
        eventKinds: ['excursion', 'study-trip'],
      },
      {
        title: 'Werkstätten, Arbeitsgruppen und Seminare',
        description:
          'Im Rahmen von Werkstätten und Arbeitsgruppen haben die Mitglieder Gelegenheit, sich mit anderen Kommunen zu einzelnen fachbezogenen Fragestellungen und Themenfeldern vertiefend zu beschäftigen und in einen kollegialen Austausch zu kommen. So können konkrete Tipps zu Projektinhalten und Verfahrensmöglichkeiten niedrigschwellig weitergegeben sowie auch Diskussionsbeiträge zur allgemeinen Weiterentwicklung der Programmumsetzung fachlich aufbereitet und vertieft werden. Als Ergebnis von Werkstätten und Arbeitsgruppen können Arbeitshilfen oder andere Publikationen stehen. Das Hauptziel der Seminare liegt in der Wissensvermittlung. Seminare haben einen Fortbildungscharakter und werden in der Regel durch eine Fachperson begleitet.',
        eventKinds: ['workshop', 'working-group', 'seminar'],
      },
      {
        title: 'Weitere Veranstaltungen (z. B. Tagungen)',
        description:
          'Die AG Soziale Stadt bietet in unregelmäßigen Abständen Tagungen zu aktuellen Themen des Programms „Sozialer Zusammenhalt“ an. Die letzte Tagung fand im August 2024 zum Thema „Gesundheit im Quartier – Gesundheitsförderung in der integrierten Stadtteilentwicklung“ statt.',
        eventKinds: ['conference'],
      },
    ],
    parent: netzwerkStadtentwicklungNrw,
    predecessors: [staedtenetz],
    programmes: [taxonomies.programmes.sozialerZusammenhalt, taxonomies.programmes.sozialeStadtNrw],
  })

  await upsertBySlug(context, 'organisations', {
    slug: 'vorstand-netzwerk-stadtentwicklung-nrw',
    title: 'Vorstand des Netzwerks Stadtentwicklung NRW',
    description: paragraphs(
      'Stellvertretende Vorsitzende der AG Soziale Stadt im Vorstand des Netzwerks Stadtentwicklung NRW ist Petra Klein, Leiterin der Koordinierungsstelle Stadterneuerung und Klimaschutz der Stadt Witten.',
    ),
    kind: 'board',
    members: [{ function: 'deputy-chair', person: petraKlein }],
    // The page speaks of the Vorstand "des Netzwerks Stadtentwicklung NRW": it belongs to the network, not the AG.
    parent: netzwerkStadtentwicklungNrw,
  })

  await upsertBySlug(context, 'organisations', {
    slug: 'beirat-ag-soziale-stadt',
    title: 'Beirat der AG Soziale Stadt',
    description: paragraphs(
      'Ein Beirat, der aus Vertreterinnen und Vertretern der Städte gebildet wird, regelt die grundsätzlichen Fragen der Zusammenarbeit sowie des Arbeitsprogramms.',
    ),
    kind: 'advisory-council',
    membersRepresentMunicipalities: true,
    parent: agSozialeStadt,
    tasks: 'Regelt die grundsätzlichen Fragen der Zusammenarbeit sowie des Arbeitsprogramms.',
  })

  await upsertBySlug(context, 'organisations', {
    slug: 'beratender-ausschuss-ag-soziale-stadt',
    title: 'Beratender Ausschuss der AG Soziale Stadt',
    description: paragraphs(
      'Ein Beratender Ausschuss, bestehend aus fünf Vertreterinnen und Vertretern einzelner Mitgliedskommunen, berät die Kommunale Koordinierungsstelle bei ihren Aufgaben.',
    ),
    kind: 'advisory-committee',
    memberCap: 5,
    membersRepresentMunicipalities: true,
    parent: agSozialeStadt,
    tasks: 'Berät die Kommunale Koordinierungsstelle bei ihren Aufgaben.',
  })

  const koordinierungsstelle = await upsertBySlug(context, 'organisations', {
    slug: 'kommunale-koordinierungsstelle-ag-soziale-stadt',
    title: 'Kommunale Koordinierungsstelle der AG Soziale Stadt NRW',
    description: paragraphs(
      'Die Kommunale Koordinierungsstelle der AG Soziale Stadt NRW hat ihren Sitz bei der Stadt Essen im Amt für Stadterneuerung und Bodenmanagement und löst die vormalige Geschäftsstelle des Städtenetzes Soziale Stadt NRW ab. Der Beratende Ausschuss berät sie bei ihren Aufgaben.',
    ),
    kind: 'office',
    parent: agSozialeStadt,
    predecessors: [geschaeftsstelle],
    seat: {
      department: 'Amt für Stadterneuerung und Bodenmanagement',
      municipality: municipalities.essen,
    },
  })

  return { agSozialeStadt, koordinierungsstelle, netzwerkStadtentwicklungNrw }
}
