/** The search view's texts, German first ("Sie"), English for editors who chose it. */
export const texts = {
  de: {
    all: 'Alle',
    changed: 'Geändert',
    changedHint: 'veröffentlicht, mit einem neueren Entwurf',
    draft: 'Entwurf',
    heading: 'Suche',
    intro:
      'Durchsucht Beteiligungsmodule, Projekte, Veranstaltungen, Veröffentlichungen, Handlungsfelder, Kommunen und Programme – Titel, Kurzbeschreibungen und Texte, auch Entwürfe. Ein Treffer öffnet den Eintrag zum Bearbeiten.',
    introPublished:
      'Durchsucht die veröffentlichten Beteiligungsmodule, Projekte, Veranstaltungen, Veröffentlichungen, Handlungsfelder, Kommunen und Programme. Entwürfe Ihrer Kommune finden Sie in den Listen ihrer Projekte und Programmgebiete.',
    label: 'Suchbegriff',
    hint: 'Mehrere Wörter: alle müssen vorkommen. „In Anführungszeichen“ sucht die Wortfolge, -Wort schließt ein Wort aus.',
    next: 'Nächste Seite',
    none: 'Keine Treffer für „{query}“. Versuchen Sie ein anderes oder ein allgemeineres Wort.',
    pageOf: 'Seite {page} von {pages}',
    pages: 'Seiten',
    previous: 'Vorige Seite',
    results: '{count} Treffer für „{query}“',
    resultsOne: '1 Treffer für „{query}“',
    search: 'Suchen',
    similar: 'Keine genauen Treffer für „{query}“. {count} ähnliche Treffer:',
    similarOne: 'Keine genauen Treffer für „{query}“. 1 ähnlicher Treffer:',
    types: 'Art der Treffer',
  },
  en: {
    all: 'All',
    changed: 'Changed',
    changedHint: 'published, with a newer draft',
    draft: 'Draft',
    heading: 'Search',
    intro:
      'Searches participation modules, projects, events, publications, fields of action, municipalities and programmes: titles, summaries and texts, drafts too. A result opens the entry for editing.',
    introPublished:
      "Searches the published participation modules, projects, events, publications, fields of action, municipalities and programmes. Your municipality's drafts are in the lists of its projects and program areas.",
    label: 'Search term',
    hint: 'Several words: all must occur. "In quotes" searches the phrase, -word excludes a word.',
    next: 'Next page',
    none: 'No results for "{query}". Try another or a more general word.',
    pageOf: 'Page {page} of {pages}',
    pages: 'Pages',
    previous: 'Previous page',
    results: '{count} results for "{query}"',
    resultsOne: '1 result for "{query}"',
    search: 'Search',
    similar: 'No exact results for "{query}". {count} similar results:',
    similarOne: 'No exact results for "{query}". 1 similar result:',
    types: 'Type of result',
  },
} as const

export type SearchTexts = { [K in keyof (typeof texts)['de']]: string }

export const textsFor = (language: string): SearchTexts => (language === 'en' ? texts.en : texts.de)
