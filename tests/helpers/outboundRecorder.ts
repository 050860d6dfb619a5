/**
 * Records, and refuses, every attempt of this process to reach a machine other than this one:
 * TCP and TLS connections (every client, `fetch`, http(s), pg and nodemailer included, ends in
 * `net.Socket.prototype.connect`), name lookups, UDP datagrams. The server under test runs in the
 * test's process (tests/helpers/server.ts), so installing this before it starts covers everything
 * the server does. Processes it starts are not covered: they are recorded by command, so a test
 * can show which ran.
 *
 * Loopback (127.0.0.0/8, ::1, localhost), Unix sockets and the hosts of DATABASE_URL and
 * SMTP_URL (a test may name an external PostgreSQL) are allowed. A refused connection fails the
 * way an unreachable host does (ECONNREFUSED), so the caller's own error handling runs.
 */
import childProcess from 'node:child_process'
import dgram from 'node:dgram'
import dns from 'node:dns'
import { syncBuiltinESMExports } from 'node:module'
import net from 'node:net'

export type OutboundAttempt = {
  kind: 'connect' | 'dns' | 'fetch' | 'udp'
  /** host:port, a host name or a URL. */
  target: string
  /** Where it came from: the first frames of the stack. */
  where: string
}

export type OutboundRecorder = {
  /** Every refused attempt since the last `take()`. */
  attempts: OutboundAttempt[]
  /** Commands of the processes started since installation (their traffic is not recorded). */
  processes: string[]
  /** Returns the attempts recorded so far and forgets them. */
  take: () => OutboundAttempt[]
  /** Puts every wrapped function back. */
  uninstall: () => void
}

type Restore = () => void
type Callback = (err: Error) => void

/** Node's callback convention: the last function among the arguments. */
const callbackOf = (args: unknown[]) =>
  [...args].reverse().find((arg): arg is Callback => typeof arg === 'function')

const LOCAL_NAMES = new Set(['localhost', 'localhost.localdomain', 'ip6-localhost'])

export const isLoopback = (host: string): boolean => {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase()
  if (LOCAL_NAMES.has(bare) || bare.endsWith('.localhost')) {
    return true
  }
  if (bare === '::1' || bare === '0:0:0:0:0:0:0:1') {
    return true
  }
  const v4 = bare.replace(/^::ffff:/, '')
  return net.isIPv4(v4) && v4.startsWith('127.')
}

const hostsOf = (...urls: (string | undefined)[]) =>
  urls.flatMap((url) => {
    try {
      return url ? [new URL(url).hostname.replace(/^\[|\]$/g, '').toLowerCase()] : []
    } catch {
      return []
    }
  })

const stackHint = () =>
  (new Error().stack ?? '')
    .split('\n')
    .slice(3)
    .filter((line) => !line.includes('outboundRecorder'))
    .slice(0, 6)
    .map((line) => line.trim())
    .join(' | ')

const refusal = (target: string) =>
  Object.assign(
    new Error(`connect ECONNREFUSED ${target} (outbound connection refused by the test)`),
    {
      code: 'ECONNREFUSED',
    },
  )

type ConnectTarget = { host?: string; path?: string; port?: number | string }

/** The target of any of net.Socket#connect's call forms. */
const connectTargetOf = (args: unknown[]): ConnectTarget => {
  const [first, second] = args
  // net.connect() hands the socket its arguments already normalised: [options, callback].
  const options = Array.isArray(first) ? first[0] : first
  if (typeof options === 'object' && options !== null) {
    const { host, path, port } = options as ConnectTarget
    return { host: host ?? (path ? undefined : 'localhost'), path, port }
  }
  if (typeof options === 'string' && !/^\d+$/.test(options)) {
    return { path: options }
  }
  return { host: typeof second === 'string' ? second : 'localhost', port: options as number }
}

