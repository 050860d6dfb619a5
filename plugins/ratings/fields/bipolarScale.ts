import type { LocalizedText } from '../types'

import { DEFAULT_SCALE } from '../defaults'

/**
 * The admin component that shows a host's own number field as the scale between two poles that
 * visitors rate on (components/BipolarScaleField), e.g. for each number of the editorial
 * assessment group: `admin: { components: { Field: bipolarScaleComponent(dimension) } }`. The
 * field keeps storing the number (or nothing).
 */
export const bipolarScaleComponent = ({
  high,
  low,
  scale = DEFAULT_SCALE,
}: {
  high: LocalizedText
  low: LocalizedText
  /** @default { min: 1, max: 5 } */
  scale?: { max: number; min: number }
}) => ({
  clientProps: { high, low, max: scale.max, min: scale.min },
  path: '@quartiersnetz/plugin-ratings/client#BipolarScaleField',
})
