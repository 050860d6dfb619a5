import type { CollectionBeforeOperationHook } from 'payload'

import { APIError } from 'payload'

import { hasRole } from '../../../src/access/roles'
import { localize } from '../../../src/i18n/localize'

/**
 * Only admins set roles and municipalities (field access). Without this, a change that
 * someone else sends is dropped silently and answered "Erfolgreich aktualisiert", so that
 * the person believes it took effect: refused with 403 instead, before anything is written.
 * Sending the value the account already has is no change.
 */
export const refuseRoleChanges: CollectionBeforeOperationHook = async ({
  args,
  operation,
  req,
}) => {
  const data = (args as { data?: Record<string, unknown> }).data
  if (
    operation !== 'update' ||
    !data ||
    !req.user ||
    hasRole(req.user, 'admin') ||
    !('role' in data || 'municipality' in data)
  ) {
    return args
  }
  const id = (args as { id?: number | string }).id
  const current = id
    ? // null for an account that doesn't exist; a database failure propagates (503).
      await req.payload.findByID({ collection: 'users', depth: 0, disableErrors: true, id, req })
    : undefined
  const same = (name: 'municipality' | 'role') =>
    !(name in data) ||
    String((data[name] as { id?: unknown } | null)?.id ?? data[name] ?? '') ===
      String(current?.[name] ?? '')
  if (current && same('role') && same('municipality')) {
    return args
  }
  throw new APIError(
    localize(req, {
      de: 'Rolle und Kommune eines Kontos können nur Administratorinnen und Administratoren ändern.',
      en: 'Only administrators can change the role and municipality of an account.',
    }),
    403,
    undefined,
    true,
  )
}
