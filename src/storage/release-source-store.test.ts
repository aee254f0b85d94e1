import { afterEach, describe, expect, it, vi } from 'vitest'
import { openConnectionStore } from './connection-store.ts'
import {
  BUILDS_BY_SOURCE_INDEX,
  BUILDS_STORE,
  CONNECTIONS_STORE,
  DATABASE_VERSION,
  RELEASE_SOURCES_STORE,
  RELEASES_BY_SOURCE_INDEX,
  RELEASES_STORE,
  SECRETS_STORE,
  WEBHOOK_SECRETS_STORE,
} from './database.ts'
import { StorageError } from './errors.ts'
import type {
  BuildRecord,
  ReleaseSnapshot,
  ReleaseSourceRecord,
  SeenRelease,
} from './release-source-schema.ts'
import { openReleaseSourceStore, type ReleaseSourceStore } from './release-source-store.ts'
import { connectionRecord, freshDatabaseName, rawEntries, rawPut } from './test-fixtures.ts'

const WEBHOOK_SECRET = 'whsec_9f8e7d6c5b4a39281706f5e4d3c2b1a0'

function releaseSource(
  overrides: Partial<Omit<ReleaseSourceRecord, 'webhook'>> & {
    webhook?: Partial<ReleaseSourceRecord['webhook']>
  } = {},
): ReleaseSourceRecord {
  const { webhook, ...rest } = overrides
  return {
    schemaVersion: 1,
    id: crypto.randomUUID(),
    name: 'Website',
    connectionId: crypto.randomUUID(),
    connectionType: 'github',
    repository: {
      id: '1296269',
      fullName: 'octocat/hello-world',
      webUrl: 'https://github.com/octocat/hello-world',
    },
    branch: 'main',
    tagPattern: 'v*',
    webhook: {
      state: 'provisioned',
      id: '12345678',
      url: 'https://deploy.example.com/hooks/release',
      events: ['push', 'create'],
      reason: null,
      checkedAt: '2026-03-01T10:00:00.000Z',
      ...webhook,
    },
    disconnectedAt: null,
    createdAt: '2026-03-01T10:00:00.000Z',
    updatedAt: '2026-03-01T10:00:00.000Z',
    ...rest,
  }
}

function build(sourceId: string, overrides: Partial<BuildRecord> = {}): BuildRecord {
  return {
    schemaVersion: 1,
    id: crypto.randomUUID(),
    sourceId,
    trigger: 'manual',
    triggeredBy: 'you',
    branch: 'main',
    commit: { sha: '7fd1a60b01f91b314f59955a4e4d4e80d8edf11d', message: 'Fix', author: 'Ada' },
    requestedAt: '2026-03-02T09:00:00.000Z',
    result: { state: 'accepted', status: 202, message: 'The build was started.' },
    ...overrides,
  }
}

const COMMIT = { sha: '7fd1a60b01f91b314f59955a4e4d4e80d8edf11d', message: 'Fix', author: 'Ada' }

function seen(tagName: string, overrides: Partial<SeenRelease> = {}): SeenRelease {
  return {
    tagName,
    kind: 'release',
    name: `Release ${tagName}`,
    commit: COMMIT,
    publishedAt: '2026-03-02T09:00:00.000Z',
    webUrl: `https://github.com/octocat/hello-world/releases/tag/${tagName}`,
    prerelease: false,
    ...overrides,
  }
}

/** `release` as stored for `sourceId` when first seen at `firstSeenAt`. */
function snapshot(sourceId: string, release: SeenRelease, firstSeenAt: string): ReleaseSnapshot {
  return { ...release, schemaVersion: 1, sourceId, firstSeenAt }
}

/** Runs `work` with the clock at `iso`. */
async function at<T>(iso: string, work: () => Promise<T>): Promise<T> {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(new Date(iso))
  try {
    return await work()
  } finally {
    vi.useRealTimers()
  }
}

const opened: ReleaseSourceStore[] = []
function storeFor(databaseName: string): ReleaseSourceStore {
  const store = openReleaseSourceStore(databaseName)
  opened.push(store)
  return store
}

