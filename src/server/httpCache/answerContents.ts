/**
 * What a REST answer of a collection contains: the documents embedded in it (the answer's own,
 * and the related ones populated by `depth`, found by walking the answer along the collection's
 * fields) and the collections whose lists it shows. Data the fields don't describe (values that
 * plugins attach on read, JSON fields) is searched for anything with an `id`, collection
 * unknown: a change of any document with that id then counts.
 */
import type { Block, Field, Payload } from 'payload'

import { addDoc, type Contents, emptyContents, mergeContents } from './dependencies'

type Data = Record<string, unknown>

const isData = (value: unknown): value is Data =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const hasId = (value: Data) => typeof value.id === 'number' || typeof value.id === 'string'

export type RestRead = {
  body: Buffer
  collection: string
  /** `/api/<collection>` (a list) rather than `/api/<collection>/<id>`. */
  isList: boolean
  query: URLSearchParams
}

export type RestContents = ReturnType<typeof restContents>

export const restContents = (payload: Payload) => {
  const collections = new Map<string, (typeof payload.config.collections)[number]>(
    payload.config.collections.map((collection) => [collection.slug, collection]),
  )
  const sharedBlocks = new Map((payload.config.blocks ?? []).map((block) => [block.slug, block]))
  const isLocalized = Boolean(payload.config.localization)

  /** What a list shows besides its documents: which documents are in it. */
  const addMembership = (contents: Contents, collection: string, query: URLSearchParams) => {
    contents.lists.add(collection)
    // A condition or order along a relationship (`where[municipality.name]`) makes the
    // membership depend on the related collections too: on which exactly isn't worked out.
    const isAlongRelations =
      [...query.keys()].some((name) => name.startsWith('where') && name.includes('.')) ||
      query.getAll('sort').some((sort) => sort.includes('.'))
    if (isAlongRelations) {
      payload.config.collections.forEach((other) => contents.lists.add(other.slug))
    }
  }

  const contentsOf = ({ body, collection, isList, query }: RestRead): Contents => {
    const contents = emptyContents()
    let answer: unknown
    try {
      answer = JSON.parse(body.toString('utf8'))
    } catch {
      contents.isEverything = true
      return contents
    }
    // All locales at once nest every field's value in a layer the walk doesn't follow.
    const locale = query.get('locale')
    if (isLocalized && (locale === 'all' || locale === '*')) {
      contents.isEverything = true
      return contents
    }

    /** Anything with an id, wherever it is: collection unknown. */
    const walkLoose = (value: unknown, depth = 0): void => {
      if (depth > 64) {
        contents.isEverything = true
        return
      }
      if (Array.isArray(value)) {
        value.forEach((item) => walkLoose(item, depth + 1))
        return
      }
      if (!isData(value)) {
        return
      }
      if (hasId(value)) {
        contents.looseIds.add(String(value.id))
      }
      if (typeof value.relationTo === 'string' && isData(value.value)) {
        walkDocument(value.relationTo, value.value)
        return
      }
      Object.values(value).forEach((item) => walkLoose(item, depth + 1))
    }

    /** Rich text: a populated relationship, upload or internal link is `{ relationTo, value }`. */
    const walkRichText = (value: unknown, depth = 0): void => {
      if (depth > 64) {
        contents.isEverything = true
        return
      }
      if (Array.isArray(value)) {
        value.forEach((item) => walkRichText(item, depth + 1))
        return
      }
      if (!isData(value)) {
        return
      }
      if (typeof value.relationTo === 'string' && isData(value.value)) {
        walkDocument(value.relationTo, value.value)
        return
      }
      Object.values(value).forEach((item) => walkRichText(item, depth + 1))
    }

    const walkRelation = (relationTo: string | string[], value: unknown): void => {
      if (Array.isArray(value)) {
        value.forEach((item) => walkRelation(relationTo, item))
        return
      }
      // Not populated (an id): its content is not in the answer.
      if (!isData(value)) {
        return
      }
      if (Array.isArray(relationTo)) {
        if (typeof value.relationTo === 'string' && isData(value.value)) {
          walkDocument(value.relationTo, value.value)
        }
        return
      }
      walkDocument(relationTo, value)
    }

    const blockOf = (blocks: (Block | string)[], slug: unknown): Block | undefined => {
      for (const block of blocks) {
        const found = typeof block === 'string' ? sharedBlocks.get(block) : block
        if (found?.slug === slug) {
          return found
        }
      }
      return undefined
    }

    const walkFields = (fields: Field[], data: Data, seen: Set<string>): void => {
      for (const field of fields) {
        if (field.type === 'tabs') {
          for (const tab of field.tabs) {
            if ('name' in tab && tab.name) {
              seen.add(tab.name)
              if (isData(data[tab.name])) {
                walkFields(tab.fields, data[tab.name] as Data, new Set())
              }
            } else {
              walkFields(tab.fields, data, seen)
            }
          }
          continue
        }
        if (!('name' in field)) {
          // Rows, collapsibles, unnamed groups: their fields sit at this level.
          if ('fields' in field) {
            walkFields(field.fields, data, seen)
          }
          continue
        }
        seen.add(field.name)
        const value = data[field.name]
        if (value === undefined || value === null) {
          continue
        }
        switch (field.type) {
          case 'array':
            if (Array.isArray(value)) {
              value.filter(isData).forEach((row) => walkFields(field.fields, row, new Set()))
            }
            break
          case 'blocks':
            if (Array.isArray(value)) {
              for (const row of value.filter(isData)) {
                const block = blockOf(
                  [...(field.blocks ?? []), ...(field.blockReferences ?? [])],
                  row.blockType,
                )
                if (block) {
                  walkFields(block.fields, row, new Set(['blockType', 'blockName', 'id']))
                } else {
                  walkLoose(row)
                }
              }
            }
            break
          case 'group':
            if (isData(value)) {
              walkFields(field.fields, value, new Set())
            }
            break
          case 'join': {
            // The membership of a join is another collection's list.
            const joined = Array.isArray(field.collection) ? field.collection : [field.collection]
            joined.forEach((slug) => contents.lists.add(slug))
            if (isData(value) && Array.isArray(value.docs)) {
              walkRelation(field.collection, value.docs)
            }
            break
          }
          case 'relationship':
          case 'upload':
            walkRelation(field.relationTo, value)
            break
          case 'richText':
            walkRichText(value)
            break
          case 'json':
            walkLoose(value)
            break
          default:
            break
        }
      }
    }

    const walkDocument = (slug: string, value: Data): void => {
      const collection = collections.get(slug)
      if (!collection) {
        contents.isEverything = true
        return
      }
      addDoc(contents.docs, slug, value.id)
      const seen = new Set(['id'])
      walkFields(collection.fields, value, seen)
      // Values attached on read, outside the fields.
      for (const [name, item] of Object.entries(value)) {
        if (!seen.has(name) && typeof item === 'object' && item !== null) {
          walkLoose(item)
        }
      }
    }

    if (isList) {
      addMembership(contents, collection, query)
      const docs = isData(answer) && Array.isArray(answer.docs) ? answer.docs : []
      docs.filter(isData).forEach((doc) => walkDocument(collection, doc))
    } else if (isData(answer)) {
      walkDocument(collection, answer)
    }
    return contents
  }

  return {
    contentsOf,
    /**
     * A list's contents from its documents' (each as `contentsOf` found it): the same as
     * `contentsOf` of the whole list, without reading the answer again (keptDocuments.ts).
     */
    listOf: (collection: string, query: URLSearchParams, docs: Contents[]): Contents => {
      const contents = emptyContents()
      addMembership(contents, collection, query)
      docs.forEach((doc) => mergeContents(contents, doc))
      return contents
    },
  }
}
