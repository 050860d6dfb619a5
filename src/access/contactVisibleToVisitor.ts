import type {
  CollectionAfterOperationHook,
  CollectionBeforeOperationHook,
  FieldAccess,
} from 'payload'

import { isInclusiveSelect } from '@quartiersnetz/plugin-kit/attachOnRead'

import { hasRole } from './roles'

/**
 * Contact data (e-mail, phone) of a person is public only when marked so; the coordination
 * office (admins, editors) sees it always, municipality editors like visitors (another city's
 * or the office's contacts are not theirs). Without a document (a query or sort on the field)
 * the others are refused, so private values can't be probed through `where` or `sort` either.
 */
export const contactVisibleToVisitor: FieldAccess = ({ doc, req: { user } }) =>
  hasRole(user, 'admin', 'editor') ||
  (doc as { isContactPublic?: boolean } | undefined)?.isContactPublic === true

const CONTACT_FIELDS = ['email', 'phone'] as const

/** Selects widened here: `isContactPublic` is read for the contact fields' access, not shown. */
const widenedSelects = new WeakSet<object>()

/**
 * A read that selects the contact fields without `isContactPublic`
 * (`?select[email]=true`, or GraphQL asking `contacts { name email }`) reads the flag too:
 * without it the access above would hide a public contact's e-mail. Added to the select
 * before the read (beforeOperation), taken out of the answer again (afterOperation).
 */
export const selectContactVisibility: {
  afterOperation: CollectionAfterOperationHook
  beforeOperation: CollectionBeforeOperationHook
} = {
  afterOperation: ({ args, operation, result }) => {
    const { select } = args as { select?: unknown }
    if (
      (operation === 'find' || operation === 'findByID') &&
      typeof select === 'object' &&
      select !== null &&
      widenedSelects.has(select)
    ) {
      const docs: unknown[] = operation === 'find' ? (result?.docs ?? []) : [result]
      for (const doc of docs) {
        if (typeof doc === 'object' && doc !== null) {
          delete (doc as { isContactPublic?: unknown }).isContactPublic
        }
      }
    }
    return result
  },
  beforeOperation: ({ args, operation }) => {
    const { select } = args as { select?: unknown }
    if (
      operation !== 'read' ||
      typeof select !== 'object' ||
      select === null ||
      Array.isArray(select) ||
      !isInclusiveSelect(select) ||
      (select as Record<string, unknown>).isContactPublic ||
      !CONTACT_FIELDS.some((field) => (select as Record<string, unknown>)[field])
    ) {
      return args
    }
    const widened = { ...select, isContactPublic: true }
    widenedSelects.add(widened)
    return { ...args, select: widened }
  },
}
