import type { CollectionConfig } from 'payload'

import { isEditor } from '../../src/access/isEditor'
import {
  publishedOrCoordinationOffice,
  versionsOfCoordinationOffice,
} from '../../src/access/publishedOrCoordinationOffice'
import { draftsForThoseWhoReadThem } from '../../src/hooks/draftsForThoseWhoReadThem'
import { refuseMalformedPaging } from '../../src/hooks/refuseMalformedPaging'
import { refuseNestedQueriesIntoHiddenRelations } from '../../src/hooks/refuseNestedQueriesIntoHiddenRelations'
import { refuseSortByHiddenRelations } from '../../src/hooks/refuseSortByHiddenRelations'

type PublicContentArgs = {
  access?: CollectionConfig['access']
  /** Whether municipality editors read their own city's drafts here (municipalityScoped.ts). */
  hasCityDrafts?: boolean
}

/**
 * What every public content collection shares: drafts and versions, visitors (and municipality
 * editors, but for their own city's documents) read published documents only (and can't sort
 * or search them by drafts they link to), editors and admins write (unless `access` says
 * otherwise).
 */
export const publicContent = ({ access, hasCityDrafts = false }: PublicContentArgs = {}): Pick<
  CollectionConfig,
  'access' | 'hooks' | 'versions'
> => ({
  access: {
    create: isEditor,
    delete: isEditor,
    read: publishedOrCoordinationOffice,
    readVersions: versionsOfCoordinationOffice,
    update: isEditor,
    ...access,
  },
  hooks: {
    beforeOperation: [
      draftsForThoseWhoReadThem({ hasCityDrafts }),
      refuseSortByHiddenRelations,
      refuseNestedQueriesIntoHiddenRelations,
      refuseMalformedPaging,
    ],
  },
  versions: {
    // Editors can schedule a publication or a withdrawal ("Veröffentlichung planen"); the
    // jobs' `default` queue runs it (payload.config.ts).
    drafts: { schedulePublish: true },
    maxPerDoc: 25,
  },
})

/**
 * The admin's navigation groups, in the order the navigation shows them (payload.config.ts
 * sorts the collections, the plugins' included, by this order).
 */
export const groups = {
  events: { de: 'Veranstaltungen', en: 'Events' },
  participation: { de: 'Beteiligung', en: 'Participation' },
  content: { de: 'Inhalte', en: 'Content' },
  network: { de: 'Netzwerk', en: 'Network' },
  taxonomies: { de: 'Stammdaten', en: 'Reference data' },
  administration: { de: 'Verwaltung', en: 'Administration' },
} as const
