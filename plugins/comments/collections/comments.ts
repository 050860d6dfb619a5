import type { CollectionConfig, CollectionSlug, Field, TextField } from 'payload'

import type { ResolvedCommentsOptions } from '../types'

import { languageField } from '@quartiersnetz/plugin-kit/mailLanguage'
import { returnUrlField } from '@quartiersnetz/plugin-kit/returnUrl'
import { targetFields, targetInWordsField } from '@quartiersnetz/plugin-kit/targetFields'
import { attachTargets } from '@quartiersnetz/plugin-kit/targets'
import { moderateChange } from '../hooks/moderateChange'
import { moveReplies } from '../hooks/moveReplies'
import { notifyAfterChange } from '../hooks/notifyAfterChange'
import { grantsOnlyTrue } from '@quartiersnetz/plugin-kit/access'
import { isModerator, moderatorsOnly, nobody } from '../lib/access'
import { publicCommentsWhere } from '../lib/visibility'
import type { COMMENT_STATUSES } from '../types'

/** Hashes are for matching only (known e-mail, confirmation link, reports): nobody reads them. */
/** Shown the German way; read-only here, so no input formats are needed. */
const dayAndTime = {
  displayFormat: 'dd.MM.yyyy HH:mm',
  pickerAppearance: 'dayAndTime',
  timeFormat: 'HH:mm',
} as const

const hashField = (name: string): TextField => ({
  name,
  type: 'text',
  access: { create: nobody, read: nobody, update: nobody },
  admin: { disabled: true },
  index: true,
})

/** The list cell and the edit view of the target in words (components/TargetLink). */
export const targetComponents = (options: ResolvedCommentsOptions) => ({
  Cell: '@quartiersnetz/plugin-comments/rsc#TargetCell',
  Field: {
    path: '@quartiersnetz/plugin-comments/rsc#TargetField',
    serverProps: { commentsSlug: options.slugs.comments, targets: options.targets },
  },
})

