import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { closePool, poolOf } from '../../src/db/closePool'

let payload: Payload

beforeAll(async () => {
  const { getPayload } = await import('payload')
  const { default: config } = await import('../../payload.config')
  payload = await getPayload({ config })
})

afterAll(async () => {
  await payload?.destroy()
  await closePool(poolOf(payload))
})

const person = async (name: string) =>
  (await payload.create({ collection: 'people', data: { _status: 'published', name } })).id

const errorOf = async (
  run: () => Promise<unknown>,
): Promise<{ message: string; status?: number }> => {
  try {
    await run()
  } catch (err) {
    const error = err as {
      data?: { errors?: { message: string }[] }
      message: string
      status?: number
    }
    return {
      message: [error.message, ...(error.data?.errors ?? []).map((entry) => entry.message)].join(
        ' | ',
      ),
      status: error.status,
    }
  }
  throw new Error('expected the operation to fail')
}

describe('member cap of a body', () => {
  it('should refuse a sixth current member on a body capped at five, with a German message', async () => {
    const members = await Promise.all(
      ['A', 'B', 'C', 'D', 'E', 'F'].map((letter) => person(`Mitglied ${letter}`)),
    )
    const error = await errorOf(() =>
      payload.create({
        collection: 'organisations',
        data: {
          kind: 'advisory-committee',
          memberCap: 5,
          members: members.map((id) => ({ function: 'member', person: id })),
          title: 'Beratender Ausschuss Test',
        },
      }),
    )
    expect(error.status).toBe(400)
    expect(error.message).toMatch(/höchstens 5 Mitglieder/)
    const { totalDocs } = await payload.count({
      collection: 'organisations',
      where: { title: { equals: 'Beratender Ausschuss Test' } },
    })
    expect(totalDocs).toBe(0)
  })

  it('should accept five current members plus one whose membership has ended', async () => {
    const members = await Promise.all(
      ['G', 'H', 'I', 'J', 'K', 'L'].map((letter) => person(`Mitglied ${letter}`)),
    )
    const body = await payload.create({
      collection: 'organisations',
      data: {
        kind: 'advisory-committee',
        memberCap: 5,
        members: members.map((id, index) => ({
          function: 'member',
          person: id,
          ...(index === 0
            ? { from: '2020-01-01T12:00:00.000Z', until: '2023-12-31T12:00:00.000Z' }
            : {}),
        })),
        title: 'Ausschuss mit Wechsel',
      },
    })
    expect(body.members).toHaveLength(6)
  })

  it('should refuse raising the member count above the cap on update', async () => {
    const members = await Promise.all(['M', 'N', 'O'].map((letter) => person(`Mitglied ${letter}`)))
    const body = await payload.create({
      collection: 'organisations',
      data: {
        kind: 'advisory-committee',
        memberCap: 2,
        members: members.slice(0, 2).map((id) => ({ function: 'member', person: id })),
        title: 'Kleiner Ausschuss',
      },
    })
    const error = await errorOf(() =>
      payload.update({
        collection: 'organisations',
        data: { members: members.map((id) => ({ function: 'member', person: id })) },
        id: body.id,
      }),
    )
    expect(error.message).toMatch(/höchstens 2 Mitglieder/)
    const after = await payload.findByID({ collection: 'organisations', id: body.id })
    expect(after.members).toHaveLength(2)
  })

  it('should require the represented municipality where members represent member municipalities', async () => {
    const member = await person('Vertreterin')
    const error = await errorOf(() =>
      payload.create({
        collection: 'organisations',
        data: {
          kind: 'advisory-council',
          members: [{ function: 'member', person: member }],
          membersRepresentMunicipalities: true,
          title: 'Beirat Test',
        },
      }),
    )
    expect(error.message).toMatch(/Mitgliedskommune/)
  })
})

describe('slugs', () => {
  it('should generate a slug from the title, with German umlauts spelled out', async () => {
    const doc = await payload.create({
      collection: 'fields-of-action',
      data: { title: 'Ökologie, Sport und Freizeit' },
    })
    expect(doc.slug).toBe('oekologie-sport-und-freizeit')
  })

  it('should give a second document with the same title a numbered slug', async () => {
    const first = await payload.create({
      collection: 'projects',
      data: { title: 'Stadtteilbüro Nord' },
    })
    const second = await payload.create({
      collection: 'projects',
      data: { title: 'Stadtteilbüro Nord' },
    })
    expect(first.slug).toBe('stadtteilbuero-nord')
    expect(second.slug).toBe('stadtteilbuero-nord-2')
  })

  it('should keep a slug typed by an editor and refuse one that is taken', async () => {
    const typed = await payload.create({
      collection: 'modules',
      data: { slug: 'zukunftswerkstatt', title: 'Die Zukunftswerkstatt' },
    })
    expect(typed.slug).toBe('zukunftswerkstatt')
    const error = await errorOf(() =>
      payload.create({
        collection: 'modules',
        data: { slug: 'zukunftswerkstatt', title: 'Noch eine' },
      }),
    )
    expect(error.status).toBe(400)
    const { totalDocs } = await payload.count({
      collection: 'modules',
      where: { slug: { equals: 'zukunftswerkstatt' } },
    })
    expect(totalDocs).toBe(1)
  })

  it('should let an editor change a slug, and keep it when the title changes', async () => {
    const doc = await payload.create({
      collection: 'publications',
      data: { title: 'Arbeitshilfe Quartiersfonds' },
    })
    const renamed = await payload.update({
      collection: 'publications',
      data: { slug: 'quartiersfonds' },
      id: doc.id,
    })
    expect(renamed.slug).toBe('quartiersfonds')
    const retitled = await payload.update({
      collection: 'publications',
      data: { title: 'Arbeitshilfe Quartiersfonds (2. Auflage)' },
      id: doc.id,
    })
    expect(retitled.slug).toBe('quartiersfonds')
  })

  it('should refuse a slug with characters that do not belong in an address', async () => {
    const doc = await payload.create({
      collection: 'target-groups',
      data: { slug: 'Kinder & Jugendliche', title: 'Kinder und Jugendliche' },
    })
    // A typed slug is normalised rather than refused.
    expect(doc.slug).toBe('kinder-jugendliche')
  })
})

describe('events', () => {
  it('should refuse an event that ends before it starts', async () => {
    const error = await errorOf(() =>
      payload.create({
        collection: 'events',
        data: {
          end: '2026-06-01T08:00:00.000Z',
          format: 'online',
          kind: 'webinar',
          start: '2026-06-01T10:00:00.000Z',
          start_tz: 'Europe/Berlin',
          title: 'Verkehrt herum',
        },
      }),
    )
    expect(error.message).toMatch(/Ende liegt vor dem Beginn/)
  })

  it('should keep the Berlin time zone beside the UTC instant', async () => {
    const event = await payload.create({
      collection: 'events',
      data: {
        format: 'online',
        kind: 'webinar',
        start: '2021-06-08T10:00:00.000Z',
        start_tz: 'Europe/Berlin',
        title: 'stadt:impuls #2',
      },
    })
    expect(event.start).toBe('2021-06-08T10:00:00.000Z')
    expect(event.start_tz).toBe('Europe/Berlin')
  })
})
