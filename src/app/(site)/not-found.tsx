import { MARK_DATA_URL } from '../../admin/branding/mark'
import { languageOf } from './language'

/** Payload's admin route (payload.config.ts keeps Payload's default). */
const ADMIN_PATH = '/admin'

const TEXTS = {
  de: {
    admin: 'Zur Anmeldung für die Redaktion',
    lead: 'Unter dieser Adresse gibt es keine Seite. Quartiersnetz ist die Datenbank des Netzwerks: Die Redaktion pflegt die Inhalte im Admin-Bereich, und die Websites der Mitgliedskommunen zeigen sie an.',
    privacy: 'Datenschutzhinweise',
    title: 'Seite nicht gefunden',
  },
  en: {
    admin: 'Sign in for editors',
    lead: 'There is no page at this address. Quartiersnetz is the network’s database: editors keep its content in the admin panel, and the member municipalities’ websites show it.',
    privacy: 'Privacy notice',
    title: 'Page not found',
  },
}

const STYLES = `
  body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
    color: #1f2328; background: #f6f7f7; line-height: 1.5; }
  main { max-width: 40rem; margin: 12vh auto 0; padding: 0 24px; }
  .brand { display: flex; align-items: center; gap: 12px; font-size: 1.25rem; font-weight: 600; }
  h1 { font-size: 2rem; line-height: 1.2; margin: 32px 0 12px; }
  a { color: #0f5e63; font-weight: 600; }
  ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 8px 24px; }
  @media (prefers-color-scheme: dark) {
    body { color: #e6e8e9; background: #141617; }
    a { color: #7fd3d8; }
  }
`

/** The answer to every address outside /admin and /api: a 404 that says what is here instead. */
const NotFound = async () => {
  const text = TEXTS[await languageOf()]
  return (
    <main>
      <title>{`${text.title} – Quartiersnetz`}</title>
      <style>{STYLES}</style>
      <div className="brand">
        <img alt="" height={40} src={MARK_DATA_URL} width={40} />
        Quartiersnetz
      </div>
      <h1>{text.title}</h1>
      <p>{text.lead}</p>
      <ul>
        <li>
          <a href={ADMIN_PATH}>{text.admin}</a>
        </li>
        <li>
          <a href="/datenschutz">{text.privacy}</a>
        </li>
      </ul>
    </main>
  )
}

export default NotFound
