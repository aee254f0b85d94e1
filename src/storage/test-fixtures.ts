/**
 * Test helpers for the storage tests: a valid record of every connection type, and raw access to
 * the object stores (to look behind the API, or plant what an older or broken app left there).
 * Imported by *.test.ts only.
 */
import type { ConnectionType, ProviderTarget } from '../providers/types.ts'
import { openDatabase, type StoreName } from './database.ts'
import type { ConnectionRecord } from './schema.ts'

export const targets: { [T in ConnectionType]: Extract<ProviderTarget, { type: T }> } = {
  github: { type: 'github' },
  'github-enterprise': { type: 'github-enterprise', baseUrl: 'https://github.example.com' },
  gitlab: { type: 'gitlab' },
  'gitlab-self-managed': { type: 'gitlab-self-managed', baseUrl: 'https://gitlab.example.com' },
  bitbucket: {
    type: 'bitbucket',
    credentialKind: 'api-token',
    email: 'ada@example.com',
    workspace: 'analytical',
  },
  'azure-devops': { type: 'azure-devops', organization: 'contoso' },
  'azure-devops-server': {
    type: 'azure-devops-server',
    collectionUrl: 'https://tfs.example.com/tfs/DefaultCollection',
  },
  'custom-git': {
    type: 'custom-git',
    repositoryUrl: 'https://git.example.com/team/app.git',
    branch: 'main',
    corsProxyUrl: 'https://cors.example.com',
    gitUsername: 'deploy',
  },
}

const common = {
  schemaVersion: 1,
  username: 'ada',
  authMethod: 'pat',
  tokenLifetime: 'remember',
  verification: 'verified',
  account: {
    id: '42',
    login: 'ada',
    displayName: 'Ada Lovelace',
    avatarUrl: 'https://avatars.example.com/42',
    emails: ['ada@example.com'],
  },
  scopes: ['repo'],
  tokenExpiresAt: null,
  lastVerifiedAt: '2026-03-01T10:00:00.000Z',
  notices: [],
  createdAt: '2026-03-01T10:00:00.000Z',
  updatedAt: '2026-03-01T10:00:00.000Z',
} as const

export function connectionRecord(
  type: ConnectionType = 'github',
  overrides: { name?: string; id?: string } = {},
): ConnectionRecord {
  return {
    ...common,
    account: { ...common.account, emails: [...common.account.emails] },
    scopes: [...common.scopes],
    notices: [],
    id: overrides.id ?? crypto.randomUUID(),
    name: overrides.name ?? `My ${type}`,
    ...targets[type],
  }
}

/** A copy of `value` without `keys` (a record as an older or partial writer left it). */
export function without<T extends object, K extends keyof T>(value: T, ...keys: K[]): Omit<T, K> {
  const dropped = new Set<PropertyKey>(keys)
  return Object.fromEntries(Object.entries(value).filter(([key]) => !dropped.has(key))) as Omit<
    T,
    K
  >
}

export function freshDatabaseName(): string {
  return `test-${crypto.randomUUID()}`
}

/** Every [key, value] of one object store, read behind the store API's back. */
export async function rawEntries(
  databaseName: string,
  storeName: StoreName,
): Promise<[IDBValidKey, unknown][]> {
  const db = await openDatabase(databaseName)
  try {
    const store = db.transaction(storeName, 'readonly').objectStore(storeName)
    const [keys, values] = await Promise.all([
      request(store.getAllKeys()),
      request<unknown[]>(store.getAll()),
    ])
    return keys.map((key, index) => [key, values[index]])
  } finally {
    db.close()
  }
}

/** Writes `value` under `key` as is: no validation, no migration. */
export async function rawPut(
  databaseName: string,
  storeName: StoreName,
  key: IDBValidKey,
  value: unknown,
): Promise<void> {
  const db = await openDatabase(databaseName)
  try {
    const transaction = db.transaction(storeName, 'readwrite')
    transaction.objectStore(storeName).put(value, key)
    await new Promise<void>((resolve, reject) => {
      transaction.oncomplete = () => resolve()
      transaction.onabort = () => reject(new Error('raw write aborted'))
    })
  } finally {
    db.close()
  }
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result)
    req.onerror = () => reject(new Error('raw read failed'))
  })
}
