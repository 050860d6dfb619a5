/**
 * Portability of the ratings plugin, tested rather than promised: the plugin on a config of
 * its own (tests/plugins/ratings/config.ts: 'methods' rated on two dimensions of that host,
 * scale 0–4, collections 'method-votes' and 'method-scores' with the host's overrides), its
 * sanitised shape, and the plugin running for real on a fresh database of that config, with
 * `disabled: true` beside it (same schema, no ratings, and a panel that says so).
 */
import type { UIField } from 'payload'

import { publicWriteRoutesOf } from '@quartiersnetz/plugin-kit/pluginConfig'
import { translations } from '@quartiersnetz/plugin-ratings/translations/index'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import type { RatingSummary } from '../../plugins/ratings'

import {
  forgetVote,
  METHODS,
  methods,
  RATINGS_SLUGS,
  ratingsTestConfig,
  stampVote,
} from '../plugins/ratings/config'
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

type RateBody = {
  errors?: { message: string }[]
  ratingSummary?: RatingSummary
  visitorToken?: string
}
type MethodBody = { id: number; ratingSummary?: RatingSummary }

let enabled: RunningPlugin
let disabled: RunningPlugin

beforeAll(async () => {
  ;[enabled, disabled] = await Promise.all([
    startOnFreshDatabase({
      build: (databaseUrl) => ratingsTestConfig({ databaseUrl }),
      name: 'ratings',
    }),
    startOnFreshDatabase({
      build: (databaseUrl) => ratingsTestConfig({ databaseUrl, disabled: true }),
      name: 'ratings_disabled',
    }),
  ])
})

afterAll(async () => {
  await Promise.all([enabled?.stop(), disabled?.stop()])
})

const newMethod = async (running: RunningPlugin, name: string) =>
  (await createDoc(running.payload, METHODS, { name })).id

const panelOf = (running: RunningPlugin) =>
  findField(collectionOf(running.config, METHODS).fields, 'ratingsPanel') as UIField | undefined

