import type { AdminViewServerProps, PayloadRequest } from 'payload'

import { Gutter, SetStepNav } from '@payloadcms/ui'
import Link from 'next/link'

import type { SearchHit, SearchResult } from '../../search/search'

import { hasRole } from '../../access/roles'
import { visitorReadOf } from '../../api/visitorRead'
import { fill } from '../../i18n/localize'
import { snippetParts } from '../../search/markedParts'
import { MAX_PAGE } from '../../search/searchEndpoint'
import { adminUrl, documentUrl } from '../dashboard/links'
import { ViewTemplate } from '../ViewTemplate'
import { SEARCH_VIEW_PATH } from './path'
import { SearchForm } from './SearchForm'
import { type SearchTexts, textsFor } from './texts'

import './index.css'

/** Results per page: more than a visitor's widget shows, an editor scans a list. */
const LIMIT = 20

type Answer = SearchResult & {
  page: number
  query: string
  totalPages: number
  types: Record<string, { plural: string; singular: string }>
}

type Outcome = { answer: Answer } | { message: string } | undefined

const firstOf = (value: string | string[] | undefined) =>
  (Array.isArray(value) ? value[0] : value) ?? ''

/**
 * The search's own answer (`GET /api/search`, src/search/searchEndpoint.ts) for the signed-in
 * user, called in place: the office's editors search the newest versions, drafts included;
 * everyone else what is published. Its refusals (a query too long, a page too far) are shown.
 */
const searchFor = async (
  req: PayloadRequest,
  query: Record<string, string>,
  language: 'de' | 'en',
): Promise<Outcome> => {
  const endpoint = req.payload.config.endpoints?.find(
    (candidate) => candidate.path === '/search' && candidate.method === 'get',
  )
  const answer = endpoint && visitorReadOf(endpoint)
  if (!answer || !query.q?.trim()) {
    return undefined
  }
  const plain = await answer({ language, payload: req.payload, query, req })
  const body = ('body' in plain ? plain.body : JSON.parse(String(plain.json))) as
    Answer | { errors: { message: string }[] }
  if ('errors' in body) {
    return { message: body.errors.map((error) => error.message).join(' ') }
  }
  return { answer: body }
}

const Snippet = ({ snippet }: { snippet: string }) => (
  <p className="qn-search__snippet">
    {snippetParts(snippet).map(({ isMarked, text }, index) =>
      isMarked ? <mark key={index}>{text}</mark> : text,
    )}
  </p>
)

const dateOf = (iso: string, language: 'de' | 'en') =>
  new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'de-DE', {
    dateStyle: 'medium',
    timeZone: 'Europe/Berlin',
  }).format(new Date(iso))

const summaryOf = (answer: Answer, text: SearchTexts) => {
  const values = { count: answer.totalDocs, query: answer.query }
  if (answer.totalDocs === 0) {
    return fill(text.none, values)
  }
  if (answer.isSimilar) {
    return fill(answer.totalDocs === 1 ? text.similarOne : text.similar, values)
  }
  return fill(answer.totalDocs === 1 ? text.resultsOne : text.results, values)
}

const Hit = ({
  answer,
  hit,
  language,
  req,
  text,
}: {
  answer: Answer
  hit: SearchHit
  language: 'de' | 'en'
  req: PayloadRequest
  text: SearchTexts
}) => (
  <li className="qn-search__hit">
    <Link className="qn-search__title" href={documentUrl(req, hit.type, hit.id)}>
      {hit.title}
    </Link>
    <span className="qn-search__meta">
      {answer.types[hit.type]?.singular ?? hit.type}
      {hit.date ? ` · ${dateOf(hit.date, language)}` : ''}
      {hit.status === 'draft' ? <span className="qn-search__state">{text.draft}</span> : null}
      {hit.status === 'changed' ? (
        <>
          <span className="qn-search__state">{text.changed}</span> {text.changedHint}
        </>
      ) : null}
    </span>
    {hit.snippet ? <Snippet snippet={hit.snippet} /> : null}
  </li>
)

