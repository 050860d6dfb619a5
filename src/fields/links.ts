import type { ArrayField, TextFieldSingleValidation } from 'payload'

import { localize } from '../i18n/localize'

/**
 * A web address with http:// or https://, refused in the admin's language (Payload's own checks
 * of the text field, required and `maxLength`, run first: keepDefaultValidation.ts).
 */
export const urlValidate: TextFieldSingleValidation = (value, args) => {
  if (!value) {
    return true
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