/** Starts recording; call `uninstall()` when done. */
export const recordOutbound = ({
  allowedHosts = [],
}: { allowedHosts?: string[] } = {}): OutboundRecorder => {
  const allowed = new Set([
    ...allowedHosts.map((host) => host.toLowerCase()),
    ...hostsOf(process.env.DATABASE_URL, process.env.SMTP_URL, process.env.QN_TEST_ADMIN_URL),
  ])
  const isAllowed = (host: string) =>
    isLoopback(host) || allowed.has(host.replace(/^\[|\]$/g, '').toLowerCase())
  const attempts: OutboundAttempt[] = []
  const processes: string[] = []
  const restores: Restore[] = []
  const record = (kind: OutboundAttempt['kind'], target: string) =>
    attempts.push({ kind, target, where: stackHint() })

  const wrap = <T extends object, K extends keyof T>(
    target: T,
    key: K,
    make: (original: T[K]) => T[K],
  ) => {
    const original = target[key]
    target[key] = make(original)
    restores.push(() => {
      target[key] = original
    })
  }

  // TCP and TLS: every client library ends here.
  wrap(
    net.Socket.prototype,
    'connect',
    (original) =>
      function (this: net.Socket, ...args: unknown[]) {
        const { host, path, port } = connectTargetOf(args)
        if (path !== undefined || host === undefined || isAllowed(host)) {
          return (original as (...rest: unknown[]) => net.Socket).apply(this, args)
        }
        const target = `${host}:${port}`
        record('connect', target)
        process.nextTick(() => this.destroy(refusal(target)))
        return this
      } as never,
  )

  // Name lookups made directly (a connection's own lookup comes after the check above).
  const lookupNames = [
    'lookup',
    'resolve',
    'resolve4',
    'resolve6',
    'resolveAny',
    'resolveTxt',
  ] as const
  for (const name of lookupNames) {
    wrap(
      dns,
      name,
      (original) =>
        function (hostname: string, ...rest: unknown[]) {
          if (typeof hostname === 'string' && !isAllowed(hostname) && !net.isIP(hostname)) {
            record('dns', hostname)
            const callback = callbackOf(rest)
            process.nextTick(() =>
              callback?.(
                Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), {
                  code: 'ENOTFOUND',
                }),
              ),
            )
            return undefined
          }
          return (original as (...args: unknown[]) => unknown)(hostname, ...rest)
        } as never,
    )
    wrap(
      dns.promises,
      name,
      (original) =>
        async function (hostname: string, ...rest: unknown[]) {
          if (typeof hostname === 'string' && !isAllowed(hostname) && !net.isIP(hostname)) {
            record('dns', hostname)
            throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), {
              code: 'ENOTFOUND',
            })
          }
          return (original as (...args: unknown[]) => Promise<unknown>)(hostname, ...rest)
        } as never,
    )
  }

  // UDP (a hand-made DNS query, a metrics agent).
  wrap(
    dgram.Socket.prototype,
    'send',
    (original) =>
      function (this: dgram.Socket, ...args: unknown[]) {
        const address = args.find(
          (arg, index) =>
            index > 0 && typeof arg === 'string' && (net.isIP(arg) || /[a-z]/i.test(arg)),
        ) as string | undefined
        if (address && !isAllowed(address)) {
          record('udp', address)
          const callback = callbackOf(args)
          process.nextTick(() => callback?.(refusal(address)))
          return
        }
        return (original as (...rest: unknown[]) => void).apply(this, args)
      } as never,
  )

  // fetch: recorded by URL as well, which says more than the socket it would open.
  wrap(
    globalThis,
    'fetch',
    (original) =>
      async function (input: Parameters<typeof fetch>[0], init?: RequestInit) {
        const url = new URL(input instanceof Request ? input.url : String(input))
        if (!isAllowed(url.hostname)) {
          record('fetch', url.href)
          throw new TypeError('fetch failed', { cause: refusal(url.host) })
        }
        return original(input, init)
      } as typeof fetch,
  )

  // Child processes: their traffic is theirs, so at least say which ran.
  wrap(
    childProcess.ChildProcess.prototype as unknown as { spawn: (options: unknown) => unknown },
    'spawn',
    (original) =>
      function (this: childProcess.ChildProcess, options: { args?: string[]; file?: string }) {
        processes.push([options.file, ...(options.args ?? []).slice(1)].join(' '))
        return (original as (this: childProcess.ChildProcess, opts: unknown) => unknown).call(
          this,
          options,
        )
      } as never,
  )

  // ESM named imports of built-ins (`import { lookup } from 'node:dns'`) see the wrappers too.
  syncBuiltinESMExports()

  return {
    attempts,
    processes,
    take: () => attempts.splice(0, attempts.length),
    uninstall: () => {
      for (const restore of restores.reverse()) {
        restore()
      }
      syncBuiltinESMExports()
    },
  }
}
