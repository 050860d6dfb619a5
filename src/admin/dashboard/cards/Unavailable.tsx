import type { PayloadRequest } from 'payload'

import { localize } from '../../../i18n/localize'
import { Card } from '../Card'

/** A tile someone added whose work is not theirs (their role may not do it, or its plugin is off). */
export const Unavailable = ({
  id,
  req,
  title,
}: {
  id: string
  req: PayloadRequest
  title: string
}) => (
  <Card
    empty={localize(req, {
      de: 'Diese Kachel zeigt Arbeit, die Ihre Rolle nicht erledigt. Sie können sie über „Übersicht anpassen“ entfernen.',
      en: 'This tile shows work your role does not do. You can remove it with "Arrange overview".',
    })}
    id={id}
    items={[]}
    title={title}
  />
)
