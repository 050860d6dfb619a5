import type { Config, Field, Plugin } from 'payload'

const COMPONENTS = {
  code: '/src/admin/codeEditors/SelfHostedCodeFields#SelfHostedCodeField',
  json: '/src/admin/codeEditors/SelfHostedCodeFields#SelfHostedJSONField',
} as const

/** `field` with our component if it is a code or JSON field without one of its own. */
const withSelfHostedEditor = (field: Field): Field => {
  switch (field.type) {
    case 'array':
    case 'collapsible':
    case 'group':
    case 'row':
      return { ...field, fields: field.fields.map(withSelfHostedEditor) } as Field
    case 'blocks':
      return {
        ...field,
        blocks: field.blocks.map((block) => ({
          ...block,
          fields: block.fields.map(withSelfHostedEditor),
        })),
      }
    case 'tabs':
      return {
        ...field,
        tabs: field.tabs.map((tab) => ({ ...tab, fields: tab.fields.map(withSelfHostedEditor) })),
      }
    case 'code':
      return field.admin?.components?.Field
        ? field
        : {
            ...field,
            admin: {
              ...field.admin,
              components: { ...field.admin?.components, Field: COMPONENTS.code },
            },
          }
    case 'json':
      return field.admin?.components?.Field
        ? field
        : {
            ...field,
            admin: {
              ...field.admin,
              components: { ...field.admin?.components, Field: COMPONENTS.json },
            },
          }
    default:
      return field
  }
}

/**
 * The admin's code and JSON fields load their editor (Monaco) from our own server instead of a
 * CDN (src/admin/codeEditors/loadMonaco.ts). Last in `plugins`, so it sees the plugins' fields.
 */
export const withSelfHostedCodeEditors: Plugin = (config: Config): Config => ({
  ...config,
  collections: config.collections?.map((collection) => ({
    ...collection,
    fields: collection.fields.map(withSelfHostedEditor),
  })),
  globals: config.globals?.map((global) => ({
    ...global,
    fields: global.fields.map(withSelfHostedEditor),
  })),
})
