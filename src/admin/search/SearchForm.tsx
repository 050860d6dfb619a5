import Form from 'next/form'

import type { SearchTexts } from './texts'

import './SearchForm.css'

type Props = {
  /** The view "Suche" in the admin (adminUrl(req, SEARCH_VIEW_PATH)). */
  action: string
  /** Where the form stands: ids must be unique in the page. */
  id: string
  /** Whether to explain phrases and excluded words below the field (the view does). */
  isExplained?: boolean
  /** The label, when not the view's "Suchbegriff". */
  label?: string
  query?: string
  text: SearchTexts
}

/**
 * The search field of the view "Suche" and of the overview: a GET form to the view, opened
 * without a reload (next/form), its query in the address.
 */
export const SearchForm = ({ action, id, isExplained, label, query = '', text }: Props) => (
  <Form action={action} className="qn-search-form" role="search">
    <label htmlFor={`${id}-query`}>{label ?? text.label}</label>
    <div className="qn-search-form__row">
      <input
        aria-describedby={isExplained ? `${id}-hint` : undefined}
        autoComplete="off"
        defaultValue={query}
        id={`${id}-query`}
        // A new query (back, a link) shows in the field.
        key={query}
        maxLength={200}
        name="q"
        required
        type="search"
      />
      <button className="btn btn--style-primary btn--size-medium" type="submit">
        {text.search}
      </button>
    </div>
    {isExplained ? (
      <p className="qn-search-form__hint" id={`${id}-hint`}>
        {text.hint}
      </p>
    ) : null}
  </Form>
)