afterEach(() => {
  for (const store of opened.splice(0)) store.close()
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

async function expectStorageError(promise: Promise<unknown>, kind: StorageError['kind']) {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  )
  expect(error).toBeInstanceOf(StorageError)
  expect(error).toHaveProperty('kind', kind)
  return error as StorageError
}

async function keysOf(databaseName: string, storeName: Parameters<typeof rawEntries>[1]) {
  return (await rawEntries(databaseName, storeName)).map(([key]) => key).sort()
}

describe('release source store', () => {
  it('saves a source with its webhook secret, and reads both back', async () => {
    const name = freshDatabaseName()
    const store = storeFor(name)
    const source = releaseSource()
    const disconnected = releaseSource({
      name: 'Docs',
      connectionId: null,
      connectionType: 'custom-git',
      repository: { id: 'docs', fullName: 'team/docs', webUrl: null },
      tagPattern: null,
      webhook: { state: 'none', id: null, url: null, events: [], checkedAt: null },
      disconnectedAt: '2026-03-03T10:00:00+02:00',
    })
    await store.save(source, WEBHOOK_SECRET)
    await store.save(disconnected)

    expect(await store.get(source.id)).toEqual(source)
    expect(await store.get(disconnected.id)).toEqual(disconnected)
    expect(await store.list()).toEqual({ sources: [disconnected, source], quarantined: [] })
    expect(await store.readWebhookSecret(source.id)).toBe(WEBHOOK_SECRET)
    expect(await store.readWebhookSecret(disconnected.id)).toBeUndefined()
    expect(await store.get(crypto.randomUUID())).toBeUndefined()

    // The secret is kept apart from the source, under the source's id.
    expect(JSON.stringify(await rawEntries(name, RELEASE_SOURCES_STORE))).not.toContain(
      WEBHOOK_SECRET,
    )
    expect(await rawEntries(name, WEBHOOK_SECRETS_STORE)).toEqual([
      [source.id, { schemaVersion: 1, sourceId: source.id, secret: WEBHOOK_SECRET }],
    ])
  })

  it('keeps everything across close and reopen', async () => {
    const name = freshDatabaseName()
    const first = storeFor(name)
    const source = releaseSource()
    await first.save(source, WEBHOOK_SECRET)
    await first.addBuild(build(source.id))
    first.close()

    const second = storeFor(name)
    expect((await second.list()).sources).toEqual([source])
    expect(await second.readWebhookSecret(source.id)).toBe(WEBHOOK_SECRET)
    expect((await second.listBuilds(source.id)).builds).toHaveLength(1)
    // The closed store opens the database again when used.
    expect((await first.list()).sources).toEqual([source])
  })

  it.each([
    ['a blank name', { name: '   ' }, 'name'],
    ['a name over 80 characters', { name: 'x'.repeat(81) }, 'name'],
    ['an id that is not a UUID', { id: 'source-1' }, 'id'],
    ['an unknown connection type', { connectionType: 'gitea' }, 'connectionType'],
    ['a blank tag pattern', { tagPattern: '' }, 'tagPattern'],
    ['a date without an offset', { createdAt: '2026-03-01 10:00' }, 'createdAt'],
    ['a stray secret field', { secret: WEBHOOK_SECRET }, 'secret'],
  ])('refuses a source with %s before writing anything', async (_what, change, path) => {
    const name = freshDatabaseName()
    const store = storeFor(name)
    const bad = { ...releaseSource(), ...change } as ReleaseSourceRecord

    const error = await expectStorageError(store.save(bad, WEBHOOK_SECRET), 'invalid-record')

    expect(error.message).toContain(path)
    expect(error.message).not.toContain(WEBHOOK_SECRET)
    expect(await rawEntries(name, RELEASE_SOURCES_STORE)).toEqual([])
    expect(await rawEntries(name, WEBHOOK_SECRETS_STORE)).toEqual([])
  })

  it('refuses a bad webhook state and a webhook with stray fields', async () => {
    const name = freshDatabaseName()
    const store = storeFor(name)
    const source = releaseSource()
    const badState = { ...source, webhook: { ...source.webhook, state: 'deleted' } }
    const strayField = { ...source, webhook: { ...source.webhook, secret: WEBHOOK_SECRET } }

    for (const bad of [badState, strayField] as ReleaseSourceRecord[]) {
      const error = await expectStorageError(store.save(bad), 'invalid-record')
      expect(error.message).toMatch(/webhook(\.state)?: /)
    }
    expect(await rawEntries(name, RELEASE_SOURCES_STORE)).toEqual([])
  })

  it('writes nothing when the webhook secret of a save is invalid', async () => {
    const name = freshDatabaseName()
    const store = storeFor(name)
    const source = releaseSource({ name: 'Before' })
    await store.save(source, WEBHOOK_SECRET)
    const before = [
      await rawEntries(name, RELEASE_SOURCES_STORE),
      await rawEntries(name, WEBHOOK_SECRETS_STORE),
    ]

    const error = await expectStorageError(
      store.save({ ...source, name: 'After' }, ''),
      'invalid-record',
    )

    expect(error.message).toMatch(/webhook secret/)
    expect([
      await rawEntries(name, RELEASE_SOURCES_STORE),
      await rawEntries(name, WEBHOOK_SECRETS_STORE),
    ]).toEqual(before)
  })

  it('rolls back the source when writing its secret fails inside the transaction', async () => {
    const name = freshDatabaseName()
    const store = storeFor(name)
    const source = releaseSource({ name: 'Before' })
    await store.save(source, WEBHOOK_SECRET)
    const before = [
      await rawEntries(name, RELEASE_SOURCES_STORE),
      await rawEntries(name, WEBHOOK_SECRETS_STORE),
    ]

    // eslint-disable-next-line @typescript-eslint/unbound-method -- called with .call(this) below
    const put = IDBObjectStore.prototype.put
    const putInto: string[] = []
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
      this: IDBObjectStore,
      value: unknown,
      key?: IDBValidKey,
    ) {
      putInto.push(this.name)
      if (this.name === WEBHOOK_SECRETS_STORE) {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
      }
      return put.call(this, value, key)
    })

    await expectStorageError(
      store.save({ ...source, name: 'After' }, 'next-secret'),
      'quota-exceeded',
    )
    // The source was put before the secret failed: the rollback is what undid it.
    expect(putInto).toEqual([RELEASE_SOURCES_STORE, WEBHOOK_SECRETS_STORE])
    vi.restoreAllMocks()

    expect([
      await rawEntries(name, RELEASE_SOURCES_STORE),
      await rawEntries(name, WEBHOOK_SECRETS_STORE),
    ]).toEqual(before)
    expect((await store.get(source.id))?.name).toBe('Before')
  })

  it('counts a damaged or mismatched webhook secret as none', async () => {
    const name = freshDatabaseName()
    const store = storeFor(name)
    const damaged = releaseSource({ name: 'A' })
    const mismatched = releaseSource({ name: 'B' })
    await store.save(damaged, WEBHOOK_SECRET)
    await store.save(mismatched, WEBHOOK_SECRET)
    await rawPut(name, WEBHOOK_SECRETS_STORE, damaged.id, {
      schemaVersion: 1,
      sourceId: damaged.id,
    })
    await rawPut(name, WEBHOOK_SECRETS_STORE, mismatched.id, {
      schemaVersion: 1,
      sourceId: damaged.id,
      secret: WEBHOOK_SECRET,
    })

    expect(await store.readWebhookSecret(damaged.id)).toBeUndefined()
    expect(await store.readWebhookSecret(mismatched.id)).toBeUndefined()
  })

  it('removes a source with its secret and builds, and leaves other sources’ builds', async () => {
    const name = freshDatabaseName()
    const store = storeFor(name)
    const kept = releaseSource({ name: 'Kept' })
    const removed = releaseSource({ name: 'Removed' })
    await store.save(kept, WEBHOOK_SECRET)
    await store.save(removed, WEBHOOK_SECRET)
    const keptBuild = build(kept.id)
    await store.addBuild(keptBuild)
    await store.addBuild(build(removed.id))
    await store.addBuild(build(removed.id))
    // A damaged build that still names its source goes with it.
    await rawPut(name, BUILDS_STORE, 'damaged-build', { sourceId: removed.id, junk: true })

    await store.remove(removed.id)

    expect(await store.get(removed.id)).toBeUndefined()
    expect(await store.readWebhookSecret(removed.id)).toBeUndefined()
    expect(await store.listBuilds(removed.id)).toEqual({ builds: [], quarantined: 0 })
    expect(await keysOf(name, RELEASE_SOURCES_STORE)).toEqual([kept.id])
    expect(await keysOf(name, WEBHOOK_SECRETS_STORE)).toEqual([kept.id])
    expect(await keysOf(name, BUILDS_STORE)).toEqual([keptBuild.id])
    expect(await store.listBuilds(kept.id)).toEqual({ builds: [keptBuild], quarantined: 0 })
  })

  it('lists builds newest first, comparing instants across offsets', async () => {
    const store = storeFor(freshDatabaseName())
    const source = releaseSource()
    const other = releaseSource({ name: 'Other' })
    await store.save(source)
    await store.save(other)
    const middle = build(source.id, { requestedAt: '2026-03-02T10:00:00.000Z' })
    // 09:30 UTC: earlier than `middle`, though its wall-clock time reads later.
    const oldest = build(source.id, { requestedAt: '2026-03-02T11:30:00+02:00' })
    const newest = build(source.id, {
      trigger: 'webhook',
      triggeredBy: 'GitHub',
      commit: null,
      requestedAt: '2026-03-02T10:00:01.000Z',
      result: { state: 'failed', status: null, message: 'The endpoint could not be reached.' },
    })
    for (const item of [middle, newest, oldest]) await store.addBuild(item)
    await store.addBuild(build(other.id, { requestedAt: '2026-03-05T00:00:00.000Z' }))

    expect(await store.listBuilds(source.id)).toEqual({
      builds: [newest, middle, oldest],
      quarantined: 0,
    })
  })

  it('skips and counts damaged builds, and leaves them in place', async () => {
    const name = freshDatabaseName()
    const store = storeFor(name)
    const source = releaseSource()
    await store.save(source)
    const good = build(source.id)
    await store.addBuild(good)
    const badSha = {
      ...build(source.id),
      commit: { sha: 'not-a-sha', message: null, author: null },
    }
    await rawPut(name, BUILDS_STORE, badSha.id, badSha)
    await rawPut(name, BUILDS_STORE, crypto.randomUUID(), build(source.id))

    expect(await store.listBuilds(source.id)).toEqual({ builds: [good], quarantined: 2 })
    expect(await rawEntries(name, BUILDS_STORE)).toHaveLength(3)
  })

  it('records a build only for a saved source, and only a valid one', async () => {
    const name = freshDatabaseName()
    const store = storeFor(name)
    const source = releaseSource()
    await store.save(source)

    const orphan = await expectStorageError(
      store.addBuild(build(crypto.randomUUID())),
      'invalid-record',
    )
    expect(orphan.message).toMatch(/no saved release source/)
    const badStatus = build(source.id, {
      result: { state: 'rejected', status: 42, message: 'No.' },
    })
    expect(
      (await expectStorageError(store.addBuild(badStatus), 'invalid-record')).message,
    ).toContain('result.status')
    const badTrigger = { ...build(source.id), trigger: 'cron' } as unknown as BuildRecord
    expect(
      (await expectStorageError(store.addBuild(badTrigger), 'invalid-record')).message,
    ).toContain('trigger')

    expect(await rawEntries(name, BUILDS_STORE)).toEqual([])
  })

  it('quarantines a damaged source, keeps it in place, and still lists the others', async () => {
    const name = freshDatabaseName()
    const store = storeFor(name)
    const connectionId = crypto.randomUUID()
    const good = releaseSource({ name: 'Good', connectionId })
    await store.save(good)
    const damagedId = crypto.randomUUID()
    const damaged = {
      ...releaseSource({ id: damagedId, connectionId }),
      branch: '',
      secret: WEBHOOK_SECRET,
    }
    await rawPut(name, RELEASE_SOURCES_STORE, damagedId, damaged)
    await rawPut(name, RELEASE_SOURCES_STORE, 'garbage', 'just a string')
    const misfiled = releaseSource()
    await rawPut(name, RELEASE_SOURCES_STORE, crypto.randomUUID(), misfiled)

    const { sources, quarantined } = await store.list()

    expect(sources).toEqual([good])
    expect(quarantined).toHaveLength(3)
    const entry = quarantined.find((item) => item.key === damagedId)
    expect(entry?.reason).toMatch(/branch/)
    expect(entry?.reason).toMatch(/secret/)
    expect(entry?.raw).toMatchObject({ branch: '', secret: '[redacted]' })
    expect(JSON.stringify(quarantined)).not.toContain(WEBHOOK_SECRET)
    expect(quarantined.find((item) => item.key === 'garbage')?.reason).toMatch(/not an object/)
    expect(quarantined.some((item) => /^id:/.test(item.reason))).toBe(true)

    const stored = new Map(await rawEntries(name, RELEASE_SOURCES_STORE))
    expect(stored.get(damagedId)).toEqual(damaged)
    expect(stored.get('garbage')).toBe('just a string')
    await expectStorageError(store.get(damagedId), 'invalid-record')
    expect(await store.sourcesOfConnection(connectionId)).toEqual([good])
  })

  it('leaves a source from a newer schema version alone', async () => {
    const name = freshDatabaseName()
    const store = storeFor(name)
    const future = { ...releaseSource(), schemaVersion: 2, shinyNewField: true }
    await rawPut(name, RELEASE_SOURCES_STORE, future.id, future)

    const { quarantined } = await store.list()

    expect(quarantined[0]?.reason).toMatch(/newer version/)
    expect(await rawEntries(name, RELEASE_SOURCES_STORE)).toEqual([[future.id, future]])
  })

  it('lists by name, ignoring case', async () => {
    const store = storeFor(freshDatabaseName())
    for (const name of ['beta', 'Alpha', 'gamma', 'Beta 2', 'alpha 10', 'alpha 9']) {
      await store.save(releaseSource({ name }))
    }
    expect((await store.list()).sources.map((source) => source.name)).toEqual([
      'Alpha',
      'alpha 9',
      'alpha 10',
      'beta',
      'Beta 2',
      'gamma',
    ])
  })

  it('finds the sources of one connection', async () => {
    const store = storeFor(freshDatabaseName())
    const connectionId = crypto.randomUUID()
    const second = releaseSource({ name: 'B', connectionId })
    const first = releaseSource({ name: 'a', connectionId })
    await store.save(second)
    await store.save(first)
    await store.save(releaseSource({ name: 'Elsewhere' }))
    await store.save(releaseSource({ name: 'Gone', connectionId: null }))

    expect(await store.sourcesOfConnection(connectionId)).toEqual([first, second])
    expect(await store.sourcesOfConnection(crypto.randomUUID())).toEqual([])
  })

  it('disconnects every source of one connection and leaves the others', async () => {
    const name = freshDatabaseName()
    const store = storeFor(name)
    const connectionId = crypto.randomUUID()
    const hookRemoved = releaseSource({ name: 'A', connectionId })
    const hookKept = releaseSource({
      name: 'B',
      connectionId,
      webhook: { state: 'failed', id: null, reason: 'Not allowed.' },
    })
    const otherConnection = releaseSource({ name: 'C' })
    await store.save(hookRemoved, WEBHOOK_SECRET)
    await store.save(hookKept)
    await store.save(otherConnection)
    const history = build(hookRemoved.id)
    await store.addBuild(history)
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2026-04-01T12:00:00.000Z'))
    const now = '2026-04-01T12:00:00.000Z'

    const updated = await store.disconnect(connectionId, [hookRemoved.id, otherConnection.id])

    const expected = [
      {
        ...hookRemoved,
        connectionId: null,
        disconnectedAt: now,
        updatedAt: now,
        webhook: { ...hookRemoved.webhook, state: 'removed' },
      },
      { ...hookKept, connectionId: null, disconnectedAt: now, updatedAt: now },
    ]
    expect(updated).toEqual(expected)
    expect((await store.list()).sources).toEqual([...expected, otherConnection])
    expect(await store.sourcesOfConnection(connectionId)).toEqual([])
    // History and secrets stay.
    expect(await store.listBuilds(hookRemoved.id)).toEqual({ builds: [history], quarantined: 0 })
    expect(await store.readWebhookSecret(hookRemoved.id)).toBe(WEBHOOK_SECRET)
    // Nothing left to disconnect the second time.
    expect(await store.disconnect(connectionId, [])).toEqual([])
  })

  it('disconnects all of a connection’s sources or none', async () => {
    const name = freshDatabaseName()
    const store = storeFor(name)
    const connectionId = crypto.randomUUID()
    await store.save(releaseSource({ name: 'A', connectionId }))
    await store.save(releaseSource({ name: 'B', connectionId }))
    const before = await rawEntries(name, RELEASE_SOURCES_STORE)

    // eslint-disable-next-line @typescript-eslint/unbound-method -- called with .call(this) below
    const update = IDBCursor.prototype.update
    let updates = 0
    vi.spyOn(IDBCursor.prototype, 'update').mockImplementation(function (
      this: IDBCursor,
      value: unknown,
    ) {
      updates += 1
      if (updates === 2) {
        throw new DOMException('The object could not be cloned.', 'DataCloneError')
      }
      return update.call(this, value)
    })

    // Thrown in a request's handler, the error aborts the transaction and reads as a failed write.
    await expectStorageError(store.disconnect(connectionId, []), 'write-failed')
    // The first source was updated before the second failed: the rollback is what undid it.
    expect(updates).toBe(2)
    vi.restoreAllMocks()

    expect(await rawEntries(name, RELEASE_SOURCES_STORE)).toEqual(before)
  })
})