describe('the sanitised config', () => {
  it("should add the plugin's collections under the host's slugs and none under its defaults", () => {
    const slugs = enabled.config.collections.map(({ slug }) => slug)
    expect(slugs).toEqual(
      expect.arrayContaining(['staff', METHODS, RATINGS_SLUGS.ratings, RATINGS_SLUGS.summaries]),
    )
    expect(slugs).not.toContain('ratings')
    expect(slugs).not.toContain('rating-summaries')
  })

  it("should keep the host's fields of the rated collection and add the plugin's after them", () => {
    const names = fieldNames(collectionOf(enabled.config, METHODS).fields)
    expect(names.slice(0, 4)).toEqual([
      'name',
      'assessment',
      'assessment.effort',
      'assessment.reach',
    ])
    expect(names).toEqual(
      expect.arrayContaining(['ratingsLocked', 'ratingSummary', 'ratingsPanel']),
    )
  })

  it('should add the rating and finder endpoints to the rated collection only', () => {
    expect(endpointsOf(enabled.config, METHODS)).toEqual(
      expect.arrayContaining(['POST /:id/ratings', 'GET /ratings-finder']),
    )
    expect(endpointsOf(enabled.config, RATINGS_SLUGS.ratings)).not.toContain('POST /:id/ratings')
  })

  it("should store the host's dimensions on the host's scale", () => {
    const votes = fieldTree(collectionOf(enabled.config, RATINGS_SLUGS.ratings).fields)
    expect(votes).toEqual(
      expect.arrayContaining([
        'targetCollection:select',
        'targetId:text',
        'values.effort:number',
        'values.reach:number',
      ]),
    )
    const targetCollection = findField(
      collectionOf(enabled.config, RATINGS_SLUGS.ratings).fields,
      'targetCollection',
    )
    expect(
      targetCollection && 'options' in targetCollection ? targetCollection.options : null,
    ).toEqual([{ label: METHODS, value: METHODS }])
    const scores = fieldTree(collectionOf(enabled.config, RATINGS_SLUGS.summaries).fields)
    expect(scores).toEqual(
      expect.arrayContaining([
        'raterCount:number',
        'effort.mean:number',
        'effort.distribution:json',
        'reach.sum:number',
      ]),
    )
  })

  it("should apply the host's overrides: admin group, labels, an extra field, appended hooks, merged access", () => {
    const votes = collectionOf(enabled.config, RATINGS_SLUGS.ratings)
    expect(votes.admin.group).toEqual({ de: 'Auswertung', en: 'Evaluation' })
    expect(votes.labels).toEqual({
      plural: { de: 'Stimmen', en: 'Votes' },
      singular: { de: 'Stimme', en: 'Vote' },
    })
    expect(lastOwnField(votes.fields)).toBe('channel')
    expect(fieldNames(votes.fields)).toEqual(
      expect.arrayContaining(['visitorHash', 'clientHash', 'values.effort']),
    )
    // The plugin's hooks first, the host's after them.
    expect(votes.hooks.afterDelete).toHaveLength(2)
    expect(votes.hooks.afterDelete?.at(-1)).toBe(forgetVote)
    expect(votes.hooks.beforeChange).toContain(stampVote)
    expect(votes.hooks.beforeDelete).toHaveLength(1)
    // The plugin's access stays where the host set none: nobody creates votes through Payload's routes.
    expect(votes.access.create?.({ req: {} } as never)).toBe(false)
    const scores = collectionOf(enabled.config, RATINGS_SLUGS.summaries)
    expect(scores.admin.group).toEqual({ de: 'Auswertung', en: 'Evaluation' })
    expect(scores.labels.singular).toEqual({ de: 'Methodenwert', en: 'Method score' })
  })

  it("should hand the host's dimensions, scale and assessment field to the panel", () => {
    expect(panelOf(enabled)?.admin?.components?.Field).toMatchObject({
      clientProps: { editorialAssessmentField: 'assessment', scale: { max: 4, min: 0 } },
      path: '@quartiersnetz/plugin-ratings/rsc#RatingsPanel',
    })
  })

  it("should merge the plugin's German and English texts into the host's i18n", () => {
    const texts = enabled.config.i18n.translations as Record<
      string,
      Record<string, Record<string, string>>
    >
    expect(texts.de?.['plugin-ratings']?.ratingsDisabled).toBe(
      translations.de['plugin-ratings'].ratingsDisabled,
    )
    expect(texts.en?.['plugin-ratings']?.ratingsDisabled).toBe(
      translations.en['plugin-ratings'].ratingsDisabled,
    )
  })

  it("should declare no public write routes for the host's edge (the plugin counts its own limit)", () => {
    expect(publicWriteRoutesOf(enabled.config)).toEqual([])
  })
})

