/**
 * The texts visitors agree to, owned by the editors (globals `netiquette` and `privacy-notice`,
 * globals/consentTexts.ts): published versions are what /netiquette and /datenschutz show and
 * what every later consent records; drafts change nothing for visitors; no setting needed.
 */
import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import type { RunningServer } from '../../src/server/startServer'

import {
  createModule,
  createMunicipality,
  createOpenEvent,
  postComment,
  registerForEvent,
} from '../helpers/fixtures'
import { requestJson } from '../helpers/http'
import { deliverMails } from '../helpers/mails'
import { mailsTo } from '../helpers/smtp'
import { startTestServer } from '../helpers/server'
import { createSignedInUsers } from '../helpers/users'

const smtp = await vi.hoisted(async () => {
  const { startSmtpReceiver } = await import('../helpers/smtp')
  process.env.COMMENTS_MIN_SUBMIT_SECONDS = '1'
  process.env.COMMENTS_RATE_LIMIT_MAX = '0'
  process.env.EVENT_REGISTRATION_RATE_LIMIT_MAX = '0'
  return startSmtpReceiver()
})

type TextJson = { html: string; language: string; title: string; version: null | number }

let server: RunningServer
let payload: Payload
let tokens: Record<'editor' | 'municipalityEditor', string>
let counter = 0

beforeAll(async () => {
  process.env.AUTH_RATE_LIMIT_MAX = '1000'
  server = await startTestServer()
  payload = server.payload
  const city = await createMunicipality(payload, { name: 'Einwilligungsstadt' })
  ;({ tokens } = await createSignedInUsers(payload, {
    serverUrl: server.url,
    users: {
      editor: { email: 'redaktion@consent.test', role: 'editor' },
      municipalityEditor: {
        email: 'kommune@consent.test',
        municipality: city.id,
        role: 'municipality-editor',
      },
    },
  }))
})

afterAll(async () => {
  await server?.stop()
  await smtp.stop()
})

const page = async (path: string, language = 'de') => {
  const response = await fetch(`${server.url}${path}`, { headers: { 'Accept-Language': language } })
  return { status: response.status, text: await response.text() }
}

const textJson = async (path: string, language = 'de') =>
  (
    await requestJson<TextJson>(`${server.url}${path}?format=json`, {
      headers: { 'Accept-Language': language },
    })
  ).body

/** Saves a text as the editor would in the admin: published, or as a draft. */
const save = (slug: string, data: Record<string, unknown>, status: 'draft' | 'published') =>
  requestJson<{ errors?: { message: string }[]; result?: unknown }>(
    `${server.url}/api/globals/${slug}${status === 'draft' ? '?draft=true' : ''}`,
    { body: { ...data, _status: status }, method: 'POST', token: tokens.editor },
  )

const consentOfNewComment = async () => {
  const module = await createModule(payload, { title: `Modul der Einwilligung ${++counter}` })
  const email = `zustimmung-${counter}@consent.test`
  const posted = await postComment({
    body: { authorName: 'Erika', email, targetId: module.id, text: 'Ich stimme zu.' },
    payload,
    serverUrl: server.url,
  })
  expect(posted.status).toBe(202)
  const { docs } = await payload.find({
    collection: 'comments',
    where: { email: { equals: email } },
  })
  return docs[0]?.consent?.version
}

const consentOfNewRegistration = async () => {
  const event = await createOpenEvent(payload, { title: `Einwilligungswerkstatt ${++counter}` })
  const email = `anmeldung-${counter}@consent.test`
  const registered = await registerForEvent({
    body: { email, name: 'Erika' },
    eventId: event.id,
    serverUrl: server.url,
  })
  expect(registered.status).toBe(202)
  const { docs } = await payload.find({
    collection: 'registrations',
    where: { email: { equals: email } },
  })
  return docs[0]?.consent?.version
}

