/**
 * <qn-events municipality="essen" series="…" field-of-action="…" limit="5">: the next published
 * events (all filters optional and combinable), in Berlin time, with format, place and the
 * seats left or "Warteliste", and a link to subscribe to the same selection as a calendar feed.
 * One request; when it finds nothing, one per filter, so that a name no municipality, series or
 * Handlungsfeld has is named as such instead of looking like a list without events.
 */
import { css, html, nothing } from 'lit'

import { EVENT_FORMATS, EVENT_KINDS } from '../src/domain/eventKinds'
import { ApiError, apiUrl, requestJson } from './shared/api'
import { QnElement } from './shared/element'
import { formatPeriod, isAfterDeadlineDay } from './shared/format'
import { type Language } from './shared/i18n'

export type ListedEvent = {
  capacity?: null | number
  end?: null | string
  format?: string
  hasWaitingList?: boolean | null
  id: number
  isCancelled?: boolean | null
  kind?: string
  registration?: { deadline?: null | string } | null
  registrationOpen?: boolean | null
  seatsTaken?: number
  slug: string
  start: string
  teaser?: null | string
  title: string
  venue?: {
    address?: null | string
    municipality?: { name?: string } | null | number
    name?: null | string
  } | null
  waitingCount?: number
}

const texts = {
  de: {
    cancelled: 'Abgesagt',
    empty: 'Derzeit sind keine Veranstaltungen angekündigt.',
    full: 'Ausgebucht',
    fullWaitingList: 'Ausgebucht – Anmeldung auf die Warteliste möglich',
    heading: 'Veranstaltungen',
    place: 'Ort',
    registrationClosed: 'Anmeldeschluss ist vorbei',
    seatsLeft: 'Noch {left} von {capacity} Plätzen frei',
    seatsLeftOne: 'Noch 1 Platz frei',
    subscribe: 'Diese Termine im Kalender abonnieren (ICS)',
    subscribeHint: 'Der Link passt für Outlook, Apple Kalender, Google Kalender und Thunderbird.',
    unknownFieldOfAction: 'Das Handlungsfeld „{slug}“ wurde nicht gefunden.',
    unknownMunicipality: 'Die Kommune „{slug}“ wurde nicht gefunden.',
    unknownSeries: 'Die Veranstaltungsreihe „{slug}“ wurde nicht gefunden.',
  },
  en: {
    cancelled: 'Cancelled',
    empty: 'No events are announced at the moment.',
    full: 'Fully booked',
    fullWaitingList: 'Fully booked – you can join the waiting list',
    heading: 'Events',
    place: 'Place',
    registrationClosed: 'Registration has closed',
    seatsLeft: '{left} of {capacity} seats left',
    seatsLeftOne: '1 seat left',
    subscribe: 'Subscribe to these events in your calendar (ICS)',
    subscribeHint: 'The link works with Outlook, Apple Calendar, Google Calendar and Thunderbird.',
    unknownFieldOfAction: 'The field of action "{slug}" was not found.',
    unknownMunicipality: 'The municipality "{slug}" was not found.',
    unknownSeries: 'The event series "{slug}" was not found.',
  },
}

const labelOf = (
  options: readonly { label: { de: string; en: string }; value: string }[],
  value: string | undefined,
  language: Language,
) => options.find((option) => option.value === value)?.label[language] ?? ''

export class QnEvents extends QnElement<(typeof texts)['de'], ListedEvent[]> {
  static override styles = [
    ...QnElement.styles,
    css`
      ul.events {
        list-style: none;
        padding: 0;
        margin: 0 0 1rem;
      }
      li.event {
        padding: 0.75rem 0;
        border-top: 1px solid var(--_border);
      }
      li.event:first-child {
        border-top: 0;
      }
      .when {
        font-weight: 600;
        margin: 0;
      }
      .event h3,
      .event h4,
      .event h5,
      .event h6 {
        margin: 0.25rem 0;
      }
      .facts {
        margin: 0;
        color: var(--_muted);
      }
      .state {
        display: inline-block;
        margin-top: 0.25rem;
        font-weight: 600;
      }
      .state.cancelled {
        color: var(--_error);
      }
    `,
  ]

  static override properties = {
    ...QnElement.properties,
    fieldOfAction: { attribute: 'field-of-action', type: String },
    limit: { type: Number },
    municipality: { type: String },
    series: { type: String },
  }

  declare fieldOfAction: string | undefined
  declare limit: number
  declare municipality: string | undefined
  declare series: string | undefined

  protected readonly texts = texts

  constructor() {
    super()
    this.limit = 5
  }

  protected override reloadOn() {
    return ['fieldOfAction', 'limit', 'municipality', 'series']
  }

