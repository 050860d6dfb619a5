export const de = {
  'plugin-comments': {
    alreadyReported: 'Sie haben diesen Kommentar bereits gemeldet.',
    bodyTooLarge: 'Die Anfrage ist zu groß (höchstens {{max}} Bytes).',
    commentNotFound: 'Kommentar nicht gefunden.',
    commentsDisabled: 'Kommentare sind derzeit abgeschaltet.',
    confirmButton: 'Kommentar bestätigen',
    // The page the confirmation link opens (endpoints/confirm.ts): a headline (…Title) and plain words.
    alreadyConfirmed: 'Ihr Kommentar war schon bestätigt.',
    alreadyConfirmedApproved: 'Ihr Kommentar war schon bestätigt und ist veröffentlicht.',
    alreadyConfirmedPending:
      'Ihr Kommentar war schon bestätigt. Die Redaktion prüft ihn, bevor er erscheint.',
    alreadyConfirmedTitle: 'Schon bestätigt',
    confirmExpired:
      'Der Bestätigungslink ist abgelaufen (er gilt {{hours}} Stunden). Bitte schreiben Sie Ihren Kommentar erneut.',
    confirmInvalid:
      'Der Bestätigungslink ist ungültig oder abgelaufen. Bitte prüfen Sie, ob Sie den ganzen Link aus der E-Mail geöffnet haben; sonst schreiben Sie Ihren Kommentar bitte erneut.',
    confirmQuestion:
      'Damit zeigen Sie, dass die E-Mail-Adresse Ihnen gehört. Danach prüft die Redaktion Ihren Kommentar, bevor er erscheint.',
    confirmTitle: 'Bitte bestätigen Sie Ihren Kommentar',
    confirmed:
      'Danke! Ihre E-Mail-Adresse ist bestätigt. Die Redaktion prüft Ihren Kommentar, bevor er erscheint.',
    confirmedApproved:
      'Danke! Ihre E-Mail-Adresse ist bestätigt und Ihr Kommentar ist veröffentlicht.',
    confirmedApprovedTitle: 'Ihr Kommentar ist veröffentlicht',
    confirmedTitle: 'Ihr Kommentar ist bestätigt',
    pageBack: 'Zurück zur Seite, auf der Sie kommentiert haben',
    pageComment: 'Kommentar',
    pageCommentOn: 'Ihr Kommentar zu {{title}}',
    pageCommentUntitled: 'Ihr Kommentar',
    pageDisabledTitle: 'Zurzeit nicht möglich',
    pageExpiredTitle: 'Der Link ist abgelaufen',
    pageInvalidTitle: 'Dieser Link funktioniert nicht',
    consentRequired:
      'Bitte stimmen Sie der Netiquette und dem Datenschutzhinweis zu ("consent": true).',
    emptyBody:
      'Bitte einen Kommentar als JSON senden, z. B. {"targetCollection": "…", "targetId": "…", "authorName": "…", "email": "…", "text": "…", "consent": true, "formToken": "…"}.',
    formTokenExpired: 'Das Formular ist abgelaufen. Bitte laden Sie die Seite neu.',
    formTokenInvalid: 'Das Formular-Token fehlt oder ist ungültig. Bitte laden Sie die Seite neu.',
    formTokenTooFast:
      'Das ging zu schnell. Bitte warten Sie mindestens {{seconds}} Sekunden nach dem Öffnen des Formulars.',
    honeypot: 'Der Kommentar wurde als automatisch erkannt und nicht gespeichert.',
    invalidField: 'Ungültige Angabe: {{details}}',
    invalidJson: 'Der Inhalt ist kein gültiges JSON.',
    moderationAge: 'Eingegangen',
    moderationApprove: 'Freigeben',
    moderationApproved: '{{count}} Kommentare freigegeben.',
    moderationApproved_one: '1 Kommentar freigegeben.',
    moderationAuthor: 'Name',
    moderationBulkLabel: 'Auswahl ({{count}}):',
    moderationDismissed:
      'Die Meldungen zu {{count}} Kommentaren wurden verworfen; sie sind sichtbar.',
    moderationDismissed_one: 'Die Meldungen zu 1 Kommentar wurden verworfen; er ist sichtbar.',
    moderationEmpty: 'Keine Kommentare warten auf eine Entscheidung.',
    moderationFailed: 'Die Entscheidung konnte nicht gespeichert werden: {{message}}',
    moderationForbidden:
      'Ihr Konto darf keine Kommentare moderieren. Bitte wenden Sie sich an eine Administratorin oder einen Administrator.',
    moderationHiddenByReports: 'Freigegeben, aber wegen Meldungen verborgen',
    moderationIntro:
      'Bestätigte Kommentare, die auf eine Entscheidung warten, und gemeldete: die meistgemeldeten zuerst, dann die ältesten. „Freigeben“ verwirft die Meldungen eines Kommentars.',
    moderationMore: 'Angezeigt werden die ersten {{shown}} von {{total}}.',
    moderationNav: 'Moderation',
    moderationNavOff: 'aus',
    moderationNavWaiting: '{{count}} Kommentare warten auf eine Entscheidung',
    moderationNoPermission: 'Keine Berechtigung',
    moderationNoPermissionText:
      'Ihr Konto darf keine Kommentare moderieren; das ist der Redaktion vorbehalten. Wenn Sie diese Aufgabe übernehmen sollen, wenden Sie sich bitte an eine Administratorin oder einen Administrator.',
    moderationReject: 'Ablehnen',
    moderationRejected: '{{count}} Kommentare abgelehnt.',
    moderationRestored: '{{count}} Kommentare warten wieder auf eine Entscheidung.',
    moderationRestored_one: '1 Kommentar wartet wieder auf eine Entscheidung.',
    moderationRestoredHidden:
      '{{count}} Kommentare sind wieder freigegeben und wegen ihrer Meldungen verborgen, bis Sie entscheiden. Niemand wird benachrichtigt.',
    moderationRestoredHidden_one:
      '1 Kommentar ist wieder freigegeben und wegen seiner Meldungen verborgen, bis Sie entscheiden. Niemand wird benachrichtigt.',
    moderationRejected_one: '1 Kommentar abgelehnt.',
    moderationRestoredReported:
      '{{count}} Kommentare sind wieder freigegeben und mit ihren Meldungen sichtbar, bis Sie entscheiden. Niemand wird benachrichtigt.',
    moderationRestoredReported_one:
      '1 Kommentar ist wieder freigegeben und mit seinen Meldungen sichtbar, bis Sie entscheiden. Niemand wird benachrichtigt.',
    moderationReportedVisible:
      'Freigegeben und noch sichtbar, {{count}}-mal gemeldet (verborgen ab {{threshold}} Meldungen)',
    moderationReportedVisible_one:
      'Freigegeben und noch sichtbar, einmal gemeldet (verborgen ab {{threshold}} Meldungen)',
    moderationReports: 'Meldungen',
    moderationSelect: 'Kommentar von {{name}} auswählen',
    moderationSelectAll: 'Alle auswählen',
    moderationSignedOut:
      'Sie sind nicht mehr angemeldet. Bitte melden Sie sich erneut an und versuchen Sie es noch einmal.',
    moderationSpam: 'Spam',
    moderationSpammed: '{{count}} Kommentare als Spam markiert.',
    moderationUndo: 'Rückgängig',
    moderationUndoChanged: 'Inzwischen hat jemand anderes darüber entschieden.',
    moderationUndoFailed: 'Nicht alles konnte rückgängig gemacht werden: {{message}}',
    moderationSpammed_one: '1 Kommentar als Spam markiert.',
    moderationTarget: 'Eintrag',
    moderationText: 'Text',
    moderationTitle: 'Moderation',
    noReturnToPending:
      'Ein freigegebener Kommentar kann nicht wieder auf „ausstehend“ gesetzt werden; lehnen Sie ihn ab, wenn er nicht erscheinen soll.',
    parentInvalid:
      'Der Kommentar, auf den Sie antworten, existiert nicht, ist nicht öffentlich oder gehört zu einem anderen Eintrag.',
    parentIsReply:
      'Auf Antworten kann nicht geantwortet werden; bitte antworten Sie auf den ursprünglichen Kommentar.',
    repliesNotMoved:
      'Die Antworten auf diesen Kommentar konnten nicht mit ihm verschoben werden; der Kommentar bleibt, wo er war.',
    replyFollowsParent:
      'Eine Antwort bleibt beim Eintrag des Kommentars, auf den sie antwortet. Ordnen Sie diesen Kommentar einem anderen Eintrag zu; seine Antworten ziehen mit.',
    reported: 'Danke für Ihre Meldung. Die Redaktion prüft den Kommentar.',
    submitted:
      'Danke! Bitte bestätigen Sie Ihren Kommentar über den Link, den wir Ihnen per E-Mail geschickt haben.',
    targetMissing: 'nicht mehr vorhanden',
    targetNotFound: 'Eintrag nicht gefunden oder nicht veröffentlicht.',
    threadCollectionUnknown:
      '„{{collection}}“ nimmt keine Kommentare an; kommentieren lassen sich: {{collections}}.',
    threadTargetMissing:
      'Bitte geben Sie an, zu welchem Eintrag die Kommentare gehören, z. B. ?target={{example}} (Sammlung/Kurzname oder ID).',
    tooManyLinks: 'Der Kommentar enthält zu viele Links (höchstens {{max}}).',
    unconfirmedCannotBeApproved:
      'Ein Kommentar mit unbestätigter E-Mail-Adresse kann nicht freigegeben werden.',
    // Mails (plugins/comments/lib/mails.ts)
    approvedMailClosing: 'Vielen Dank für Ihren Beitrag!',
    approvedMailSubject: 'Ihr Kommentar wurde freigeschaltet',
    approvedMailText: 'Ihr Kommentar ist jetzt öffentlich sichtbar:',
    approvedMailTextOn: 'Ihr Kommentar zu {{title}} ist jetzt öffentlich sichtbar:',
    confirmMailAction: 'Kommentar bestätigen',
    confirmMailClosing:
      'Wenn Sie keinen Kommentar geschrieben haben, ignorieren Sie diese E-Mail; der Kommentar wird dann gelöscht.',
    confirmMailSubject: 'Bitte bestätigen Sie Ihren Kommentar',
    confirmMailText:
      'bitte bestätigen Sie Ihren Kommentar innerhalb von {{hours}} Stunden. Erst danach kann er veröffentlicht werden.',
    confirmMailTextOn:
      'bitte bestätigen Sie Ihren Kommentar zu {{title}} innerhalb von {{hours}} Stunden. Erst danach kann er veröffentlicht werden.',
    mailGreeting: 'Guten Tag {{name}},',
    mailBackLink: 'Zur Seite, auf der Sie kommentiert haben',
    moderatorMailAction: 'Kommentar prüfen',
    moderatorMailSubject: 'Neuer Kommentar zur Prüfung',
    moderatorMailTarget: 'Eintrag',
    moderatorMailText: 'Ein neuer bestätigter Kommentar von {{name}} wartet auf Prüfung:',
    officialReplyMailSubject: 'Offizielle Antwort auf Ihren Kommentar',
    officialReplyMailText: 'auf Ihren Kommentar gibt es eine offizielle Antwort der Redaktion:',
    officialReplyMailTextOn:
      'auf Ihren Kommentar zu {{title}} gibt es eine offizielle Antwort der Redaktion:',
    targetLinkLabel: '{{title}} ansehen',
  },
}
