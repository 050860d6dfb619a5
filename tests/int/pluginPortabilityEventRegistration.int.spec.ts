/**
 * Portability of the event registration plugin, tested rather than promised: the plugin on a
 * config of its own (tests/plugins/event-registration/config.ts: sign-ups for 'sessions' whose
 * fields have the host's own names, mapped by `fields`, into 'signups' with the host's
 * overrides), its sanitised shape and host contract, and the plugin running for real on a fresh
 * database of that config, with `disabled: true` beside it.
 */
import type { SanitizedConfig, UIField } from 'payload'

import {
  ANONYMISE_REGISTRATIONS_TASK,
  PURGE_UNCONFIRMED_REGISTRATIONS_TASK,
  SEND_REGISTRATION_REMINDERS_TASK,
} from '@quartiersnetz/plugin-event-registration'
import { translations } from '@quartiersnetz/plugin-event-registration/translations/index'
import { publicWriteRoutesOf } from '@quartiersnetz/plugin-kit/pluginConfig'
import { MAIL_KEYS_SLUG, SEND_MAIL_TASK } from '@quartiersnetz/plugin-kit/sendMailTask'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import {
  REGISTRATION_RATE_LIMIT,
  REGISTRATIONS_SLUG,
  registrationTestConfig,
  SESSIONS,
  sessions,
} from '../plugins/event-registration/config'
import {
  collectionOf,
  columnsOf,
  countDocs,
  createDoc,
  endpointsOf,
  fieldComponentProps,
  fieldNames,
  fieldTree,
  lastOwnField,
  findDocs,
  findField,
  type RunningPlugin,
  saysDisabled,
  startOnFreshDatabase,
} from '../plugins/portability'

type Answer = {
  errors?: { message: string }[]
  message?: string
  registration?: { id: number; status: string }
}
type MailJob = {
  input: { attachments?: { content: string }[]; subject: string; text: string; to: string }
  queue: string
}

const de = translations.de['plugin-event-registration']
const JOIN_URL = 'https://meet.example.org/quartiersplatz'

let enabled: RunningPlugin
let disabled: RunningPlugin
/** A host whose jobs run the jobs collection's hooks: mails go through Payload's jobs.queue. */
let withJobHooks: RunningPlugin
let counter = 0

beforeAll(async () => {
  ;[enabled, disabled, withJobHooks] = await Promise.all([
    startOnFreshDatabase({
      build: (databaseUrl) => registrationTestConfig({ databaseUrl }),
      name: 'registration',
    }),
    startOnFreshDatabase({
      build: (databaseUrl) => registrationTestConfig({ databaseUrl, disabled: true }),
      name: 'registration_disabled',
    }),
    startOnFreshDatabase({
      build: (databaseUrl) => registrationTestConfig({ databaseUrl, jobs: { runHooks: true } }),
      name: 'registration_job_hooks',
    }),
  ])
})

afterAll(async () => {
  await Promise.all([enabled?.stop(), disabled?.stop(), withJobHooks?.stop()])
})

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString()

/** A remote session, open for sign-ups, in ten days, closing in five (the host's field names). */
const newSession = async (running: RunningPlugin, data: Record<string, unknown> = {}) => {
  const heading = `Werkstatt Quartiersplatz ${++counter}`
  const { id } = await createDoc(running.payload, SESSIONS, {
    beginsAt: inDays(10),
    capacity: 2,
    endsAt: new Date(Date.now() + 10 * 86_400_000 + 2 * 3_600_000).toISOString(),
    heading,
    joinUrl: JOIN_URL,
    mode: 'remote',
    registrationOpen: true,
    signup: { closesOn: inDays(5) },
    ...data,
  })
  return { heading, id }
}

const signUp = (running: RunningPlugin, id: number | string, email: string) =>
  running.api<Answer>(`/${SESSIONS}/${id}/registrations`, {
    body: { consent: true, email, name: 'Ada Beispiel' },
    method: 'POST',
  })

const mailsTo = async (running: RunningPlugin, to: string) =>
  (
    (await findDocs(running.payload, 'payload-jobs', {
      taskSlug: { equals: SEND_MAIL_TASK },
    })) as unknown as MailJob[]
  ).filter((job) => job.input.to === to)

const routeResolves = (config: SanitizedConfig, path: string) => {
  const [, slug, ...rest] = path.split('/')
  const normalise = (value: string) => value.replace(/:[^/]+/g, ':param')
  const { endpoints } = collectionOf(config, slug!)
  return (
    endpoints !== false &&
    endpoints.some(
      (endpoint) =>
        endpoint.method === 'post' && normalise(endpoint.path) === normalise(`/${rest.join('/')}`),
    )
  )
}

const panelOf = (running: RunningPlugin) =>
  findField(collectionOf(running.config, SESSIONS).fields, 'registrationsPanel') as
    UIField | undefined

