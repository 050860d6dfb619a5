import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'

import { dataDir } from './paths'

export const DEMO_ADMIN_EMAIL = 'admin@quartiersnetz.localhost'

/**
 * In development, an empty database gets an admin with a random password. The login is
 * printed once, when the account is created, and kept in .data/demo-login.txt (owner-only)
 * in case the console scrolled away.
 */
export const ensureDemoAdmin = async ({
  payload,
  serverUrl,
}: {
  payload: Payload
  serverUrl: string
}) => {
  const { totalDocs } = await payload.count({ collection: 'users', overrideAccess: true })
  if (totalDocs > 0) {
    return
  }
  const password = crypto.randomBytes(12).toString('base64url')
  await payload.create({
    collection: 'users',
    data: { email: DEMO_ADMIN_EMAIL, name: 'Demo-Administration', password, role: 'admin' },
    overrideAccess: true,
  })
  const login = [
    '',
    '  Demo-Zugang (wird nur dieses eine Mal angezeigt):',
    `    Admin:    ${serverUrl}/admin`,
    `    E-Mail:   ${DEMO_ADMIN_EMAIL}`,
    `    Passwort: ${password}`,
    `  Gespeichert in ${path.join(dataDir(), 'demo-login.txt')}`,
    '',
  ].join('\n')
  fs.mkdirSync(dataDir(), { recursive: true })
  fs.writeFileSync(path.join(dataDir(), 'demo-login.txt'), `${DEMO_ADMIN_EMAIL}\n${password}\n`, {
    mode: 0o600,
  })
  process.stdout.write(`${login}\n`)
}
