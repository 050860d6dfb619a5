/**
 * One voice in the admin: the German texts it can show (Payload's, the rich-text editor's, the
 * plugins' and ours, merged as the admin merges them) address people as "Sie", never "du", and
 * name Quartiersnetz, not Payload. Also: every collection the admin lists sits in a group.
 */
import type { SanitizedConfig } from 'payload'

import { initI18n } from '@payloadcms/translations'
import { describe, expect, it } from 'vitest'

import configPromise from '../../payload.config'
import { groups } from '../../collections/shared/publicContent'

/**
 * du, dich, dir, dein…, the verb forms that go with du, and du-imperatives Payload uses, as
 * whole words (JavaScript's \b knows no umlauts: the boundaries are any letter or digit).
 */
const DU_FORMS = new RegExp(
  `(?<![\\p{L}\\p{N}])(${[
    'du',
    'dich',
    'dir',
    'dein',
    'deine',
    'deinem',
    'deinen',
    'deiner',
    'deines',
    'bist',
    'hast',
    'kannst',
    'musst',
    'möchtest',
    'solltest',
    'willst',
    'wirst',
    'wurdest',
    'warst',
    'erhältst',
    'siehst',
    'fortfährst',
    'übernimmst',
    'verlässt',
    'anmeldest',
    'generierst',
    'gib',
    'wähle',
    'klicke',
    'kopiere',
    'gehe',
    'ändere',
    'überprüfe',
    'versuche',
    'ignoriere',
    'verifiziere',
    'speichere',
    'verwerfe',
    'erstelle',
    'bearbeite',
    'entferne',
    'beginne',
    'drücke',
    'ziehe',
    'zeichne',
    'passe',
    'setze',
    'verknüpfe',
  ].join('|')})(?![\\p{L}\\p{N}])`,
  'iu',
)

/** Every text of a translations object, with its key. */
const textsOf = (translations: object, prefix = ''): [string, string][] =>
  Object.entries(translations).flatMap(([key, value]) =>
    typeof value === 'string'
      ? [[`${prefix}${key}`, value] as [string, string]]
      : value && typeof value === 'object'
        ? textsOf(value as object, `${prefix}${key}:`)
        : [],
  )

const merged = async (language: 'de' | 'en', context: 'api' | 'client') => {
  const config: SanitizedConfig = await configPromise
  const i18n = await initI18n({ config: config.i18n, context, language })
  return textsOf(i18n.translations)
}

describe('the admin in one voice', () => {
  it('should address people as "Sie" in every German text of the admin and the API', async () => {
    for (const context of ['client', 'api'] as const) {
      const texts = await merged('de', context)
      expect(texts.length).toBeGreaterThan(500)
      const duForms = texts.filter(([, text]) => DU_FORMS.test(text))
      expect(duForms, `${context}: ${duForms.map(([key]) => key).join(', ')}`).toEqual([])
    }
  })

  it('should catch a du-form with the same expression the check above uses', () => {
    // Payload's own German, as shipped: the expression finds what it must replace.
    expect(DU_FORMS.test('Bist du dir sicher?')).toBe(true)
    expect(DU_FORMS.test('Bitte gib deine E-Mail-Adresse an.')).toBe(true)
    expect(DU_FORMS.test("Beginne zu tippen oder drücke '/' für Befehle...")).toBe(true)
    expect(DU_FORMS.test('Um dein Passwort zu ändern, ändere es dort.')).toBe(true)
    expect(DU_FORMS.test('Bitte geben Sie Ihre E-Mail-Adresse ein.')).toBe(false)
    expect(DU_FORMS.test('Ändern Sie die Dauer; Sie haben Ihre Änderungen gespeichert.')).toBe(
      false,
    )
  })

  it('should name Quartiersnetz, not Payload, on the account page', async () => {
    for (const language of ['de', 'en'] as const) {
      const texts = new Map(await merged(language, 'client'))
      expect(texts.get('general:payloadSettings')).toMatch(/^Quartiersnetz/)
      expect(texts.get('general:dashboard')).toBe(language === 'de' ? 'Übersicht' : 'Overview')
    }
  })

  it('should show yes/no fields (lists, filters) as yes and no, not as true and false', async () => {
    const german = new Map(await merged('de', 'client'))
    expect([german.get('general:true'), german.get('general:false')]).toEqual(['Ja', 'Nein'])
    const english = new Map(await merged('en', 'client'))
    expect([english.get('general:true'), english.get('general:false')]).toEqual(['Yes', 'No'])
  })

  it("should read as German where Payload fills in a list search's fields and an empty list's plural label", async () => {
    const german = new Map(await merged('de', 'client'))
    const fill = (key: string, label: string) => german.get(key)!.replace('{{label}}', label)
    // As the list's search field composes it (ListControls): the first label, then ", …" and "oder …".
    expect(
      `${fill('general:searchBy', 'Titel')}, Kurzbeschreibung ${german.get('general:or')} Stadtteil`,
    ).toBe('Suchen nach Titel, Kurzbeschreibung oder Stadtteil')
    expect(fill('validation:fieldHasNo', 'Auszeichnungen')).toBe(
      'Keine Auszeichnungen eingetragen.',
    )
    // An empty list (a search without hits): whole sentences, no noun missing.
    expect(
      `${german.get('general:noResultsFound')} ${german.get('general:noResultsDescription')}`,
    ).toBe(
      'Keine Einträge gefunden. Es gibt noch keine Einträge, oder keiner passt zur Suche und zu den Filtern oben.',
    )
  })
})

describe('the navigation', () => {
  it('should put every collection the admin shows into one of our groups, in their order', async () => {
    const config = await configPromise
    const order: string[] = Object.values(groups).map((group) => group.de)
    const shown = config.collections.filter((collection) => collection.admin.hidden !== true)
    const ungrouped = shown.filter(
      (collection) => !order.includes((collection.admin.group as { de?: string })?.de ?? ''),
    )
    expect(ungrouped.map((collection) => collection.slug)).toEqual([])
    // Groups appear in the order of `groups` (the navigation shows them as they first appear).
    const appearing = [
      ...new Set(shown.map((collection) => (collection.admin.group as { de: string }).de)),
    ]
    expect(appearing).toEqual(order.filter((group) => appearing.includes(group)))
    const groupOf = (slug: string) =>
      (shown.find((collection) => collection.slug === slug)?.admin.group as { de: string }).de
    expect(groupOf('registrations')).toBe('Veranstaltungen')
    expect(groupOf('comments')).toBe('Beteiligung')
    expect(groupOf('ratings')).toBe('Beteiligung')
    expect(groupOf('users')).toBe('Verwaltung')
  })
})
