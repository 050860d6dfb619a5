'use client'

import type { UIFieldClientComponent } from 'payload'

import {
  Button,
  toast,
  useAuth,
  useConfig,
  useDocumentInfo,
  useFormFields,
  useFormModified,
  useTranslation,
} from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useState } from 'react'

type Result = { cancelled: number; created: number; total: number; updated: number }
type ErrorBody = { errors?: { message?: string }[] }

const TEXT = {
  de: {
    button: 'Termine jetzt erzeugen',
    description:
      'Legt die fehlenden Termine bis zum Horizont als Veranstaltungen an (das geschieht auch jede Nacht). Vorhandene Termine bleiben, wie sie sind; nur Ausnahmen (entfällt, verschoben) werden übernommen.',
    failed: 'Die Termine konnten nicht erzeugt werden.',
    saveFirst: 'Bitte zuerst speichern: Erzeugt wird aus der gespeicherten Reihe.',
    success: ({ cancelled, created, total, updated }: Result) =>
      `${created} neu angelegt, ${updated} verschoben, ${cancelled} abgesagt – ${total} Termine im Horizont.`,
  },
  en: {
    button: 'Generate occurrences now',
    description:
      'Creates the missing occurrences up to the horizon as events (this also happens every night). Existing events stay as they are; only exceptions (skipped, moved) are applied.',
    failed: 'The occurrences could not be generated.',
    saveFirst: 'Please save first: occurrences are generated from the saved series.',
    success: ({ cancelled, created, total, updated }: Result) =>
      `${created} created, ${updated} moved, ${cancelled} cancelled – ${total} occurrences within the horizon.`,
  },
}

/**
 * "Generate now" in the series' recurrence group, for the coordination office (the endpoint
 * checks the role again). Hidden until the series is saved and has a rule.
 */
export const GenerateOccurrencesButton: UIFieldClientComponent = () => {
  const { id } = useDocumentInfo()
  const { user } = useAuth<{ role?: string }>()
  const { config } = useConfig()
  const { i18n } = useTranslation()
  const isModified = useFormModified()
  const rule = useFormFields(([fields]) => fields['recurrence.rule']?.value)
  const router = useRouter()
  const [isRunning, setIsRunning] = useState(false)
  const text = i18n.language === 'en' ? TEXT.en : TEXT.de

  if (!id || !rule || (user?.role !== 'admin' && user?.role !== 'editor')) {
    return null
  }

  const generate = async () => {
    if (isModified) {
      toast.warning(text.saveFirst)
      return
    }
    setIsRunning(true)
    try {
      const response = await fetch(`${config.routes.api}/event-series/${id}/generate-occurrences`, {
        credentials: 'include',
        headers: { 'Accept-Language': i18n.language },
        method: 'POST',
      })
      const body = (await response.json().catch(() => ({}))) as ErrorBody & Partial<Result>
      if (!response.ok) {
        toast.error(body.errors?.[0]?.message ?? text.failed)
        return
      }
      toast.success(text.success(body as Result))
      // Shows the new "last generated" time.
      router.refresh()
    } catch {
      toast.error(text.failed)
    } finally {
      setIsRunning(false)
    }
  }

  return (
    <div className="field-type" style={{ marginBottom: 'var(--base)' }}>
      <Button
        buttonStyle="secondary"
        disabled={isRunning}
        margin={false}
        onClick={() => void generate()}
        size="medium"
      >
        {text.button}
      </Button>
      <p className="field-description">{text.description}</p>
    </div>
  )
}
