/**
 * Where the receiver keeps sources (with their secrets) and each source's last deliveries. The
 * interface is small so a Workers deployment can put it on KV or D1; in-memory and a JSON file
 * (Node) ship here.
 */
import type { DeliveryRecord, SourceRecord } from './types.ts'

/** Deliveries kept per source, newest first; older ones (and their replay ids) are forgotten. */
export const MAX_DELIVERIES = 200

export interface ReceiverStorage {
  getSource(id: string): Promise<SourceRecord | null>
  putSource(source: SourceRecord): Promise<void>
  /** Forgets the source and its deliveries. */
  deleteSource(id: string): Promise<void>
  deliveries(sourceId: string): Promise<DeliveryRecord[]>
  addDelivery(sourceId: string, delivery: DeliveryRecord): Promise<void>
}

export interface StoredState {
  version: 1
  sources: Record<string, SourceRecord>
  deliveries: Record<string, DeliveryRecord[]>
}

export const emptyState = (): StoredState => ({ version: 1, sources: {}, deliveries: {} })

/** Storage over one state object; `persist` runs after each change (the file storage writes it). */
export function stateStorage(
  state: StoredState,
  persist: (state: StoredState) => Promise<void> = () => Promise.resolve(),
): ReceiverStorage {
  return {
    getSource: (id) => Promise.resolve(state.sources[id] ?? null),
    async putSource(source) {
      state.sources[source.id] = source
      await persist(state)
    },
    async deleteSource(id) {
      // Deleting by a computed key is the point: ids come from the registration.
      // eslint-disable-next-line @typescript-eslint/no-dynamic-delete
      delete state.sources[id]
      // eslint-disable-next-line @typescript-eslint/no-dynamic-delete
      delete state.deliveries[id]
      await persist(state)
    },
    deliveries: (sourceId) => Promise.resolve([...(state.deliveries[sourceId] ?? [])]),
    async addDelivery(sourceId, delivery) {
      const list = [delivery, ...(state.deliveries[sourceId] ?? [])].slice(0, MAX_DELIVERIES)
      state.deliveries[sourceId] = list
      await persist(state)
    },
  }
}

export function memoryStorage(): ReceiverStorage {
  return stateStorage(emptyState())
}