describe('the sanitised config', () => {
  it("should add the registrations under the host's slug and none under the default", () => {
    const slugs = enabled.config.collections.map(({ slug }) => slug)
    expect(slugs).toEqual(expect.arrayContaining(['staff', SESSIONS, REGISTRATIONS_SLUG]))
    expect(slugs).not.toContain('registrations')
    expect(
      collectionOf(enabled.config, REGISTRATIONS_SLUG).fields.find(
        (field) => 'name' in field && field.name === 'event',
      ),
    ).toMatchObject({ relationTo: SESSIONS })
  })

  it("should add the registration fields to the sessions and use the host's deadline instead of its own", () => {
    const names = fieldNames(collectionOf(enabled.config, SESSIONS).fields)
    expect(names.slice(0, 7)).toEqual([
      'heading',
      'beginsAt',
      'endsAt',
      'mode',
      'joinUrl',
      'signup',
      'signup.closesOn',
    ])
    expect(names).toEqual(
      expect.arrayContaining([
        'registrationOpen',
        'capacity',
        'hasWaitingList',
        'customQuestions',
        'seatsTaken',
        'waitingCount',
        'registrationsPanel',
      ]),
    )
    expect(names).not.toContain('onlineRegistrationDeadline')
  })

  it("should put the visitors' and organisers' endpoints on the host's collections", () => {
    expect(endpointsOf(enabled.config, SESSIONS)).toEqual(
      expect.arrayContaining([
        'POST /:id/registrations',
        'GET /:id/registrations/export',
        'POST /:id/registrations/message',
        'POST /:id/registrations/attendance-confirmations',
      ]),
    )
    expect(endpointsOf(enabled.config, REGISTRATIONS_SLUG)).toEqual(
      expect.arrayContaining([
        'POST /confirm',
        'GET /confirm',
        'POST /cancel',
        'GET /cancel',
        'POST /:id/status',
      ]),
    )
  })

  it("should apply the host's overrides: admin group, labels, an extra field, the plugin's access and hooks kept", () => {
    const signups = collectionOf(enabled.config, REGISTRATIONS_SLUG)
    expect(signups.admin.group).toEqual({ de: 'Teilnahme', en: 'Attendance' })
    expect(signups.labels).toEqual({
      plural: { de: 'Teilnahmen', en: 'Sign-ups' },
      singular: { de: 'Teilnahme', en: 'Sign-up' },
    })
    expect(lastOwnField(signups.fields)).toBe('channel')
    expect(fieldNames(signups.fields)).toEqual(
      expect.arrayContaining(['event', 'name', 'email', 'status', 'consent.version']),
    )
    expect(signups.access.create?.({ req: {} } as never)).toBe(false)
    expect(signups.hooks.beforeDelete).toHaveLength(1)
  })

  it("should add the mail outbox once and the scheduled tasks on the host's queue", () => {
    const tasks = enabled.config.jobs.tasks ?? []
    expect(tasks.filter(({ slug }) => slug === SEND_MAIL_TASK)).toHaveLength(1)
    expect(enabled.config.collections.filter(({ slug }) => slug === MAIL_KEYS_SLUG)).toHaveLength(1)
    for (const slug of [
      PURGE_UNCONFIRMED_REGISTRATIONS_TASK,
      SEND_REGISTRATION_REMINDERS_TASK,
      ANONYMISE_REGISTRATIONS_TASK,
    ]) {
      expect(tasks.find((task) => task.slug === slug)?.schedule, slug).toEqual([
        expect.objectContaining({ queue: 'housekeeping' }),
      ])
    }
  })

  it("should declare the registration route with the host's limit for its edge", () => {
    const routes = publicWriteRoutesOf(enabled.config)
    expect(routes.map(({ kind, limit, path }) => ({ kind, limit, path }))).toEqual([
      {
        kind: 'registration',
        limit: REGISTRATION_RATE_LIMIT,
        path: `/${SESSIONS}/:id/registrations`,
      },
    ])
    expect(routeResolves(enabled.config, routes[0]!.path)).toBe(true)
    expect(routes[0]!.message(4)).toEqual({
      de: expect.stringContaining('4'),
      en: expect.stringContaining('4'),
    })
  })

  it("should hand the host's slugs and time zone to the organisers' panel", () => {
    expect(panelOf(enabled)?.admin?.components?.Field).toMatchObject({
      clientProps: {
        eventsSlug: SESSIONS,
        registrationsSlug: REGISTRATIONS_SLUG,
        timeZone: 'Europe/Vienna',
      },
    })
  })
})

