/** Set in `context` by the plugin's own writes, which validate and queue their mails themselves. */
export const PLUGIN_WRITE = 'pluginCommentsWrite'

export const isPluginWrite = (context: Record<string, unknown> | undefined): boolean =>
  context?.[PLUGIN_WRITE] === true
