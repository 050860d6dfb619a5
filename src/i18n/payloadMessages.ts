/**
 * German for the messages Payload (and graphql-js) write in English whatever the client's
 * language: hard-coded texts in Payload's operations and routes, and validation errors raised
 * without a translator. Messages Payload translates itself arrive German already and match
 * nothing here.
 */
type Translation = [pattern: RegExp, german: (...groups: string[]) => string]

/** Field names Payload reports by path (auth fields have no label of ours). */
const FIELD_WORDS: Record<string, string> = {
  email: 'E-Mail-Adresse',
  password: 'Passwort',
  token: 'Token',
  username: 'Benutzername',
}

const fieldWords = (list: string) =>
  list
    .split(', ')
    .map((field) => FIELD_WORDS[field] ?? field)
    .join(', ')

const UNEXPECTED = 'Es ist ein unerwarteter Fehler aufgetreten. Bitte versuchen Sie es später erneut.'

const TRANSLATIONS: Translation[] = [
  [/^Route not found "(.*)"$/s, (path) => `Diese Adresse gibt es in der API nicht: „${path}“.`],
  [/^Cannot (\w+) (\S+)$/, (method, url) => `Die Methode ${method} ist für „${url}“ nicht verfügbar.`],
  [/^The following field is invalid: (.*)$/s, (fields) => `Das folgende Feld ist nicht korrekt: ${fieldWords(fields)}`],
  [/^The following fields are invalid: (.*)$/s, (fields) => `Die folgenden Felder sind nicht korrekt: ${fieldWords(fields)}`],
  [/^The following fields are invalid \((\d+)\): (.*)$/s, (count, fields) => `Die folgenden ${count} Felder sind nicht korrekt: ${fieldWords(fields)}`],
  [/^Invalid JSON\.?$/, () => 'Der Inhalt der Anfrage ist kein gültiges JSON.'],
  [/^Missing ID of document to update\.$/, () => 'Die ID des zu ändernden Dokuments fehlt.'],
  [/^Missing ID of version( to restore)?\.$/, () => 'Die ID der Version fehlt.'],
  [/^Missing required data\.$/, () => 'Es fehlen erforderliche Angaben.'],
  [/^Missing 'where' query of documents to (update|delete)\.$/, (action) => `Für das ${action === 'update' ? 'Ändern' : 'Löschen'} mehrerer Dokumente fehlt die Auswahl („where“); für ein einzelnes Dokument geben Sie seine ID in der Adresse an.`],
  [/^(Username or email is required|Field is required)$/, () => 'Diese Angabe ist erforderlich.'],
  [/^Could not read uploaded file for (validation|type detection)\.$/, () => 'Die hochgeladene Datei konnte nicht gelesen werden.'],
  [/^Missing (email|username)\.$/, (field) => `Die Angabe „${FIELD_WORDS[field]}“ fehlt.`],
  [/^Token is either invalid or has expired\.$/, () => 'Der Link ist ungültig oder abgelaufen.'],
  [/^Verification token is invalid\.$/, () => 'Der Bestätigungslink ist ungültig.'],
  [/^The email or password provided is incorrect\.$/, () => 'Die E-Mail-Adresse oder das Passwort ist falsch.'],
  [/^No User$/, () => 'Kein Benutzerkonto gefunden.'],
  [/^(A file name is required|Invalid filename|Invalid upload collection|A valid filename is required for client uploads)\.?$/, () => 'Der Dateiname fehlt oder ist ungültig.'],
  [/^Multipart (request size )?limit has been reached$/, () => 'Die Anfrage ist zu groß oder hat zu viele Teile.'],
  [/^Not supported$/, () => 'Diese Aktion wird nicht unterstützt.'],
  [/^(Something went wrong\.?|An unknown error occurred\.|Server error|There was an error initializing Payload)$/, () => UNEXPECTED],
  [/^Unauthorized, you must be logged in to make this request\.$/, () => 'Nicht angemeldet: Für diese Anfrage müssen Sie angemeldet sein.'],
  [/^You are not allowed to perform this action\.$/, () => 'Sie dürfen diese Aktion nicht ausführen.'],
  // graphql-js, for GraphQL clients
  [/^Cannot query field "(.+)" on type "(.+)"\.(?: Did you mean (.+)\?)?$/s, (field, type, hint) => `Das Feld „${field}“ gibt es im Typ „${type}“ nicht.${hint ? ` Meinten Sie ${hint}?` : ''}`],
  [/^Unknown argument "(.+)" on field "(.+)"\.(?: Did you mean (.+)\?)?$/s, (argument, field, hint) => `Das Argument „${argument}“ gibt es beim Feld „${field}“ nicht.${hint ? ` Meinten Sie ${hint}?` : ''}`],
  [/^Unknown type "(.+)"\.(?: Did you mean (.+)\?)?$/s, (type, hint) => `Den Typ „${type}“ gibt es nicht.${hint ? ` Meinten Sie ${hint}?` : ''}`],
  [/^Field "(.+)" of type "(.+)" must have a selection of subfields\./, (field, type) => `Das Feld „${field}“ (Typ „${type}“) braucht eine Auswahl von Unterfeldern.`],
  [/^Field "(.+)" must not have a selection since type "(.+)" has no subfields\.$/, (field, type) => `Das Feld „${field}“ hat keine Unterfelder (Typ „${type}“).`],
  [/^Variable "\$(.+)" of required type "(.+)" was not provided\.$/, (name, type) => `Die Variable „$${name}“ (Typ „${type}“) fehlt.`],
  [/^Variable "\$(.+)" got invalid value (.*)$/s, (name) => `Die Variable „$${name}“ hat einen ungültigen Wert.`],
  [/^The query exceeds the maximum complexity of (\d+)\. Actual complexity is (\d+)\.?$/, (max, actual) => `Die Abfrage ist zu aufwendig (Komplexität ${actual}, höchstens ${max}). Bitte fragen Sie weniger Felder oder Ebenen ab.`],
  [/^Must provide query string\.$/, () => 'Die GraphQL-Abfrage fehlt.'],
  [/^Syntax Error: (.*)$/s, () => 'Die GraphQL-Abfrage ist syntaktisch fehlerhaft.'],
]

/** The German text for one of Payload's English messages; anything else unchanged. */
export const germanFor = (message: string): string => {
  for (const [pattern, german] of TRANSLATIONS) {
    const match = pattern.exec(message)
    if (match) {
      return german(...match.slice(1).map((group) => group ?? ''))
    }
  }
  return message
}
