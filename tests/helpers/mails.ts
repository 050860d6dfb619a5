/**
 * Mails as the tests read them: the mail queue sent as the server's autoRun would send it, what
 * the SMTP receiver (tests/helpers/smtp.ts) got, and the links in it.
 */
import type { Payload } from 'payload'

import { vi } from 'vitest'

import type { JsonResponse } from './http'

import { requestJson } from './http'
import { mailsTo, parseMail, type ReceivedMail, type SmtpReceiver } from './smtp'

type Delivery = { payload: Payload; smtp: SmtpReceiver }

/** Sends what the mail queue holds; returns every mail received since the receiver was emptied. */
export const deliverMails = async ({ payload, smtp }: Delivery): Promise<ReceivedMail[]> => {
  await payload.jobs.run({ limit: 1000, queue: 'mail' })
  return smtp.received.map(parseMail)
}

/** Sends what the mail queue holds, returns what arrived and empties the receiver for next time. */
export const takeMails = async ({ payload, smtp }: Delivery): Promise<ReceivedMail[]> => {
  const mails = await deliverMails({ payload, smtp })
  smtp.received.length = 0
  return mails
}

/** A mailed link pointed at the running server (the mails name the configured SERVER_URL). */
export const reachable = ({ link, serverUrl }: { link: string; serverUrl: string }) =>
  link.replace(/^http:\/\/localhost:\d+/, serverUrl)

/** The first link like `pattern` in the mail's text, as written or (with `serverUrl`) reachable. */
export const linkIn = ({
  mail,
  pattern,
  serverUrl,
}: {
  mail: Pick<ReceivedMail, 'text'> | undefined
  pattern: RegExp
  serverUrl?: string
}): string => {
  const link = pattern.exec(mail?.text ?? '')?.[0]
  if (!link) {
    throw new Error(`no link ${String(pattern)} in mail: ${mail?.text ?? '(none)'}`)
  }
  return serverUrl ? reachable({ link, serverUrl }) : link
}

/**
 * The first link matching `pattern` in a mail to `to`, once one has arrived: sends the queue
 * until then (for mails queued by what a browser does meanwhile).
 */
export const waitForLink = async ({
  pattern,
  serverUrl,
  timeoutMs = 30_000,
  to,
  ...delivery
}: Delivery & { pattern: RegExp; serverUrl?: string; timeoutMs?: number; to: string }) =>
  vi.waitFor(
    async () => {
      const mails = mailsTo(await deliverMails(delivery), to)
      const mail = mails.find((candidate) => pattern.test(candidate.text))
      if (!mail) {
        throw new Error(
          `no mail to ${to} with a link like ${String(pattern)} within ${timeoutMs} ms`,
        )
      }
      return linkIn({ mail, pattern, serverUrl })
    },
    { interval: 250, timeout: timeoutMs },
  )

/** Opens a mailed link as a JSON client does: GET to look, POST to act. */
export const followLink = <T = Record<string, unknown>>({
  link,
  method = 'GET',
  serverUrl,
}: {
  link: string
  method?: 'GET' | 'POST'
  serverUrl?: string
}): Promise<JsonResponse<T>> =>
  requestJson<T>(serverUrl ? reachable({ link, serverUrl }) : link, {
    headers: { Accept: 'application/json' },
    method,
  })
