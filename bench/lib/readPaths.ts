/**
 * The read paths the bench's rows cycle over, made from the data set, and the mixed load's
 * order of them (bench/run.ts and bench/writes.ts run the same mix).
 */
import type { Dataset } from './dataset'

/** The REST list the floor answers too (a member site's front page). */
export const MODULE_LIST_PATH = '/api/modules?limit=20&where[_status][equals]=published&depth=1'

export type ReadPaths = {
  /** Events of a municipality in a date range, one per municipality. */
  eventPaths: string[]
  /** Module details, one per module. */
  modulePaths: string[]
  /** Projects of a Handlungsfeld, one per Handlungsfeld. */
  projectPaths: string[]
  /** Every project by its slug. */
  slugPaths: string[]
}

export const readPathsOf = (dataset: Dataset): ReadPaths => {
  const from = new Date(Date.now() - 30 * 86_400_000).toISOString()
  const until = new Date(Date.now() + 180 * 86_400_000).toISOString()
  return {
    eventPaths: dataset.eventMunicipalityIds.map(
      (id) =>
        `/api/events?where[municipalities][in]=${id}&where[start][greater_than]=${from}&where[start][less_than]=${until}&sort=start&limit=20`,
    ),
    modulePaths: dataset.moduleIds.map((id) => `/api/modules/${id}`),
    projectPaths: dataset.fieldOfActionIds.map(
      (id) => `/api/projects?where[fieldsOfAction][in]=${id}&limit=20&sort=-createdAt`,
    ),
    slugPaths: dataset.projectSlugs.map(
      (slug) => `/api/projects?where[slug][equals]=${slug}&limit=1`,
    ),
  }
}

/** The mixed load's next read path, each call the next of a fixed mix of ten. */
export const mixedPathCycler = ({
  eventPaths,
  modulePaths,
  projectPaths,
  slugPaths,
}: ReadPaths): (() => string) => {
  let next = 0
  return () => {
    const index = next++
    switch (index % 10) {
      case 0:
      case 1:
        return MODULE_LIST_PATH
      case 2:
      case 3:
        return eventPaths[index % eventPaths.length]!
      case 4:
        return projectPaths[index % projectPaths.length]!
      case 5:
      case 6:
        // All 5,000 projects: mostly misses, which fill (and must not overflow) the cache.
        return slugPaths[(index * 7) % slugPaths.length]!
      default:
        return modulePaths[index % modulePaths.length]!
    }
  }
}
