/**
 * Links into the host site: a webmaster's template such as `/methoden/{slug}` or
 * `https://www.essen.de/quartier/projekt.html?id={id}` filled with a document's slug or id
 * (URL-encoded). Only web addresses and paths come out; anything else (`javascript:`) is dropped.
 */
export const hrefFrom = (
  template: string | undefined,
  item: { id: number | string; slug?: string },
): string | undefined => {
  if (!template) {
    return undefined
  }
  const href = template.replace(/\{(slug|id)\}/g, (_match, name: string) =>
    encodeURIComponent(String(name === 'slug' ? (item.slug ?? item.id) : item.id)),
  )
  try {
    const url = new URL(href, document.baseURI)
    return url.protocol === 'http:' || url.protocol === 'https:' ? href : undefined
  } catch {
    return undefined
  }
}
