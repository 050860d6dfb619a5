import type { Field, Validate } from 'payload'

import { validations } from 'payload'

type Validations = Record<string, Validate | undefined>

const wrapped = new WeakSet<Validate>()

/**
 * A field's own `validate` replaces Payload's validation of its type: a text field with one
 * no longer checks its `maxLength` (a slug of 500 characters, a web address of 10,000), a number
 * field its `min` and `max` (an editorial assessment of 7 on a scale of 1 to 5), an array its
 * rows. Here Payload's validation runs first and the own one after it, for every field of the
 * config that has one (the plugins' too); the field's settings reach both, as Payload passes them.
 */
const withDefault = (field: Field): Field => {
  const own = ('validate' in field ? field.validate : undefined) as undefined | Validate
  if (!own || wrapped.has(own)) {
    return field
  }
  const byDefault = (validations as unknown as Validations)[field.type]
  if (!byDefault || ('virtual' in field && field.virtual)) {
    return field
  }
  const validate: Validate = async (value, args) => {
    const result = await byDefault(value, args)
    return result === true ? own(value, args) : result
  }
  wrapped.add(validate)
  return { ...field, validate } as Field
}

/** Every field of `fields`, at any depth (rows, groups, tabs, arrays, blocks), with `withDefault`. */
export const keepDefaultValidation = (fields: Field[]): Field[] =>
  fields.map((field) => {
    const withNested: Field =
      field.type === 'tabs'
        ? {
            ...field,
            tabs: field.tabs.map((tab) => ({ ...tab, fields: keepDefaultValidation(tab.fields) })),
          }
        : field.type === 'blocks'
          ? {
              ...field,
              blocks: field.blocks.map((block) => ({
                ...block,
                fields: keepDefaultValidation(block.fields),
              })),
            }
          : 'fields' in field && Array.isArray(field.fields)
            ? ({ ...field, fields: keepDefaultValidation(field.fields) } as Field)
            : field
    return withDefault(withNested)
  })
