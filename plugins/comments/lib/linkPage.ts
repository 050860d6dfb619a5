import type { CollectionSlug, PayloadRequest } from 'payload'

import type { CommentsTranslationKey } from '../translations'
import type { ResolvedCommentsOptions, StoredComment } from '../types'

import { answerLink, type LinkPage, quoted } from '@quartiersnetz/plugin-kit/linkPage'
import { mailLanguageOf } from '@quartiersnetz/plugin-kit/mailLanguage'
import { languageOf } from '@quartiersnetz/plugin-kit/publicInput'
import { collectionLabelOf, loadTargetForVisitor } from '@quartiersnetz/plugin-kit/targets'
import { translate } from '../translations'

type PageKey = CommentsTranslationKey extends `plugin-comments:${infer Key}` ? Key : never

/** What differs from page to page: the headline, the plain words, a button, the tone. */
type PageText = Pick<LinkPage, 'button' | 'headline' | 'message' | 'tone'>

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
  // The commented document (its title option's field, its public address if the host gives one).
  const target = comment
    ? await loadTargetForVisitor({
        ref: { collection: comment.targetCollection, id: String(comment.targetId) },
        req,
        targets: options.targets,
      })
    : null
  const title = target?.title ? quoted(target.title, language) : null
  const frame: Omit<LinkPage, keyof PageText> = {
    back: returnUrl ? { label: t('pageBack'), url: returnUrl } : undefined,
    language,
    siteName: options.siteName ?? req.payload.email?.defaultFromName ?? undefined,
    subject: comment
      ? {
          heading: title ? t('pageCommentOn', { title }) : t('pageCommentUntitled'),
          label: req.payload.collections[comment.targetCollection as CollectionSlug]
            ? collectionLabelOf(req.payload, comment.targetCollection, language)
            : t('pageComment'),
          link:
            title && target?.publicUrl
              ? { label: t('targetLinkLabel', { title }), url: target.publicUrl }
              : undefined,
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
