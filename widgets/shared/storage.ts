/**
 * What a widget keeps in the visitor's browser: only what the visitor's own action created
 * (§ 25 TDDDG, formerly TTDSG: nothing is stored before the visitor rates). The visitor token lets the same
 * browser change its rating later; it lives in the host page's localStorage (a third-party
 * cookie would be blocked anyway) under a key naming our server, and travels as X-Visitor-Token.
 * Storage may be unavailable (private modes, blocked storage): then nothing is kept.
 */
import { serverBase } from './api'

const prefix = `quartiersnetz:${serverBase.origin}:`

const read = (key: string): string | undefined => {
  try {
    return window.localStorage.getItem(prefix + key) ?? undefined
  } catch {
    return undefined
  }
}

const write = (key: string, value: string) => {
  try {
    window.localStorage.setItem(prefix + key, value)
  } catch {
    // Storage refused: the rating counts, it just can't be changed from this browser later.
  }
}

export const visitorToken = (): string | undefined => read('visitor-token')

export const keepVisitorToken = (token: string) => write('visitor-token', token)

export type OwnRating = Record<string, number>

export const ownRating = (target: string): OwnRating | undefined => {
  const raw = read(`rating:${target}`)
  if (!raw) {
    return undefined
  }
  try {
    const parsed = JSON.parse(raw) as unknown
    return parsed && typeof parsed === 'object' ? (parsed as OwnRating) : undefined
  } catch {
    return undefined
  }
}

export const keepOwnRating = (target: string, values: OwnRating) =>
  write(`rating:${target}`, JSON.stringify(values))
