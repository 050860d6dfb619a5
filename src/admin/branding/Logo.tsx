import { MARK_DATA_URL } from './mark'

import './index.scss'

/** The mark and the product's name on the sign-in pages (instead of Payload's logo). */
export const Logo = () => (
  <div className="qn-logo">
    <img alt="" className="qn-logo__mark" height={56} src={MARK_DATA_URL} width={56} />
    <span className="qn-logo__name">Quartiersnetz</span>
  </div>
)
