'use client'

import type { EmbedKind, Snippet } from './snippets'
import type { EmbedTexts } from './texts'

import { Button, useDocumentInfo, useFormFields, useTranslation } from '@payloadcms/ui'
import { useEffect, useId, useRef, useState } from 'react'

import { slugify } from '../../fields/slug'
import { buildSnippets } from './snippets'
import { fill, textsFor } from './texts'

import './index.css'

export type EmbedSnippetClientProps = {
  /** Events: whether the published version has online registration open. */
  isPublishedRegistrationOpen: boolean
  kind: EmbedKind
  /** The slug visitors reach the document by; null while nothing is published. */
  publishedSlug: null | string
  /** Payload's `serverURL`: the public address the widgets' script is served from. */
  serverUrl: string
}

const ANNOUNCEMENT_MS = 5_000

/** Selects the code, so that the fallback (and Ctrl+C) copies exactly it. */
const selectContents = (node: HTMLElement) => {
  const selection = window.getSelection()
  const range = document.createRange()
  range.selectNodeContents(node)
  selection?.removeAllRanges()
  selection?.addRange(range)
}

/**
 * The clipboard API needs a secure context and the page's focus; where it is missing or
 * refused, the selected text is copied the old way, or left selected for Ctrl+C.
 */
const copyText = async (text: string, node: HTMLElement): Promise<'copied' | 'selected'> => {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text)
      return 'copied'
    }
  } catch {
    // Refused (permission, no focus): fall through to the selection.
  }
  selectContents(node)
  try {
    return document.execCommand('copy') ? 'copied' : 'selected'
  } catch {
    return 'selected'
  }
}

const SnippetBlock = ({
  label,
  onCopied,
  snippet,
  texts,
}: {
  label: string
  onCopied: (message: string) => void
  snippet: Snippet
  texts: EmbedTexts
}) => {
  const labelId = useId()
  const codeRef = useRef<HTMLElement>(null)

  const copy = async () => {
    if (!codeRef.current) {
      return
    }
    const outcome = await copyText(snippet.code, codeRef.current)
    onCopied(outcome === 'copied' ? texts.copied : texts.selected)
  }

  return (
    <div
      className="embed-snippet__snippet"
      data-snippet={snippet.key}
      role="group"
      aria-labelledby={labelId}
    >
      <div className="embed-snippet__snippet-header">
        <span className="embed-snippet__label" id={labelId}>
          {label}
        </span>
        <Button
          aria-label={fill(texts.copyLabel, { label })}
          buttonStyle="pill"
          className="embed-snippet__copy"
          margin={false}
          onClick={() => void copy()}
          size="small"
          type="button"
        >
          {texts.copy}
        </Button>
      </div>
      {/* Focusable, so that keyboard users can scroll it and select the code with the keyboard. */}
      <pre aria-labelledby={labelId} className="embed-snippet__code" tabIndex={0}>
        <code ref={codeRef}>{snippet.code}</code>
      </pre>
    </div>
  )
}

/**
 * "Einbinden": the code a member city's website pastes to show this document with the visitor
 * widgets. Follows the slug as it is typed (as it will be saved); says when visitors can't see
 * the result yet. Shows nothing but public slugs and public addresses.
 */
export const EmbedSnippetClient = ({
  isPublishedRegistrationOpen,
  kind,
  publishedSlug,
  serverUrl,
}: EmbedSnippetClientProps) => {
  const { hasPublishedDoc, id } = useDocumentInfo()
  const { i18n } = useTranslation()
  const texts = textsFor(i18n.language)
  const slugValue = useFormFields(([fields]) => fields.slug?.value)
  const registrationValue = useFormFields(([fields]) =>
    kind === 'event' ? fields.registrationOpen?.value : undefined,
  )
  const [announcement, setAnnouncement] = useState('')
  const headingId = useId()

  useEffect(() => {
    if (!announcement) {
      return
    }
    const timer = setTimeout(() => setAnnouncement(''), ANNOUNCEMENT_MS)
    return () => clearTimeout(timer)
  }, [announcement])

  // Saving slugifies what was typed (src/fields/slug.ts): show the slug that will be saved.
  const slug = typeof slugValue === 'string' ? slugify(slugValue) : ''
  const isSaved = id !== undefined && id !== null && id !== ''
  const isRegistrationOpen = registrationValue === true
  const snippets =
    isSaved && slug ? buildSnippets({ isRegistrationOpen, kind, serverUrl, slug }) : []
  const [main, ...alternatives] = snippets

  const notes: string[] = []
  if (!isSaved || !slug) {
    notes.push(texts.unsaved)
  } else if (!hasPublishedDoc) {
    notes.push(texts.unpublished)
  } else if (publishedSlug && publishedSlug !== slug) {
    notes.push(fill(texts.slugChanged, { slug: publishedSlug }))
  }
  if (isSaved && slug && kind === 'event') {
    if (!isRegistrationOpen) {
      notes.push(texts.registrationClosed)
    } else if (hasPublishedDoc && !isPublishedRegistrationOpen) {
      notes.push(texts.registrationNotPublished)
    }
  }

  const announce = (message: string) => {
    // Cleared first, so that the same message twice is announced twice.
    setAnnouncement('')
    window.setTimeout(() => setAnnouncement(message), 50)
  }

  const labels: Record<string, string | undefined> = texts.snippets[kind]
  const block = (snippet: Snippet) => (
    <SnippetBlock
      key={snippet.key}
      label={labels[snippet.key] ?? snippet.key}
      onCopied={announce}
      snippet={snippet}
      texts={texts}
    />
  )
  // Modules: the whole module first, its parts as alternatives. Events: what there is, side by side.
  const hasAlternatives = kind === 'module' && alternatives.length > 0

  return (
    <section aria-labelledby={headingId} className="field-type embed-snippet">
      <h3 className="embed-snippet__title" id={headingId}>
        {texts.title}
      </h3>
      <p className="embed-snippet__intro">{texts.intro}</p>
      {notes.map((note) => (
        <p className="embed-snippet__note" key={note}>
          {note}
        </p>
      ))}
      {main && block(main)}
      {hasAlternatives ? (
        <>
          <p className="embed-snippet__alternatives">{texts.alternatives}</p>
          {alternatives.map(block)}
        </>
      ) : (
        alternatives.map(block)
      )}
      <p aria-live="polite" className="embed-snippet__status" role="status">
        {announcement}
      </p>
    </section>
  )
}
