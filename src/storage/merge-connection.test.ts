import { afterEach, describe, expect, it } from 'vitest'
import { type ConnectionStore, openConnectionStore } from './connection-store.ts'
import { StorageError } from './errors.ts'
import { mergeConnection } from './merge-connection.ts'
import type { ConnectionRecord } from './schema.ts'
import { connectionRecord, freshDatabaseName } from './test-fixtures.ts'

const base: ConnectionRecord = {
  ...connectionRecord('github-enterprise', { name: 'Work' }),
  updatedAt: '2026-11-01T10:00:00.000Z',
}

function edit(from: ConnectionRecord, at: string, change: Partial<ConnectionRecord>) {
  return { ...from, ...change, updatedAt: at } as ConnectionRecord
}

describe('merging two tabs’ edits of one connection', () => {
  it('keeps what each tab changed', () => {
    const theirs = edit(base, '2026-11-01T10:01:00.000Z', { name: 'Work (renamed)' })
    const mine = edit(base, '2026-11-01T10:02:00.000Z', { username: 'grace' })
    expect(mergeConnection(base, mine, theirs)).toEqual({
      ...base,
      name: 'Work (renamed)',
      username: 'grace',
      updatedAt: mine.updatedAt,
    })
  })

  it('lets the later save win a field both changed', () => {
    const theirs = edit(base, '2026-11-01T10:01:00.000Z', { name: 'Theirs' })
    const mine = edit(base, '2026-11-01T10:02:00.000Z', { name: 'Mine' })
    expect(mergeConnection(base, mine, theirs).name).toBe('Mine')
  })

  it('keeps a target and the check made against it together', () => {
    const theirs = edit(base, '2026-11-01T10:01:00.000Z', {
      baseUrl: 'https://ghe.example.org',
      verification: 'unverified',
      account: null,
    })
    const mine = edit(base, '2026-11-01T10:02:00.000Z', { name: 'Renamed here' })
    const merged = mergeConnection(base, mine, theirs)
    expect(merged).toMatchObject({
      name: 'Renamed here',
      baseUrl: 'https://ghe.example.org',
      verification: 'unverified',
      account: null,
    })
  })

  it('drops a field the other tab removed when this one left it alone', () => {
    const theirs = edit(base, '2026-11-01T10:01:00.000Z', {})
    delete (theirs as Partial<ConnectionRecord>).username
    const mine = edit(base, '2026-11-01T10:02:00.000Z', { name: 'Mine' })
    expect(mergeConnection(base, mine, theirs)).not.toHaveProperty('username')
  })
})

const opened: ConnectionStore[] = []
afterEach(() => {
  for (const store of opened.splice(0)) store.close()
})

describe('saving an edit over another tab’s', () => {
  it('loses neither write', async () => {
    const name = freshDatabaseName()
    const tabA = openConnectionStore(name)
    const tabB = openConnectionStore(name)
    opened.push(tabA, tabB)
    await tabA.save(base)

    await tabA.save(edit(base, '2026-11-01T10:01:00.000Z', { name: 'From A' }), undefined, {
      base,
    })
    const saved = await tabB.save(
      edit(base, '2026-11-01T10:02:00.000Z', { username: 'from-b' }),
      undefined,
      { base },
    )

    expect(saved).toMatchObject({ name: 'From A', username: 'from-b' })
    expect((await tabA.get(base.id))?.record).toEqual(saved)
  })

  it('does not bring back a connection deleted meanwhile', async () => {
    const name = freshDatabaseName()
    const store = openConnectionStore(name)
    opened.push(store)
    await store.save(base, { token: 'ghp_x', lifetime: 'remember' })
    await store.remove(base.id)

    const error: unknown = await store
      .save(edit(base, '2026-11-01T10:02:00.000Z', { name: 'Late' }), undefined, { base })
      .catch((reason: unknown) => reason)
    expect(error).toBeInstanceOf(StorageError)
    expect(error).toHaveProperty('message', expect.stringMatching(/deleted in another tab/))
    expect((await store.list()).connections).toEqual([])
  })

  it('changes a record only when the change still applies', async () => {
    const name = freshDatabaseName()
    const store = openConnectionStore(name)
    opened.push(store)
    await store.save(base)
    const renamed = edit(base, '2026-11-01T10:01:00.000Z', { name: 'Renamed' })
    await store.save(renamed)

    const stale = await store.update(base.id, (current) =>
      current.updatedAt === base.updatedAt ? { ...current, verification: 'refused' } : undefined,
    )
    expect(stale).toBeUndefined()
    expect((await store.get(base.id))?.record).toEqual(renamed)
  })
})
