import { useEffect, useState } from 'react'

import { useRegistrationTranslation } from './useRegistrationTranslation'

/** Where a result is announced: next to the control that caused it. */
export type Area = 'attendance' | 'export' | 'list' | 'message'

export type Result = { area: Area; isError: boolean; text: string }

/** What an action says when it is done ('' for nothing), or its error. */
export type Outcome = string | { error: string }

export type Act = (area: Area, work: () => Promise<Outcome>) => Promise<void>

/**
 * One action at a time: while one runs, the controls are disabled and others are ignored; its
 * outcome is announced in its area, then the list is read again. The controls stay disabled
 * until the panel is interactive: a click on the server-rendered button before React has taken
 * over would be lost without a word.
 */
export const usePanelActions = ({ reload }: { reload: () => Promise<void> }) => {
  const { t } = useRegistrationTranslation()
  const [isBusy, setIsBusy] = useState(true)
  useEffect(() => setIsBusy(false), [])
  const [result, setResult] = useState<null | Result>(null)

  const act: Act = async (area, work) => {
    if (isBusy) {
      return
    }
    setIsBusy(true)
    setResult(null)
    try {
      const outcome = await work()
      setResult(
        typeof outcome === 'string'
          ? { area, isError: false, text: outcome }
          : { area, isError: true, text: outcome.error },
      )
      await reload()
    } catch (err) {
      setResult({
        area,
        isError: true,
        text: t('plugin-event-registration:panelFailed', {
          message: err instanceof Error ? err.message : String(err),
        }),
      })
    } finally {
      setIsBusy(false)
    }
  }

  return { act, isBusy, result }
}
