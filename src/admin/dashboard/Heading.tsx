import type { ServerProps } from 'payload'

import { hasRole } from '../../access/roles'
import { municipalityOf } from '../../access/municipalityOf'

import './Card/index.scss'

/**
 * Above the tiles: whose overview this is and, for a municipality editor, that it shows their
 * city's entries.
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
              de: `Sie sehen die Einträge der Kommune ${municipality.name}.`,
              en: `You see the entries of ${municipality.name}.`,
            })}`
          : ''}
      </p>
    </div>
  )
}
