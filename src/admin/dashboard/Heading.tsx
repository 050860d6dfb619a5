import type { ServerProps } from 'payload'

import { formatAdminURL } from 'payload/shared'

import { hasRole } from '../../access/roles'
import { municipalityOf } from '../../access/municipalityOf'
import { SEARCH_VIEW_PATH } from '../search/path'
import { SearchForm } from '../search/SearchForm'
import { textsFor } from '../search/texts'

import './Card/index.scss'

/**
 * Above the tiles: whose overview this is and, for a municipality editor, what their role
 * keeps (their city's entries) and what it leaves to the coordination office, so that a
 * refused page is no surprise; then the field that searches every collection (view "Suche").
 */
export const DashboardHeading = async ({ i18n, payload, user }: ServerProps) => {
  if (!user) {
    return null
  }
  const localize = (text: { de: string; en: string }) =>
    i18n.language === 'en' ? text.en : text.de
  const name = typeof user.name === 'string' && user.name ? user.name : user.email
  const municipalityId = hasRole(user, 'municipality-editor') ? municipalityOf(user) : undefined
  const municipality =
    municipalityId === undefined
      ? undefined
      : await payload.findByID({
          collection: 'municipalities',
          depth: 0,
          disableErrors: true,
          id: municipalityId,
          select: { name: true },
        })
  return (
    <div className="qn-dashboard-heading">
      <h1 className="qn-dashboard-heading__title">
        {localize({ de: 'Übersicht', en: 'Overview' })}
      </h1>
      <p className="qn-dashboard-heading__lead">
        {localize({
          de: `Guten Tag, ${name}. Hier sehen Sie, was auf Sie wartet; jeder Eintrag führt dorthin, wo Sie es erledigen.`,
          en: `Hello, ${name}. Here is what is waiting for you; every entry leads to where you deal with it.`,
        })}
        {municipality
          ? ` ${localize({
              de: `Als Redaktion Kommune pflegen Sie das Profil, die Programmgebiete und die Projekte von ${municipality.name} (auch deren Entwürfe) und Medien, die Sie hochladen. Alles andere sehen Sie wie die Öffentlichkeit; Veranstaltungen, Anmeldungen und Kommentare betreut die Koordinierungsstelle.`,
              en: `As a municipality editor you keep the profile, program areas and projects of ${municipality.name} (their drafts too) and media you upload. Everything else you see as the public does; events, registrations and comments are the coordination office's.`,
            })}`
          : ''}
      </p>
      <SearchForm
        action={formatAdminURL({ adminRoute: payload.config.routes.admin, path: SEARCH_VIEW_PATH })}
        id="qn-dashboard-search"
        label={localize({ de: 'Alle Inhalte durchsuchen', en: 'Search all content' })}
        text={textsFor(i18n.language)}
      />
    </div>
  )
}
