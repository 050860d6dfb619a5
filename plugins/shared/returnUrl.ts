/**
 * The way back: the address of the member site's page a visitor commented or registered on
 * (sent by the widget as `returnUrl`, checked by plugins/shared/publicInput.ts), kept with the
 * comment or registration so that the pages the mailed links open can link back to it.
 */
import type { FieldAccess, PayloadRequest, TextField } from 'payload'

import { RETURN_URL_MAX_LENGTH } from './publicInput'

/**
 * A plugin's `returnOrigins` option, checked once at start: each entry an origin
 * (`https://www.essen.de`), returned in the form `URL.origin` has.
 */
export const resolveReturnOrigins = (
  origins: readonly string[] | undefined,
  pluginName: string,
): string[] =>
  (origins ?? []).map((origin) => {
    let parsed: URL | undefined
    try {
      parsed = new URL(origin)
    } catch {
      parsed = undefined
    }
    if (
      !parsed ||
      !/^https?:$/.test(parsed.protocol) ||
      parsed.origin !== origin.replace(/\/$/, '')
    ) {
      throw new Error(
        `${pluginName}: \`returnOrigins\` must list origins such as https://www.essen.de, not "${origin}".`,
      )
    }
    return parsed.origin
  })

/** The origins a `returnUrl` may have: the server's own (its serverURL) and the member sites'. */
export const returnOriginsOf = (req: PayloadRequest, origins: readonly string[]): string[] => {
  let own: string | undefined
  try {
    own = req.payload.config.serverURL ? new URL(req.payload.config.serverURL).origin : undefined
  } catch {
    own = undefined
  }
  return own ? [own, ...origins] : [...origins]
}

/**
 * The stored address: personal data like the rest (it can tell where someone lives or works),
 * so it is never public (`read`: the plugin's private access, where its collection is public);
 * only the plugin writes it (with overrideAccess).
 */
export const returnUrlField = ({
  label,
  position,
  read,
}: {
  label: { de: string; en: string }
  position?: 'sidebar'
  read?: FieldAccess
}): TextField => ({
  name: 'returnUrl',
  type: 'text',
  access: { create: () => false, ...(read ? { read } : {}), update: () => false },
  admin: {
    description: {
      de: 'Die Seite, auf der das Formular eingebunden war; die Seiten der Links aus den E-Mails führen dorthin zurück.',
      en: 'The page the form was embedded in; the pages the links in the mails open lead back to it.',
    },
    position,
    readOnly: true,
  },
  label,
  maxLength: RETURN_URL_MAX_LENGTH,
})
