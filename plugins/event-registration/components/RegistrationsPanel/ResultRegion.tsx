import type { Area, Result } from './usePanelActions'

/** A polite live region per area; it exists before it speaks, so screen readers announce it. */
export const ResultRegion = ({ area, result }: { area: Area; result: null | Result }) => (
  <div aria-live="polite" className="registrations-panel__result-region" role="status">
    {result?.area === area && result.text && (
      <p
        className={
          result.isError
            ? 'registrations-panel__result registrations-panel__result--error'
            : 'registrations-panel__result'
        }
      >
        {result.text}
      </p>
    )}
  </div>
)