describe('running on its own database', () => {
  it('should register for a session with seats and get 202, pending, with the confirmation mail naming the session', async () => {
    const session = await newSession(enabled)
    const answer = await signUp(enabled, session.id, 'ada@example.org')
    expect(answer.status, answer.text).toBe(202)
    expect(answer.body.registration?.status).toBe('pending')
    const signups = await findDocs(enabled.payload, REGISTRATIONS_SLUG, {
      event: { equals: session.id },
    })
    expect(signups).toHaveLength(1)
    expect(signups[0]).toMatchObject({
      channel: 'portability',
      consent: { version: 'privacy-2027' },
      email: 'ada@example.org',
      status: 'pending',
    })
    const [mail] = await mailsTo(enabled, 'ada@example.org')
    expect(mail?.queue).toBe('mail')
    expect(mail?.input.subject).toContain(session.heading)
    expect(mail?.input.text).toContain(`/api/${REGISTRATIONS_SLUG}/confirm?token=`)
  })

  it("should confirm through the mailed link, count the seat on the session and mail the host's access link", async () => {
    const session = await newSession(enabled)
    expect((await signUp(enabled, session.id, 'bo@example.org')).status).toBe(202)
    const [request] = await mailsTo(enabled, 'bo@example.org')
    const token = request?.input.text.match(
      new RegExp(`/api/${REGISTRATIONS_SLUG}/confirm\\?token=([A-Za-z0-9_-]+)`),
    )?.[1]
    expect(token).toBeDefined()
    const confirmed = await enabled.api<Answer>(`/${REGISTRATIONS_SLUG}/confirm?token=${token}`, {
      headers: { accept: 'application/json' },
      method: 'POST',
    })
    expect(confirmed.status, confirmed.text).toBe(200)

    const read = await enabled.api<Record<string, unknown>>(`/${SESSIONS}/${session.id}`)
    expect(read.body).toMatchObject({ capacity: 2, seatsTaken: 1, waitingCount: 0 })
    expect(read.body.joinUrl).toBeUndefined()
    const confirmation = (await mailsTo(enabled, 'bo@example.org')).find((job) =>
      job.input.text.includes(JOIN_URL),
    )
    expect(confirmation?.input.attachments?.[0]?.content).toContain(`SUMMARY:${session.heading}`)
  })

  it.each([
    ['writing the job row itself', () => enabled],
    ["through Payload's jobs.queue (the host runs the jobs' hooks)", () => withJobHooks],
  ])(
    'should queue each mail once, %s: the request, then one notice a day for the same address',
    async (_, runningOf) => {
      const running = runningOf()
      const session = await newSession(running)
      const address = `einmal-${counter}@example.org`
      for (let attempt = 0; attempt < 3; attempt++) {
        expect((await signUp(running, session.id, address)).status).toBe(202)
      }
      const mails = await mailsTo(running, address)
      expect(mails.map((mail) => mail.queue)).toEqual(['mail', 'mail'])
      expect(mails.filter((mail) => mail.input.text.includes('/confirm?token='))).toHaveLength(1)
    },
  )

  it("should close sign-ups after the host's deadline field (a dotted path)", async () => {
    const session = await newSession(enabled, { signup: { closesOn: inDays(-2) } })
    const answer = await signUp(enabled, session.id, 'cy@example.org')
    expect(answer.status).toBe(409)
    expect(answer.body.errors?.[0]?.message).toBe(de.deadlinePassed)
    expect(
      await findDocs(enabled.payload, REGISTRATIONS_SLUG, { event: { equals: session.id } }),
    ).toEqual([])
  })

  it("should refuse a session that has begun by the host's start field", async () => {
    const session = await newSession(enabled, { beginsAt: inDays(-1), signup: {} })
    const answer = await signUp(enabled, session.id, 'di@example.org')
    expect(answer.status).toBe(409)
    expect(answer.body.errors?.[0]?.message).toBe(de.eventPast)
  })
})

describe('with disabled: true', () => {
  it('should keep the same collections and fields as without it', () => {
    const shape = (running: RunningPlugin) =>
      running.config.collections.map(({ fields, slug }) => ({ fields: fieldTree(fields), slug }))
    expect(shape(disabled)).toEqual(shape(enabled))
  })

  it('should create the same tables and columns as without it', async () => {
    expect(await columnsOf(disabled.databaseUrl)).toEqual(await columnsOf(enabled.databaseUrl))
  })

  it("should answer a registration 503 with the plugin's message and store nothing", async () => {
    const session = await newSession(disabled)
    const answer = await signUp(disabled, session.id, 'ada@example.org')
    expect(answer.status).toBe(503)
    expect(answer.body.errors?.[0]?.message).toBe(de.disabled)
    expect(await countDocs(disabled.payload, REGISTRATIONS_SLUG)).toBe(0)
    expect(await mailsTo(disabled, 'ada@example.org')).toEqual([])
  })

  it("should tell the organisers' panel that registration is switched off", () => {
    expect(saysDisabled(fieldComponentProps(panelOf(enabled)))).toBe(false)
    expect(saysDisabled(fieldComponentProps(panelOf(disabled)))).toBe(true)
  })
})

it("should not change the host's collection it was given", () => {
  expect(fieldNames(sessions.fields)).toEqual([
    'heading',
    'beginsAt',
    'endsAt',
    'mode',
    'joinUrl',
    'signup',
    'signup.closesOn',
  ])
  expect(sessions.endpoints).toBeUndefined()
})
