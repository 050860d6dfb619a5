/**
 * What Node's HTTP parser refuses before express sees a request: an address and headers above
 * Node's 16 KB limit (431), bytes that are no HTTP request (400), a request that did not arrive
 * in time (408). Node's default answer has a status line and no body; a client, a member site's
 * webmaster or a proxy log then reads nothing. Here the same status comes with a JSON body in
 * German (the parser failed before the headers, so the client's language is unknown) and
 * `Connection: close`, as Node's own answer does.
 */
import type { Duplex } from 'node:stream'

type ClientError = Error & { code?: string }

const ANSWERS: Record<string, { message: string; status: number; title: string }> = {
  ERR_HTTP_REQUEST_TIMEOUT: {
    message:
      'Die Anfrage ist nicht rechtzeitig vollständig angekommen. Bitte senden Sie sie erneut.',
    status: 408,
    title: 'Request Timeout',
  },
  // Umlauts or spaces typed into an address and sent as they are (`curl '…?q=Bürger'`).
  HPE_INVALID_URL: {
    message:
      'Die Adresse enthält Zeichen, die dort so nicht stehen dürfen (z. B. Umlaute oder Leerzeichen). Bitte kodieren Sie sie: ü als %C3%BC, Leerzeichen als %20 (Browser tun das von selbst, curl mit -G --data-urlencode "q=Bürger"). / The address contains characters that must be percent-encoded (ü as %C3%BC, a space as %20).',
    status: 400,
    title: 'Bad Request',
  },
  HPE_HEADER_OVERFLOW: {
    message:
      'Die Anfrage ist zu groß: Adresse und Kopfzeilen dürfen zusammen höchstens 16 KB umfassen. Bitte kürzen Sie die Adresse (z. B. weniger Filter auf einmal).',
    status: 431,
    title: 'Request Header Fields Too Large',
  },
}

const BAD_REQUEST = {
  message: 'Die Anfrage ist keine gültige HTTP-Anfrage.',
  status: 400,
  title: 'Bad Request',
}

/** The `clientError` listener of the server (startServer.ts). */
export const answerClientError = (err: ClientError, socket: Duplex): void => {
  // The client is gone, or an answer is already under way: nothing to say to anyone.
  if (err.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy()
    return
  }
  const { message, status, title } = ANSWERS[err.code ?? ''] ?? BAD_REQUEST
  const body = JSON.stringify({ errors: [{ message }] })
  socket.end(
    [
      `HTTP/1.1 ${status} ${title}`,
      'Content-Type: application/json; charset=utf-8',
      `Content-Length: ${Buffer.byteLength(body)}`,
      'Cache-Control: no-store',
      'Connection: close',
      '',
      body,
    ].join('\r\n'),
  )
}