describe('running on its own database', () => {
  it("should rate a method and read the summary back on the host's scale", async () => {
    const id = await newMethod(enabled, 'Zukunftswerkstatt')
    const first = await enabled.api<RateBody>(`/${METHODS}/${id}/ratings`, {
      body: { values: { effort: 0, reach: 4 } },
      method: 'POST',
    })
    expect(first.status, first.text).toBe(201)
    expect(first.body.visitorToken).toMatch(/^[A-Za-z0-9_-]{43}$/)
    const second = await enabled.api<RateBody>(`/${METHODS}/${id}/ratings`, {
      body: { values: { effort: 2 } },
      method: 'POST',
    })
    expect(second.status, second.text).toBe(201)

    const read = await enabled.api<MethodBody>(`/${METHODS}/${id}`)
    expect(read.status, read.text).toBe(200)
    expect(read.body.ratingSummary).toMatchObject({
      dimensions: {
        effort: {
          count: 2,
          distribution: [1, 0, 1, 0, 0],
          high: 'hoch',
          label: 'Aufwand',
          low: 'gering',
          mean: 1,
        },
        reach: { count: 1, distribution: [0, 0, 0, 0, 1], label: 'Reach', mean: 4 },
      },
      raterCount: 2,
      scale: { max: 4, min: 0 },
    })
    const [scores] = await findDocs(enabled.payload, RATINGS_SLUGS.summaries, {
      targetId: { equals: String(id) },
    })
    expect(scores).toMatchObject({
      effort: { count: 2, sum: 2 },
      raterCount: 2,
      reach: { count: 1, sum: 4 },
      targetCollection: METHODS,
    })
  })

  it("should run the host's hook on the votes beside the plugin's", async () => {
    const id = await newMethod(enabled, 'Stadtteilspaziergang')
    const answer = await enabled.api(`/${METHODS}/${id}/ratings`, {
      body: { values: { reach: 3 } },
      method: 'POST',
    })
    expect(answer.status, answer.text).toBe(201)
    const votes = await findDocs(enabled.payload, RATINGS_SLUGS.ratings, {
      targetId: { equals: String(id) },
    })
    expect(votes).toHaveLength(1)
    expect(votes[0]).toMatchObject({
      channel: 'host-hook',
      targetCollection: METHODS,
      values: { effort: null, reach: 3 },
    })
  })

  it("should refuse a value beyond the host's scale and store nothing", async () => {
    const id = await newMethod(enabled, 'Planungszelle')
    const answer = await enabled.api<RateBody>(`/${METHODS}/${id}/ratings`, {
      body: { values: { effort: 5 } },
      method: 'POST',
    })
    expect(answer.status).toBe(400)
    expect(answer.body.errors?.[0]?.message).toMatch(/effort/)
    expect(
      await findDocs(enabled.payload, RATINGS_SLUGS.ratings, { targetId: { equals: String(id) } }),
    ).toEqual([])
  })

  it('should warn once in the log when the host passes no client address', async () => {
    const id = await newMethod(enabled, 'Bürgerrat')
    const warn = vi.spyOn(enabled.payload.logger, 'warn')
    try {
      for (const reach of [1, 2]) {
        const answer = await enabled.api(`/${METHODS}/${id}/ratings`, {
          body: { values: { reach } },
          method: 'POST',
          withoutClientAddress: true,
        })
        expect(answer.status, answer.text).toBe(201)
      }
      const warnings = warn.mock.calls.filter(([entry]) =>
        JSON.stringify(entry).includes('x-client-address'),
      )
      expect(warnings).toHaveLength(1)
    } finally {
      warn.mockRestore()
    }
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

  it("should answer a rating 503 with the plugin's message and store nothing", async () => {
    const id = await newMethod(disabled, 'Zukunftswerkstatt')
    const answer = await disabled.api<RateBody>(`/${METHODS}/${id}/ratings`, {
      body: { values: { effort: 1 } },
      method: 'POST',
    })
    expect(answer.status).toBe(503)
    expect(answer.body.errors?.[0]?.message).toBe(translations.de['plugin-ratings'].ratingsDisabled)
    expect(await countDocs(disabled.payload, RATINGS_SLUGS.ratings)).toBe(0)
    expect(await countDocs(disabled.payload, RATINGS_SLUGS.summaries)).toBe(0)
  })

  it('should tell the admin panel that ratings are switched off', () => {
    // The panel (components/RatingsPanel) can only say so if the plugin tells it.
    expect(saysDisabled(fieldComponentProps(panelOf(enabled)))).toBe(false)
    expect(saysDisabled(fieldComponentProps(panelOf(disabled)))).toBe(true)
  })
})

// The rated collection is the host's own object: the plugin returned a new config.
it("should not change the host's collection it was given", () => {
  expect(fieldNames(methods.fields)).toEqual([
    'name',
    'assessment',
    'assessment.effort',
    'assessment.reach',
  ])
  expect(methods.endpoints).toBeUndefined()
})