/**
 * The view "Suche" (/admin/suche): one field across every searchable collection, as the
 * visitors' search finds them (German stemming, umlauts either way, typos in short queries),
 * with the office's drafts; each result opens its edit view. A GET form (next/form): the
 * address keeps the query, the type and the page, so back, reload and a shared link show the
 * same.
 */
export const SearchView = async ({
  initPageResult,
  params,
  searchParams = {},
}: AdminViewServerProps) => {
  const { req } = initPageResult
  const language = req.i18n?.language === 'en' ? 'en' : 'de'
  const text = textsFor(language)
  const q = firstOf(searchParams.q)
  const type = firstOf(searchParams.type)
  const page = firstOf(searchParams.page)
  const outcome = await searchFor(
    req,
    { q, ...(type ? { type } : {}), ...(page ? { page } : {}), limit: String(LIMIT) },
    language,
  )
  const answer = outcome && 'answer' in outcome ? outcome.answer : undefined
  const viewUrl = adminUrl(req, SEARCH_VIEW_PATH)
  const linkTo = (values: { page?: number; type?: string }) =>
    adminUrl(req, SEARCH_VIEW_PATH, {
      q,
      ...(values.type ? { type: values.type } : {}),
      ...(values.page && values.page > 1 ? { page: values.page } : {}),
    })
  const readsDrafts = hasRole(req.user, 'admin', 'editor')
  const typeNames = answer ? Object.keys(answer.counts) : []
  // The search reads no further than its last page (MAX_PAGE).
  const pages = answer ? Math.min(answer.totalPages, MAX_PAGE) : 0
  const total = answer ? Object.values(answer.counts).reduce((sum, count) => sum + count, 0) : 0
  return (
    <ViewTemplate initPageResult={initPageResult} params={params} searchParams={searchParams}>
      <SetStepNav nav={[{ label: text.heading }]} />
      <Gutter className="qn-search">
        <h1 className="qn-search__heading">{text.heading}</h1>
        <p className="qn-search__intro">{readsDrafts ? text.intro : text.introPublished}</p>
        <SearchForm action={viewUrl} id="qn-search" isExplained query={q} text={text} />

        <div aria-live="polite" className="qn-search__status" role="status">
          {answer ? <p>{summaryOf(answer, text)}</p> : null}
          {outcome && 'message' in outcome ? (
            <p className="qn-search__error">{outcome.message}</p>
          ) : null}
        </div>

        {answer && total > 0 ? (
          <nav aria-label={text.types} className="qn-search__types">
            <ul>
              {[
                { count: total, label: text.all, value: '' },
                ...typeNames.map((name) => ({
                  count: answer.counts[name] ?? 0,
                  label: answer.types[name]?.plural ?? name,
                  value: name,
                })),
              ]
                .filter((option) => option.count > 0 || option.value === type)
                .map((option) => (
                  <li key={option.value || 'all'}>
                    <Link
                      aria-current={option.value === type ? 'page' : undefined}
                      href={linkTo({ type: option.value })}
                    >
                      {option.label} ({option.count})
                    </Link>
                  </li>
                ))}
            </ul>
          </nav>
        ) : null}

        {answer && answer.docs.length > 0 ? (
          <ol className="qn-search__hits" start={(answer.page - 1) * LIMIT + 1}>
            {answer.docs.map((hit) => (
              <Hit
                answer={answer}
                hit={hit}
                key={`${hit.type}-${hit.id}`}
                language={language}
                req={req}
                text={text}
              />
            ))}
          </ol>
        ) : null}

        {answer && pages > 1 ? (
          <nav aria-label={text.pages} className="qn-search__pages">
            {answer.page > 1 ? (
              <Link href={linkTo({ page: answer.page - 1, type })} rel="prev">
                {text.previous}
              </Link>
            ) : null}
            <span>{fill(text.pageOf, { page: answer.page, pages })}</span>
            {answer.page < pages ? (
              <Link href={linkTo({ page: answer.page + 1, type })} rel="next">
                {text.next}
              </Link>
            ) : null}
          </nav>
        ) : null}
      </Gutter>
    </ViewTemplate>
  )
}
