import type { de } from './de'

export const en: typeof de = {
  'plugin-comments': {
    alreadyReported: 'You have already reported this comment.',
    bodyTooLarge: 'The request is too large (at most {{max}} bytes).',
    commentNotFound: 'Comment not found.',
    commentsDisabled: 'Comments are switched off at the moment.',
    confirmButton: 'Confirm comment',
    // The page the confirmation link opens (endpoints/confirm.ts)
    alreadyConfirmed: 'Your comment was already confirmed.',
    alreadyConfirmedApproved: 'Your comment was already confirmed and is published.',
    alreadyConfirmedPending:
      'Your comment was already confirmed. The editors review it before it appears.',
    alreadyConfirmedTitle: 'Already confirmed',
    confirmExpired:
      'The confirmation link has expired (it is valid for {{hours}} hours). Please write your comment again.',
    confirmInvalid:
      'The confirmation link is invalid or has expired. Please check that you opened the whole link from the e-mail; otherwise, please write your comment again.',
    confirmQuestion:
      'This shows that the e-mail address is yours. The editors then review your comment before it appears.',
    confirmTitle: 'Please confirm your comment',
    confirmed:
      'Thank you! Your e-mail address is confirmed. The editors review your comment before it appears.',
    confirmedApproved: 'Thank you! Your e-mail address is confirmed and your comment is published.',
    confirmedApprovedTitle: 'Your comment is published',
    confirmedTitle: 'Your comment is confirmed',
    pageBack: 'Back to the page where you commented',
    pageComment: 'Comment',
    pageCommentOn: 'Your comment on {{title}}',
    pageCommentUntitled: 'Your comment',
    pageDisabledTitle: 'Not possible at the moment',
    pageExpiredTitle: 'This link has expired',
    pageInvalidTitle: 'This link does not work',
    consentRequired: 'Please agree to the netiquette and the privacy notice ("consent": true).',
    emptyBody:
      'Please send a comment as JSON, e.g. {"targetCollection": "…", "targetId": "…", "authorName": "…", "email": "…", "text": "…", "consent": true, "formToken": "…"}.',
    formTokenExpired: 'The form has expired. Please reload the page.',
    formTokenInvalid: 'The form token is missing or invalid. Please reload the page.',
    formTokenTooFast:
      'That was too fast. Please wait at least {{seconds}} seconds after opening the form.',
    honeypot: 'The comment was recognised as automated and not stored.',
    invalidField: 'Invalid input: {{details}}',
    invalidJson: 'The body is not valid JSON.',
    moderationAge: 'Received',
    moderationApprove: 'Approve',
    moderationApproved: '{{count}} comments approved.',
    moderationApproved_one: '1 comment approved.',
    moderationAuthor: 'Name',
    moderationBulkLabel: 'Selection ({{count}}):',
    moderationDismissed: 'The reports on {{count}} comments were dismissed; they are visible.',
    moderationDismissed_one: 'The reports on 1 comment were dismissed; it is visible.',
    moderationEmpty: 'No comments are waiting for a decision.',
    moderationFailed: 'The decision could not be saved: {{message}}',
    moderationForbidden: 'Your account may not moderate comments. Please ask an administrator.',
    moderationHiddenByReports: 'Approved, but hidden by reports',
    moderationIntro:
      'Confirmed comments waiting for a decision, and reported ones: the most reported first, then the oldest. "Approve" dismisses a comment\'s reports.',
    moderationMore: 'Showing the first {{shown}} of {{total}}.',
    moderationNav: 'Moderation',
    moderationNavOff: 'off',
    moderationNavWaiting: '{{count}} comments are waiting for a decision',
    moderationNoPermission: 'Not allowed',
    moderationNoPermissionText:
      'Your account may not moderate comments; that is up to the editors. If you should take on this task, please ask an administrator.',
    moderationReject: 'Reject',
    moderationRejected: '{{count}} comments rejected.',
    moderationRestored: '{{count}} comments await a decision again.',
    moderationRestored_one: '1 comment awaits a decision again.',
    moderationRestoredHidden:
      '{{count}} comments are approved again and hidden by their reports until you decide. Nobody is notified.',
    moderationRestoredHidden_one:
      '1 comment is approved again and hidden by its reports until you decide. Nobody is notified.',
    moderationRejected_one: '1 comment rejected.',
    moderationRestoredReported:
      '{{count}} comments are approved again and visible with their reports until you decide. Nobody is notified.',
    moderationRestoredReported_one:
      '1 comment is approved again and visible with its reports until you decide. Nobody is notified.',
    moderationReportedVisible:
      'Approved and still visible, reported {{count}} times (hidden at {{threshold}} reports)',
    moderationReportedVisible_one:
      'Approved and still visible, reported once (hidden at {{threshold}} reports)',
    moderationReports: 'Reports',
    moderationSelect: 'Select the comment by {{name}}',
    moderationSelectAll: 'Select all',
    moderationSignedOut: 'You are no longer signed in. Please sign in again and try once more.',
    moderationSpam: 'Spam',
    moderationSpammed: '{{count}} comments marked as spam.',
    moderationUndo: 'Undo',
    moderationUndoChanged: 'Somebody else has decided on it meanwhile.',
    moderationUndoFailed: 'Not everything could be undone: {{message}}',
    moderationSpammed_one: '1 comment marked as spam.',
    moderationTarget: 'Entry',
    moderationText: 'Text',
    moderationTitle: 'Moderation',
    noReturnToPending:
      'An approved comment cannot be set back to "pending"; reject it if it should not appear.',
    parentInvalid:
      'The comment you reply to does not exist, is not public or belongs to another entry.',
    parentIsReply: 'Replies cannot be replied to; please reply to the original comment.',
    repliesNotMoved:
      'The replies to this comment could not be moved with it; the comment stays where it was.',
    replyFollowsParent:
      'A reply stays with the entry of the comment it answers. Move that comment to another entry; its replies move with it.',
    reported: 'Thank you for your report. The editors will review the comment.',
    submitted: 'Thank you! Please confirm your comment with the link we sent you by e-mail.',
    targetMissing: 'no longer there',
    targetNotFound: 'Entry not found or not published.',
    threadCollectionUnknown:
      '"{{collection}}" takes no comments; comments can be written on: {{collections}}.',
    threadTargetMissing:
      'Please say which entry the comments belong to, e.g. ?target={{example}} (collection/slug or id).',
    tooManyLinks: 'The comment contains too many links (at most {{max}}).',
    unconfirmedCannotBeApproved: 'A comment with an unconfirmed e-mail address cannot be approved.',
    // Mails (plugins/comments/lib/mails.ts)
    approvedMailClosing: 'Thank you for your contribution!',
    approvedMailSubject: 'Your comment has been published',
    approvedMailText: 'your comment is now public:',
    approvedMailTextOn: 'your comment on {{title}} is now public:',
    confirmMailAction: 'Confirm comment',
    confirmMailClosing:
      'If you did not write a comment, ignore this e-mail; the comment will then be deleted.',
    confirmMailSubject: 'Please confirm your comment',
    confirmMailText:
      'please confirm your comment within {{hours}} hours. Only then can it be published.',
    confirmMailTextOn:
      'please confirm your comment on {{title}} within {{hours}} hours. Only then can it be published.',
    mailGreeting: 'Hello {{name}},',
    mailBackLink: 'To the page where you commented',
    moderatorMailAction: 'Review the comment',
    moderatorMailSubject: 'New comment to review',
    moderatorMailTarget: 'Entry',
    moderatorMailText: 'A new confirmed comment by {{name}} awaits review:',
    officialReplyMailSubject: 'Official reply to your comment',
    officialReplyMailText: 'the editors have replied to your comment:',
    officialReplyMailTextOn: 'the editors have replied to your comment on {{title}}:',
    targetLinkLabel: 'View {{title}}',
  },
}
