/** How long data counts as fresh before a revisit refetches it. */
export const STALE = {
  /** Stored connections change only through this app, which invalidates on every write. */
  local: Infinity,
  /** Provider lists (repositories, branches) move slowly; revisits within a minute are free. */
  providerList: 60_000,
} as const
