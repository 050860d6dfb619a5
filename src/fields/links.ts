import type { ArrayField, TextFieldSingleValidation } from 'payload'

import { text } from 'payload/shared'

import { localize } from '../i18n/localize'

/**
 * A web address: Payload's checks of a text field first (required, `maxLength`: a field's own
 * `validate` replaces them), then an address with http:// or https://, in the admin's language.
 */
export const urlValidate: TextFieldSingleValidation = (value, args) => {
  const own = text(value, args as Parameters<typeof text>[1])
  if (own !== true || !value) {
    return own
  }
  try {
    const { protocol } = new URL(value)
    return (
      protocol === 'https:' ||
      protocol === 'http:' ||
      localize(args.req, {
        de: 'Nur Adressen mit http:// oder https:// sind möglich.',
        en: 'Only addresses with http:// or https:// are possible.',
      })
    )
  } catch {
    return localize(args.req, {
      de: 'Bitte geben Sie eine vollständige Adresse an, z. B. https://www.essen.de.',
      en: 'Please enter a complete address, e.g. https://www.essen.de.',
    })
  }
}

export const linksField = (name = 'links'): ArrayField => ({
  name,
  type: 'array',
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'label',
          type: 'text',
          label: { de: 'Bezeichnung', en: 'Label' },
          maxLength: 200,
          required: true,
        },
        {
          name: 'url',
          type: 'text',
          label: { de: 'Adresse (URL)', en: 'URL' },
          maxLength: 2000,
          required: true,
          validate: urlValidate,
        },
      ],
    },
  ],
  label: { de: 'Links', en: 'Links' },
  labels: { plural: { de: 'Links', en: 'Links' }, singular: { de: 'Link', en: 'Link' } },
})