describe('seen releases', () => {
  it('records what the page saw, then updates it, keeping first sightings and known commits', async () => {
    const name = freshDatabaseName()
    const store = storeFor(name)
    const source = releaseSource()
    await store.save(source)
    const first = '2026-03-02T10:00:00.000Z'
    const later = '2026-03-09T10:00:00.000Z'
    const v1 = seen('v1.0.0', { publishedAt: '2026-03-01T09:00:00.000Z' })
    const tag = seen('v0.9.0', { kind: 'tag', name: null, publishedAt: null, webUrl: null })
    await at(first, () => store.recordReleases(source.id, [v1, tag]))

    expect(await store.listReleases(source.id)).toEqual({
      releases: [snapshot(source.id, v1, first), snapshot(source.id, tag, first)],
      quarantined: 0,
    })
    expect(await rawEntries(name, RELEASES_STORE)).toEqual([
      [[source.id, 'v0.9.0'], snapshot(source.id, tag, first)],
      [[source.id, 'v1.0.0'], snapshot(source.id, v1, first)],
    ])

    // Seen again: the release was renamed and this listing lacks its commit; the tag's commit is
    // now known; v2 is new.
    const v1Again = { ...v1, name: 'One point oh', prerelease: true, commit: null }
    const otherCommit = { sha: 'abc1234', message: null, author: null }
    const tagAgain = { ...tag, commit: otherCommit }
    const v2 = seen('v2.0.0', { publishedAt: '2026-03-08T09:00:00.000Z' })
    await at(later, () => store.recordReleases(source.id, [v2, tagAgain, v1Again]))

    expect((await store.listReleases(source.id)).releases).toEqual([
      snapshot(source.id, v2, later),
      snapshot(source.id, { ...v1Again, commit: COMMIT }, first),
      snapshot(source.id, tagAgain, first),
    ])
  })

  it('records a tag listed twice once, as if seen twice in a row', async () => {
    const store = storeFor(freshDatabaseName())
    const source = releaseSource()
    await store.save(source)
    const first = seen('v1.0.0', { name: 'First' })
    const second = seen('v1.0.0', { name: 'Second', commit: null })

    await at('2026-03-02T10:00:00.000Z', () => store.recordReleases(source.id, [first, second]))

    expect((await store.listReleases(source.id)).releases).toEqual([
      snapshot(source.id, { ...second, commit: COMMIT }, '2026-03-02T10:00:00.000Z'),
    ])
  })

  it('lists newest first as instants, then undated ones by first sighting, ties by tag', async () => {
    const store = storeFor(freshDatabaseName())
    const source = releaseSource()
    const other = releaseSource({ name: 'Other' })
    await store.save(source)
    await store.save(other)
    const undated = { kind: 'tag', name: null, publishedAt: null } as const
    // 09:30 UTC: earlier than 10:00 UTC, though its wall-clock time reads later.
    const early = seen('v1.0.0', { publishedAt: '2026-03-02T11:30:00+02:00' })
    const late = seen('v1.1.0', { publishedAt: '2026-03-02T10:00:00.000Z' })
    // Same instant as `late`: the higher tag comes first, numbers compared as numbers.
    const sameTime = seen('v1.10.0', { publishedAt: '2026-03-02T12:00:00+02:00' })
    const sameTimeLower = seen('v1.9.0', { publishedAt: '2026-03-02T10:00:00Z' })
    const oldTags = [seen('v0.2', undated), seen('v0.10', undated)]
    const newTag = seen('nightly', undated)
    await at('2026-03-03T00:00:00.000Z', () =>
      store.recordReleases(source.id, [...oldTags, early, sameTimeLower]),
    )
    await at('2026-03-04T00:00:00.000Z', () =>
      store.recordReleases(source.id, [newTag, late, sameTime]),
    )
    await store.recordReleases(other.id, [seen('v9.0.0', { publishedAt: '2026-04-01T00:00:00Z' })])

    expect((await store.listReleases(source.id)).releases.map((r) => r.tagName)).toEqual([
      'v1.10.0',
      'v1.9.0',
      'v1.1.0',
      'v1.0.0',
      'nightly',
      'v0.10',
      'v0.2',
    ])
  })

  it('records releases only for a saved source, and only valid ones, writing nothing otherwise', async () => {
    const name = freshDatabaseName()
    const store = storeFor(name)
    const source = releaseSource()
    await store.save(source)

    const orphan = await expectStorageError(
      store.recordReleases(crypto.randomUUID(), [seen('v1.0.0')]),
      'invalid-record',
    )
    expect(orphan.message).toMatch(/no saved release source/)
    const cases: [SeenRelease, string][] = [
      [seen(' '), 'tagName'],
      [seen('v1.0.0', { commit: { sha: 'not-a-sha', message: null, author: null } }), 'commit.sha'],
      [seen('v1.0.0', { publishedAt: '2026-03-01 10:00' }), 'publishedAt'],
      [{ ...seen('v1.0.0'), kind: 'branch' } as unknown as SeenRelease, 'kind'],
      [{ ...seen('v1.0.0'), body: 'Notes' } as SeenRelease, 'body'],
    ]
    for (const [bad, path] of cases) {
      // The good release before it is not written either.
      const error = await expectStorageError(
        store.recordReleases(source.id, [seen('v0.1.0'), bad]),
        'invalid-record',
      )
      expect(error.message).toContain('Release 2 of 2')
      expect(error.message).toContain(path)
    }
    await expectStorageError(store.recordReleases('not-a-uuid', [seen('v1.0.0')]), 'invalid-record')

    expect(await rawEntries(name, RELEASES_STORE)).toEqual([])
  })

  it('skips and counts damaged releases, leaves them in place, and does not overwrite them', async () => {
    const name = freshDatabaseName()
    const store = storeFor(name)
    const source = releaseSource()
    await store.save(source)
    const good = seen('v1.0.0')
    await at('2026-03-02T10:00:00.000Z', () => store.recordReleases(source.id, [good]))
    const damaged = { ...snapshot(source.id, seen('v2.0.0'), '2026-03-01T00:00:00Z'), kind: 'x' }
    const future = {
      ...snapshot(source.id, seen('v3.0.0'), '2026-03-01T00:00:00Z'),
      schemaVersion: 2,
      assets: [],
    }
    const misfiled = snapshot(source.id, seen('v4.0.0'), '2026-03-01T00:00:00Z')
    await rawPut(name, RELEASES_STORE, [source.id, 'v2.0.0'], damaged)
    await rawPut(name, RELEASES_STORE, [source.id, 'v3.0.0'], future)
    await rawPut(name, RELEASES_STORE, [source.id, 'v4.0.1'], misfiled)
    const before = await rawEntries(name, RELEASES_STORE)

    expect(await store.listReleases(source.id)).toEqual({
      releases: [snapshot(source.id, good, '2026-03-02T10:00:00.000Z')],
      quarantined: 3,
    })
    // Seen again, the damaged and the newer ones are left as they are.
    await store.recordReleases(source.id, [seen('v2.0.0'), seen('v3.0.0')])
    expect(await rawEntries(name, RELEASES_STORE)).toEqual(before)
  })

  it('removes a source’s releases with it, damaged ones too, and leaves other sources’', async () => {
    const name = freshDatabaseName()
    const store = storeFor(name)
    const kept = releaseSource({ name: 'Kept' })
    const removed = releaseSource({ name: 'Removed' })
    await store.save(kept)
    await store.save(removed)
    await store.recordReleases(kept.id, [seen('v1.0.0')])
    await store.recordReleases(removed.id, [seen('v1.0.0'), seen('v2.0.0')])
    // Damaged: one still names the source, the other is filed under it and no longer does.
    await rawPut(name, RELEASES_STORE, ['elsewhere', 'v3'], { sourceId: removed.id, junk: true })
    await rawPut(name, RELEASES_STORE, [removed.id, 'v4'], { junk: true })

    await store.remove(removed.id)

    expect(await store.listReleases(removed.id)).toEqual({ releases: [], quarantined: 0 })
    expect(await keysOf(name, RELEASES_STORE)).toEqual([[kept.id, 'v1.0.0']])
    expect((await store.listReleases(kept.id)).releases).toHaveLength(1)
  })

  it('keeps a source’s releases when its connection is removed', async () => {
    const store = storeFor(freshDatabaseName())
    const connectionId = crypto.randomUUID()
    const source = releaseSource({ connectionId })
    await store.save(source)
    await store.recordReleases(source.id, [seen('v1.0.0'), seen('v1.1.0', { commit: null })])
    const before = await store.listReleases(source.id)

    await store.disconnect(connectionId, [source.id])

    expect(await store.listReleases(source.id)).toEqual(before)
    expect(before.releases).toHaveLength(2)
  })
})

