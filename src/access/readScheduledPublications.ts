import type { Access, CollectionConfig } from 'payload'

/**
 * Payload's jobs collection is closed to everyone. Signed-in staff may read the scheduled
 * publications in it, so the admin's "Veröffentlichungsplanung" drawer lists what is planned for
 * a document; the other jobs (the mail outbox holds addresses) stay closed.
 */
export const readScheduledPublications: Access = ({ req: { user } }) =>
  user ? { taskSlug: { equals: 'schedulePublish' } } : false

/** `jobs.jobsCollectionOverrides`: Payload's jobs collection with that read access. */
export const withScheduledPublicationsReadable = ({
  defaultJobsCollection,
}: {
  defaultJobsCollection: CollectionConfig
}): CollectionConfig => ({
  ...defaultJobsCollection,
  access: { ...defaultJobsCollection.access, read: readScheduledPublications },
})
