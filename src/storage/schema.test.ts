import { describe, expect, it } from 'vitest'
import { CONNECTION_TYPES } from '../providers/types.ts'
import { redactSecrets } from './decode.ts'
import {
  connectionRecordSchema,
  providerTargetSchema,
  secretRecordSchema,
  targetOf,
} from './schema.ts'
import { connectionRecord, targets, without } from './test-fixtures.ts'

describe('targetOf', () => {
  it.each(CONNECTION_TYPES)('extracts exactly the %s target', (type) => {
    const target = targetOf(connectionRecord(type))
    expect(target).toStrictEqual(targets[type])
    expect(providerTargetSchema.parse(target)).toStrictEqual(target)
  })

  it('leaves out optional target fields that are not set', () => {
    const record = connectionRecord('custom-git')
    if (record.type !== 'custom-git') throw new Error('fixture')
    const bare = without(record, 'corsProxyUrl', 'gitUsername')
    expect(targetOf(bare)).toStrictEqual({
      type: 'custom-git',
      repositoryUrl: record.repositoryUrl,
      branch: 'main',
    })
  })
})

describe('connection record schema', () => {
  it('accepts every fixture and a minimal record', () => {
    for (const type of CONNECTION_TYPES) {
      expect(connectionRecordSchema.safeParse(connectionRecord(type)).success).toBe(true)
    }
    const noUsername = without(connectionRecord('gitlab'), 'username')
    const minimal = { ...noUsername, account: null, scopes: null, lastVerifiedAt: null }
    expect(connectionRecordSchema.safeParse(minimal).success).toBe(true)
  })

  it.each([
    ['a trailing slash', 'https://github.example.com/'],
    ['credentials', 'https://user:pass@github.example.com'],
    ['another protocol', 'ftp://github.example.com'],
    ['no URL at all', 'github.example.com'],
  ])('refuses a base URL with %s', (_what, baseUrl) => {
    const record = { ...connectionRecord('github-enterprise'), baseUrl }
    const result = connectionRecordSchema.safeParse(record)
    expect(result.success).toBe(false)
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toContain('baseUrl')
  })

  it('refuses fields of another type, unknown types and blank names', () => {
    const gitlabWithUrl = { ...connectionRecord('gitlab'), baseUrl: 'https://gitlab.example.com' }
    const unknownType = { ...connectionRecord('github'), type: 'gitea' }
    const blank = { ...connectionRecord('github'), name: '   ' }
    const orgUrl = { ...connectionRecord('azure-devops'), organization: 'https://dev.azure.com/x' }
    for (const record of [gitlabWithUrl, unknownType, blank, orgUrl]) {
      expect(connectionRecordSchema.safeParse(record).success).toBe(false)
    }
  })

  it('refuses an account with extra fields', () => {
    const base = connectionRecord('github')
    const record = { ...base, account: { ...base.account, accessToken: 'x' } }
    expect(connectionRecordSchema.safeParse(record).success).toBe(false)
  })
})

describe('secret record schema', () => {
  const secret = { schemaVersion: 1, connectionId: 'c', token: 't', lifetime: 'session' }

  it('accepts a token, optionally with refresh token and expiry', () => {
    expect(secretRecordSchema.safeParse(secret).success).toBe(true)
    const full = { ...secret, refreshToken: 'r', expiresAt: '2026-01-01T00:00:00Z' }
    expect(secretRecordSchema.safeParse(full).success).toBe(true)
  })

  it('refuses an empty token, a missing lifetime and extra fields', () => {
    const noLifetime = without(secret, 'lifetime')
    for (const bad of [{ ...secret, token: '' }, noLifetime, { ...secret, name: 'x' }]) {
      expect(secretRecordSchema.safeParse(bad).success).toBe(false)
    }
  })
})

describe('redactSecrets', () => {
  it('replaces secret-looking fields at any depth and keeps the rest', () => {
    const raw = {
      name: 'n',
      token: 'a',
      tokenLifetime: 'remember',
      nested: [{ refresh_token: 'b', password: 'c', login: 'l' }],
    }
    expect(redactSecrets(raw)).toEqual({
      name: 'n',
      token: '[redacted]',
      tokenLifetime: 'remember',
      nested: [{ refresh_token: '[redacted]', password: '[redacted]', login: 'l' }],
    })
    expect(raw.token).toBe('a')
  })
})
