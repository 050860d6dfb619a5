import type { SeedContext } from './context'
import type { FieldOfActionIds } from './fieldsOfAction'
import type { ProjectIds } from './projects'
import type { TaxonomyIds } from './taxonomies'

import { paragraphs } from './richText'
import { upsertBySlug } from './upsertBySlug'

export type ModuleIds = {
  charrette: number
  stadtteilkonferenz: number
  zukunftswerkstatt: number
}

type ModulesArgs = {
  fieldsOfAction: FieldOfActionIds
  projects: ProjectIds
  taxonomies: TaxonomyIds
}

/**
 * Seed 003, the module Stadtteilkonferenz of the Modulbaukasten, and the two modules it points
 * to. Sections the page leaves empty as text (Anwenderinnen und Anwender, Finanzierungsansätze)
 * stay empty. Its headings Zielgruppe and Handlungsfelder carry no entries on the page either;
 * the links to target groups and Handlungsfelder below are derived from each module's own text
 * (each says why), so that filtering modules by Handlungsfeld finds them. Visitors' comments and
 * ratings are not facts of the page ("0 Nutzern", "noch keine Kommentare"): the clearly marked
 * demo ones come from src/seed/demoRatings.ts and src/seed/demoComments.ts.
 */
export const seedModules = async (
  context: SeedContext,
  { fieldsOfAction, projects, taxonomies }: ModulesArgs,
): Promise<ModuleIds> => {
  const { targetGroups } = taxonomies
  // Only named on the Stadtteilkonferenz page; their summaries are short general descriptions.
  const charrette = await upsertBySlug(context, 'modules', {
    slug: 'charrette-verfahren',
    title: 'Charrette-Verfahren',
    // The method catalogue's facets (editorial, from the summary): planning a place together,
    // in a few days of open working rounds, with the residents deciding along.
    duration: 'days',
    formats: ['analog'],
    participants: ['medium', 'large'],
    participationLevels: ['consult', 'co-decide'],
    processPhases: ['planning'],
    // "Lösungen für einen Ort oder ein Quartier entwickeln", "gemeinsam mit Bürgerinnen und Bürgern":
    // planning the built district, with its residents.
    fieldsOfAction: [fieldsOfAction['staedtebau-und-wohnumfeld']],
    summary:
      'Kooperatives Planungsverfahren, in dem Fachleute gemeinsam mit Bürgerinnen und Bürgern und weiteren Beteiligten in kurzer Zeit und in offenen Arbeitsrunden Lösungen für einen Ort oder ein Quartier entwickeln.',
    targetGroups: [targetGroups.bewohnerschaft],
  })
  const zukunftswerkstatt = await upsertBySlug(context, 'modules', {
    slug: 'zukunftswerkstatt',
    title: 'Zukunftswerkstatt',
    // Critique, fantasy and realisation phases with a group: analysis and planning, in one to
    // three days, the participants' own proposals.
    duration: 'days',
    formats: ['analog'],
    participants: ['small', 'medium'],
    participationLevels: ['consult', 'co-decide'],
    processPhases: ['analysis', 'planning'],
    // The participants themselves develop ideas for their concern: activation and engagement.
    fieldsOfAction: [fieldsOfAction['soziale-netze-und-buergerschaftliches-engagement']],
    summary:
      'Beteiligungsmethode nach Robert Jungk, in der die Teilnehmenden in einer Kritik-, einer Fantasie- und einer Verwirklichungsphase gemeinsam Ideen und Lösungen für ihr Anliegen erarbeiten.',
    targetGroups: [targetGroups.bewohnerschaft],
  })

  const stadtteilkonferenz = await upsertBySlug(context, 'modules', {
    slug: 'stadtteilkonferenz',
    title: 'Stadtteilkonferenz',
    // "von einer Bestandsanalyse bis hin zur Ausformulierung von Maßnahmenplänen", "regelmäßig
    // stattfindende Mitgliederversammlungen": analysis to implementation, ongoing; an exchange
    // (information, consultation) of the district's actors, in changing places on site.
    duration: 'ongoing',
    formats: ['analog'],
    participants: ['medium'],
    participationLevels: ['inform', 'consult'],
    processPhases: ['analysis', 'planning', 'implementation'],
    advice: paragraphs(
      'Beratungsstellen, die auch bei der Vermittlung von Moderatoren behilflich sein können, sind in vielen Städten vorhanden.',
    ),
    assessment: paragraphs(
      'Die Stadtteilkonferenz ist eine gute Methode, um auch in scheinbar schwierigen thematischen Ausgangslagen zusammen mit Betroffenen und Bürgerinnen und Bürgern Ergebnisse und Handlungsansätze zu produzieren und sich kreativ mit den bestehenden Problemen auseinanderzusetzen.',
    ),
    contactsNote: paragraphs(
      'Es gibt in vielen Städten Büros und Selbständige, die sich auf entsprechende Moderationen spezialisiert haben.',
    ),
    // The page shows the high pole on all six dimensions; 4 leans there without claiming the extreme.
    editorialAssessment: {
      complexity: 4,
      financialEffort: 4,
      participation: 4,
      processPhase: 4,
      staffEffort: 4,
      timeEffort: 4,
    },
    // "Vernetzung verschiedener Organisationen", a platform for "engagierte Einzelpersonen",
    // "regelmäßig stattfindende Mitgliederversammlungen": the Handlungsfeld of seed 001 in its own
    // words (soziale Netze, Bürgerschaft in die Steuerungsstrukturen der Stadtteilarbeit einbeziehen).
    fieldsOfAction: [fieldsOfAction['soziale-netze-und-buergerschaftliches-engagement']],
    implementation: paragraphs(
      'Die Aufgaben einer Stadtteilkonferenz können von einer Bestandsanalyse bis hin zur Ausformulierung von Maßnahmenplänen reichen. Die Stadtteilkonferenzen sollen einen Austausch zwischen allen Akteurinnen und Akteuren im Stadtteil über ihre aktuellen Tätigkeiten ermöglichen. Im Rahmen dieser Veranstaltungen soll nicht nur die Vernetzung verschiedener Organisationen begünstigt werden. Auch soll engagierten Einzelpersonen eine Plattform geboten werden, Veränderungen im Stadtteil anzuregen und die für eine Durchführung notwendigen Personen kennenzulernen und Kontakte herzustellen. Geschehen kann dies im Rahmen regelmäßig stattfindender Mitgliederversammlungen. Diese können in wechselnden Lokalisationen der Mitglieder organisiert werden. So soll eine Überlastung der einzelnen Teilnehmenden vermieden werden.',
    ),
    // The page names the three links but gives no addresses; the cities' homepages stand in.
    links: [
      { label: 'Stadtteilkonferenz Aachen', url: 'https://www.aachen.de' },
      { label: 'Stadt Hattingen', url: 'https://www.hattingen.de' },
      { label: 'Stadtteilkonferenz Essen-Vogelheim', url: 'https://www.essen.de' },
    ],
    objective: paragraphs(
      'Ziel dieses Moduls ist es, die Entwicklung eines Quartiers in einem Gruppenprozess positiv zu beeinflussen. Dies kann auf verschiedenen Ebenen durch die Teilnahme unterschiedlicher lokaler Akteurinnen und Akteure geschehen.',
    ),
    pitfalls: paragraphs(
      'Zur Realisierung der Stadtteilkonferenz ist ein hohes Engagement von Seiten der Mitglieder nötig. Durch das Mitwirken professioneller Akteurinnen und Akteure aus dem Bereich der sozialen Arbeit sowie engagierter Einzelpersonen kann es unter Umständen zu hierarchischen Konflikten kommen. Auch kann eine Vielzahl kontinuierlich Mitwirkender zur Folge haben, dass Schwierigkeiten bei der Verteilung klarer Zuständigkeiten entstehen.',
    ),
    relatedModules: [charrette, zukunftswerkstatt],
    relatedProjects: [projects.haverkamp],
    steps: paragraphs(
      'Handlungsbedarf besteht, wenn Äußerungen oder der Wunsch nach Hilfestellung aus dem Stadtteil oder im Einzelfall von Seiten der Stadt selbst zu verzeichnen sind. Sodann ist es notwendig, ein Konzept zu entwickeln, gegebenenfalls die Beteiligten einzugrenzen und im Verlauf die Sitzungen zu organisieren. Dazu gehört es, die Verantwortlichkeiten abzuklären, Räumlichkeiten und Moderation zu organisieren sowie Einladungen zu verschicken etc. Es ist sinnvoll, einen Kontakt zu der Stadt herzustellen, um bestenfalls eine Finanzierung zu erwirken, mithilfe derer Lösungsansätze verwirklicht werden können.',
    ),
    summary:
      'Die Entwicklung eines Quartiers in einem Gruppenprozess mit unterschiedlichen lokalen Akteurinnen und Akteuren positiv beeinflussen.',
    // "zusammen mit Betroffenen und Bürgerinnen und Bürgern", "engagierte Einzelpersonen".
    targetGroups: [targetGroups.bewohnerschaft],
  })

  return { charrette, stadtteilkonferenz, zukunftswerkstatt }
}
