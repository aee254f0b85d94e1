/**
 * Conditional-request memory for one adapter (one token): the last ETag GitHub sent for a URL and
 * what the adapter read from that answer. Sending the ETag back as `If-None-Match` lets GitHub say
 * `304 Not Modified`, which does not count against the hourly quota when the request is
 * authenticated (docs.github.com, "Best practices for using the REST API"). The adapter is made per
 * token, so a cached answer is never served to another account.
 *
 * Entries hold parsed values (small domain objects), not GitHub's raw payloads, and the map is
 * bounded: the least recently used entry goes first once `capacity` is reached.
 */

export interface EtagEntry<T> {
  etag: string
  value: T
  /** The `Link` header of the answer, so a 304 still pages. */
  link: string | null
}

export class EtagCache {
  readonly capacity: number
  private readonly entries = new Map<string, EtagEntry<unknown>>()

  constructor(capacity = 200) {
    this.capacity = capacity
  }

  get size(): number {
    return this.entries.size
  }

  /**
   * The entry for `key`, refreshed as most recently used. Keys carry the name of the parser that
   * made the value (see session.ts), so a value is only ever handed to the parser's caller: the
   * one place that knows its type.
   */
  get<T>(key: string): EtagEntry<T> | undefined {
    const entry = this.entries.get(key)
    if (!entry) return undefined
    this.entries.delete(key)
    this.entries.set(key, entry)
    return entry as EtagEntry<T>
  }

  set<T>(key: string, entry: EtagEntry<T>): void {
    this.entries.delete(key)
    this.entries.set(key, entry)
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next()
      if (oldest.done) break
      this.entries.delete(oldest.value)
    }
  }

  delete(key: string): void {
    this.entries.delete(key)
  }
}
