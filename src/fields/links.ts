import type { ArrayField } from 'payload'

const isHttpUrl = (value: null | string | undefined) => {
  if (!value) {
    return 'Bitte eine Adresse angeben.'
  }
  try {
    const url = new URL(value)
    return url.protocol === 'https:' || url.protocol === 'http:' || 'Nur http- und https-Adressen.'
  } catch {
    return 'Keine gültige Adresse (z. B. https://www.essen.de).'
  }
}

export const urlValidate = (value: null | string | undefined) => (value ? isHttpUrl(value) : true)

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
          validate: isHttpUrl,
        },
      ],
    },
  ],
  label: { de: 'Links', en: 'Links' },
  labels: { plural: { de: 'Links', en: 'Links' }, singular: { de: 'Link', en: 'Link' } },
})
