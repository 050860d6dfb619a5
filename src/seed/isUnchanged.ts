const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const isEmpty = (value: unknown) =>
  value === null || value === undefined || (Array.isArray(value) && value.length === 0)

/**
 * Whether a stored document already says everything the seed wants to write. Only the keys
 * the seed sets count: fields the seed leaves out (defaults, row ids, fields an editor filled
 * in, values other features keep) don't make a document "changed". Dates compare as instants,
 * and null, missing and an empty list all mean "empty".
 */
export const isUnchanged = (wanted: unknown, stored: unknown): boolean => {
  if (wanted === undefined) {
    return true
  }
  if (isEmpty(wanted) || isEmpty(stored)) {
    return isEmpty(wanted) && isEmpty(stored)
  }
  if (Array.isArray(wanted)) {
    return (
      Array.isArray(stored) &&
      stored.length === wanted.length &&
      wanted.every((item, index) => isUnchanged(item, stored[index]))
    )
  }
  if (isRecord(wanted)) {
    return (
      isRecord(stored) &&
      Object.entries(wanted).every(
        ([key, value]) => key === 'id' || isUnchanged(value, stored[key]),
      )
    )
  }
  if (
    typeof wanted === 'string' &&
    typeof stored === 'string' &&
    ISO_INSTANT.test(wanted) &&
    ISO_INSTANT.test(stored)
  ) {
    return Date.parse(wanted) === Date.parse(stored)
  }
  return wanted === stored
}