  protected async load(signal: AbortSignal) {
    // To the minute, so that every visitor of a page within a minute asks the same URL (cached).
    const now = new Date(Math.floor(Date.now() / 60_000) * 60_000).toISOString()
    const query: Record<string, number | string | undefined> = {
      depth: 1,
      limit: Math.min(50, Math.max(1, Number(this.limit) || 5)),
      sort: 'start',
      // Running events still count as upcoming until they end.
      'where[and][0][or][0][end][greater_than]': now,
      'where[and][0][or][1][start][greater_than]': now,
      // A municipality's events: those involving it and those taking place there (as its feed).
      'where[and][1][or][0][municipalities.slug][equals]': this.municipality,
      'where[and][1][or][1][venue.municipality.slug][equals]': this.municipality,
      'where[and][2][series.slug][equals]': this.series,
      'where[and][3][fieldsOfAction.slug][equals]': this.fieldOfAction,
    }
    for (const field of [
      'title',
      'slug',
      'kind',
      'format',
      'start',
      'end',
      'teaser',
      'venue',
      'isCancelled',
      'registration',
      'registrationOpen',
      'capacity',
      'seatsTaken',
      'waitingCount',
      'hasWaitingList',
    ]) {
      query[`select[${field}]`] = 'true'
    }
    const { docs } = await requestJson<{ docs: ListedEvent[] }>(apiUrl('events', query), {
      language: this.language,
      signal,
    })
    if (!docs.length) {
      await this.checkFilters(signal)
    }
    return docs
  }

  /** A filter naming nothing published (a typo in the snippet): 404 with its name, as the feed. */
  private async checkFilters(signal: AbortSignal) {
    const filters = [
      ['municipalities', this.municipality, 'unknownMunicipality'],
      ['event-series', this.series, 'unknownSeries'],
      ['fields-of-action', this.fieldOfAction, 'unknownFieldOfAction'],
    ] as const
    const found = await Promise.all(
      filters.map(async ([collection, slug]) => {
        if (!slug) {
          return true
        }
        const { docs } = await requestJson<{ docs: unknown[] }>(
          apiUrl(collection, {
            depth: 0,
            limit: 1,
            'select[slug]': 'true',
            'where[slug][equals]': slug,
          }),
          { language: this.language, signal },
        )
        return docs.length > 0
      }),
    )
    const missing = filters.find((_, index) => !found[index])
    if (missing) {
      throw new ApiError(this.t(missing[2], { slug: missing[1]! }), 404)
    }
  }

  private feedUrl() {
    return apiUrl('events/feed.ics', {
      fieldOfAction: this.fieldOfAction,
      municipality: this.municipality,
      series: this.series,
    }).href
  }

  private seatState(event: ListedEvent) {
    if (event.isCancelled) {
      return html`<span class="state cancelled">${this.t('cancelled')}</span>`
    }
    // Checked first: past its deadline the API answers registrationOpen false as well.
    if (isAfterDeadlineDay(event.registration?.deadline)) {
      return html`<span class="state">${this.t('registrationClosed')}</span>`
    }
    if (!event.registrationOpen) {
      return nothing
    }
    if (typeof event.capacity === 'number') {
      const left = Math.max(0, event.capacity - (event.seatsTaken ?? 0))
      if (left === 0) {
        return html`<span class="state"
          >${event.hasWaitingList ? this.t('fullWaitingList') : this.t('full')}</span
        >`
      }
      return html`<span class="state"
        >${left === 1 ? this.t('seatsLeftOne') : this.t('seatsLeft', { capacity: event.capacity, left })}</span
      >`
    }
    return nothing
  }

  private renderEvent(event: ListedEvent) {
    const language = this.language
    const municipality =
      typeof event.venue?.municipality === 'object' ? event.venue?.municipality?.name : undefined
    const place = [
      event.venue?.name,
      event.venue?.address,
      municipality && !event.venue?.name?.includes(municipality) ? municipality : undefined,
    ]
      .filter(Boolean)
      .join(', ')
    const kind = labelOf(EVENT_KINDS, event.kind, language)
    const format = labelOf(EVENT_FORMATS, event.format, language)
    return html`<li class="event" part="event">
      <article>
        <p class="when">
          <time datetime=${event.start}>${formatPeriod(event.start, event.end, language)}</time>
        </p>
        ${this.heading(1, event.title)}
        <p class="facts">
          ${[kind, format].filter(Boolean).join(' · ')}${place ? html`<br />${this.t('place')}: ${place}` : nothing}
        </p>
        ${event.teaser ? html`<p>${event.teaser}</p>` : nothing} ${this.seatState(event)}
      </article>
    </li>`
  }

  override render() {
    return html`<section part="container">
      ${this.heading(0, this.t('heading'))}
      ${this.renderLoaded(
        (events) =>
          html`${
              events.length
                ? html`<ul class="events">
                    ${events.map((event) => this.renderEvent(event))}
                  </ul>`
                : html`<p>${this.t('empty')}</p>`
            }
            <p>
              <a href=${this.feedUrl()} part="feed-link">${this.t('subscribe')}</a><br /><span
                class="hint"
                >${this.t('subscribeHint')}</span
              >
            </p>`,
      )}
    </section>`
  }
}

if (!customElements.get('qn-events')) {
  customElements.define('qn-events', QnEvents)
}
