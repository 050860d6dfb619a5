import type { de } from './de'

export const en: typeof de = {
  'plugin-event-registration': {
    answerInvalid: 'The answer to "{{label}}" is missing or invalid.',
    bodyInvalid: 'Please send JSON like {"name": "…", "email": "…", "answers": {}, "consent": true}. ({{details}})',
    cancelInvalid: 'The cancellation link is invalid.',
    cancelMailSubject: 'Cancelled: {{title}}',
    cancelMailText: 'Hello {{name}},\n\nyour registration for "{{title}}" is cancelled.',
    cancelled: 'Your registration is cancelled and your seat released.',
    cancelledAlready: 'This registration was already cancelled.',
    cancelLine: 'Cancel: {{link}}',
    confirmExpired: 'The confirmation link has expired. Please register again.',
    confirmInvalid: 'The confirmation link is invalid or has already been used.',
    confirmMailSubject: 'Please confirm your registration: {{title}}',
    confirmMailText:
      'Hello {{name}},\n\nplease confirm your registration for "{{title}}" ({{start}}) with this link (valid for {{hours}} hours):\n\n{{link}}\n\nIf you did not register, ignore this e-mail.',
    confirmedMailSubject: 'Registration confirmed: {{title}}',
    confirmedMailText: 'Hello {{name}},\n\nyour seat at "{{title}}" ({{start}}) is confirmed. The appointment is attached.',
    confirmedPage: 'Thank you! Your seat is confirmed. You will receive an e-mail with the details.',
    consentRequired: 'Please agree to the privacy notice ("consent": true).',
    deadlinePassed: 'The registration deadline has passed.',
    disabled: 'Registration is switched off at the moment.',
    duplicate: 'This e-mail address is already registered for this event.',
    eventFull: 'Sorry, all seats are taken and there is no waiting list.',
    eventNotFound: 'Event not found.',
    eventPast: 'The event has already started or is over.',
    accessLinkLine: 'Access link: {{link}}',
    pageTitle: 'Registration',
    promotedMailSubject: 'A seat has become free: {{title}}',
    registered: 'Almost done: please confirm your registration with the link in the e-mail.',
    registrationClosed: 'Registration is not (or no longer) possible for this event.',
    waitlistedMailSubject: 'Waiting list: {{title}}',
    waitlistedMailText:
      'Hello {{name}},\n\nall seats at "{{title}}" ({{start}}) are taken; you are on the waiting list. If a seat becomes free you move up automatically and receive an e-mail.',
    waitlistedPage: 'Thank you! All seats are taken; you are on the waiting list.',
  },
}
