/**
 * Payload's `afterError` hook: errors Payload would answer with 500 get the status that says
 * what happened (errors/classifyError.ts), with a message in the client's language. A 503
 * tells the client when to try again (Retry-After; the express edge adds it to any 503 too).
 */
import type { AfterErrorHook } from 'payload'

import type { LocalizedText } from '../i18n/localize'

import { localize } from '../i18n/localize'
import { classifyError, type ErrorClass } from './classifyError'

export const RETRY_AFTER_SECONDS = 5

/** What each class of error is answered with (also by the API gate, src/server/payloadApi.ts). */
export const ANSWERS: Record<ErrorClass, { status: number; text: LocalizedText }> = {
  'bad-input': {
    status: 400,
    text: {
      de: 'Die Anfrage enthält einen Wert, den die Datenbank nicht annimmt (z. B. Text, wo eine Zahl oder ein Datum erwartet wird). Bitte prüfen Sie Ihre Eingaben.',
      en: 'The request contains a value the database does not accept (e.g. text where a number or date is expected). Please check your input.',
    },
  },
  conflict: {
    status: 409,
    text: {
      de: 'Ein Eintrag mit diesem Wert existiert bereits.',
      en: 'An entry with this value exists already.',
    },
  },
  unavailable: {
    status: 503,
    text: {
      de: 'Der Dienst ist vorübergehend nicht verfügbar (die Datenbank ist nicht erreichbar oder ausgelastet). Bitte versuchen Sie es in einigen Sekunden erneut.',
      en: 'The service is temporarily unavailable (the database is unreachable or busy). Please try again in a few seconds.',
    },
  },
}

export const answerHonestly: AfterErrorHook = ({ error, graphqlResult, req, result }) => {
  const status = (error as { status?: number }).status
  const kind = status && status < 500 ? undefined : classifyError(error)
  if (!kind) {
    return undefined
  }
  const answer = ANSWERS[kind]
  const message = localize(req, answer.text)
  if (answer.status === 503) {
    req.responseHeaders = new Headers(req.responseHeaders)
    req.responseHeaders.set('Retry-After', String(RETRY_AFTER_SECONDS))
  }
  if (graphqlResult) {
    return {
      graphqlResult: {
        ...graphqlResult,
        extensions: { ...graphqlResult.extensions, statusCode: answer.status },
        message,
      },
    }
  }
  return { response: { ...result, errors: [{ message }] }, status: answer.status }
}
