/**
 * Content for the widgets' browser tests, made with the Local API as editors would make it:
 * published modules with fields of action, target groups, sections and an editorial
 * assessment; events; projects; visitors' ratings through the public API.
 */
import type { Payload } from 'payload'

import type { SmtpReceiver } from './smtp'

import { requestJson } from './http'
import { parseMail, type ReceivedMail } from './smtp'

/** Lexical rich text of plain paragraphs. */
export const richText = (...paragraphs: string[]) => ({
  root: {
    children: paragraphs.map((text) => ({
      children: [{ detail: 0, format: 0, mode: 'normal', style: '', text, type: 'text', version: 1 }],
      direction: 'ltr' as const,
      format: '' as const,
      indent: 0,
      textFormat: 0,
      type: 'paragraph',
      version: 1,
    })),
    direction: 'ltr' as const,
    format: '' as const,
    indent: 0,
    type: 'root',
    version: 1,
  },
})

export const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString()

export type Taxonomy = { fieldsOfAction: { id: number; slug: string; title: string }[]; targetGroups: { id: number; slug: string; title: string }[] }

/** Two fields of action and two target groups, published. */
export const createTaxonomy = async (payload: Payload, suffix: string): Promise<Taxonomy> => {
  const fieldsOfAction = []
  for (const title of ['Soziale Netze', 'Wohnen und Wohnumfeld']) {
    const doc = await payload.create({ collection: 'fields-of-action', data: { _status: 'published', title: `${title} (${suffix})` }, overrideAccess: true })
    fieldsOfAction.push({ id: doc.id, slug: doc.slug!, title: doc.title })
  }
  const targetGroups = []
  for (const title of ['Jugendliche', 'Ältere Menschen']) {
    const doc = await payload.create({ collection: 'target-groups', data: { _status: 'published', title: `${title} (${suffix})` }, overrideAccess: true })
    targetGroups.push({ id: doc.id, slug: doc.slug!, title: doc.title })
  }
  return { fieldsOfAction, targetGroups }
}

export const createModule = async (payload: Payload, data: Record<string, unknown> & { title: string }) => {
  const doc = await payload.create({
    collection: 'modules',
    data: {
      _status: 'published',
      editorialAssessment: { complexity: 2, financialEffort: 1, participation: 5, processPhase: 2, staffEffort: 4, timeEffort: 3 },
      objective: richText('Nachbarinnen und Nachbarn vernetzen sich und entwickeln gemeinsam Ideen für ihr Quartier.'),
      summary: 'Ein regelmäßiges Treffen aller Akteure im Stadtteil.',
      ...data,
    } as never,
    overrideAccess: true,
  })
  return { id: doc.id, slug: doc.slug!, title: doc.title }
}

export const createEvent = async (payload: Payload, data: Record<string, unknown> & { title: string }) => {
  const doc = await payload.create({
    collection: 'events',
    data: {
      _status: 'published',
      end: inDays(21 + 1 / 12),
      format: 'on-site',
      kind: 'network-meeting',
      start: inDays(21),
      ...data,
    } as never,
    overrideAccess: true,
  })
  return { id: doc.id, slug: doc.slug!, title: doc.title }
}

export const createProject = async (payload: Payload, data: Record<string, unknown> & { title: string }) => {
  const doc = await payload.create({ collection: 'projects', data: { _status: 'published', ...data } as never, overrideAccess: true })
  return { id: doc.id, slug: doc.slug!, title: doc.title }
}

/** One visitor's rating through the public API (no token: a new visitor each time). */
export const rate = async (serverUrl: string, moduleId: number, values: Record<string, number>) => {
  const { body, status } = await requestJson(`${serverUrl}/api/modules/${moduleId}/ratings`, { body: { values }, method: 'POST' })
  if (status !== 201) {
    throw new Error(`rating failed with ${status}: ${JSON.stringify(body)}`)
  }
}

/** Sends what the mail queue holds (as the server's autoRun would) and returns the mails to `to` so far. */
export const mailsFor = async (payload: Payload, smtp: SmtpReceiver, to: string): Promise<ReceivedMail[]> => {
  await payload.jobs.run({ limit: 100, queue: 'mail' })
  return smtp.received.filter((mail) => mail.to.some((address) => address.toLowerCase() === to.toLowerCase())).map(parseMail)
}

/** The first link matching `pattern` in the text of the mails to `to`, once one has arrived. */
export const waitForLink = async (payload: Payload, smtp: SmtpReceiver, to: string, pattern: RegExp, timeoutMs = 30_000): Promise<string> => {
  const until = Date.now() + timeoutMs
  for (;;) {
    for (const mail of await mailsFor(payload, smtp, to)) {
      const link = pattern.exec(mail.text)?.[0]
      if (link) {
        return link
      }
    }
    if (Date.now() > until) {
      throw new Error(`no mail to ${to} with a link like ${String(pattern)} within ${timeoutMs} ms`)
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}
