import type { Field } from 'payload'

/**
 * The fields with the one at a dotted path (`registration.deadline`) replaced by `change(field)`,
 * looking through rows, collapsibles, unnamed groups and tabs as Payload's paths do. Copies what
 * it changes and keeps the rest: the host's config is never mutated.
 */
export const mapFieldAt = (
  fields: Field[],
  path: string,
  change: (field: Field) => Field,
): Field[] => {
  const [head, ...rest] = path.split('.')
  return fields.map((field) => {
    if ('name' in field && field.name) {
      if (field.name !== head) {
        return field
      }
      if (!rest.length) {
        return change(field)
      }
      return 'fields' in field
        ? ({ ...field, fields: mapFieldAt(field.fields, rest.join('.'), change) } as Field)
        : field
    }
    if (field.type === 'tabs') {
      return {
        ...field,
        tabs: field.tabs.map((tab) =>
          'name' in tab && tab.name
            ? tab.name === head && rest.length
              ? { ...tab, fields: mapFieldAt(tab.fields, rest.join('.'), change) }
              : tab
            : { ...tab, fields: mapFieldAt(tab.fields, path, change) },
        ),
      }
    }
    return 'fields' in field
      ? ({ ...field, fields: mapFieldAt(field.fields, path, change) } as Field)
      : field
  })
}