describe('upgrading from version 1', () => {
  /** A database as version 1 of the app left it: two stores, one connection and its token. */
  async function versionOneDatabase(name: string, connection: unknown, id: string) {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name, 1)
      request.onupgradeneeded = () => {
        request.result.createObjectStore(CONNECTIONS_STORE)
        request.result.createObjectStore(SECRETS_STORE)
      }
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(new Error('open failed'))
    })
    const transaction = db.transaction([CONNECTIONS_STORE, SECRETS_STORE], 'readwrite')
    transaction.objectStore(CONNECTIONS_STORE).put(connection, id)
    transaction
      .objectStore(SECRETS_STORE)
      .put({ schemaVersion: 1, connectionId: id, token: 'kept-token', lifetime: 'remember' }, id)
    await new Promise<void>((resolve, reject) => {
      transaction.oncomplete = () => resolve()
      transaction.onabort = () => reject(new Error('raw write aborted'))
    })
    db.close()
  }

  it('keeps the connections and adds the release source stores', async () => {
    const name = freshDatabaseName()
    const connection = connectionRecord('gitlab', { name: 'From v1' })
    await versionOneDatabase(name, connection, connection.id)

    // The release source store is the first to open it: it runs the upgrade.
    const store = storeFor(name)
    const source = releaseSource({ connectionId: connection.id, connectionType: 'gitlab' })
    await store.save(source, WEBHOOK_SECRET)
    await store.addBuild(build(source.id))

    const connections = openConnectionStore(name)
    try {
      expect(await connections.list()).toEqual({
        connections: [{ record: connection, hasSecret: true }],
        quarantined: [],
      })
      expect(await connections.readSecret(connection.id)).toMatchObject({ token: 'kept-token' })
    } finally {
      connections.close()
    }
    expect(await store.sourcesOfConnection(connection.id)).toEqual([source])

    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name)
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(new Error('open failed'))
    })
    expect(db.version).toBe(DATABASE_VERSION)
    const builds = db.transaction(BUILDS_STORE, 'readonly').objectStore(BUILDS_STORE)
    expect([...builds.indexNames]).toEqual([BUILDS_BY_SOURCE_INDEX])
    // Every later step runs too.
    expect(db.objectStoreNames.contains(RELEASES_STORE)).toBe(true)
    db.close()
  })
})

