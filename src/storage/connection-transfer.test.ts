import { afterEach, describe, expect, it, vi } from 'vitest'
import { CONNECTION_TYPES } from '../providers/types.ts'
import { type ConnectionStore, openConnectionStore } from './connection-store.ts'
import {
  type ConnectionTransfer,
  exportEnvelope,
  exportFileName,
  MAX_TRANSFER_BYTES,
  MAX_TRANSFER_DEPTH,
  openConnectionTransfer,
  planImport,
  readTransferFile,
  TOO_DEEP,
  TRANSFER_FORMAT,
} from './connection-transfer.ts'
import { CONNECTIONS_STORE } from './database.ts'
import { StorageError } from './errors.ts'
import { type ConnectionRecord, targetOf } from './schema.ts'
import { connectionRecord, freshDatabaseName, rawEntries, rawPut } from './test-fixtures.ts'

const NOW = '2026-05-04T12:00:00.000Z'
const TOKEN = 'ghp_TransferTestToken000000000000000000000'
const REFRESH = 'refresh-TransferTestRefresh'

const opened: { close(): void }[] = []
function connections(name: string): ConnectionStore {
  const store = openConnectionStore(name)
  opened.push(store)
  return store
}
function transfer(name: string): ConnectionTransfer {
  const opening = openConnectionTransfer(name)
  opened.push(opening)
  return opening
}

afterEach(() => {
  for (const store of opened.splice(0)) store.close()
  vi.restoreAllMocks()
})

function fileOf(records: readonly ConnectionRecord[]): string {
  return JSON.stringify(exportEnvelope(records, new Date(NOW)), null, 2)
}

/** An export file with `change` applied to the first connection of a one-connection file. */
function fileWith(change: (entry: Record<string, unknown>) => void): string {
  const envelope = exportEnvelope([connectionRecord('github', { name: 'Work' })], new Date(NOW))
  const entry = envelope.connections[0] as unknown as Record<string, unknown>
  change(entry)
  return JSON.stringify(envelope)
}

function reasonOf(text: string): string {
  const checked = readTransferFile(text, NOW)
  if (checked.ok) throw new Error('expected the file to be refused')
  return checked.reason
}

function recordsOf(text: string): ConnectionRecord[] {
  const checked = readTransferFile(text, NOW)
  if (!checked.ok) throw new Error(checked.reason)
  return checked.records
}

describe('export', () => {
  it('holds each definition and no secret, account or verification', async () => {
    const name = freshDatabaseName()
    const store = connections(name)
    const signedIn = { ...connectionRecord('gitlab'), authMethod: 'oauth', oauthClientId: 'app-1' }
    await store.save(connectionRecord('github'), { token: TOKEN, lifetime: 'remember' })
    await store.save(signedIn as ConnectionRecord, {
      token: `${TOKEN}2`,
      refreshToken: REFRESH,
      expiresAt: NOW,
      lifetime: 'session',
    })
    const { connections: listed } = await store.list()
    const text = fileOf(listed.map((entry) => entry.record))

    expect(text).not.toContain(TOKEN)
    expect(text).not.toContain(REFRESH)
    expect(text).not.toContain('ada@example.com')
    const file = JSON.parse(text) as { format: string; version: number; connections: object[] }
    expect(file.format).toBe(TRANSFER_FORMAT)
    expect(file.version).toBe(1)
    const github = listed.find((entry) => entry.record.type === 'github')!.record
    expect(file.connections).toContainEqual({
      id: github.id,
      name: github.name,
      username: 'ada',
      authMethod: 'pat',
      tokenLifetime: 'remember',
      type: 'github',
    })
    expect(file.connections).toContainEqual(
      expect.objectContaining({ type: 'gitlab', authMethod: 'oauth', oauthClientId: 'app-1' }),
    )
  })

  it('names the file after the local date', () => {
    expect(exportFileName(new Date(2026, 0, 9, 23, 59))).toBe(
      'git-connector-connections-2026-01-09.json',
    )
  })
})

