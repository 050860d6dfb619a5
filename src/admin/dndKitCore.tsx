'use client'
/**
 * `@dnd-kit/core` for the admin, with what it tells screen readers in the admin's language.
 * Payload's sortable rows (array and block fields, the list's order, folders) use dnd-kit's
 * defaults: English instructions on every drag handle ("To pick up a draggable item, press the
 * space bar…") and announcements that read out row ids ("Draggable item 6751ab… was moved over
 * droppable area …"), in a German page without a language of their own (BITV 2.0 / WCAG 3.1.2).
 * next.config.mjs points `@dnd-kit/core` here; everything else is dnd-kit's own.
 */
import type {
  Active,
  Announcements,
  DndContext as DndContextType,
  DndContextProps,
  ScreenReaderInstructions,
} from '@dnd-kit/core'

import { createElement } from 'react'

// The package's own file (the alias catches `@dnd-kit/core`); its types are the package's.
// @ts-expect-error -- no declaration beside the ESM file
import { DndContext as DndKitContextUntyped } from '../../node_modules/@dnd-kit/core/dist/core.esm.js'

// @ts-expect-error -- no declaration beside the ESM file
export * from '../../node_modules/@dnd-kit/core/dist/core.esm.js'

const DndKitContext = DndKitContextUntyped as typeof DndContextType

type Language = 'de' | 'en'

type Sortable = { sortable?: { index: number; items: unknown[] } }

/** "Position 3 von 5" of a sortable row, or nothing where dnd-kit's sortable is not used. */
const positionOf = (data: unknown, language: Language) => {
  const sortable = (data as Sortable | undefined)?.sortable
  if (!sortable) {
    return ''
  }
  const place = sortable.index + 1
  const count = sortable.items.length
  return language === 'de' ? ` Position ${place} von ${count}.` : ` Position ${place} of ${count}.`
}

const instructions: Record<Language, ScreenReaderInstructions> = {
  de: {
    draggable:
      'Zum Verschieben die Leertaste drücken. Mit den Pfeiltasten an die gewünschte Stelle bewegen, mit der Leertaste ablegen oder mit Escape abbrechen.',
  },
  en: {
    draggable:
      'To move, press the space bar. Move it with the arrow keys, press space again to drop it, or escape to cancel.',
  },
}

const pickedUp = (active: Active, language: Language) =>
  (language === 'de' ? 'Aufgenommen.' : 'Picked up.') + positionOf(active.data.current, language)

const announcementsIn = (language: Language): Announcements => {
  const de = language === 'de'
  return {
    onDragCancel: ({ active }) =>
      (de ? 'Verschieben abgebrochen.' : 'Moving cancelled.') +
      positionOf(active.data.current, language),
    onDragEnd: ({ over }) =>
      over
        ? (de ? 'Abgelegt.' : 'Dropped.') + positionOf(over.data.current, language)
        : de
          ? 'Abgelegt, ohne Ziel: keine Änderung.'
          : 'Dropped outside a target: nothing changed.',
    // Right after the start it is over its own place: still "picked up" (the last words count).
    onDragOver: ({ active, over }) =>
      !over
        ? de
          ? 'Über keinem Ziel.'
          : 'Not over a target.'
        : over.id === active.id
          ? pickedUp(active, language)
          : positionOf(over.data.current, language).trim() ||
            (de ? 'Über einem Ziel.' : 'Over a target.'),
    onDragStart: ({ active }) => pickedUp(active, language),
  }
}

const announcements: Record<Language, Announcements> = {
  de: announcementsIn('de'),
  en: announcementsIn('en'),
}

/** The admin's language, as Payload sets it on the page (German unless it says English). */
const adminLanguage = (): Language =>
  typeof document !== 'undefined' && document.documentElement.lang.startsWith('en') ? 'en' : 'de'

export const DndContext = (props: DndContextProps) => {
  const language = adminLanguage()
  return createElement(DndKitContext, {
    ...props,
    accessibility: {
      announcements: announcements[language],
      screenReaderInstructions: instructions[language],
      ...props.accessibility,
    },
  })
}
