import type { LocalizedText } from './localize'

/**
 * What the person at the screen and the operator read when the admin is open under an address
 * the server doesn't take saves from: where it is open, where it is set up, what to set.
 * Shared by the server's 403 (src/server/explainAdminOrigin.ts) and the admin's banner.
 */
export const originMismatchText = ({
  origin,
  serverUrl,
}: {
  origin: string
  serverUrl: string
}): LocalizedText => ({
  de:
    `Das Admin-Panel ist unter ${origin} geöffnet, Quartiersnetz ist aber für ${serverUrl} eingerichtet (SERVER_URL). ` +
    'Änderungen nimmt der Server aus Sicherheitsgründen nur von eingerichteten Adressen an. ' +
    `Öffnen Sie das Admin-Panel unter ${serverUrl}/admin, oder setzen Sie SERVER_URL=${origin} ` +
    '(weitere Adressen des Admin-Panels in ADMIN_ORIGINS) und starten Sie den Server neu. ' +
    'CORS_ORIGINS hilft hier nicht: Es gilt nur für Websites, die die API lesen.',
  en:
    `The admin panel is open at ${origin}, but Quartiersnetz is set up for ${serverUrl} (SERVER_URL). ` +
    'For security, the server accepts changes only from the addresses it is set up for. ' +
    `Open the admin panel at ${serverUrl}/admin, or set SERVER_URL=${origin} ` +
    '(further addresses of the admin panel in ADMIN_ORIGINS) and restart the server. ' +
    'CORS_ORIGINS does not help here: it is only for websites that read the API.',
})