describe('import', () => {
  it('brings every type back without its token, as "needs token"', async () => {
    const originals = CONNECTION_TYPES.map((type) => connectionRecord(type))
    const records = recordsOf(fileOf(originals))
    const name = freshDatabaseName()
    const outcome = await transfer(name).importRecords(records)
    expect(outcome.fresh.map((record) => record.id)).toEqual(originals.map((record) => record.id))
    expect(outcome.duplicates).toEqual([])

    const { connections: listed, quarantined } = await connections(name).list()
    expect(quarantined).toEqual([])
    expect(listed).toHaveLength(originals.length)
    for (const original of originals) {
      const stored = listed.find((entry) => entry.record.id === original.id)!
      expect(stored.hasSecret).toBe(false)
      expect(stored.record).toMatchObject({
        name: original.name,
        username: original.username,
        tokenLifetime: original.tokenLifetime,
        verification: 'unverified',
        account: null,
        scopes: null,
        lastVerifiedAt: null,
        createdAt: NOW,
      })
      expect(targetOf(stored.record)).toEqual(targetOf(original))
    }
  })

  it('skips what is already here (same id, or same connection) without overwriting it', async () => {
    const name = freshDatabaseName()
    const store = connections(name)
    const here = connectionRecord('github', { name: 'Work GitHub' })
    const sameConnection = connectionRecord('azure-devops', { name: 'Fabrikam' })
    await store.save(here, { token: TOKEN, lifetime: 'remember' })
    await store.save(sameConnection)

    const renamedCopy = { ...here, name: 'Renamed elsewhere' }
    const madeAgain = { ...sameConnection, id: crypto.randomUUID(), name: ' fabrikam ' }
    const otherServer = {
      ...connectionRecord('github-enterprise', { name: 'Work GitHub' }),
      baseUrl: 'https://other.example.com',
    }
    const records = recordsOf(fileOf([renamedCopy, madeAgain, otherServer]))
    const outcome = await transfer(name).importRecords(records)

    expect(outcome.fresh.map((record) => record.id)).toEqual([otherServer.id])
    expect(outcome.duplicates).toEqual([
      { name: 'Renamed elsewhere', existingName: 'Work GitHub', why: 'same-id' },
      { name: ' fabrikam ', existingName: 'Fabrikam', why: 'same-connection' },
    ])
    const kept = await store.get(here.id)
    expect(kept).toEqual({ record: here, hasSecret: true })
    expect((await store.list()).connections).toHaveLength(3)

    // Importing the same file again adds nothing.
    const again = await transfer(name).importRecords(records)
    expect(again.fresh).toEqual([])
    expect(again.duplicates).toHaveLength(3)
    expect((await store.list()).connections).toHaveLength(3)
  })

  it('counts the same connection twice in one file once', () => {
    const first = connectionRecord('gitlab', { name: 'Ops' })
    const second = { ...first, id: crypto.randomUUID(), name: 'OPS' }
    const plan = planImport(recordsOf(fileOf([first, second])), [])
    expect(plan.fresh.map((record) => record.id)).toEqual([first.id])
    expect(plan.duplicates).toEqual([{ name: 'OPS', existingName: 'Ops', why: 'same-connection' }])
  })

  it('names, for a new connection, a connection here with its name that points elsewhere', () => {
    const here = connectionRecord('github-enterprise', { name: 'Acme GHES' })
    const impostor = {
      ...here,
      id: crypto.randomUUID(),
      name: ' acme ghes ',
      baseUrl: 'https://ghes.evil.example',
    }
    const other = connectionRecord('github-enterprise', { name: 'Beta' })
    const plan = planImport(recordsOf(fileOf([impostor, other])), [{ id: here.id, record: here }])
    expect(plan.fresh.map((record) => record.id)).toEqual([impostor.id, other.id])
    expect(plan.namesakes).toEqual({ [impostor.id]: [here] })
  })

  it('treats a damaged stored record with the same id as already here, and leaves it', async () => {
    const name = freshDatabaseName()
    const record = connectionRecord('github')
    await rawPut(name, CONNECTIONS_STORE, record.id, { id: record.id, broken: true })
    const outcome = await transfer(name).importRecords(recordsOf(fileOf([record])))
    expect(outcome.fresh).toEqual([])
    expect(outcome.duplicates).toEqual([
      { name: record.name, existingName: record.id, why: 'same-id' },
    ])
    expect(await rawEntries(name, CONNECTIONS_STORE)).toEqual([
      [record.id, { id: record.id, broken: true }],
    ])
  })

  it('checks duplicates again inside the transaction', async () => {
    const name = freshDatabaseName()
    const record = connectionRecord('github')
    const records = recordsOf(fileOf([record]))
    expect(planImport(records, []).fresh).toHaveLength(1)
    // Another tab imports the same file between the preview and the click.
    await transfer(name).importRecords(records)
    const outcome = await transfer(name).importRecords(records)
    expect(outcome.fresh).toEqual([])
    expect(await rawEntries(name, CONNECTIONS_STORE)).toHaveLength(1)
  })

  it('writes nothing when the transaction fails midway', async () => {
    const name = freshDatabaseName()
    const records = recordsOf(fileOf(CONNECTION_TYPES.map((type) => connectionRecord(type))))
    // Called below with the store it was called on as `this`.
    // eslint-disable-next-line @typescript-eslint/unbound-method
    const put = IDBObjectStore.prototype.put
    let calls = 0
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore['put']>
    ) {
      calls += 1
      if (calls === 4) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
      return put.apply(this, args)
    })
    const failure: unknown = await transfer(name)
      .importRecords(records)
      .catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(StorageError)
    expect(failure).toHaveProperty('kind', 'quota-exceeded')
    expect(calls).toBe(4)
    vi.restoreAllMocks()
    expect(await rawEntries(name, CONNECTIONS_STORE)).toEqual([])
  })

  it('refuses a record that is not valid at the door, before writing', async () => {
    const name = freshDatabaseName()
    const bad = { ...connectionRecord('github'), name: '' }
    const failure: unknown = await transfer(name)
      .importRecords([connectionRecord('gitlab'), bad])
      .catch((error: unknown) => error)
    expect(failure).toHaveProperty('kind', 'invalid-record')
    expect(await rawEntries(name, CONNECTIONS_STORE)).toEqual([])
  })
})

