import { describe, expect, it } from 'vitest'
import { connectionMigrations, migrate, type MigrationTable } from './migrations.ts'

describe('migrate', () => {
  it('carries a v0 connection (no version, verification or notices) to v1', () => {
    const v0 = { id: 'a', name: 'Old', lastVerifiedAt: '2025-01-01T00:00:00Z' }
    expect(migrate(v0, connectionMigrations)).toEqual({
      ok: true,
      fromVersion: 0,
      value: { ...v0, schemaVersion: 1, verification: 'verified', notices: [] },
    })
    expect(migrate({ ...v0, lastVerifiedAt: null }, connectionMigrations)).toMatchObject({
      ok: true,
      value: { verification: 'unverified' },
    })
  })

  it('leaves a current record as it is', () => {
    const v1 = { schemaVersion: 1, id: 'a' }
    expect(migrate(v1, connectionMigrations)).toEqual({ ok: true, fromVersion: 1, value: v1 })
  })

  it('runs steps in order, one version at a time', () => {
    const table: MigrationTable = {
      current: 3,
      steps: {
        0: (raw) => ({ ...raw, trail: ['0→1'] }),
        1: (raw) => ({
          ...raw,
          trail: [...(raw.trail as string[]), `1→2 at v${String(raw.schemaVersion)}`],
        }),
        2: (raw) => ({
          ...raw,
          trail: [...(raw.trail as string[]), `2→3 at v${String(raw.schemaVersion)}`],
        }),
      },
    }
    expect(migrate({}, table)).toEqual({
      ok: true,
      fromVersion: 0,
      value: { schemaVersion: 3, trail: ['0→1', '1→2 at v1', '2→3 at v2'] },
    })
  })

  it('refuses what it cannot migrate, with a reason', () => {
    const gap: MigrationTable = { current: 2, steps: { 0: (raw) => raw } }
    const throws: MigrationTable = {
      current: 1,
      steps: {
        0: () => {
          throw new Error('boom')
        },
      },
    }
    expect(migrate({ schemaVersion: 1 }, gap)).toEqual({
      ok: false,
      reason: 'schemaVersion: no migration from version 1',
    })
    expect(migrate({}, throws)).toEqual({
      ok: false,
      reason: 'schemaVersion: migration from version 0 failed',
    })
    const newer = migrate({ schemaVersion: 7 }, connectionMigrations)
    expect(newer.ok).toBe(false)
    expect(newer.ok ? '' : newer.reason).toMatch(/newer version/)
    expect(migrate({ schemaVersion: '1' }, connectionMigrations)).toMatchObject({ ok: false })
    expect(migrate({ schemaVersion: -1 }, connectionMigrations)).toMatchObject({ ok: false })
    expect(migrate(['not', 'a', 'record'], connectionMigrations)).toMatchObject({ ok: false })
    expect(migrate(null, connectionMigrations)).toMatchObject({ ok: false })
  })
})
