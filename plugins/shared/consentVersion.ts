/**
 * The version of the texts a visitor agrees to (netiquette, privacy notice), stored with every
 * consent. A host passes a fixed string, or a function that answers the version in force at the
 * moment of the consent (e.g. the published version of an editable text): then publishing a new
 * text changes what every later consent records, without a restart or a setting.
 */
import type { CollectionBeforeChangeHook, PayloadRequest } from 'payload'

export type ConsentVersionOf = (args: { req: PayloadRequest }) => Promise<string> | string

/** A plugin's `consentVersion` option: the version, or how to learn the one in force. */
export type ConsentVersionOption = ConsentVersionOf | string

/** The option as a function; throws (naming the plugin) when it is missing. */
export const resolveConsentVersion = (
  option: ConsentVersionOption | undefined,
  pluginName: string,
): ConsentVersionOf => {
  if (typeof option === 'function') {
    return option
  }
  if (!option) {
    throw new Error(
      `${pluginName}: \`consentVersion\` must name the version of the notice visitors agree to.`,
    )
  }
  return () => option
}

/**
 * The fixed version a plugin's endpoints write with a consent: the option when it is a string;
 * empty when it is a function, and `stampConsentVersion` fills in the version in force.
 */
export const fixedConsentVersion = (option: ConsentVersionOption) =>
  typeof option === 'string' ? option : ''

/**
 * On create, a consent without a version gets the one in force now, read in the same
 * transaction as the record. (A version written on purpose, e.g. the demo content's, stays.)
 */
export const stampConsentVersion =
  (versionOf: ConsentVersionOf): CollectionBeforeChangeHook =>
  async ({ data, operation, req }) => {
    const consent = (data as { consent?: null | { version?: null | string } }).consent
    if (operation !== 'create' || !consent || typeof consent !== 'object' || consent.version) {
      return data
    }
    return { ...data, consent: { ...consent, version: await versionOf({ req }) } }
  }
