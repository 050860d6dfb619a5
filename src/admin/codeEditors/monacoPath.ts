/**
 * Where the admin loads the code editor (Monaco) from: our own server, which serves the
 * installed monaco-editor's `min/vs` there (src/server/monaco.ts), never a CDN. The version is
 * in the path so the files can be cached for a year; package.json pins monaco-editor to it, and
 * the server warns at start should the installed version differ.
 */
export const MONACO_VERSION = '0.57.0'

export const MONACO_VS_PATH = `/admin-assets/monaco-editor@${MONACO_VERSION}/vs`
