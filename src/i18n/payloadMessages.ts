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

const UNEXPECTED =
  'Es ist ein unerwarteter Fehler aufgetreten. Bitte versuchen Sie es später erneut.'

/** graphql-js's suggestions (`"id", "title", or "kind"`) with a German "oder". */
const inGerman = (hint: string) => hint.replace(/,? or (?=[^,]*$)/, ' oder ')

const TRANSLATIONS: Translation[] = [
  [/^Route not found "(.*)"$/s, (path) => `Diese Adresse gibt es in der API nicht: „${path}“.`],
  [
    /^Cannot (\w+) (\S+)$/,
    (method, url) => `Die Methode ${method} ist für „${url}“ nicht verfügbar.`,
  ],
  [
    /^The following field is invalid: (.*)$/s,
    (fields) => `Das folgende Feld ist nicht korrekt: ${fieldWords(fields)}`,
  ],
  [
    /^The following fields are invalid: (.*)$/s,
    (fields) => `Die folgenden Felder sind nicht korrekt: ${fieldWords(fields)}`,
  ],
  [
    /^The following fields are invalid \((\d+)\): (.*)$/s,
    (count, fields) => `Die folgenden ${count} Felder sind nicht korrekt: ${fieldWords(fields)}`,
  ],
  [/^Invalid JSON\.?$/, () => 'Der Inhalt der Anfrage ist kein gültiges JSON.'],
  [/^Missing ID of document to update\.$/, () => 'Die ID des zu ändernden Dokuments fehlt.'],
  [/^Missing ID of version( to restore)?\.$/, () => 'Die ID der Version fehlt.'],
  [/^Missing required data\.$/, () => 'Es fehlen erforderliche Angaben.'],
  [
    /^Missing 'where' query of documents to (update|delete)\.$/,
    (action) =>
      `Für das ${action === 'update' ? 'Ändern' : 'Löschen'} mehrerer Dokumente fehlt die Auswahl („where“); für ein einzelnes Dokument geben Sie seine ID in der Adresse an.`,
  ],
  [/^(Username or email is required|Field is required)$/, () => 'Diese Angabe ist erforderlich.'],
  [
    /^Could not read uploaded file for (validation|type detection)\.$/,
    () => 'Die hochgeladene Datei konnte nicht gelesen werden.',
  ],
  [/^Missing (email|username)\.$/, (field) => `Die Angabe „${FIELD_WORDS[field]}“ fehlt.`],
  [/^Token is either invalid or has expired\.$/, () => 'Der Link ist ungültig oder abgelaufen.'],
  [/^Verification token is invalid\.$/, () => 'Der Bestätigungslink ist ungültig.'],
  [
    /^The email or password provided is incorrect\.$/,
    () => 'Die E-Mail-Adresse oder das Passwort ist falsch.',
  ],
  [/^No User$/, () => 'Kein Benutzerkonto gefunden.'],
  [
    /^(A file name is required|Invalid filename|Invalid upload collection|A valid filename is required for client uploads)\.?$/,
    () => 'Der Dateiname fehlt oder ist ungültig.',
  ],
  [
    /^Multipart (request size )?limit has been reached$/,
    () => 'Die Anfrage ist zu groß oder hat zu viele Teile.',
  ],
  [/^Invalid (or corrupted )?PDF file\.$/, () => 'Die PDF-Datei ist ungültig oder beschädigt.'],
  [/^Not supported$/, () => 'Diese Aktion wird nicht unterstützt.'],
  [
    /^(Something went wrong\.?|An unknown error occurred\.|Server error|There was an error initializing Payload)$/,
    () => UNEXPECTED,
  ],
  [
    /^Unauthorized, you must be logged in to make this request\.$/,
    () => 'Nicht angemeldet: Für diese Anfrage müssen Sie angemeldet sein.',
  ],
  [
    /^You are not allowed to perform this action\.$/,
    () => 'Sie dürfen diese Aktion nicht ausführen.',
  ],
  // graphql-js, for GraphQL clients
  [
    /^Cannot query field "(.+)" on type "(.+)"\.(?: Did you mean (.+)\?)?$/s,
    (field, type, hint) =>
      `Das Feld „${field}“ gibt es im Typ „${type}“ nicht.${hint ? ` Meinten Sie ${inGerman(hint)}?` : ''}`,
  ],
  [
    /^Unknown argument "(.+)" on field "(.+)"\.(?: Did you mean (.+)\?)?$/s,
    (argument, field, hint) =>
      `Das Argument „${argument}“ gibt es beim Feld „${field}“ nicht.${hint ? ` Meinten Sie ${inGerman(hint)}?` : ''}`,
  ],
  [
    /^Unknown type "(.+)"\.(?: Did you mean (.+)\?)?$/s,
    (type, hint) =>
      `Den Typ „${type}“ gibt es nicht.${hint ? ` Meinten Sie ${inGerman(hint)}?` : ''}`,
  ],
  [
    /^Field "(.+)" of type "(.+)" must have a selection of subfields\./,
    (field, type) => `Das Feld „${field}“ (Typ „${type}“) braucht eine Auswahl von Unterfeldern.`,
  ],
  [
    /^Field "(.+)" must not have a selection since type "(.+)" has no subfields\.$/,
    (field, type) => `Das Feld „${field}“ hat keine Unterfelder (Typ „${type}“).`,
  ],
  [
    /^Variable "\$(.+)" of required type "(.+)" was not provided\.$/,
    (name, type) => `Die Variable „$${name}“ (Typ „${type}“) fehlt.`,
  ],
  [
    /^Variable "\$(.+)" got invalid value (.*)$/s,
    (name) => `Die Variable „$${name}“ hat einen ungültigen Wert.`,
  ],
  [
    /^The query exceeds the maximum complexity of (\d+)\. Actual complexity is (\d+)\.?$/,
    (max, actual) =>
      `Die Abfrage ist zu aufwendig (Komplexität ${actual}, höchstens ${max}). Bitte fragen Sie weniger Felder oder Ebenen ab.`,
  ],
  [/^Must provide query string\.$/, () => 'Die GraphQL-Abfrage fehlt.'],
  [
    /^Unable to detect operation AST$/,
    () =>
      'Welche Operation ausgeführt werden soll, ist nicht klar: Die Abfrage enthält mehrere oder keine passende; nennen Sie eine mit „operationName“.',
  ],
  [
    /^DateTime cannot represent an invalid date-time-string (.*)\.$/s,
    (value) =>
      `„${value}“ ist kein gültiger Zeitpunkt; erwartet wird ein Datum nach ISO 8601, z. B. 2026-12-01 oder 2026-12-01T10:00:00Z.`,
  ],
  [/^Syntax Error: (.*)$/s, () => 'Die GraphQL-Abfrage ist syntaktisch fehlerhaft.'],
  [
    /^Field "(.+)" is not defined by type "(.+)"\.(?: Did you mean (.+)\?)?$/s,
    (field, type, hint) =>
      `Das Feld „${field}“ gibt es im Typ „${type}“ nicht.${hint ? ` Meinten Sie ${inGerman(hint)}?` : ''}`,
  ],
  [
    /^Field "(.+)" of required type "(.+)" was not provided\.$/,
    (field, type) => `Das Feld „${field}“ (Typ „${type}“) fehlt.`,
  ],
  [
    /^Argument "(.+)" of required type "(.+)" was not provided\.$/,
    (argument, type) => `Das Argument „${argument}“ (Typ „${type}“) fehlt.`,
  ],
  [
    /^Field "(.+)" argument "(.+)" of type "(.+)" is required, but it was not provided\.$/,
    (field, argument, type) =>
      `Beim Feld „${field}“ fehlt das Argument „${argument}“ (Typ „${type}“).`,
  ],
  [
    /^Argument "(.+)" of required type "(.+)" was provided the variable "\$(.+)" which was not provided a runtime value\.$/,
    (argument, _type, name) =>
      `Für das Argument „${argument}“ fehlt der Wert der Variablen „$${name}“.`,
  ],
  [
    /^Variable "\$(.+)" of type "(.+)" used in position expecting type "(.+)"\.$/,
    (name, type, expected) =>
      `Die Variable „$${name}“ hat den Typ „${type}“, erwartet wird „${expected}“.`,
  ],
  [
    /^Argument "(.+?)" has invalid value (.*)$/s,
    (argument) => `Das Argument „${argument}“ hat einen ungültigen Wert.`,
  ],
  [
    /^Int cannot represent non 32-bit signed integer value: (.*)$/s,
    (value) => `Die Zahl ${value} ist zu groß für eine ganze Zahl (höchstens 2147483647).`,
  ],
  [
    /^Int cannot represent non-integer value: (.*)$/s,
    (value) => `Hier wird eine ganze Zahl erwartet, nicht ${value}.`,
  ],
  [
    /^(?:Float|String|Boolean|ID) cannot represent .*$/s,
    () => 'Der Wert hat nicht den erwarteten Typ.',
  ],
  [
    /^Expected value of type "(.+?)", found (.*)$/s,
    (type) => `Erwartet wird ein Wert vom Typ „${type}“.`,
  ],
  [
    /^This anonymous operation must be the only defined operation\.$/,
    () => 'Eine Abfrage ohne Namen muss die einzige im Dokument sein.',
  ],
  [/^Unknown fragment "(.+)"\.$/, (name) => `Das Fragment „${name}“ gibt es nicht.`],
  [/^Fragment "(.+)" is never used\.$/, (name) => `Das Fragment „${name}“ wird nicht verwendet.`],
  [
    /^Variable "\$(.+)" is not defined(?: by operation "(.+)")?\.$/,
    (name) => `Die Variable „$${name}“ ist nicht definiert.`,
  ],
  [
    /^Variable "\$(.+)" is never used(?: in operation "(.+)")?\.$/,
    (name) => `Die Variable „$${name}“ wird nicht verwendet.`,
  ],
  [/^Unknown directive "(.+)"\.$/, (name) => `Die Direktive „${name}“ gibt es nicht.`],
  [
    /^There can be only one operation named "(.+)"\.$/,
    (name) => `Es darf nur eine Abfrage mit dem Namen „${name}“ geben.`,
  ],
  [
    /^GraphQL introspection is not allowed.*$/s,
    () => 'Die Abfrage des GraphQL-Schemas (Introspektion) ist im Betrieb abgeschaltet.',
  ],
  // REST queries
  [
    /^The operator "(.+)" cannot be used on this field\.$/,
    (operator) => `Der Filter „${operator}“ ist für dieses Feld nicht möglich.`,
  ],
  [
    /^The following paths? cannot be queried: (.*)$/s,
    (paths) => `Nach diesen Feldern kann nicht gefiltert oder sortiert werden: ${paths}`,
  ],
  [
    /^Pasting from URL is not enabled for this collection\.$/,
    () => 'Das Einfügen von Dateien über eine Adresse ist für diese Sammlung nicht eingeschaltet.',
  ],
  [/^Route Not Found$/i, () => 'Diese Adresse gibt es nicht.'],
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
