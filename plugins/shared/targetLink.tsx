import type { ReactNode } from 'react'

import type { targetLinkOf } from './targets'

import './targetLink.css'

/** A target in words, as `targetLinkOf` names it. */
export type TargetLink = NonNullable<ReturnType<typeof targetLinkOf>>

/** "Beteiligungsmodul: Stadtteilkonferenz", linked to its edit view (plain when it is gone). */
export const TargetLinkText = ({ link }: { link: TargetLink }) =>
  link.href ? (
    <a className="target-link__anchor" href={link.href}>
      {link.label}: {link.name}
    </a>
  ) : (
    <span className="target-link__missing">
      {link.label}: {link.name}
    </span>
  )

/** The edit view's read-only line "Eintrag: Beteiligungsmodul: Stadtteilkonferenz". */
export const TargetLinkField = ({ label, link }: { label: ReactNode; link: TargetLink }) => (
  <div className="field-type target-link">
    <span className="field-label">{label}</span>
    <p className="target-link__value">
      <TargetLinkText link={link} />
    </p>
  </div>
)