describe('upgrading from version 2', () => {
  /** A database as version 2 of the app left it: its five stores, and one release source. */
  async function versionTwoDatabase(name: string, source: ReleaseSourceRecord) {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name, 2)
      request.onupgradeneeded = () => {
        const database = request.result
        database.createObjectStore(CONNECTIONS_STORE)
        database.createObjectStore(SECRETS_STORE)
        database.createObjectStore(RELEASE_SOURCES_STORE)
        database.createObjectStore(BUILDS_STORE).createIndex(BUILDS_BY_SOURCE_INDEX, 'sourceId')
        database.createObjectStore(WEBHOOK_SECRETS_STORE)
      }
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(new Error('open failed'))
    })
    const transaction = db.transaction([RELEASE_SOURCES_STORE, BUILDS_STORE], 'readwrite')
    transaction.objectStore(RELEASE_SOURCES_STORE).put(source, source.id)
    const history = build(source.id)
    transaction.objectStore(BUILDS_STORE).put(history, history.id)
    await new Promise<void>((resolve, reject) => {
      transaction.oncomplete = () => resolve()
      transaction.onabort = () => reject(new Error('raw write aborted'))
    })
    db.close()
    return history
  }

  it('keeps the sources and their builds, and adds the releases store', async () => {
    const name = freshDatabaseName()
    const source = releaseSource({ name: 'From v2' })
    const history = await versionTwoDatabase(name, source)

    const store = storeFor(name)
    expect(await store.list()).toEqual({ sources: [source], quarantined: [] })
    expect(await store.listBuilds(source.id)).toEqual({ builds: [history], quarantined: 0 })
    expect(await store.listReleases(source.id)).toEqual({ releases: [], quarantined: 0 })
    await store.recordReleases(source.id, [seen('v1.0.0')])
    expect((await store.listReleases(source.id)).releases).toHaveLength(1)

    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name)
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(new Error('open failed'))
    })
    expect(db.version).toBe(DATABASE_VERSION)
    const releases = db.transaction(RELEASES_STORE, 'readonly').objectStore(RELEASES_STORE)
    expect([...releases.indexNames]).toEqual([RELEASES_BY_SOURCE_INDEX])
    db.close()
  })
})
