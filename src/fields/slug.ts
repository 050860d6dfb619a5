import type { FieldHook, TextField } from 'payload'

const GERMAN = { Ä: 'Ae', Ö: 'Oe', Ü: 'Ue', ä: 'ae', ö: 'oe', ß: 'ss', ü: 'ue' } as const

/** "Preis Soziale Stadt – Köln 2012" → "preis-soziale-stadt-koeln-2012". */
export const slugify = (value: string): string =>
  value
    .replace(/[ÄÖÜäöüß]/g, (char) => GERMAN[char as keyof typeof GERMAN])
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 120)

/**
 * Fills an empty slug from the title; a generated slug that is taken gets -2, -3 … appended.
 * A slug typed by an editor is kept as typed (slugified), and a clash is reported as an error.
 */
const generateSlug =
  (sourceField: string): FieldHook =>
  async ({ collection, data, originalDoc, req, value }) => {
    if (typeof value === 'string' && value.trim()) {
      return slugify(value)
    }
    const source = (data?.[sourceField] ?? originalDoc?.[sourceField]) as unknown
    if (typeof source !== 'string' || !source.trim() || !collection) {
      return value
    }
    const base = slugify(source) || 'eintrag'
    for (let suffix = 1; suffix < 100; suffix++) {
      const candidate = suffix === 1 ? base : `${base}-${suffix}`
      const { totalDocs } = await req.payload.count({
        collection: collection.slug,
        overrideAccess: true,
        req,
        where: {
          and: [
            { slug: { equals: candidate } },
            ...(originalDoc?.id ? [{ id: { not_equals: originalDoc.id } }] : []),
          ],
        },
      })
      if (totalDocs === 0) {
        return candidate
      }
    }
    return `${base}-${Date.now()}`
  }

export const slugField = (sourceField = 'title'): TextField => ({
  name: 'slug',
  type: 'text',
  admin: {
    description: {
      de: 'Teil der Adresse. Wird aus dem Titel erzeugt, wenn leer; kann bearbeitet werden.',
      en: 'Part of the address. Generated from the title when empty; can be edited.',
    },
    position: 'sidebar',
  },
  hooks: { beforeValidate: [generateSlug(sourceField)] },
  index: true,
  label: { de: 'Kurzname (URL)', en: 'Slug' },
  maxLength: 120,
  unique: true,
  validate: (value: null | string | undefined) =>
    !value ||
    /^[a-z0-9]+(-[a-z0-9]+)*$/.test(value) ||
    'Nur Kleinbuchstaben, Ziffern und Bindestriche.',
})
