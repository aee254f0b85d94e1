import { describe, expect, it, vi } from 'vitest'

describe('storage events', () => {
  it('hands what was reported before anyone listened to the first listener, then each event', async () => {
    vi.resetModules()
    const { onStorageEvent, reportStorageEvent } = await import('./storage-events.ts')
    reportStorageEvent({ type: 'memory', reason: 'unavailable' })
    reportStorageEvent({ type: 'opened' })

    const first = vi.fn()
    const stop = onStorageEvent(first)
    expect(first.mock.calls).toEqual([
      [{ type: 'memory', reason: 'unavailable' }],
      [{ type: 'opened' }],
    ])
    const second = vi.fn()
    onStorageEvent(second)
    expect(second).not.toHaveBeenCalled()

    reportStorageEvent({ type: 'written' })
    stop()
    reportStorageEvent({ type: 'quota-exceeded' })
    expect(first).toHaveBeenCalledTimes(3)
    expect(second.mock.calls).toEqual([[{ type: 'written' }], [{ type: 'quota-exceeded' }]])
  })
})
