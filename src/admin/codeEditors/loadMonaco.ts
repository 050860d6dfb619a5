import loader from '@monaco-editor/loader'

import { MONACO_VS_PATH } from './monacoPath'

let loading: Promise<void> | undefined

/** Runs one of Monaco's plain scripts (same origin, so the CSP's script-src 'self' allows it). */
const runScript = (src: string) =>
  new Promise<void>((resolve, reject) => {
    const script = document.createElement('script')
    script.src = src
    script.onload = () => resolve()
    script.onerror = () => reject(new Error(`${src} could not be loaded`))
    document.head.appendChild(script)
  })

/**
 * Loads Monaco once per page from our own server, with its messages in the admin's language.
 *
 * Payload's code and JSON fields use @monaco-editor/react, whose loader @payloadcms/ui bundles
 * into its own client chunk: that copy can't be configured from outside, and its default is
 * the jsdelivr CDN (refused by our CSP, and no outbound requests). But it takes a Monaco that
 * is already on the page (`window.monaco`, which editor.main sets) instead of loading one, so
 * our fields wait for this before Payload's editor mounts (SelfHostedCodeFields.tsx).
 */
export const loadMonaco = (language: string): Promise<void> => {
  loading ??= (async () => {
    // Monaco 0.57's German messages (min/vs/nls/lang/de.js) set a global that the editor reads
    // when it starts. Asked for through the AMD loader's `vs/nls` option instead, the file never
    // calls define() and the loader waits for ever: so it runs first, as a plain script.
    if (language === 'de') {
      await runScript(`${MONACO_VS_PATH}/nls/lang/de.js`)
    }
    loader.config({ paths: { vs: MONACO_VS_PATH } })
    const monaco = await loader.init()
    const page = window as unknown as { monaco?: unknown }
    page.monaco ??= monaco
  })()
  return loading
}
