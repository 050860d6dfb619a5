/**
 * The endpoints of the view "Datenschutzanfragen" (src/admin/privacy/), on the collection that
 * logs the requests: look up, export and erase what is stored for an e-mail address. For the
 * coordination office only (admins and editors); every request is logged with who, when, what
 * and how many records, never with the address.
 */
import type { Endpoint, PayloadRequest } from 'payload'

import { commitTransaction, initTransaction, killTransaction } from 'payload'

import { normaliseAddress } from '@quartiersnetz/plugin-kit/privacy'
import { readJsonBody } from '@quartiersnetz/plugin-kit/readJsonBody'
import { fail } from '@quartiersnetz/plugin-kit/respond'
import { hasRole } from '../../access/roles'
import { PRIVACY_REQUESTS_SLUG } from './path'
import {
  countRecords,
  erasePersonalData,
  findPersonalData,
  type SourceErasure,
  summaryLines,
} from './personalData'

export type PrivacyAction = 'erase' | 'export' | 'lookup'

const MAX_BODY_BYTES = 4 * 1024
const noStore = { 'Cache-Control': 'no-store' }

const say = (req: PayloadRequest, de: string, en: string) => (req.i18n?.language === 'en' ? en : de)

/** What the body names: the address (normalised) and, for an erasure, the address typed again. */
const readRequest = async (
  req: PayloadRequest,
): Promise<{ address: string; confirmation?: string } | Response> => {
  if (!req.user) {
    return fail(401, say(req, 'Bitte melden Sie sich an.', 'Please sign in.'))
  }
  if (!hasRole(req.user, 'admin', 'editor')) {
    return fail(
      403,
      say(
        req,
        'Datenschutzanfragen bearbeitet die Koordinierungsstelle (Administration und Redaktion).',
        'Privacy requests are handled by the coordination office (admins and editors).',
      ),
    )
  }
  const body = await readJsonBody(req, MAX_BODY_BYTES)
  if (!body.ok) {
    return 'status' in body
      ? fail(body.status, body.message)
      : fail(
          400,
          say(
            req,
            'Bitte senden Sie die E-Mail-Adresse als JSON: { "email": "…" }.',
            'Please send the e-mail address as JSON: { "email": "…" }.',
          ),
        )
  }
  const value = body.value as { confirmation?: unknown; email?: unknown } | null
  const email = value && typeof value === 'object' ? value.email : undefined
  if (typeof email !== 'string' || !/^[^\s@]+@[^\s@]+$/.test(email.trim()) || email.length > 254) {
    return fail(
      400,
      say(
        req,
        'Bitte geben Sie eine vollständige E-Mail-Adresse an, z. B. name@beispiel.de.',
        'Please enter a complete e-mail address, e.g. name@example.org.',
      ),
    )
  }
  const confirmation = value && typeof value === 'object' ? value.confirmation : undefined
  return {
    address: normaliseAddress(email),
    confirmation: typeof confirmation === 'string' ? normaliseAddress(confirmation) : undefined,
  }
}

/** The log entry: who, what, how many; the address is not kept, not even as a hash. */
const logRequest = async ({
  action,
  counts,
  recordCount,
  req,
}: {
  action: PrivacyAction
  counts: Record<string, unknown>[]
  recordCount: number
  req: PayloadRequest
}) =>
  req.payload.create({
    collection: PRIVACY_REQUESTS_SLUG,
    data: { action, counts, recordCount, user: req.user?.id },
    overrideAccess: true,
    req,
  })

const lookupEndpoint: Endpoint = {
  handler: async (req) => {
    const input = await readRequest(req)
    if (input instanceof Response) {
      return input
    }
    const sources = await findPersonalData(req, input.address)
    const total = countRecords(sources)
    await logRequest({
      action: 'lookup',
      counts: sources.map((source) => ({ found: source.records.length, key: source.key })),
      recordCount: total,
      req,
    })
    return Response.json({ address: input.address, sources, total }, { headers: noStore })
  },
  method: 'post',
  path: '/lookup',
}

const exportEndpoint: Endpoint = {
  handler: async (req) => {
    const input = await readRequest(req)
    if (input instanceof Response) {
      return input
    }
    const language = req.i18n?.language === 'en' ? 'en' : 'de'
    const sources = await findPersonalData(req, input.address)
    const total = countRecords(sources)
    const exportedAt = new Date().toISOString()
    const file = {
      address: input.address,
      exportedAt,
      format: 'quartiersnetz-personal-data/1',
      sources: sources.map(({ key, label, note, records }) => ({
        key,
        label,
        note,
        records: records.map(({ id, summary, values }) => ({ id, summary, values })),
      })),
      summary: [
        say(
          req,
          `Gespeicherte Daten zur E-Mail-Adresse ${input.address}, Stand ${exportedAt}:`,
          `Data stored for the e-mail address ${input.address}, as of ${exportedAt}:`,
        ),
        ...summaryLines(sources, language),
      ],
      total,
    }
    await logRequest({
      action: 'export',
      counts: sources.map((source) => ({ found: source.records.length, key: source.key })),
      recordCount: total,
      req,
    })
    return new Response(JSON.stringify(file, null, 2), {
      headers: {
        ...noStore,
        'Content-Disposition': `attachment; filename="datenauskunft-${exportedAt.slice(0, 10)}.json"`,
        'Content-Type': 'application/json; charset=utf-8',
      },
    })
  },
  method: 'post',
  path: '/export',
}

const eraseEndpoint: Endpoint = {
  handler: async (req) => {
    const input = await readRequest(req)
    if (input instanceof Response) {
      return input
    }
    if (input.confirmation !== input.address) {
      return fail(
        400,
        say(
          req,
          'Zur Bestätigung geben Sie bitte dieselbe E-Mail-Adresse noch einmal ein. Es wurde nichts gelöscht.',
          'To confirm, please enter the same e-mail address again. Nothing was erased.',
        ),
      )
    }
    // Everything or nothing: the sources' erasures and the log entry in one transaction.
    const ownsTransaction = await initTransaction(req)
    let erased: SourceErasure[]
    try {
      erased = await erasePersonalData(req, input.address)
      await logRequest({
        action: 'erase',
        counts: erased.map(({ anonymised, deleted, key }) => ({ anonymised, deleted, key })),
        recordCount: erased.reduce((sum, source) => sum + source.anonymised + source.deleted, 0),
        req,
      })
      if (ownsTransaction) {
        await commitTransaction(req)
      }
    } catch (err) {
      if (ownsTransaction) {
        await killTransaction(req)
      }
      throw err
    }
    return Response.json(
      {
        anonymised: erased.reduce((sum, source) => sum + source.anonymised, 0),
        deleted: erased.reduce((sum, source) => sum + source.deleted, 0),
        sources: erased,
      },
      { headers: noStore },
    )
  },
  method: 'post',
  path: '/erase',
}

export const privacyRequestEndpoints: Endpoint[] = [lookupEndpoint, exportEndpoint, eraseEndpoint]
