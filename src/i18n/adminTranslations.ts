/**
 * Payload's admin texts in our voice. Its German addresses people as "du"; the public sector
 * (and everything else of Quartiersnetz) writes "Sie", so every text of Payload's German that
 * uses du, dich, dir, dein or a du-imperative is replaced here. The dashboard's "widgets" are
 * Kacheln, and the account page's "Payload-Einstellungen" carry the product's name.
 * tests/int/adminTranslations.int.spec.ts checks the merged German texts for du-forms.
 */
import type { Config, SanitizedConfig } from 'payload'

import { deepMergeSimple } from 'payload'

type Translations = NonNullable<NonNullable<Config['i18n']>['translations']>

const de = {
  authentication: {
    beginCreateFirstUser: 'Legen Sie zuerst ein Benutzerkonto an.',
    checkYourEmailForPasswordReset:
      'Wenn die E-Mail-Adresse zu einem Benutzerkonto gehört, erhalten Sie in Kürze eine Anleitung zum Zurücksetzen Ihres Passworts. Bitte sehen Sie auch im Spam-Ordner nach, falls die E-Mail nicht im Posteingang ankommt.',
    forgotPasswordEmailInstructions:
      'Bitte geben Sie Ihre E-Mail-Adresse ein. Sie erhalten dann eine E-Mail mit einer Anleitung zum Zurücksetzen Ihres Passworts.',
    forgotPasswordUsernameInstructions:
      'Bitte geben Sie Ihren Benutzernamen ein. Die Anleitung zum Zurücksetzen Ihres Passworts geht an die E-Mail-Adresse, die zu Ihrem Benutzernamen gehört.',
    generatingNewAPIKeyWillInvalidate:
      'Mit einem neuen API-Schlüssel wird der bisherige <1>ungültig</1>. Möchten Sie fortfahren?',
    loggedIn:
      'Um sich mit einem anderen Benutzerkonto anzumelden, <0>melden Sie sich</0> zuerst ab.',
    loggedInChangePassword: 'Ihr Passwort ändern Sie in Ihrem <0>Benutzerkonto</0>.',
    loggedOutInactivity: 'Sie wurden wegen Inaktivität abgemeldet.',
    loggedOutSuccessfully: 'Sie wurden abgemeldet.',
    loginWithAnotherUser:
      'Um sich mit einem anderen Benutzerkonto anzumelden, <0>melden Sie sich</0> zuerst ab.',
    newAccountCreated:
      'Für Sie wurde ein Benutzerkonto auf <a href="{{serverURL}}">{{serverURL}}</a> angelegt. Bitte öffnen Sie den folgenden Link (oder kopieren Sie ihn in Ihren Browser), um Ihre E-Mail-Adresse zu bestätigen: <a href="{{verificationURL}}">{{verificationURL}}</a><br> Danach können Sie sich anmelden.',
    resetYourPassword: 'Passwort zurücksetzen',
    verifyYourEmail: 'E-Mail-Adresse bestätigen',
    youAreInactive:
      'Sie waren eine Weile nicht aktiv und werden zu Ihrer Sicherheit in Kürze abgemeldet. Möchten Sie angemeldet bleiben?',
    youAreReceivingResetPassword:
      'Sie erhalten diese Nachricht, weil für Ihr Benutzerkonto das Zurücksetzen des Passworts angefordert wurde (von Ihnen oder von jemand anderem). Bitte öffnen Sie den folgenden Link oder kopieren Sie ihn in Ihren Browser, um fortzufahren:',
    youDidNotRequestPassword:
      'Wenn Sie das nicht angefordert haben, können Sie diese E-Mail ignorieren; Ihr Passwort bleibt unverändert.',
  },
  dashboard: {
    addWidget: 'Kachel hinzufügen',
    deleteWidget: 'Kachel {{id}} entfernen',
    discardMessage:
      'Sie haben die Anordnung Ihrer Übersicht geändert, aber nicht gespeichert. Möchten Sie die Änderungen verwerfen?',
    editDashboard: 'Übersicht anpassen',
    editingDashboard: 'Übersicht anpassen',
    noItems:
      'Ihre Übersicht enthält keine Kacheln. Über das Menü „Übersicht“ oben können Sie Kacheln hinzufügen.',
    resetLayout: 'Anordnung zurücksetzen',
    searchWidgets: 'Kacheln suchen …',
  },
  error: {
    deletingTitle:
      'Beim Löschen von {{title}} ist ein Fehler aufgetreten. Bitte prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
    documentNotFound:
      'Das Dokument mit der ID {{id}} wurde nicht gefunden. Es wurde gelöscht, hat nie existiert, oder Sie haben keinen Zugriff darauf.',
    insufficientClipboardPermissions:
      'Kein Zugriff auf die Zwischenablage. Bitte erlauben Sie ihn in Ihrem Browser.',
    notAllowedToAccessPage: 'Sie haben keine Berechtigung für diese Seite.',
    notAllowedToPerformAction: 'Sie haben keine Berechtigung für diese Aktion.',
    restoringTitle:
      'Beim Wiederherstellen von {{title}} ist ein Fehler aufgetreten. Bitte prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
    // Also what the admin shows a signed-in user whose role doesn't allow a view (e.g. "anlegen").
    unauthorized:
      'Nicht angemeldet oder keine Berechtigung: Dafür müssen Sie angemeldet sein, und Ihre Rolle muss es erlauben.',
    unverifiedEmail: 'Bitte bestätigen Sie Ihre E-Mail-Adresse, bevor Sie sich anmelden.',
  },
  fields: {
    chooseBetweenCustomTextOrDocument:
      'Geben Sie eine eigene URL ein, oder verlinken Sie ein anderes Dokument.',
    chooseDocumentToLink: 'Dokument zum Verlinken auswählen',
  },
  folder: {
    folderTypeDescription:
      'Wählen Sie aus, welche Arten von Dokumenten in diesem Ordner erlaubt sind.',
    moveItemsToFolderConfirmation:
      'Sie verschieben <1>{{count}} {{label}}</1> nach <2>{{toFolder}}</2>. Möchten Sie fortfahren?',
    moveItemsToRootConfirmation:
      'Sie verschieben <1>{{count}} {{label}}</1> in den Hauptordner. Möchten Sie fortfahren?',
    moveItemToFolderConfirmation:
      'Sie verschieben <1>{{title}}</1> nach <2>{{toFolder}}</2>. Möchten Sie fortfahren?',
    moveItemToRootConfirmation:
      'Sie verschieben <1>{{title}}</1> in den Hauptordner. Möchten Sie fortfahren?',
  },
  general: {
    aboutToDelete: 'Sie löschen {{label}} <1>{{title}}</1>. Möchten Sie fortfahren?',
    aboutToDeleteCount_many: 'Sie löschen {{count}} {{label}}.',
    aboutToDeleteCount_one: 'Sie löschen {{count}} {{label}}.',
    aboutToDeleteCount_other: 'Sie löschen {{count}} {{label}}.',
    aboutToPermanentlyDelete:
      'Sie löschen {{label}} <1>{{title}}</1> endgültig. Möchten Sie fortfahren?',
    aboutToPermanentlyDeleteTrash:
      'Sie löschen <0>{{count}}</0> <1>{{label}}</1> endgültig aus dem Papierkorb. Möchten Sie fortfahren?',
    aboutToRestore: 'Sie stellen {{label}} <1>{{title}}</1> wieder her. Möchten Sie fortfahren?',
    aboutToRestoreAsDraft:
      'Sie stellen {{label}} <1>{{title}}</1> als Entwurf wieder her. Möchten Sie fortfahren?',
    aboutToRestoreAsDraftCount: 'Sie stellen {{count}} {{label}} als Entwurf wieder her.',
    aboutToRestoreCount: 'Sie stellen {{count}} {{label}} wieder her.',
    aboutToTrash:
      'Sie verschieben {{label}} <1>{{title}}</1> in den Papierkorb. Möchten Sie fortfahren?',
    aboutToTrashCount: 'Sie verschieben {{count}} {{label}} in den Papierkorb.',
    changesNotSaved:
      'Ihre Änderungen sind nicht gespeichert. Wenn Sie die Seite jetzt verlassen, gehen sie verloren.',
    copyWarning:
      'Sie überschreiben {{to}} mit {{from}} für {{label}} {{title}}. Möchten Sie fortfahren?',
    creating: 'Wird angelegt',
    creatingNewLabel: '{{label}} anlegen',
    currentlyEditing:
      'bearbeitet dieses Dokument gerade. Wenn Sie übernehmen, kann diese Person nicht weiter bearbeiten, und ihre ungespeicherten Änderungen können verloren gehen.',
    documentOutOfDate:
      'Dieses Dokument wurde inzwischen von einer anderen Person geändert. Ihre Ansicht ist nicht mehr aktuell.',
    enterAValue: 'Wert eingeben',
    // Yes/no fields in lists and filters: plain words, not "wahr" and "falsch".
    false: 'Nein',
    // "<ohne Kommune>": Payload's "<Kein {{label}}>" fits masculine and neuter labels only.
    noLabel: '<ohne {{label}}>',
    // An empty list: Payload's "Es existieren keine oder keine entsprechen …" has no noun.
    noResultsDescription:
      'Es gibt noch keine Einträge, oder keiner passt zur Suche und zu den Filtern oben.',
    noResultsFound: 'Keine Einträge gefunden.',
    moveConfirm:
      'Sie verschieben {{count}} {{label}} nach <1>{{destination}}</1>. Möchten Sie fortfahren?',
    payloadSettings: 'Quartiersnetz-Einstellungen',
    // Payload appends further fields after the label: "Suchen nach Titel, Kurzbeschreibung oder Stadtteil".
    searchBy: 'Suchen nach {{label}}',
    sorryNotFound: 'Dazu wurde leider nichts gefunden.',
    true: 'Ja',
    unsavedChanges:
      'Sie haben ungespeicherte Änderungen. Bitte speichern oder verwerfen Sie sie, bevor Sie fortfahren.',
    unsavedChangesDuplicate:
      'Sie haben ungespeicherte Änderungen. Möchten Sie trotzdem duplizieren?',
  },
  upload: {
    cropToolDescription:
      'Ziehen Sie die Ecken des ausgewählten Bereichs, zeichnen Sie einen neuen Bereich, oder passen Sie die Werte unten an.',
    focalPointDescription:
      'Setzen Sie den Fokuspunkt direkt in der Vorschau, oder passen Sie die Werte unten an.',
  },
  validation: {
    // An empty read-only list (array or blocks); the label is plural: "Keine Links eingetragen."
    fieldHasNo: 'Keine {{label}} eingetragen.',
    emailAddress: 'Bitte geben Sie eine gültige E-Mail-Adresse ein.',
    enterNumber: 'Bitte geben Sie eine gültige Zahl ein.',
    username:
      'Bitte geben Sie einen gültigen Benutzernamen ein. Er darf Buchstaben, Ziffern, Bindestriche, Punkte und Unterstriche enthalten.',
  },
  version: {
    aboutToPublishSelection:
      'Sie veröffentlichen alle ausgewählten {{label}}. Möchten Sie fortfahren?',
    aboutToRestore: 'Sie setzen {{label}} auf den Stand vom {{versionDate}} zurück.',
    aboutToRestoreGlobal:
      'Sie setzen das globale Dokument {{label}} auf den Stand vom {{versionDate}} zurück.',
    aboutToRevertToPublished:
      'Sie verwerfen die Änderungen an diesem Dokument seit der letzten Veröffentlichung. Möchten Sie fortfahren?',
    aboutToUnpublish:
      'Sie nehmen dieses Dokument aus der Veröffentlichung (es wird zum Entwurf). Möchten Sie fortfahren?',
    aboutToUnpublishIn:
      'Sie nehmen dieses Dokument in {{locale}} aus der Veröffentlichung. Möchten Sie fortfahren?',
    aboutToUnpublishSelection:
      'Sie nehmen alle ausgewählten {{label}} aus der Veröffentlichung. Möchten Sie fortfahren?',
  },
  // The rich-text editor's own texts (merged over the config's by @payloadcms/richtext-lexical,
  // so they are applied again after sanitising: see withAdminTranslationsLast).
  lexical: {
    general: { placeholder: 'Text eingeben, oder „/“ für Befehle …' },
  },
}

const en = {
  dashboard: {
    addWidget: 'Add tile',
    deleteWidget: 'Remove tile {{id}}',
    editDashboard: 'Arrange overview',
    editingDashboard: 'Arrange overview',
    noItems: 'Your overview has no tiles. You can add them from the "Overview" menu at the top.',
    searchWidgets: 'Search tiles …',
  },
  general: {
    dashboard: 'Overview',
    false: 'No',
    payloadSettings: 'Quartiersnetz settings',
    true: 'Yes',
  },
}

/** The admin's texts in Quartiersnetz's voice, German ("Sie") and English. */
export const adminTranslations = { de, en } satisfies Translations

/**
 * The sanitised config with our admin texts applied once more, last: while sanitising,
 * @payloadcms/richtext-lexical merges its own texts over the config's (its German editor
 * placeholder is a du-imperative), so what the config says for them would not win otherwise.
 */
export const withAdminTranslationsLast = async (
  config: Promise<SanitizedConfig>,
): Promise<SanitizedConfig> => {
  const sanitized = await config
  return {
    ...sanitized,
    i18n: {
      ...sanitized.i18n,
      translations: deepMergeSimple(sanitized.i18n.translations, adminTranslations),
    },
  }
}
