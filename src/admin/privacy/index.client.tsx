'use client'

import type { SourceFindings } from './personalData'

import { Button, SetStepNav, useConfig } from '@payloadcms/ui'
import { useId, useRef, useState } from 'react'

import { fill } from '../../i18n/localize'
import { recordsIn, textsFor } from './texts'

import './index.css'

type Lookup = { address: string; sources: SourceFindings[]; total: number }

type Props = { language: 'de' | 'en'; logSlug: string }

const messageOf = async (response: Response) => {
  const body = (await response.json().catch(() => null)) as {
    errors?: { message?: string }[]
  } | null
  return body?.errors?.map((error) => error.message).join(' ') || response.statusText
}

/**
 * Look up → see everything per source → export as a file, or erase after typing the address
 * again. Every step goes through the log collection's endpoints as the signed-in user.
 */
export const PrivacyRequestsClient = ({ language, logSlug }: Props) => {
  const text = textsFor(language)
  const { config } = useConfig()
  const apiUrl = `${config.serverURL}${config.routes.api}/${logSlug}`
  const adminRoute = config.routes.admin === '/' ? '' : config.routes.admin
  const ids = { address: useId(), confirmation: useId(), hint: useId(), results: useId() }
  const [address, setAddress] = useState('')
  const [confirmation, setConfirmation] = useState('')
  const [lookup, setLookup] = useState<Lookup | null>(null)
  const [isConfirming, setIsConfirming] = useState(false)
  const [isBusy, setIsBusy] = useState(false)
  const [error, setError] = useState<null | string>(null)
  const [done, setDone] = useState<null | string>(null)
  const confirmationInput = useRef<HTMLInputElement>(null)

  const post = (path: string, body: Record<string, string>) =>
    fetch(`${apiUrl}${path}`, {
      body: JSON.stringify(body),
      credentials: 'include',
      headers: { 'Accept-Language': language, 'Content-Type': 'application/json' },
      method: 'POST',
    })

  const run = async (work: () => Promise<void>) => {
    setIsBusy(true)
    setError(null)
    setDone(null)
    try {
      await work()
    } catch (err) {
      setError(fill(text.failed, { message: err instanceof Error ? err.message : String(err) }))
    } finally {
      setIsBusy(false)
    }
  }

  const search = () =>
    run(async () => {
      setIsConfirming(false)
      const response = await post('/lookup', { email: address })
      if (!response.ok) {
        setLookup(null)
        setError(fill(text.failed, { message: await messageOf(response) }))
        return
      }
      setLookup((await response.json()) as Lookup)
    })

  const exportFile = () =>
    run(async () => {
      const response = await post('/export', { email: address })
      if (!response.ok) {
        setError(fill(text.failed, { message: await messageOf(response) }))
        return
      }
      const name =
        /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ??
        'datenauskunft.json'
      const link = document.createElement('a')
      link.href = URL.createObjectURL(await response.blob())
      link.download = name
      link.click()
      URL.revokeObjectURL(link.href)
      setDone(text.exported)
    })

  const erase = () =>
    run(async () => {
      const response = await post('/erase', { confirmation, email: address })
      if (!response.ok) {
        setError(fill(text.failed, { message: await messageOf(response) }))
        confirmationInput.current?.focus()
        return
      }
      const result = (await response.json()) as { anonymised: number; deleted: number }
      setIsConfirming(false)
      setConfirmation('')
      setLookup(null)
      setDone(fill(text.erased, result))
    })

  return (
    <div className="privacy-requests__view">
      <SetStepNav nav={[{ label: text.heading }]} />
      <h1 className="privacy-requests__title">{text.heading}</h1>
      <p className="privacy-requests__intro">{text.intro}</p>
      <form
        className="privacy-requests__form"
        onSubmit={(event) => {
          event.preventDefault()
          void search()
        }}
      >
        <label htmlFor={ids.address}>{text.addressLabel}</label>
        <input
          aria-describedby={ids.hint}
          autoComplete="off"
          id={ids.address}
          onChange={(event) => setAddress(event.target.value)}
          required
          type="email"
          value={address}
        />
        <p className="privacy-requests__hint" id={ids.hint}>
          {text.addressHint}
        </p>
        <Button buttonStyle="primary" disabled={isBusy || !address.trim()} type="submit">
          {isBusy && !lookup ? text.searching : text.search}
        </Button>
      </form>

      <div aria-live="polite" role="status">
        {done ? <p className="privacy-requests__done">{done}</p> : null}
      </div>
      <div aria-live="assertive" role="alert">
        {error ? <p className="privacy-requests__error">{error}</p> : null}
      </div>

      {lookup ? (
        <section aria-labelledby={ids.results} className="privacy-requests__results">
          <h2 id={ids.results}>
            {lookup.total
              ? fill(text.total, {
                  address: lookup.address,
                  records: recordsIn(text, lookup.total),
                })
              : text.nothing}
          </h2>
          {lookup.sources.map((source) => (
            <div className="privacy-requests__source" key={source.key}>
              <h3>
                {source.label}:{' '}
                {source.records.length ? recordsIn(text, source.records.length) : text.nothingHere}
              </h3>
              {source.note ? <p className="privacy-requests__note">{source.note}</p> : null}
              {source.records.length ? (
                <ul>
                  {source.records.map((record) => (
                    <li key={String(record.id)}>
                      {record.summary}{' '}
                      <span className="privacy-requests__erasure">
                        ({record.erasure === 'anonymise' ? text.anonymise : text.delete})
                      </span>
                    </li>
                  ))}
                </ul>
              ) : null}
            </div>
          ))}
          {lookup.total ? (
            <div className="privacy-requests__actions">
              <Button buttonStyle="secondary" disabled={isBusy} onClick={() => void exportFile()}>
                {text.export}
              </Button>
              <Button
                buttonStyle="primary"
                className="privacy-requests__danger"
                disabled={isBusy || isConfirming}
                onClick={() => {
                  setIsConfirming(true)
                  requestAnimationFrame(() => confirmationInput.current?.focus())
                }}
              >
                {text.erase}
              </Button>
            </div>
          ) : null}
          {isConfirming ? (
            <form
              className="privacy-requests__confirm"
              onSubmit={(event) => {
                event.preventDefault()
                void erase()
              }}
            >
              <h3>{text.confirmHeading}</h3>
              <p>{text.confirmText}</p>
              <label htmlFor={ids.confirmation}>{text.confirmLabel}</label>
              <input
                autoComplete="off"
                id={ids.confirmation}
                onChange={(event) => setConfirmation(event.target.value)}
                ref={confirmationInput}
                required
                type="email"
                value={confirmation}
              />
              <div className="privacy-requests__actions">
                <Button
                  buttonStyle="primary"
                  className="privacy-requests__danger"
                  disabled={isBusy || !confirmation.trim()}
                  type="submit"
                >
                  {isBusy ? text.working : text.eraseFinal}
                </Button>
                <Button
                  buttonStyle="secondary"
                  disabled={isBusy}
                  onClick={() => {
                    setIsConfirming(false)
                    setConfirmation('')
                  }}
                >
                  {text.cancel}
                </Button>
              </div>
            </form>
          ) : null}
        </section>
      ) : null}

      <p className="privacy-requests__log">
        <a href={`${adminRoute}/collections/${logSlug}`}>{text.log}</a>
      </p>
    </div>
  )
}
