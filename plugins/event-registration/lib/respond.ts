import type { PayloadRequest } from 'payload'

import type { RegistrationTranslationKey } from '../translations'
import type { ResolvedRegistrationOptions, StoredEvent, StoredRegistration } from '../types'

import { answerLink, type LinkPage } from '@quartiersnetz/plugin-kit/linkPage'
import { languageOf } from '@quartiersnetz/plugin-kit/publicInput'
import { mailLanguageOf, translate } from '../translations'
import { titleOf, whenText } from './events'

type PageKey = RegistrationTranslationKey extends `plugin-event-registration:${infer Key}`
  ? Key
  : never

/** What differs from page to page: the headline, the plain words, a button, the tone. */
type PageText = Pick<LinkPage, 'button' | 'headline' | 'message' | 'tone'>

/**
 * The pages a registrant's mailed links open (plugins/shared/linkPage.ts), in the registrant's
 * language (the request's while the link is unknown): the network's name, the event (title,
 * when in the plugin's time zone), and the way back to the page they registered on. JSON
 * answers carry `returnUrl` too.
 */
export const linkPageFor = ({
  event,
  options,
  registration,
  req,
}: {
  event?: null | StoredEvent
  options: ResolvedRegistrationOptions
  registration?: null | StoredRegistration
  req: PayloadRequest
}) => {
  const language = registration ? mailLanguageOf(registration.language) : languageOf(req)
  const t = (key: PageKey, vars?: Record<string, unknown>) =>
    translate(language, `plugin-event-registration:${key}`, vars, req.payload.config)
  const returnUrl = registration?.returnUrl || null
  const frame: Omit<LinkPage, keyof PageText> = {
    back: returnUrl ? { label: t('pageBack'), url: returnUrl } : undefined,
    language,
    siteName: options.siteName ?? req.payload.email?.defaultFromName ?? undefined,
    subject: event
      ? {
          heading: titleOf(event, options),
          label: t('pageEvent'),
          lines: [whenText(event, options, language)],
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
