/**
 * What a link from a mail (confirm, cancel) answers: a small HTML page for people, JSON for
 * clients that ask for it. Opening such a link must change nothing, because mail scanners and
 * link previews open links too: in a browser it shows a question and a button that POSTs to
 * the same address, and only the POST (or a GET asking for JSON, which scanners don't) acts.
 */
import type { Endpoint, PayloadRequest } from 'payload'

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (char) => ({ '"': '&quot;', '&': '&amp;', "'": '&#39;', '<': '&lt;', '>': '&gt;' })[char]!)

export const wantsJson = (req: PayloadRequest) => (req.headers.get('accept') ?? '').includes('application/json')

const page = (req: PayloadRequest, { body, status, title }: { body: string; status: number; title: string }) => {
  const html = `<!doctype html><html lang="${escapeHtml(req.i18n?.language ?? 'de')}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(title)}</title></head><body style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 4rem auto; padding: 0 1rem; line-height: 1.5"><h1>${escapeHtml(title)}</h1>${body}</body></html>`
  return new Response(html, {
    headers: { 'Cache-Control': 'no-store', 'Content-Type': 'text/html; charset=utf-8' },
    status,
  })
}

/** The outcome: a page with `message`, or JSON (`{ message, ...extra }` or `{ errors }`). */
export const answerLink = (
  req: PayloadRequest,
  { extra = {}, message, status, title }: { extra?: Record<string, unknown>; message: string; status: number; title: string },
) =>
  wantsJson(req)
    ? Response.json(status < 400 ? { message, ...extra } : { errors: [{ message }] }, { headers: { 'Cache-Control': 'no-store' }, status })
    : page(req, { body: `<p>${escapeHtml(message)}</p>`, status, title })

/** The question and the button that POSTs to the same address (token included). */
export const askToAct = (req: PayloadRequest, { button, message, title }: { button: string; message: string; title: string }) => {
  const token = String((req.query as Record<string, unknown> | undefined)?.token ?? '')
  return page(req, {
    body: `<p>${escapeHtml(message)}</p><form method="post" action="?token=${encodeURIComponent(token)}"><button type="submit" style="font: inherit; padding: 0.5rem 1.25rem; cursor: pointer">${escapeHtml(button)}</button></form>`,
    status: 200,
    title,
  })
}

/**
 * A mailed link's two endpoints: POST acts (the page's button, or any client); GET acts for
 * clients that ask for JSON and otherwise shows `preview`, which must change nothing.
 */
export const linkEndpoints = ({ act, path, preview }: { act: Endpoint['handler']; path: string; preview: Endpoint['handler'] }): Endpoint[] => [
  { handler: act, method: 'post', path },
  { handler: async (req) => (wantsJson(req) ? act(req) : preview(req)), method: 'get', path },
]
