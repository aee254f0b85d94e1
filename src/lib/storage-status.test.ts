import { beforeEach, describe, expect, it } from 'vitest'
import { reportStorageEvent } from '@/storage/storage-events.ts'
import { nextStorageStatus, type StorageStatus, useStorageStatus } from './storage-status.ts'

const ok: StorageStatus = { state: 'ok' }
const memory: StorageStatus = { state: 'memory', reason: 'unavailable' }

describe('nextStorageStatus', () => {
  it('goes to memory for good: nothing the page does later brings storage back', () => {
    expect(nextStorageStatus(ok, { type: 'memory', reason: 'unavailable' })).toEqual(memory)
    for (const event of [
      { type: 'opened' },
      { type: 'written' },
      { type: 'blocked' },
      { type: 'quota-exceeded' },
    ] as const) {
      expect(nextStorageStatus(memory, event)).toEqual(memory)
    }
  })

  it('is blocked until a database opens (the other tab let go)', () => {
    const blocked = nextStorageStatus(ok, { type: 'blocked' })
    expect(blocked).toEqual({ state: 'blocked' })
    expect(nextStorageStatus(blocked, { type: 'written' })).toEqual(blocked)
    expect(nextStorageStatus(blocked, { type: 'opened' })).toEqual(ok)
  })

  it('says quota-exceeded until a later write lands', () => {
    const full = nextStorageStatus(ok, { type: 'quota-exceeded' })
    expect(full).toEqual({ state: 'quota-exceeded' })
    expect(nextStorageStatus(full, { type: 'opened' })).toEqual(full)
    expect(nextStorageStatus(full, { type: 'written' })).toEqual(ok)
  })
})

describe('useStorageStatus', () => {
  beforeEach(() => useStorageStatus.setState({ status: ok }))

  it('follows what the storage layer reports', () => {
    reportStorageEvent({ type: 'quota-exceeded' })
    expect(useStorageStatus.getState().status).toEqual({ state: 'quota-exceeded' })
    useStorageStatus.getState().dismissQuotaWarning()
    expect(useStorageStatus.getState().status).toEqual(ok)
    reportStorageEvent({ type: 'memory', reason: 'unavailable' })
    expect(useStorageStatus.getState().status).toEqual(memory)
    // Closing is for the quota warning only.
    useStorageStatus.getState().dismissQuotaWarning()
    expect(useStorageStatus.getState().status).toEqual(memory)
  })
})
