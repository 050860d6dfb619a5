import type { Migration } from 'payload'

import { migrations } from '../../migrations'

/**
 * The committed migrations, as modules. Payload types a migration's up/down as taking
 * `unknown`, while generated migrations take their concrete args; the shapes are the same.
 */
export const committedMigrations = migrations as unknown as Migration[]
