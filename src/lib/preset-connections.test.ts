import { afterEach, describe, expect, it, vi } from 'vitest'
import { openConnectionStore } from '@/storage/connection-store.ts'
import { connectionRecordSchema } from '@/storage/schema.ts'
import type { ConnectionPreset } from './config-presets.ts'
import { connectionStore, selectDatabase } from './connection-store.ts'
import { presetId, presetRecord, seedPresetConnections } from './preset-connections.ts'

const team: ConnectionPreset = { name: 'Team GitHub', username: 'mona', target: { type: 'github' } }
const server: ConnectionPreset = {
  name: 'Team GitLab',
  username: undefined,
  target: { type: 'gitlab-self-managed', baseUrl: 'https://gitlab.example.com' },
}

let selected = false
afterEach(() => {
  if (selected) connectionStore().close()
  selected = false
})

function freshDatabase(): string {
  const name = `test-${crypto.randomUUID()}`
  selectDatabase(name)
  selected = true
  return name
}

describe('preset ids', () => {
  it('are UUIDs (version 8) that stored records accept', async () => {
    const id = await presetId(team)
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    const record = await presetRecord(team, '2026-05-04T12:00:00.000Z')
    expect(connectionRecordSchema.safeParse(record).success).toBe(true)
    expect(record).toMatchObject({
      id,
      name: 'Team GitHub',
      username: 'mona',
      verification: 'unverified',
      account: null,
      authMethod: 'pat',
      tokenLifetime: 'remember',
    })
  })

  it('are the same for the same preset, whatever the case of its name', async () => {
    expect(await presetId(team)).toBe(await presetId({ ...team, name: 'team github ' }))
    expect(await presetId(team)).not.toBe(await presetId({ ...team, name: 'Other' }))
    const otherServer: ConnectionPreset = {
      ...server,
      target: { type: 'gitlab-self-managed', baseUrl: 'https://other.example.com' },
    }
    expect(await presetId(server)).not.toBe(await presetId(otherServer))
  })
})

describe('seeding presets', () => {
  it('adds them as "needs token", once, and not again after a delete', async () => {
    const name = freshDatabase()
    expect(await seedPresetConnections([team, server])).toBeNull()
    expect(await seedPresetConnections([team, server])).toBeNull()
    const store = openConnectionStore(name)
    try {
      const { connections } = await store.list()
      expect(connections.map(({ record, hasSecret }) => [record.name, hasSecret])).toEqual([
        ['Team GitHub', false],
        ['Team GitLab', false],
      ])
      await store.remove(await presetId(team))
      expect(await seedPresetConnections([team, server])).toBeNull()
      expect((await store.list()).connections.map(({ record }) => record.name)).toEqual([
        'Team GitLab',
      ])
    } finally {
      store.close()
    }
  })

  it('reports, and does not throw, when storage refuses the write', async () => {
    freshDatabase()
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
    })
    expect(await seedPresetConnections([team])).toBe(
      'config.json: the preset connections were not added: The browser has no storage space left for Git Connector. Free some space and try again.',
    )
  })
})
