import type { CollectionConfig } from 'payload'

import { isAdmin, isAdminField } from '../../src/access/isAdmin'
import { hasRole, ROLES } from '../../src/access/roles'
import { adminOrSelf } from './access/adminOrSelf'
import { groups } from '../shared/publicContent'
import { keepLastAdminOnChange, keepLastAdminOnDelete } from './hooks/keepLastAdmin'
import { makeFirstUserAdmin } from './hooks/makeFirstUserAdmin'
import { refuseRoleChanges } from './hooks/refuseRoleChanges'

const roleLabels: Record<(typeof ROLES)[number], { de: string; en: string }> = {
  admin: { de: 'Administration', en: 'Administrator' },
  editor: { de: 'Redaktion (Koordinierungsstelle)', en: 'Editor (coordination office)' },
  'municipality-editor': { de: 'Redaktion Kommune', en: 'Municipality editor' },
}

export const Users: CollectionConfig = {
  slug: 'users',
  access: {
    admin: ({ req: { user } }) => Boolean(user),
    create: isAdmin,
    delete: isAdmin,
    read: adminOrSelf,
    unlock: isAdmin,
    update: adminOrSelf,
  },
  admin: {
    defaultColumns: ['name', 'email', 'role', 'updatedAt'],
    group: groups.administration,
    useAsTitle: 'email',
  },
  auth: {
    cookies: {
      sameSite: 'Lax',
      secure:
        process.env.NODE_ENV === 'production' &&
        (process.env.SERVER_URL ?? '').startsWith('https://'),
    },
    lockTime: 15 * 60 * 1000,
    maxLoginAttempts: 5,
    tokenExpiration: 8 * 60 * 60,
  },
  fields: [
    {
      name: 'name',
      type: 'text',
      label: { de: 'Name', en: 'Name' },
      maxLength: 200,
    },
    {
      name: 'role',
      type: 'select',
      access: {
        // Nobody raises their own role: only admins set roles. Without any user (the first
        // registration) the value is forced to admin by makeFirstUserAdmin.
        create: ({ req: { user } }) => !user || hasRole(user, 'admin'),
        update: isAdminField,
      },
      defaultValue: 'editor',
      label: { de: 'Rolle', en: 'Role' },
      options: ROLES.map((value) => ({ label: roleLabels[value], value })),
      required: true,
      saveToJWT: true,
    },
    {
      name: 'municipality',
      type: 'relationship',
      access: { create: isAdminField, update: isAdminField },
      admin: {
        condition: (data) => data?.role === 'municipality-editor',
        description: {
          de: 'Die Kommune, deren Profil, Programmgebiete und Projekte diese Person pflegt.',
          en: 'The municipality whose profile, program areas and projects this user keeps.',
        },
      },
      label: { de: 'Kommune', en: 'Municipality' },
      maxDepth: 0,
      relationTo: 'municipalities',
      saveToJWT: true,
      validate: (value: unknown, { siblingData }: { siblingData: Partial<{ role: string }> }) =>
        siblingData.role !== 'municipality-editor' ||
        Boolean(value) ||
        'Redaktion Kommune: bitte die Kommune wählen.',
    },
  ],
  hooks: {
    beforeChange: [makeFirstUserAdmin, keepLastAdminOnChange],
    beforeOperation: [refuseRoleChanges],
    beforeDelete: [keepLastAdminOnDelete],
  },
  labels: {
    plural: { de: 'Benutzer', en: 'Users' },
    singular: { de: 'Benutzer', en: 'User' },
  },
}
