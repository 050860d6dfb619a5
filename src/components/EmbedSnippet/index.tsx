import type { CollectionSlug, UIFieldServerProps } from 'payload'

import type { EmbedKind } from './snippets'

import { EmbedSnippetClient } from './index.client'

type Props = UIFieldServerProps & { kind: EmbedKind }

type PublishedFields = {
  _status?: null | string
  registrationOpen?: boolean | null
  slug?: null | string
}

/**
 * Reads what visitors see of the document (its published slug and, for events, whether the
 * published version has registration open) through the Local API as the signed-in user, and
 * hands it with the server's public address to the client part, which builds the snippets
 * from the form as it is edited.
 */
export const EmbedSnippet = async ({ collectionSlug, id, kind, req }: Props) => {
  let published: null | PublishedFields = null
  if (id !== undefined && id !== null && id !== '') {
    try {
      // Without `draft`, the document itself: a draft saved over a published document leaves it as published.
      const doc = (await req.payload.findByID({
        collection: collectionSlug as CollectionSlug,
        depth: 0,
        disableErrors: true,
        id,
        overrideAccess: false,
        req,
        select: {
          _status: true,
          slug: true,
          ...(kind === 'event' ? { registrationOpen: true } : {}),
        } as never,
      })) as null | PublishedFields
      published = doc?._status === 'published' ? doc : null
    } catch (err) {
      // Read-only information: a failure must not break the edit view.
      req.payload.logger.error({
        err,
        msg: `embed snippet: could not read the published ${collectionSlug} ${id}`,
      })
    }
  }
  return (
    <EmbedSnippetClient
      isPublishedRegistrationOpen={published?.registrationOpen === true}
      kind={kind}
      publishedSlug={published?.slug ?? null}
      serverUrl={req.payload.config.serverURL}
    />
  )
}
