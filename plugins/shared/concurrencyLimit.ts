/**
 * Runs at most `limit` tasks at once in this process; the rest wait in memory, in order. For
 * work that is serialised in the database anyway (a lock per event): waiting here instead of
 * inside a transaction keeps a burst from holding every pooled connection while it waits.
 */
export const createConcurrencyLimit = (limit: number) => {
  let running = 0
  const waiting: (() => void)[] = []
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (running >= limit) {
      await new Promise<void>((resolve) => waiting.push(resolve))
    } else {
      running++
    }
    try {
      return await task()
    } finally {
      const next = waiting.shift()
      if (next) {
        next()
      } else {
        running--
      }
    }
  }
}
