import type { Access } from 'payload'

import { hasRole } from './roles'

/** The coordination office: admins and editors keep everything that is not a city's own. */
export const isEditor: Access = ({ req: { user } }) => hasRole(user, 'admin', 'editor')