describe('the texts visitors agree to', () => {
  it('should show the initial texts until the editors publish their own, with the settings filled in', async () => {
    const notice = await page('/datenschutz')
    expect(notice.status).toBe(200)
    expect(notice.text).toContain('<html lang="de">')
    expect(notice.text).toContain('30 Tage nach der Veranstaltung')
    expect(notice.text).toContain('Fassung: Ausgangstext')
    expect(notice.text).not.toContain('{retentionDays}')
    const netiquette = await page('/netiquette', 'en')
    expect(netiquette.text).toContain('<html lang="en">')
    expect(netiquette.text).toContain('<h1>Netiquette for comments</h1>')
    expect(await consentOfNewComment()).toBe('2026-01')
    expect(await consentOfNewRegistration()).toBe('2026-01')
  })

  it('should keep the texts from visitors and from municipality editors', async () => {
    const anonymous = await requestJson(`${server.url}/api/globals/privacy-notice`)
    expect(anonymous.status).toBe(403)
    const municipality = await requestJson(`${server.url}/api/globals/privacy-notice`, {
      body: { text: 'Eigener Text', title: 'Eigene Überschrift', _status: 'published' },
      method: 'POST',
      token: tokens.municipalityEditor,
    })
    expect(municipality.status).toBe(403)
    expect((await textJson('/datenschutz')).version).toBeNull()
  })

  it('should show a published version at once and record it with every later consent, drafts changing nothing', async () => {
    const published = await save(
      'privacy-notice',
      {
        text: 'Neue Fassung.\n\n## Aufbewahrung\n\nWir löschen nach {retentionDays} Tagen. <script>alert(1)</script>',
        textEn: 'New version.',
        title: 'Datenschutz (neu)',
        titleEn: 'Privacy (new)',
      },
      'published',
    )
    expect(published.status).toBe(200)
    const german = await textJson('/datenschutz')
    expect(german.title).toBe('Datenschutz (neu)')
    expect(german.html).toBe(
      '<p>Neue Fassung.</p>\n<h2>Aufbewahrung</h2>\n<p>Wir löschen nach 30 Tagen. &lt;script&gt;alert(1)&lt;/script&gt;</p>',
    )
    const version = german.version
    expect(version).toEqual(expect.any(Number))
    expect((await page('/datenschutz')).text).toContain(`Fassung ${version}, veröffentlicht am`)
    expect((await textJson('/datenschutz', 'en')).html).toBe('<p>New version.</p>')

    expect(await consentOfNewRegistration()).toBe(`privacy-notice@${version}`)
    expect(await consentOfNewComment()).toBe(`netiquette@2026-01 privacy-notice@${version}`)

    const draft = await save(
      'privacy-notice',
      {
        text: 'Entwurf, noch nicht veröffentlicht.',
        textEn: 'Draft.',
        title: 'Entwurf',
        titleEn: 'Draft',
      },
      'draft',
    )
    expect(draft.status).toBe(200)
    expect((await textJson('/datenschutz')).version).toBe(version)
    expect((await page('/datenschutz')).text).not.toContain('Entwurf')
    expect(await consentOfNewRegistration()).toBe(`privacy-notice@${version}`)

    await save(
      'netiquette',
      {
        text: 'Seien Sie freundlich.',
        textEn: 'Be kind.',
        title: 'Netiquette',
        titleEn: 'Netiquette',
      },
      'published',
    )
    const netiquette = await textJson('/netiquette')
    expect(netiquette.html).toBe('<p>Seien Sie freundlich.</p>')
    expect(await consentOfNewComment()).toBe(
      `netiquette@${netiquette.version} privacy-notice@${version}`,
    )
    // The widget's thread says which version a consent given now records.
    const module = await createModule(payload, { title: `Modul der Fassung ${++counter}` })
    const thread = await requestJson<{ consentVersion?: string }>(
      `${server.url}/api/comments/thread?target=modules/${module.id}`,
    )
    expect(thread.body.consentVersion).toBe(
      `netiquette@${netiquette.version} privacy-notice@${version}`,
    )
  })

  it('should link the privacy notice from the mails, in the language of each mail', async () => {
    smtp.received.length = 0
    const module = await createModule(payload, { title: `Modul der Hinweise ${++counter}` })
    const email = `hinweis-${counter}@consent.test`
    await postComment({
      body: { authorName: 'Erika', email, targetId: module.id, text: 'Mit Hinweis.' },
      headers: { 'Accept-Language': 'en' },
      payload,
      serverUrl: server.url,
    })
    const event = await createOpenEvent(payload, { title: `Hinweiswerkstatt ${counter}` })
    await registerForEvent({
      body: { email, name: 'Erika' },
      eventId: event.id,
      serverUrl: server.url,
    })
    const mails = mailsTo(await deliverMails({ payload, smtp }), email)
    expect(mails).toHaveLength(2)
    const notice = `${process.env.SERVER_URL}/datenschutz`
    expect(mails.map((mail) => mail.text.includes(`Privacy: ${notice}`))).toContain(true)
    expect(mails.map((mail) => mail.text.includes(`Datenschutz: ${notice}`))).toContain(true)
  })
})
