export const de = {
  'plugin-event-registration': {
    cancelButton: 'Abmelden',
    confirmButton: 'Anmeldung bestätigen',
    attendanceNone: 'Es gibt keine als anwesend markierten Anmeldungen.',
    attendanceQueued:
      '{{queued}} Teilnahmebestätigung(en) werden verschickt; {{skipped}} waren schon verschickt.',
    csvAnswers: 'Antworten',
    csvAttended: 'Anwesend',
    csvConfirmedAt: 'Bestätigt am',
    csvEmail: 'E-Mail',
    csvName: 'Name',
    csvRegisteredAt: 'Angemeldet am',
    csvStatus: 'Status',
    decisionInvalid: 'Bitte senden Sie {"status": "confirmed"} oder {"status": "cancelled"}.',
    decisionNoSeat:
      'Alle Plätze sind belegt. Sie können die Anmeldung trotzdem bestätigen (Überbuchung) oder die Platzzahl erhöhen.',
    deleteRefused:
      'Bestätigte Anmeldungen und solche auf der Warteliste werden storniert, nicht gelöscht (damit die Warteliste nachrückt und die Person informiert wird).',
    exportStatusInvalid: 'Unbekannter Status. Möglich: {{statuses}}.',
    decisionNotPossible:
      'Eine Anmeldung mit dem Status „{{status}}“ kann nicht so geändert werden.',
    forbidden: 'Dafür fehlt Ihnen die Berechtigung.',
    lockTimeout:
      'Gerade werden sehr viele Anmeldungen bearbeitet. Bitte versuchen Sie es in ein paar Sekunden noch einmal.',
    messageInvalid:
      'Bitte senden Sie {"subject": "…", "text": "…"} (Betreff bis 200, Text bis 10.000 Zeichen).',
    messageQueued:
      'Die Nachricht wird an {{queued}} bestätigte Teilnehmende verschickt; {{skipped}} hatten sie schon erhalten.',
    notRecognised: 'Diese Veranstaltung ist nicht als Fortbildung anerkannt (Kammer fehlt).',
    registrationNotFound: 'Anmeldung nicht gefunden.',
    answerInvalid: 'Die Antwort auf „{{label}}“ fehlt oder ist ungültig.',
    bodyInvalid:
      'Bitte senden Sie JSON wie {"name": "…", "email": "…", "answers": {}, "consent": true}. ({{details}})',
    bodyTooLarge: 'Die Anfrage ist zu groß (höchstens {{max}} Bytes).',
    consentRequired: 'Bitte stimmen Sie der Datenschutzerklärung zu ("consent": true).',
    deadlineAfterStart:
      'Der Anmeldeschluss {{deadline}} liegt nach dem Beginn der Veranstaltung am {{start}}. Bitte wählen Sie spätestens den Tag des Beginns.',
    deadlineInPast:
      'Der Anmeldeschluss {{deadline}} liegt in der Vergangenheit. Bitte wählen Sie heute oder einen späteren Tag.',
    deadlinePassed: 'Der Anmeldeschluss ist vorbei.',
    disabled: 'Anmeldungen sind zurzeit abgeschaltet.',
    eventFull: 'Leider sind alle Plätze vergeben, und es gibt keine Warteliste.',
    eventNotFound: 'Veranstaltung nicht gefunden.',
    eventPast: 'Die Veranstaltung hat bereits begonnen oder ist vorbei.',
    registered: 'Fast geschafft: Bitte bestätigen Sie Ihre Anmeldung über den Link in der E-Mail.',
    registrationClosed: 'Für diese Veranstaltung ist keine Anmeldung (mehr) möglich.',
    // Pages the mailed links open (endpoints/confirm.ts, endpoints/cancel.ts): a headline
    // (…Title) and plain words; the event's title stands on its own, never inside „…“.
    alreadyConfirmed: 'Ihre Anmeldung war schon bestätigt: Sie haben einen Platz.',
    alreadyConfirmedTitle: 'Schon bestätigt',
    alreadyWaitlisted:
      'Ihre Anmeldung war schon bestätigt: Sie stehen auf der Warteliste an Stelle {{position}}.',
    cancelInvalid:
      'Der Abmeldelink ist ungültig. Bitte prüfen Sie, ob Sie den ganzen Link aus der E-Mail geöffnet haben.',
    cancelPast: 'Eine Abmeldung ist nicht mehr nötig.',
    cancelQuestion: 'Ihr Platz wird dann für andere frei.',
    cancelQuestionPending: 'Ihre noch nicht bestätigte Anmeldung wird dann storniert.',
    cancelQuestionWaitlisted:
      'Sie stehen dann nicht mehr auf der Warteliste (zurzeit an Stelle {{position}}).',
    cancelTitle: 'Möchten Sie sich abmelden?',
    cancelled: 'Danke, dass Sie Bescheid gegeben haben. Ihr Platz ist wieder frei.',
    cancelledAlready: 'Diese Anmeldung war bereits storniert.',
    cancelledAlreadyTitle: 'Schon abgemeldet',
    cancelledPending: 'Ihre Anmeldung war noch nicht bestätigt; Sie müssen nichts weiter tun.',
    cancelledTitle: 'Sie sind abgemeldet',
    cancelledWaitlisted:
      'Danke, dass Sie Bescheid gegeben haben. Sie stehen nicht mehr auf der Warteliste.',
    confirmCancelled: 'Wenn Sie doch teilnehmen möchten, melden Sie sich bitte erneut an.',
    confirmCancelledTitle: 'Diese Anmeldung ist storniert',
    confirmExpired:
      'Der Bestätigungslink ist abgelaufen (er gilt {{hours}} Stunden). Bitte melden Sie sich erneut an.',
    confirmInvalid:
      'Der Bestätigungslink ist ungültig oder abgelaufen. Bitte prüfen Sie, ob Sie den ganzen Link aus der E-Mail geöffnet haben; sonst melden Sie sich bitte erneut an.',
    confirmPast: 'Eine Anmeldung ist nicht mehr möglich.',
    confirmQuestion: 'Erst mit Ihrer Bestätigung ist die Anmeldung gültig.',
    confirmTitle: 'Bitte bestätigen Sie Ihre Anmeldung',
    confirmedPage: 'Danke! Ihr Platz ist bestätigt. Sie erhalten eine E-Mail mit allen Angaben.',
    confirmedTitle: 'Sie haben einen Platz',
    eventGone: 'Diese Veranstaltung gibt es nicht mehr.',
    pageBack: 'Zurück zur Seite, auf der Sie sich angemeldet haben',
    pageBusyTitle: 'Bitte versuchen Sie es gleich noch einmal',
    pageEvent: 'Veranstaltung',
    pageEventGoneTitle: 'Veranstaltung nicht gefunden',
    pageExpiredTitle: 'Der Link ist abgelaufen',
    pageFullTitle: 'Leider ausgebucht',
    pageInvalidTitle: 'Dieser Link funktioniert nicht',
    pagePastTitle: 'Die Veranstaltung hat schon begonnen',
    waitlistedPage:
      'Danke! Alle Plätze sind vergeben. Wird ein Platz frei, rücken Sie automatisch nach und erhalten eine E-Mail.',
    waitlistedTitle: 'Sie stehen auf der Warteliste an Stelle {{position}}',
    // Mails (plugins/event-registration/lib/mails.ts)
    attendanceMailChamber: 'Anerkannt durch',
    attendanceMailPoints: 'Fortbildungspunkte / Unterrichtsstunden',
    attendanceMailSubject: 'Teilnahmebestätigung: {{title}} – {{date}}',
    attendanceMailSubjectArea: 'Fachrichtung',
    attendanceMailText:
      'Hiermit wird bestätigt, dass {{name}} am {{date}} an dieser Veranstaltung teilgenommen hat:',
    attendanceMailTitle: 'Teilnahmebestätigung',
    cancelMailClosingOrganiser: 'Bei Fragen antworten Sie bitte auf diese E-Mail.',
    cancelMailSubject: 'Abmeldung: {{title}} – {{date}}',
    cancelMailText: 'Sie sind von dieser Veranstaltung abgemeldet:',
    cancelMailTextOrganiser:
      'die Veranstalter haben Ihre Anmeldung zu dieser Veranstaltung storniert:',
    alreadyRegisteredMailClosing:
      'Wenn Sie die zweite Anmeldung nicht selbst geschickt haben, müssen Sie nichts tun.',
    alreadyRegisteredMailSubject: 'Sie sind bereits angemeldet: {{title}} – {{date}}',
    alreadyRegisteredMailText:
      'mit Ihrer E-Mail-Adresse wurde noch einmal eine Anmeldung zu dieser Veranstaltung geschickt. Sie sind bereits angemeldet, Ihr Platz ist bestätigt:',
    alreadyRegisteredMailTextPending:
      'mit Ihrer E-Mail-Adresse wurde noch einmal eine Anmeldung zu dieser Veranstaltung geschickt. Ihre erste Anmeldung wartet noch auf Ihre Bestätigung: Bitte nutzen Sie den Link aus der ersten E-Mail. Ohne Bestätigung verfällt sie, danach können Sie sich neu anmelden.',
    alreadyRegisteredMailTextWaitlisted:
      'mit Ihrer E-Mail-Adresse wurde noch einmal eine Anmeldung zu dieser Veranstaltung geschickt. Sie stehen bereits auf der Warteliste; wird ein Platz frei, rücken Sie automatisch nach:',
    alreadyRegisteredMailTitle: 'Sie sind bereits angemeldet',
    cancelMailTitle: 'Sie sind abgemeldet',
    cancelMailTitleOrganiser: 'Ihre Anmeldung wurde storniert',
    confirmedMailClosing: 'Den Termin für Ihren Kalender finden Sie im Anhang.',
    confirmedMailSubject: 'Anmeldung bestätigt: {{title}} – {{date}}',
    confirmedMailText: 'Ihr Platz bei dieser Veranstaltung ist bestätigt:',
    confirmedMailTitle: 'Ihr Platz ist bestätigt',
    confirmMailAction: 'Anmeldung bestätigen',
    confirmMailClosing:
      'Wenn Sie sich nicht angemeldet haben, ignorieren Sie diese E-Mail; ohne Bestätigung verfällt die Anmeldung.',
    confirmMailSubject: 'Anmeldung bestätigen: {{title}} – {{date}}',
    confirmMailText:
      'bitte bestätigen Sie innerhalb von {{hours}} Stunden Ihre Anmeldung zu dieser Veranstaltung:',
    confirmMailTitle: 'Bitte bestätigen Sie Ihre Anmeldung',
    mailAccessAction: 'An der Online-Veranstaltung teilnehmen',
    mailCancelHint: 'Wenn Sie doch nicht teilnehmen können, melden Sie sich bitte ab.',
    mailCancelLink: 'Abmelden',
    mailEvent: 'Veranstaltung',
    mailGreeting: 'Guten Tag {{name}},',
    mailStart: 'Wann',
    promotedMailSubject: 'Ein Platz ist frei geworden: {{title}} – {{date}}',
    promotedMailText:
      'ein Platz ist frei geworden, und Sie sind von der Warteliste nachgerückt. Ihr Platz bei dieser Veranstaltung ist bestätigt:',
    promotedMailTitle: 'Sie haben einen Platz bekommen',
    reminderMailClosing: 'Wir freuen uns auf Sie.',
    reminderMailSubject: 'Erinnerung: {{title}} am {{start}}',
    reminderMailText: 'wir erinnern Sie an diese Veranstaltung, zu der Sie angemeldet sind:',
    reminderMailTitle: 'Erinnerung an Ihre Veranstaltung',
    waitlistedMailClosing:
      'Wird ein Platz frei, rücken Sie automatisch nach und erhalten eine E-Mail.',
    waitlistedMailSubject: 'Warteliste: {{title}} – {{date}}',
    waitlistedMailText:
      'alle Plätze bei dieser Veranstaltung sind vergeben; Sie stehen auf der Warteliste:',
    waitlistedMailTitle: 'Sie stehen auf der Warteliste',
    // The organisers' panel on an event (components/RegistrationsPanel/)
    panelActions: 'Aktionen',
    panelAll: 'Alle',
    panelAnonymised: '(anonymisiert)',
    panelAttendance: 'Teilnahmebestätigungen (Fortbildung)',
    panelAttendanceButton: 'Teilnahmebestätigungen senden',
    panelAttendanceConfirm:
      'Teilnahmebestätigungen an alle als anwesend markierten Teilnehmenden ({{count}}) senden? Wer schon eine erhalten hat, bekommt keine zweite.',
    panelAttendanceHint:
      'Nur für Veranstaltungen, die als Fortbildung anerkannt sind (Kammer eingetragen und gespeichert): Alle als anwesend markierten Teilnehmenden erhalten eine Teilnahmebestätigung per E-Mail.',
    panelAttendanceNoneAttended:
      'Noch niemand ist als anwesend markiert. Markieren Sie die Teilnehmenden in der Liste oben unter „Anwesend“.',
    panelAttendanceNotRecognised:
      'Nicht möglich: Diese Veranstaltung ist nicht als Fortbildung anerkannt. Tragen Sie die Anerkennung (mit Kammer) ein und speichern Sie die Veranstaltung; dann können Sie hier Teilnahmebestätigungen senden.',
    panelForbidden:
      'Die Anmeldungen zu dieser Veranstaltung können Sie nicht sehen: Dafür haben Sie keine Berechtigung. Bitte wenden Sie sich an die Redaktion, die die Anmeldungen verwaltet.',
    panelAttended: 'Anwesend',
    panelAttendedLabel: 'Anwesend: {{name}}',
    panelCancel: 'Stornieren',
    panelCancelConfirm:
      'Die Anmeldung von „{{name}}“ stornieren? Die Person erhält eine E-Mail; ein frei werdender Platz geht an die Warteliste.',
    panelCancelled: 'Die Anmeldung von „{{name}}“ ist storniert.',
    panelCheckedIn: '„{{name}}“ ist als anwesend markiert.',
    panelCheckedOut: 'Die Anwesenheit von „{{name}}“ ist zurückgenommen.',
    panelConfirm: 'Bestätigen',
    panelConfirmed: 'Die Anmeldung von „{{name}}“ ist bestätigt.',
    panelCsv: 'Export (CSV)',
    panelCsvAll: 'Alle Anmeldungen als CSV',
    panelCsvAttendees: 'Teilnehmende als CSV',
    panelCsvFilter: '„{{filter}}“ als CSV',
    panelEmail: 'E-Mail',
    panelEmpty: 'Noch keine Anmeldungen.',
    panelEmptyFilter: 'Keine Anmeldungen mit diesem Status.',
    panelFailed: 'Das hat nicht geklappt: {{message}}',
    panelFilterLabel: 'Anmeldungen nach Status filtern',
    panelFull: 'ausgebucht',
    panelMessage: 'Nachricht an alle Bestätigten',
    panelMessageConfirm:
      'Die Nachricht „{{subject}}“ an alle bestätigten Teilnehmenden ({{count}}) senden?',
    panelMessageGreetingName: 'Anna Beispiel',
    panelMessageHint:
      'Jede E-Mail beginnt mit der Anrede „{{greeting}}“ (mit dem Namen der Person), bitte schreiben Sie darum keine eigene. Am Ende steht der Abmeldelink der Person. Dieselbe Nachricht ein zweites Mal erreicht nur, wer sie noch nicht hat.',
    panelMessageSend: 'Senden',
    panelMessageSubject: 'Betreff',
    panelMessageText: 'Text',
    panelMoveUp: 'Nachrücken',
    panelMovedUp: '„{{name}}“ ist von der Warteliste nachgerückt.',
    panelName: 'Name',
    panelOverbookQuestion: 'Trotzdem bestätigen und die Veranstaltung überbuchen?',
    panelPromoted: '{{count}} Person(en) von der Warteliste sind nachgerückt.',
    panelRefresh: 'Aktualisieren',
    panelRegisteredAt: 'Angemeldet am',
    panelRegistrations: 'Anmeldungen',
    panelSeats: 'Plätze belegt',
    panelSeatsLabel: '{{taken}} von {{capacity}} Plätzen belegt',
    panelStatus: 'Status',
    panelTitle: 'Anmeldungen',
    panelUnlimited: 'unbegrenzt',
    panelUnsaved: 'Speichern Sie die Veranstaltung, um hier ihre Anmeldungen zu verwalten.',
    panelWaiting: 'Warteliste: {{count}}',
    panelStatusCancelled: 'Storniert',
    panelStatusConfirmed: 'Bestätigt',
    panelStatusPending: 'Unbestätigt',
    panelStatusWaitlisted: 'Warteliste',
  },
}
