/**
 * The editors' dashboard: tiles of what waits for them (comments to moderate, upcoming events
 * with their seats, registrations to confirm, drafts, the next dates of each series, the latest
 * ratings), each leading to where the work is done, and Payload's list of collections below.
 * Payload's modular dashboard shows them; everyone can rearrange their own. Each tile reads
 * through the Local API as the signed-in user, so a municipality editor sees their own entries,
 * and a tile whose plugin is absent, or whose work the user's role doesn't do, is left out.
 */
import type { DashboardConfig, PayloadRequest, Widget, WidgetInstance, WidgetWidth } from 'payload'

import type { EventFields } from './cards/UpcomingEvents'

import { grantsAny, scopeOf } from './access'

export type { EventFields } from './cards/UpcomingEvents'

export type EditorsDashboardOptions = {
  /** The comments plugin's collection; without it, no comments tile. */
  comments?: { slug: string }
  events: { fields?: EventFields; slug: string }
  /** The ratings plugin's collection; without it, no ratings tile. */
  ratings?: { slug: string }
  /** The event registration plugin's collection; without it, no registrations tile. */
  registrations?: { slug: string }
  /** The event series and the events' field that names an event's series. */
  series?: { field: string; slug: string }
}

type Tile = {
  Component: Widget['Component']
  /** Whether the tile is on the user's dashboard unless they arranged it otherwise. */
  isFor: (req: PayloadRequest) => Promise<boolean>
  /** A tile that needs the whole width (a table-like list). */
  isWide?: boolean
  label: { de: string; en: string }
  slug: string
}

const CARDS = '/src/admin/dashboard/cards'

/** True access only: the plugins grant moderation and organising on `true`, never on a query. */
const isGranted = (slug: string, operation: 'read' | 'update') => async (req: PayloadRequest) =>
  (await scopeOf(req, slug, operation)) === true

const mayEditSome = (slug: string) => async (req: PayloadRequest) =>
  grantsAny(await scopeOf(req, slug, 'update'))

/** Collections with drafts the user may edit some documents of. */
const hasDrafts = async (req: PayloadRequest) => {
  for (const { config } of Object.values(req.payload.collections)) {
    if (config.versions?.drafts && grantsAny(await scopeOf(req, config.slug, 'update'))) {
      return true
    }
  }
  return false
}

const tilesOf = ({
  comments,
  events,
  ratings,
  registrations,
  series,
}: EditorsDashboardOptions): Tile[] => [
  ...(comments
    ? [
        {
          Component: {
            path: `${CARDS}/Moderation#ModerationCard`,
            serverProps: { commentsSlug: comments.slug },
          },
          isFor: isGranted(comments.slug, 'update'),
          label: { de: 'Kommentare', en: 'Comments' },
          slug: 'moderation',
        },
      ]
    : []),
  ...(registrations
    ? [
        {
          Component: {
            path: `${CARDS}/Registrations#RegistrationsCard`,
            serverProps: { eventsSlug: events.slug, registrationsSlug: registrations.slug },
          },
          isFor: isGranted(registrations.slug, 'update'),
          label: { de: 'Anmeldungen', en: 'Registrations' },
          slug: 'registrations',
        },
      ]
    : []),
  {
    Component: {
      path: `${CARDS}/UpcomingEvents#UpcomingEventsCard`,
      serverProps: { eventFields: events.fields, eventsSlug: events.slug },
    },
    isFor: mayEditSome(events.slug),
    isWide: true,
    label: { de: 'Anstehende Veranstaltungen', en: 'Upcoming events' },
    slug: 'upcoming-events',
  },
  {
    Component: `${CARDS}/Drafts#DraftsCard`,
    isFor: hasDrafts,
    label: { de: 'Entwürfe', en: 'Drafts' },
    slug: 'drafts',
  },
  ...(series
    ? [
        {
          Component: {
            path: `${CARDS}/SeriesDates#SeriesDatesCard`,
            serverProps: {
              eventsSlug: events.slug,
              seriesField: series.field,
              seriesSlug: series.slug,
            },
          },
          isFor: mayEditSome(series.slug),
          label: { de: 'Veranstaltungsreihen', en: 'Event series' },
          slug: 'event-series',
        },
      ]
    : []),
  ...(ratings
    ? [
        {
          Component: {
            path: `${CARDS}/LatestRatings#LatestRatingsCard`,
            serverProps: { ratingsSlug: ratings.slug },
          },
          isFor: isGranted(ratings.slug, 'read'),
          label: { de: 'Neueste Bewertungen', en: 'Latest ratings' },
          slug: 'latest-ratings',
        },
      ]
    : []),
]

/**
 * Half-width tiles side by side; a wide tile, or a half-width one left without a partner,
 * takes the whole row.
 */
const widthsOf = (tiles: Tile[]): WidgetWidth[] => {
  const widths: WidgetWidth[] = tiles.map((tile) => (tile.isWide ? 'full' : 'medium'))
  let unpaired: number | undefined
  widths.forEach((width, index) => {
    if (width === 'full') {
      if (unpaired !== undefined) {
        widths[unpaired] = 'full'
      }
      unpaired = undefined
    } else {
      unpaired = unpaired === undefined ? index : undefined
    }
  })
  if (unpaired !== undefined) {
    widths[unpaired] = 'full'
  }
  return widths
}

/** The dashboard config: our tiles, then Payload's list of collections. */
export const editorsDashboard = (options: EditorsDashboardOptions): DashboardConfig => {
  const tiles = tilesOf(options)
  return {
    defaultLayout: async ({ req }) => {
      const shown: Tile[] = []
      for (const tile of tiles) {
        if (await tile.isFor(req)) {
          shown.push(tile)
        }
      }
      const widths = widthsOf(shown)
      return [
        ...shown.map((tile, index) => ({ widgetSlug: tile.slug, width: widths[index]! })),
        { widgetSlug: 'collections', width: 'full' },
      ] as WidgetInstance[]
    },
    widgets: tiles.map(({ Component, label, slug }) => ({
      Component,
      label,
      maxWidth: 'full',
      minWidth: 'small',
      slug,
    })),
  }
}
