import type { ReactNode } from 'react'

import Link from 'next/link'

import './index.scss'

export type CardCount = {
  href?: string
  label: string
  /** Something waits here: the number stands out. */
  isUrgent?: boolean
  value: number | string
}

export type CardItem = {
  /** Short facts under the title (date, seats, status). */
  details: ReactNode[]
  href: string
  /** A word set off beside the title ("Entwurf", "gemeldet"). */
  badge?: string
  key: number | string
  title: string
}

type CardProps = {
  /** Where the work is done: the queue, the list, the form. */
  action?: { href: string; label: string }
  children?: ReactNode
  counts?: CardCount[]
  /** Shown instead of the list when it is empty ("Nichts wartet."). */
  empty?: string
  /** Unique on the page: names the heading for the region. */
  id: string
  items?: CardItem[]
  title: string
}

/** One tile of the dashboard: a heading, its numbers, a short list, a link to the work. */
export const Card = ({ action, children, counts = [], empty, id, items, title }: CardProps) => (
  <section aria-labelledby={`${id}-title`} className="qn-card" data-card={id}>
    <header className="qn-card__header">
      <h2 className="qn-card__title" id={`${id}-title`}>
        {title}
      </h2>
      {action ? (
        <Link className="qn-card__action" href={action.href}>
          {action.label}
        </Link>
      ) : null}
    </header>
    {counts.length ? (
      <ul className="qn-card__counts">
        {counts.map((count) => {
          const content = (
            <>
              <span className="qn-card__count">{count.value}</span>{' '}
              <span className="qn-card__count-label">{count.label}</span>
            </>
          )
          return (
            <li
              className={`qn-card__count-item${count.isUrgent ? ' qn-card__count-item--urgent' : ''}`}
              key={count.label}
            >
              {count.href ? <Link href={count.href}>{content}</Link> : content}
            </li>
          )
        })}
      </ul>
    ) : null}
    {items && items.length ? (
      <ul className="qn-card__list">
        {items.map((item) => (
          <li className="qn-card__item" key={item.key}>
            <Link className="qn-card__item-link" href={item.href}>
              {item.title}
            </Link>
            {item.badge ? <span className="qn-card__badge">{item.badge}</span> : null}
            {item.details.length ? (
              <span className="qn-card__details">
                {item.details.map((detail, index) => (
                  <span className="qn-card__detail" key={index}>
                    {detail}
                  </span>
                ))}
              </span>
            ) : null}
          </li>
        ))}
      </ul>
    ) : items && empty ? (
      <p className="qn-card__empty">{empty}</p>
    ) : null}
    {children}
  </section>
)
