/**
 * The most documents a visitor's page holds, in REST (src/server/pageSizes.ts) and GraphQL
 * (src/api/graphqlPageSizes.ts) alike, and what a malformed `limit` is told
 * (src/hooks/refuseMalformedPaging.ts). Signed-in users are not limited.
 */
export const MAX_PUBLIC_PAGE_SIZE = 100
