import type { Send } from './api'
import type { Act, Result } from './usePanelActions'

import { Button } from '@payloadcms/ui'

import { messageOf } from './api'
import { ResultRegion } from './ResultRegion'
import { useRegistrationTranslation } from './useRegistrationTranslation'

/** What the organiser has written so far; kept by the panel, so a failed reload loses nothing. */
export type MessageDraft = { subject: string; text: string }

type Props = {
  act: Act
  /** Asked before sending: how many will receive it. */
  confirmedCount: number
  draft: MessageDraft
  eventUrl: string
  /** Prefix of the ids of the heading and the fields. */
  idPrefix: string
  isBusy: boolean
  onDraft: (draft: MessageDraft) => void
  result: null | Result
  send: Send
}

/**
 * A message to every confirmed registrant (endpoints/message.ts), after asking; emptied once
 * it is queued.
 */
export const MessageForm = ({
  act,
  confirmedCount,
  draft,
  eventUrl,
  idPrefix,
  isBusy,
  onDraft,
  result,
  send,
}: Props) => {
  const { t } = useRegistrationTranslation()
  const { subject, text } = draft

  const sendMessage = () =>
    act('message', async () => {
      if (
        !window.confirm(
          t('plugin-event-registration:panelMessageConfirm', {
            count: confirmedCount,
            subject: subject.trim(),
          }),
        )
      ) {
        return ''
      }
      const answer = await send(`${eventUrl}/registrations/message`, {
        body: { subject, text },
        method: 'POST',
      })
      if (!answer.isOk) {
        return { error: messageOf(answer.body, answer.response.statusText) }
      }
      onDraft({ subject: '', text: '' })
      return String((answer.body as { message?: string } | null)?.message ?? '')
    })

  // Not a <form>: it sits inside the document's form, and Enter must not save the event.
  return (
    <section
      aria-labelledby={`${idPrefix}-message`}
      className="registrations-panel__section registrations-panel__message"
    >
      <h4 className="registrations-panel__section-title" id={`${idPrefix}-message`}>
        {t('plugin-event-registration:panelMessage')}
      </h4>
      <p className="registrations-panel__hint" id={`${idPrefix}-message-hint`}>
        {t('plugin-event-registration:panelMessageHint', {
          greeting: t('plugin-event-registration:mailGreeting', {
            name: t('plugin-event-registration:panelMessageGreetingName'),
          }),
        })}
      </p>
      <label className="registrations-panel__label" htmlFor={`${idPrefix}-subject`}>
        {t('plugin-event-registration:panelMessageSubject')}
      </label>
      <input
        className="registrations-panel__input"
        id={`${idPrefix}-subject`}
        maxLength={200}
        onChange={(event) => onDraft({ ...draft, subject: event.target.value })}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault()
          }
        }}
        type="text"
        value={subject}
      />
      <label className="registrations-panel__label" htmlFor={`${idPrefix}-text`}>
        {t('plugin-event-registration:panelMessageText')}
      </label>
      <textarea
        aria-describedby={`${idPrefix}-message-hint`}
        className="registrations-panel__input"
        id={`${idPrefix}-text`}
        maxLength={10_000}
        onChange={(event) => onDraft({ ...draft, text: event.target.value })}
        rows={5}
        value={text}
      />
      <div className="registrations-panel__actions">
        <Button
          buttonStyle="primary"
          disabled={isBusy || !subject.trim() || !text.trim()}
          margin={false}
          onClick={() => void sendMessage()}
          size="small"
        >
          {t('plugin-event-registration:panelMessageSend')}
        </Button>
      </div>
      <ResultRegion area="message" result={result} />
    </section>
  )
}
