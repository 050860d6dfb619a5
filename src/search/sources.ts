/**
 * What the search finds, per collection: which texts are the title (weight A), the summary
 * (weight B) and the body (weight C). Only fields every visitor may read: no contact data, no
 * access links, no addresses of links.
 */
import type { CollectionSlug } from 'payload'

import type { LocalizedText } from '@quartiersnetz/plugin-kit/publicInput'

import { EVENT_FORMATS, EVENT_KINDS } from '../domain/eventKinds'
import { plainTextOf } from './plainText'

type Doc = Record<string, unknown>

export type SearchSource = {
  /** The texts of a stored document (depth 0). */
  body: (doc: Doc) => string[]
  collection: CollectionSlug
  /** The date results show beside the title (an event's start), if any. */
  date?: (doc: Doc) => unknown
  /** Words that find the document but make no good snippet (a kind, a place, an award). */
  keywords?: (doc: Doc) => string[]
  /** The type's name in results and messages: singular and plural. */
  label: { plural: LocalizedText; singular: LocalizedText }
  summary: (doc: Doc) => string[]
  title: (doc: Doc) => string
}

const text = (value: unknown) => (typeof value === 'string' ? value : '')
const rich = (doc: Doc, ...names: string[]) => names.map((name) => plainTextOf(doc[name]))
const labelOf = (options: { label: LocalizedText; value: string }[], value: unknown) =>
  options.find((option) => option.value === value)?.label.de ?? ''

export const SEARCH_SOURCES: SearchSource[] = [
  {
    body: (doc) => [
      ...rich(
        doc,
        'objective',
        'users',
        'implementation',
        'steps',
        'pitfalls',
        'assessment',
        'financing',
        'advice',
      ),
      text(doc.targetGroupNote),
    ],
    collection: 'modules',
    label: {
      plural: { de: 'Beteiligungsmodule', en: 'Participation modules' },
      singular: { de: 'Beteiligungsmodul', en: 'Participation module' },
    },
    summary: (doc) => [text(doc.summary)],
    title: (doc) => text(doc.title),
  },
  {
    body: (doc) => rich(doc, 'body'),
    collection: 'projects',
    keywords: (doc) => [
      text(doc.district),
      ...(Array.isArray(doc.awards)
        ? (doc.awards as { name?: unknown; year?: unknown }[]).map((award) =>
            [text(award.name), award.year ?? ''].join(' '),
          )
        : []),
    ],
    label: {
      plural: { de: 'Projekte', en: 'Projects' },
      singular: { de: 'Projekt', en: 'Project' },
    },
    summary: (doc) => [text(doc.teaser)],
    title: (doc) => text(doc.title),
  },
  {
    body: (doc) => rich(doc, 'description'),
    collection: 'events',
    date: (doc) => doc.start,
    // The kind and format in words: "Webinar Gerechte Stadt" finds the webinar.
    keywords: (doc) => [
      labelOf(EVENT_KINDS, doc.kind),
      labelOf(EVENT_FORMATS, doc.format),
      text((doc.venue as Doc | undefined)?.name),
    ],
    label: {
      plural: { de: 'Veranstaltungen', en: 'Events' },
      singular: { de: 'Veranstaltung', en: 'Event' },
    },
    summary: (doc) => [text(doc.theme), text(doc.teaser)],
    title: (doc) => text(doc.title),
  },
  {
    body: (doc) => [text(doc.publisher)],
    collection: 'publications',
    date: (doc) => doc.publishedOn,
    label: {
      plural: { de: 'Publikationen', en: 'Publications' },
      singular: { de: 'Publikation', en: 'Publication' },
    },
    summary: (doc) => rich(doc, 'description'),
    title: (doc) => text(doc.title),
  },
  {
    body: (doc) => [
      ...(Array.isArray(doc.typicalMeasures)
        ? (doc.typicalMeasures as { measure?: unknown }[]).map((item) => text(item.measure))
        : []),
      ...rich(doc, 'roleOfQuartiersmanagement'),
    ],
    collection: 'fields-of-action',
    label: {
      plural: { de: 'Handlungsfelder', en: 'Fields of action' },
      singular: { de: 'Handlungsfeld', en: 'Field of action' },
    },
    summary: (doc) => rich(doc, 'introduction'),
    title: (doc) => text(doc.title),
  },
  {
    body: (doc) => rich(doc, 'description'),
    collection: 'municipalities',
    label: {
      plural: { de: 'Kommunen', en: 'Municipalities' },
      singular: { de: 'Kommune', en: 'Municipality' },
    },
    summary: (doc) => [text(doc.officialName)],
    title: (doc) => text(doc.name),
  },
  {
    body: (doc) => [...rich(doc, 'description'), text(doc.funder)],
    collection: 'programmes',
    label: {
      plural: { de: 'Förderprogramme', en: 'Programmes' },
      singular: { de: 'Förderprogramm', en: 'Programme' },
    },
    summary: (doc) => [text(doc.shortName)],
    title: (doc) => text(doc.title),
  },
]

export const sourceOf = (collection: string): SearchSource | undefined =>
  SEARCH_SOURCES.find((source) => source.collection === collection)
