import { notFound } from 'next/navigation'

/** No public page lives here: every address outside /admin and /api is answered 404. */
const NoPage = () => notFound()

export default NoPage
