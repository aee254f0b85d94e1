import { afterEach, describe, expect, it } from 'vitest'
import { openConnectionStore } from './connection-store.ts'
import { CONNECTIONS_STORE, META_STORE } from './database.ts'
import { openPresetSeeder, SEEDED_PRESETS_KEY } from './preset-seeds.ts'
import { connectionRecord, freshDatabaseName, rawEntries, rawPut } from './test-fixtures.ts'

const opened: { close(): void }[] = []
function open<T extends { close(): void }>(store: T): T {
  opened.push(store)
  return store
}

afterEach(() => {
  for (const store of opened.splice(0)) store.close()
})

const presets = [
  connectionRecord('github', { name: 'Team GitHub' }),
  connectionRecord('azure-devops', { name: 'Team Azure' }),
]

describe('preset seeding', () => {
  it('stores each preset once, however often it runs', async () => {
    const name = freshDatabaseName()
    const seeder = open(openPresetSeeder(name))
    expect(await seeder.seed(presets)).toEqual(presets)
    expect(await seeder.seed(presets)).toEqual([])
    const { connections } = await open(openConnectionStore(name)).list()
    expect(connections.map((entry) => entry.record.name)).toEqual(['Team Azure', 'Team GitHub'])
    expect(connections.every((entry) => !entry.hasSecret)).toBe(true)
  })

  it('does not bring back a preset the person deleted', async () => {
    const name = freshDatabaseName()
    const seeder = open(openPresetSeeder(name))
    await seeder.seed(presets)
    const store = open(openConnectionStore(name))
    await store.remove(presets[0]!.id)
    expect(await seeder.seed(presets)).toEqual([])
    expect((await store.list()).connections.map((entry) => entry.record.id)).toEqual([
      presets[1]!.id,
    ])
  })

  it('leaves a preset the person edited as they left it', async () => {
    const name = freshDatabaseName()
    const seeder = open(openPresetSeeder(name))
    await seeder.seed(presets)
    const store = open(openConnectionStore(name))
    const renamed = { ...presets[0]!, name: 'Mine now' }
    await store.save(renamed)
    await seeder.seed(presets)
    expect(await store.get(renamed.id)).toEqual({ record: renamed, hasSecret: false })
  })

  it('adds a preset that is new in config.json, and remembers it with the others', async () => {
    const name = freshDatabaseName()
    const seeder = open(openPresetSeeder(name))
    await seeder.seed(presets.slice(0, 1))
    const added = connectionRecord('gitlab', { name: 'Team GitLab' })
    expect(await seeder.seed([...presets, added])).toEqual([presets[1], added])
    const meta = await rawEntries(name, META_STORE)
    expect(meta).toEqual([
      [SEEDED_PRESETS_KEY, { schemaVersion: 1, ids: [presets[0]!.id, presets[1]!.id, added.id] }],
    ])
  })

  it('never overwrites a stored connection with the same id (an import of it, say)', async () => {
    const name = freshDatabaseName()
    const store = open(openConnectionStore(name))
    const imported = { ...presets[0]!, name: 'Imported' }
    await store.save(imported, { token: 'kept-token', lifetime: 'remember' })
    expect(await open(openPresetSeeder(name)).seed(presets)).toEqual([presets[1]])
    expect(await store.get(imported.id)).toEqual({ record: imported, hasSecret: true })
  })

  it('reads a damaged list as empty, stores nothing twice, and writes the list anew', async () => {
    const name = freshDatabaseName()
    await rawPut(name, CONNECTIONS_STORE, presets[0]!.id, presets[0])
    await rawPut(name, META_STORE, SEEDED_PRESETS_KEY, { ids: 'not a list' })
    expect(await open(openPresetSeeder(name)).seed(presets)).toEqual([presets[1]])
    expect(await rawEntries(name, META_STORE)).toEqual([
      [SEEDED_PRESETS_KEY, { schemaVersion: 1, ids: [presets[0]!.id, presets[1]!.id] }],
    ])
  })

  it('refuses an invalid record before writing anything', async () => {
    const name = freshDatabaseName()
    const bad = { ...connectionRecord('github'), id: 'not-a-uuid' }
    const failure: unknown = await open(openPresetSeeder(name))
      .seed([presets[0]!, bad])
      .catch((error: unknown) => error)
    expect(failure).toHaveProperty('kind', 'invalid-record')
    expect(await rawEntries(name, CONNECTIONS_STORE)).toEqual([])
  })
})
