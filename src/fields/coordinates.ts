import type { GroupField } from 'payload'

/**
 * Latitude/longitude as two numbers: the embedded PostgreSQL has no PostGIS, which Payload's
 * point field needs; websites only need the numbers for a map.
 */
export const coordinatesField = (name = 'coordinates'): GroupField => ({
  name,
  type: 'group',
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'latitude',
          type: 'number',
          label: { de: 'Breitengrad', en: 'Latitude' },
          max: 90,
          min: -90,
        },
        {
          name: 'longitude',
          type: 'number',
          label: { de: 'Längengrad', en: 'Longitude' },
          max: 180,
          min: -180,
        },
      ],
    },
  ],
  label: { de: 'Koordinaten', en: 'Coordinates' },
})