describe('refusing a file', () => {
  it.each([
    ['not JSON', '{"format": "git-connector/connections", ', /is not JSON/],
    ['a JSON array', '[]', /not a Git Connector connections export/],
    ['another format', '{"format":"something-else","version":1}', /not a Git Connector/],
    ['no version', `{"format":"${TRANSFER_FORMAT}","connections":[]}`, /no version number/],
    [
      'a newer version',
      `{"format":"${TRANSFER_FORMAT}","version":2,"connections":[]}`,
      /newer version of Git Connector \(export version 2; this one reads version 1\)/,
    ],
    [
      'an unknown version',
      `{"format":"${TRANSFER_FORMAT}","version":0,"connections":[]}`,
      /Export version 0 is not one this app reads/,
    ],
    [
      'no connection list',
      `{"format":"${TRANSFER_FORMAT}","version":1,"connections":{}}`,
      /no list of connections/,
    ],
    [
      'an unknown envelope field',
      `{"format":"${TRANSFER_FORMAT}","version":1,"connections":[],"extra":1}`,
      /“extra”: not a field of an export/,
    ],
    [
      'a token in the envelope',
      `{"format":"${TRANSFER_FORMAT}","version":1,"connections":[],"token":"x"}`,
      /the field “token” holds a secret/,
    ],
    [
      'a bad export time',
      `{"format":"${TRANSFER_FORMAT}","version":1,"exportedAt":"yesterday","connections":[]}`,
      /exportedAt: not a date and time/,
    ],
  ])('%s', (_, text, reason) => {
    expect(reasonOf(text)).toMatch(reason)
  })

  it('that is too big', () => {
    const text = `{"format":"${TRANSFER_FORMAT}","version":1,"pad":"${'x'.repeat(MAX_TRANSFER_BYTES)}"}`
    expect(reasonOf(text)).toMatch(/larger than 1 MB/)
  })

  it('with more than 500 connections', () => {
    const text = fileOf(Array.from({ length: 501 }, () => connectionRecord('github')))
    expect(reasonOf(text)).toMatch(/holds 501 connections; at most 500/)
  })

  it.each(['token', 'refreshToken', 'password', 'secret', 'accessToken', 'apiKey'])(
    'with a “%s” field, naming the connection and field',
    (field) => {
      const text = fileWith((entry) => (entry[field] = 'hunter2'))
      const reason = reasonOf(text)
      expect(reason).toBe(
        `Connection 1 (“Work”): the field “${field}” holds a secret. Exports never hold tokens.`,
      )
      expect(reason).not.toContain('hunter2')
    },
  )

  it('with a secret nested in a field', () => {
    const text = fileWith((entry) => (entry.account = { login: 'ada', token: 'x' }))
    expect(reasonOf(text)).toMatch(/Connection 1 \(“Work”\): the field “account.token” holds/)
  })

  it('with a value that looks like a token, without repeating it', () => {
    const text = fileWith((entry) => (entry.username = TOKEN))
    const reason = reasonOf(text)
    expect(reason).toMatch(/the value of “username” looks like a GitHub token/)
    expect(reason).not.toContain(TOKEN)
  })

  it('before anything else that is wrong, when a later record carries a token', () => {
    const first = exportEnvelope([connectionRecord('github')], new Date(NOW))
    const text = JSON.stringify({
      ...first,
      connections: [{ name: 'Broken' }, { ...first.connections[0], name: 'Leaky', token: 'x' }],
    })
    expect(reasonOf(text)).toMatch(/^Connection 2 \(“Leaky”\): the field “token” holds a secret/)
  })

  // A 150,000-deep file once overflowed the recursive secret scan ("Maximum call stack size
  // exceeded"), which the dialog reported as a storage failure.
  it.each([
    [
      'a connection',
      (deep: string) => fileWith((entry) => (entry.extra = '@')).replace('"@"', deep),
    ],
    ['the envelope', (deep: string) => `{"format":"${TRANSFER_FORMAT}","version":1,"x":${deep}}`],
  ])('nested 150,000 levels deep in %s, with its own sentence', (_, fileAround) => {
    const deep = `${'['.repeat(150_000)}${']'.repeat(150_000)}`
    expect(reasonOf(fileAround(deep))).toBe(TOO_DEEP)
  })

  it(`nested deeper than ${MAX_TRANSFER_DEPTH} levels, and not at that depth`, () => {
    const nest = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`
    // The entry is level 2; its field's value one further; the limit counts from the envelope.
    const at = (levels: number) =>
      fileWith((entry) => (entry.extra = '@')).replace('"@"', nest(levels))
    expect(reasonOf(at(MAX_TRANSFER_DEPTH - 3))).toMatch(/“extra”: not a field of an export/)
    expect(reasonOf(at(MAX_TRANSFER_DEPTH - 2))).toBe(TOO_DEEP)
  })

  it('with a secret deep inside, in document order, found without recursion', () => {
    const text = fileWith((entry) => (entry.account = { a: [{ b: { token: 'x' } }], c: TOKEN }))
    expect(reasonOf(text)).toMatch(/the field “account.a.0.b.token” holds a secret/)
  })

  it.each([
    ['zero-width spaces', '\u200b\u200b\u200b'],
    ['bidi marks and a space', '\u200f \u202e\u2066'],
    ['a Hangul filler and a BOM', '\u3164\ufeff'],
  ])('with a name of %s only', (_, name) => {
    const text = fileWith((entry) => (entry.name = name))
    expect(reasonOf(text)).toBe(
      'Connection 1: name: has no visible character (only spaces or invisible characters).',
    )
  })

  it('with a record that is not an object', () => {
    const text = JSON.stringify({ format: TRANSFER_FORMAT, version: 1, connections: ['nope'] })
    expect(reasonOf(text)).toBe('Connection 1: is not an object.')
  })

  it.each<[string, (entry: Record<string, unknown>) => void, RegExp]>([
    ['an unknown type', (entry) => (entry.type = 'gitea'), /^Connection 1 \(“Work”\): type: /],
    [
      'a missing target field',
      (entry) => {
        entry.type = 'github-enterprise'
      },
      /^Connection 1 \(“Work”\): baseUrl: /,
    ],
    [
      'a target field of another type',
      (entry) => (entry.organization = 'contoso'),
      /^Connection 1 \(“Work”\): “organization”: not a field of an export\.$/,
    ],
    [
      'what a token proved',
      (entry) => (entry.verification = 'verified'),
      /“verification”: not a field of an export/,
    ],
    ['a blank name', (entry) => (entry.name = '  '), /^Connection 1: name: must not be blank/],
    ['an id that is not a UUID', (entry) => (entry.id = 'one'), /^Connection 1 \(“Work”\): id: /],
    [
      'a bad token lifetime',
      (entry) => (entry.tokenLifetime = 'forever'),
      /^Connection 1 \(“Work”\): tokenLifetime: /,
    ],
  ])('with %s', (_, change, reason) => {
    expect(reasonOf(fileWith(change))).toMatch(reason)
  })

  it('with the same id twice', () => {
    const record = connectionRecord('github', { name: 'One' })
    const text = fileOf([record, { ...record, name: 'Two' }])
    expect(reasonOf(text)).toBe('Connection 2 (“Two”): id: the same as connection 1’s.')
  })

  it('and writes nothing, leaving what is stored as it was', async () => {
    const name = freshDatabaseName()
    const store = connections(name)
    const here = connectionRecord('github')
    await store.save(here)
    const good = connectionRecord('gitlab')
    const text = JSON.stringify({
      ...exportEnvelope([good], new Date(NOW)),
      connections: [
        exportEnvelope([good], new Date(NOW)).connections[0],
        { type: 'github-enterprise', name: 'No URL' },
      ],
    })
    expect(reasonOf(text)).toMatch(/^Connection 2 \(“No URL”\)/)
    expect((await store.list()).connections).toEqual([{ record: here, hasSecret: false }])
  })
})
