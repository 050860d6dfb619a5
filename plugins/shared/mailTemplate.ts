/**
 * A mail described once, rendered twice: the plugins describe each mail as structured content
 * (title, greeting, paragraphs, details, a quotation, one action, closing lines, further links)
 * and the two renderers here turn it into the text part and the HTML part, so the two can't
 * say different things.
 *
 * The HTML is deliberately plain: real headings, link texts that say where they lead (the
 * address stays visible beneath, for copying), no images, and no colours at all, so that mail
 * clients in dark mode can recolour it (a hard-coded white background with dark text is what
 * breaks there). Everything is escaped: names, comment texts and event titles come from
 * visitors and editors.
 */

/** A link with a text that says where it leads; `url` is shown beneath it for copying. */
export type MailLink = { label: string; url: string }

/** A fact such as the event, its start or a chamber: `Label: value` in the text part. */
export type MailDetail = { label: string; value: string }

export type MailContent = {
  /** The one thing the mail asks for (confirm, join the online event): a button in HTML. */
  action?: MailLink
  /** Lines after the details and the action, e.g. what to do if one didn't register. */
  closing?: string[]
  details?: MailDetail[]
  /** Who sends it (network name and site), the last line. */
  footer: string
  greeting?: string
  /** The language of the texts (BCP 47), the HTML's `lang`. */
  language: string
  /** Further links (cancel), after the closing lines. */
  links?: MailLink[]
  /** Paragraphs; a single line break inside one is kept. */
  paragraphs?: string[]
  /** What somebody wrote (a comment, a reply), shown as a quotation, line breaks kept. */
  quote?: string
  subject: string
  /** The heading, h1 in HTML and the first line of the text part. */
  title: string
}

export type RenderedMail = { html: string; subject: string; text: string }

export const escapeHtml = (value: string) =>
  value.replace(
    /[&<>"']/g,
    (char) => ({ '"': '&quot;', '&': '&amp;', "'": '&#39;', '<': '&lt;', '>': '&gt;' })[char]!,
  )

/** Only web and mail addresses become links; anything else (a `javascript:` an editor typed) stays text. */
const isLinkable = (url: string) => /^(https?:\/\/|mailto:)/i.test(url.trim())

/** Escaped, with line breaks kept. */
const htmlLines = (value: string) => escapeHtml(value).replace(/\r?\n/g, '<br>\n')

const SMALL = 'font-size: 0.875em'
const ADDRESS = `${SMALL}; word-break: break-all; overflow-wrap: anywhere`

const linkHtml = ({ label, url }: MailLink, style?: string) =>
  isLinkable(url)
    ? `<a href="${escapeHtml(url.trim())}"${style ? ` style="${style}"` : ''}>${escapeHtml(label)}</a>`
    : escapeHtml(label)

const BUTTON =
  'display: inline-block; padding: 0.75em 1.25em; border: 2px solid currentColor; border-radius: 6px; font-weight: bold; text-decoration: none'

export const renderHtml = (mail: MailContent): string => {
  const lang = escapeHtml(mail.language)
  const blocks = [
    `<h1 style="font-size: 1.5em; line-height: 1.25; margin: 0 0 1em">${escapeHtml(mail.title)}</h1>`,
  ]
  if (mail.greeting) {
    blocks.push(`<p>${escapeHtml(mail.greeting)}</p>`)
  }
  for (const paragraph of mail.paragraphs ?? []) {
    blocks.push(`<p>${htmlLines(paragraph)}</p>`)
  }
  if (mail.details?.length) {
    const rows = mail.details.map(
      ({ label, value }) =>
        `<dt style="font-weight: bold">${escapeHtml(label)}</dt>\n<dd style="margin: 0 0 0.5em">${htmlLines(value)}</dd>`,
    )
    blocks.push(`<dl style="margin: 1em 0">\n${rows.join('\n')}\n</dl>`)
  }
  if (mail.quote) {
    blocks.push(
      `<blockquote style="margin: 1em 0; padding: 0 0 0 1em; border-left: 4px solid currentColor">\n<p>${htmlLines(mail.quote)}</p>\n</blockquote>`,
    )
  }
  if (mail.action) {
    blocks.push(
      `<p style="margin: 1.5em 0 0.5em">${linkHtml(mail.action, BUTTON)}</p>`,
      `<p style="${ADDRESS}; margin-top: 0">${escapeHtml(mail.action.url)}</p>`,
    )
  }
  for (const line of mail.closing ?? []) {
    blocks.push(`<p>${htmlLines(line)}</p>`)
  }
  for (const link of mail.links ?? []) {
    blocks.push(
      `<p>${linkHtml(link)}<br>\n<span style="${ADDRESS}">${escapeHtml(link.url)}</span></p>`,
    )
  }
  blocks.push(
    `<hr style="border: 0; border-top: 1px solid currentColor; margin: 2em 0 1em">`,
    `<p style="${SMALL}">${escapeHtml(mail.footer)}</p>`,
  )
  return [
    '<!doctype html>',
    `<html lang="${lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light dark">',
    '<meta name="supported-color-schemes" content="light dark">',
    `<title>${escapeHtml(mail.subject)}</title>`,
    '<style>:root { color-scheme: light dark; }</style>',
    '</head>',
    '<body style="margin: 0; padding: 0">',
    // Some clients drop <html>: the language and the role are repeated on the wrapper.
    `<div lang="${lang}" role="article" aria-label="${escapeHtml(mail.subject)}" style="font-family: system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif; font-size: 16px; line-height: 1.5; max-width: 36rem; margin: 0 auto; padding: 1.5rem 1rem">`,
    ...blocks,
    '</div>',
    '</body>',
    '</html>',
    '',
  ].join('\n')
}

export const renderText = (mail: MailContent): string => {
  const blocks = [mail.title]
  if (mail.greeting) {
    blocks.push(mail.greeting)
  }
  blocks.push(...(mail.paragraphs ?? []))
  if (mail.details?.length) {
    blocks.push(mail.details.map(({ label, value }) => `${label}: ${value}`).join('\n'))
  }
  if (mail.quote) {
    // Quoted as mail clients quote: what a visitor wrote can't pass for our own text.
    blocks.push(
      mail.quote
        .split(/\r?\n/)
        .map((line) => (line ? `> ${line}` : '>'))
        .join('\n'),
    )
  }
  if (mail.action) {
    blocks.push(`${mail.action.label}:\n${mail.action.url}`)
  }
  blocks.push(...(mail.closing ?? []))
  blocks.push(...(mail.links ?? []).map(({ label, url }) => `${label}: ${url}`))
  // "-- " is the signature separator mail clients recognise.
  blocks.push(`-- \n${mail.footer}`)
  return `${blocks.join('\n\n')}\n`
}

/** Subject, text part and HTML part of one mail. */
export const renderMail = (mail: MailContent): RenderedMail => ({
  html: renderHtml(mail),
  subject: mail.subject,
  text: renderText(mail),
})

/**
 * The footer: the network's name, the site it runs on and, when the host names one, where its
 * privacy notice is (`privacy`: "Datenschutz: https://…/datenschutz").
 */
export const mailFooterOf = ({
  name,
  privacy,
  serverUrl,
}: {
  name?: null | string
  privacy?: null | { label: string; url: string }
  serverUrl?: null | string
}) => {
  let site = ''
  try {
    site = serverUrl ? new URL(serverUrl).host : ''
  } catch {
    // An unparseable serverURL: the name alone will do.
  }
  return [name, site, privacy ? `${privacy.label}: ${privacy.url}` : ''].filter(Boolean).join(' · ')
}
