import type { CollectionSlug, PayloadRequest } from 'payload'

import type { CommentsTranslationKey } from '../translations'
import type { ResolvedCommentsOptions, StoredComment } from '../types'

import { collectionOf } from '@quartiersnetz/plugin-kit/data'
import { isPossibleId } from '@quartiersnetz/plugin-kit/ids'
import { answerLink, type LinkPage, quoted } from '@quartiersnetz/plugin-kit/linkPage'
import { mailLanguageOf } from '@quartiersnetz/plugin-kit/mailLanguage'
import { type Language, languageOf } from '@quartiersnetz/plugin-kit/publicInput'
import { translate } from '../translations'

type PageKey = CommentsTranslationKey extends `plugin-comments:${infer Key}` ? Key : never

/** What differs from page to page: the headline, the plain words, a button, the tone. */
type PageText = Pick<LinkPage, 'button' | 'headline' | 'message' | 'tone'>

/** The commented document's title (its collection's `useAsTitle`), read as the plugin. */
const targetTitleOf = async (
  comment: StoredComment,
  req: PayloadRequest,
): Promise<null | string> => {
  const collection = req.payload.collections[comment.targetCollection as CollectionSlug]
  const titleField = collection?.config.admin?.useAsTitle
  if (
    !collection ||
    !titleField ||
    titleField === 'id' ||
    !isPossibleId(req.payload, comment.targetCollection, comment.targetId)
  ) {
    return null
  }
  const target = await collectionOf<Record<string, unknown>>(
    req,
    comment.targetCollection,
  ).findByID({
    id: comment.targetId,
    overrideAccess: true,
    select: { [titleField]: true },
  })
  const title = target?.[titleField]
  return typeof title === 'string' && title.trim() ? title.trim() : null
}

/** The commented collection in words ("Beteiligungsmodul"), when its config names it. */
const collectionLabelOf = (
  comment: StoredComment,
  req: PayloadRequest,
  language: Language,
): null | string => {
  const singular: unknown =
    req.payload.collections[comment.targetCollection as CollectionSlug]?.config.labels?.singular
  if (typeof singular === 'string') {
    return singular
  }
  const localized =
    singular && typeof singular === 'object'
      ? (singular as Record<string, unknown>)[language]
      : undefined
  return typeof localized === 'string' ? localized : null
}

/**
 * The page the confirmation link opens (plugins/shared/linkPage.ts), in the commenter's
 * language (the request's while the link is unknown): the network's name, "Ihr Kommentar zu
 * „<title>“" with the comment quoted, and the way back to the page it was written on. JSON
 * answers carry `returnUrl` too.
 */
export const linkPageFor = async ({
  comment,
  options,
  req,
}: {
  comment?: null | StoredComment
  options: ResolvedCommentsOptions
  req: PayloadRequest
}) => {
  const language = comment ? mailLanguageOf(comment.language) : languageOf(req)
  const t = (key: PageKey, vars?: Record<string, unknown>) =>
    translate(language, `plugin-comments:${key}`, vars, req.payload.config)
  const returnUrl = comment?.returnUrl || null
  const title = comment ? await targetTitleOf(comment, req) : null
  const frame: Omit<LinkPage, keyof PageText> = {
    back: returnUrl ? { label: t('pageBack'), url: returnUrl } : undefined,
    language,
    siteName: options.siteName ?? req.payload.email?.defaultFromName ?? undefined,
    subject: comment
      ? {
          heading: title
            ? t('pageCommentOn', { title: quoted(title, language) })
            : t('pageCommentUntitled'),
          label: collectionLabelOf(comment, req, language) ?? t('pageComment'),
          quote: comment.text,
        }
      : undefined,
  }
  return {
    /** The page (or JSON: `{ message, ...extra, returnUrl }`, errors as `{ errors }`). */
    answer: (status: number, text: PageText, extra: Record<string, unknown> = {}) =>
      answerLink(req, { extra: { ...extra, returnUrl }, page: { ...frame, ...text }, status }),
    t,
  }
}
