import type { EventRegistrationPluginOptions, ResolvedRegistrationOptions } from './types'

export const resolveOptions = (options: EventRegistrationPluginOptions): ResolvedRegistrationOptions => {
  if (!options.eventsCollection) {
    throw new Error('eventRegistrationPlugin: `eventsCollection` must name the events collection.')
  }
  if (!options.consentVersion) {
    throw new Error('eventRegistrationPlugin: `consentVersion` must name the version of the notice visitors agree to.')
  }
  const confirmHours = options.confirmHours ?? 72
  if (!Number.isFinite(confirmHours) || confirmHours <= 0) {
    throw new Error('eventRegistrationPlugin: `confirmHours` must be a number > 0.')
  }
  return {
    canManage: options.canManage ?? (({ req: { user } }) => Boolean(user)),
    confirmHours,
    consentVersion: options.consentVersion,
    disabled: options.disabled ?? false,
    eventsCollection: options.eventsCollection,
    fields: {
      accessLink: 'accessLink',
      end: 'end',
      format: 'format',
      start: 'start',
      title: 'title',
      ...options.fields,
    },
    hashSecret: options.hashSecret,
    mailQueue: options.mailQueue ?? 'mail',
    onlineFormats: options.onlineFormats ?? ['online', 'hybrid'],
    purgeQueue: options.purgeQueue ?? 'default',
    slug: options.slug ?? 'registrations',
    timeZone: options.timeZone ?? 'Europe/Berlin',
  }
}