export const commentsCollection = (options: ResolvedCommentsOptions): CollectionConfig => {
  const moderators = moderatorsOnly(options)
  // Personal data and moderation details: moderators read them, the public never does.
  const privateAccess = { create: moderators, read: moderators, update: moderators }
  const fields: Field[] = [
    targetInWordsField(targetComponents(options)),
    targetFields(options.collections),
    {
      name: 'parent',
      type: 'relationship',
      admin: {
        description: {
          de: 'Nur für Antworten: der Kommentar, auf den geantwortet wird.',
          en: 'Replies only: the comment replied to.',
        },
      },
      index: true,
      label: { de: 'Antwort auf', en: 'Reply to' },
      relationTo: options.slugs.comments as CollectionSlug,
    },
    {
      name: 'authorName',
      type: 'text',
      label: { de: 'Name', en: 'Name' },
      maxLength: 80,
      required: true,
    },
    { name: 'email', type: 'email', access: privateAccess, label: { de: 'E-Mail', en: 'E-mail' } },
    { ...languageField, access: { ...languageField.access, read: moderators } },
    // Deleted with the comment when it stays unconfirmed (tasks/purgeUnconfirmed.ts).
    returnUrlField({
      label: { de: 'Kommentiert auf der Seite', en: 'Commented on the page' },
      position: 'sidebar',
      read: moderators,
    }),
    {
      // Plain text, stored as sent; whoever shows it must escape it (it is never markup).
      name: 'text',
      type: 'textarea',
      label: { de: 'Text', en: 'Text' },
      maxLength: options.maxTextLength,
      required: true,
    },
    {
      name: 'status',
      type: 'select',
      admin: { position: 'sidebar' },
      defaultValue: 'pending',
      index: true,
      label: { de: 'Status', en: 'Status' },
      options: [
        { label: { de: 'Ausstehend', en: 'Pending' }, value: 'pending' },
        { label: { de: 'Freigegeben', en: 'Approved' }, value: 'approved' },
        { label: { de: 'Abgelehnt', en: 'Rejected' }, value: 'rejected' },
        { label: { de: 'Spam', en: 'Spam' }, value: 'spam' },
      ] satisfies { label: unknown; value: (typeof COMMENT_STATUSES)[number] }[],
      required: true,
    },
    {
      name: 'isOfficialReply',
      type: 'checkbox',
      access: { create: moderators, update: moderators },
      admin: { position: 'sidebar' },
      defaultValue: false,
      label: { de: 'Offizielle Antwort der Redaktion', en: 'Official reply of the editors' },
    },
    {
      name: 'isConfirmed',
      type: 'checkbox',
      access: { create: moderators, update: moderators },
      admin: { position: 'sidebar', readOnly: true },
      defaultValue: false,
      index: true,
      label: { de: 'E-Mail bestätigt', en: 'E-mail confirmed' },
    },
    {
      name: 'confirmExpiresAt',
      type: 'date',
      access: privateAccess,
      admin: { date: dayAndTime, position: 'sidebar', readOnly: true },
      index: true,
      label: { de: 'Bestätigungslink gültig bis', en: 'Confirmation link valid until' },
    },
    {
      name: 'isHiddenByReports',
      type: 'checkbox',
      access: { create: moderators, update: moderators },
      admin: {
        description: {
          de: 'Nach Meldungen verborgen, bis die Redaktion entscheidet (Status speichern).',
          en: 'Hidden after reports until a moderator decides (save a status).',
        },
        position: 'sidebar',
      },
      defaultValue: false,
      index: true,
      label: { de: 'Wegen Meldungen verborgen', en: 'Hidden by reports' },
    },
    {
      name: 'reportCount',
      type: 'number',
      access: privateAccess,
      admin: { position: 'sidebar', readOnly: true },
      defaultValue: 0,
      label: { de: 'Meldungen', en: 'Reports' },
    },
    {
      name: 'consent',
      type: 'group',
      access: privateAccess,
      admin: { readOnly: true },
      fields: [
        { name: 'version', type: 'text', label: { de: 'Fassung', en: 'Version' } },
        {
          name: 'givenAt',
          type: 'date',
          admin: { date: dayAndTime },
          label: { de: 'Zeitpunkt', en: 'Time' },
        },
      ],
      label: { de: 'Einwilligung (Netiquette, Datenschutz)', en: 'Consent (netiquette, privacy)' },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'notifyOnApproval',
          type: 'checkbox',
          access: privateAccess,
          defaultValue: false,
          label: { de: 'Benachrichtigen bei Freigabe', en: 'Notify on approval' },
        },
        {
          name: 'notifyOnOfficialReply',
          type: 'checkbox',
          access: privateAccess,
          defaultValue: false,
          label: { de: 'Benachrichtigen bei offizieller Antwort', en: 'Notify on official reply' },
        },
      ],
    },
    hashField('emailHash'),
    hashField('confirmTokenHash'),
    hashField('clientHash'),
  ]
  return {
    slug: options.slugs.comments,
    access: {
      // Visitors write only through the plugin's endpoints; moderators write official replies here.
      // A Where would count as "allowed" for a create (there is no document to match): only true grants.
      create: grantsOnlyTrue(options.canModerate),
      delete: options.canModerate,
      read: async ({ req }) => ((await isModerator(options, req)) ? true : publicCommentsWhere()),
      update: options.canModerate,
    },
    admin: {
      defaultColumns: ['text', 'authorName', 'status', 'isConfirmed', 'target', 'createdAt'],
      group: { de: 'Beteiligung', en: 'Participation' },
      listSearchableFields: ['authorName', 'text', 'targetId'],
      useAsTitle: 'authorName',
    },
    // The moderation queue: oldest first.
    defaultSort: 'createdAt',
    fields,
    hooks: {
      afterChange: [notifyAfterChange(options), moveReplies(options)],
      afterOperation: [attachTargets({ targets: options.targets })],
      beforeChange: [moderateChange(options)],
    },
    labels: {
      plural: { de: 'Kommentare', en: 'Comments' },
      singular: { de: 'Kommentar', en: 'Comment' },
    },
  }
}
