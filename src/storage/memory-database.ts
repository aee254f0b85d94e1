/**
 * The in-memory IndexedDB a page falls back to when the browser refuses its own (private modes,
 * blocked site data, sandboxed frames). It is fake-indexeddb, loaded only then: a lazy chunk that
 * the first load of a browser with working storage never fetches. Data in it lasts as long as the
 * page.
 */

/**
 * A fresh in-memory IndexedDB. Its key ranges must be its own (it refuses the browser's
 * `IDBKeyRange` objects, and a browser without IndexedDB has none), so it also becomes this page's
 * global `IDBKeyRange`: the stores build ranges from the global, and from now on every database of
 * the page is an in-memory one.
 */
export async function memoryIndexedDB(): Promise<IDBFactory> {
  const { IDBFactory: MemoryFactory, IDBKeyRange: MemoryKeyRange } = await import('fake-indexeddb')
  if (globalThis.IDBKeyRange !== MemoryKeyRange) {
    Object.defineProperty(globalThis, 'IDBKeyRange', {
      value: MemoryKeyRange,
      configurable: true,
      writable: true,
    })
  }
  return new MemoryFactory()
}
