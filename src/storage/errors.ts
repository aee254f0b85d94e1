/**
 * The one error type storage throws. Callers switch on `kind` to tell the user what to do; the
 * message is already a sentence for people. No message ever holds a token or a stored value: they
 * are built from fixed text, DOMException names and zod's issue paths only.
 */

export type StorageErrorKind =
  /** IndexedDB is missing or refused (private modes, disabled storage, a newer schema elsewhere). */
  | 'unavailable'
  /** The browser's storage quota for this site is used up. */
  | 'quota-exceeded'
  /**
   * A database upgrade waits for another tab that keeps an older version open. The page never
   * falls back to memory for this: the data is there, and two copies would disagree.
   */
  | 'blocked'
  /** A record failed validation (on save) or is damaged (on read). */
  | 'invalid-record'
  /** IndexedDB refused a write for another reason; nothing was written. */
  | 'write-failed'

export class StorageError extends Error {
  override readonly name = 'StorageError'
  readonly kind: StorageErrorKind

  constructor(kind: StorageErrorKind, message: string, options?: ErrorOptions) {
    super(message, options)
    this.kind = kind
  }
}

const messages: Record<Exclude<StorageErrorKind, 'invalid-record'>, string> = {
  unavailable:
    'This browser does not let Git Connector keep data (IndexedDB is unavailable). Private browsing or disabled site storage can cause this.',
  'quota-exceeded':
    'The browser has no storage space left for Git Connector. Free some space and try again.',
  blocked:
    'Another tab of Git Connector is open with an older version. Close it (or reload it) to continue.',
  'write-failed': 'The browser could not save the change. Nothing was written; try again.',
}

export function storageError(
  kind: Exclude<StorageErrorKind, 'invalid-record'>,
  options?: ErrorOptions,
): StorageError {
  return new StorageError(kind, messages[kind], options)
}

function domExceptionName(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('name' in error)) return undefined
  return typeof error.name === 'string' ? error.name : undefined
}

/** Whether a failure is the browser's storage quota for this site running out. */
export function isQuotaExceeded(error: unknown): boolean {
  if (error instanceof StorageError) return error.kind === 'quota-exceeded'
  return domExceptionName(error) === 'QuotaExceededError'
}

/**
 * Turns whatever IndexedDB threw (a DOMException, usually) into a StorageError. `fallback` is the
 * kind for failures that say nothing more specific: 'unavailable' for reads, 'write-failed' for
 * writes. The DOMException is kept as `cause`: browsers word those about operations, not values.
 */
export function toStorageError(
  error: unknown,
  fallback: 'unavailable' | 'write-failed',
): StorageError {
  if (error instanceof StorageError) return error
  const name = domExceptionName(error)
  const options = name === undefined ? undefined : { cause: error }
  switch (name) {
    case 'QuotaExceededError':
      return storageError('quota-exceeded', options)
    case 'VersionError':
      return new StorageError(
        'unavailable',
        'A newer version of Git Connector has upgraded the data in this browser. Reload the page.',
        options,
      )
    case 'SecurityError':
    case 'InvalidStateError':
    case 'NotAllowedError':
      return storageError('unavailable', options)
    default:
      return storageError(fallback, options)
  }
}

/** Runs storage work so that whatever it throws reaches the caller as a StorageError. */
export async function guard<T>(
  fallback: 'unavailable' | 'write-failed',
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work()
  } catch (error) {
    throw toStorageError(error, fallback)
  }
}
