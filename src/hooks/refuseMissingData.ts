import type { CollectionBeforeOperationHook, Config, Plugin } from 'payload'

import { APIError } from 'payload'

import { keepDefaultValidation } from '../fields/keepDefaultValidation'
import { localize } from '../i18n/localize'
import { foldUmlautsInLike } from './foldUmlautsInLike'
import { refuseMistypedFilters } from './refuseMistypedFilters'
import { refuseUnknownSort } from './refuseSortByHiddenRelations'

/**
 * A create or update without data (an empty body, a body Payload doesn't read) would reach
 * Payload's field hooks as `undefined` and end as a 500: refuse it as the client's mistake.
 */
export const refuseMissingData: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') {
    return args
  }
  const { data } = args as { data?: unknown }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    throw new APIError(
      localize(req, {
        de: 'Die Anfrage enthält keine Felder: Senden Sie sie als JSON-Objekt (Content-Type: application/json), Dateien als multipart/form-data.',
        en: 'The request has no fields: send them as a JSON object (Content-Type: application/json), files as multipart/form-data.',
      }),
      400,
      undefined,
      true,
    )
  }
  return args
}

/**
 * Adds `refuseMissingData`, `refuseMistypedFilters`, `refuseUnknownSort` and `foldUmlautsInLike` to every collection
 * of the config, and Payload's own validation to every field with a validation of its own
 * (keepDefaultValidation), globals included (the plugins' ones too: put it last).
 */
export const withDataChecks: Plugin = (config: Config): Config => ({
  ...config,
  globals: (config.globals ?? []).map((global) => ({
    ...global,
    fields: keepDefaultValidation(global.fields),
  })),
  collections: (config.collections ?? []).map((collection) => ({
    ...collection,
    fields: keepDefaultValidation(collection.fields),
    hooks: {
      ...collection.hooks,
      beforeOperation: [
        refuseMissingData,
        refuseMistypedFilters,
        refuseUnknownSort,
        foldUmlautsInLike,
        ...(collection.hooks?.beforeOperation ?? []),
      ],
    },
  })),
})
