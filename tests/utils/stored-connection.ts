/**
 * A valid connection record for tests outside storage/, and one saved with its token in the
 * database the test selected. GitHub, verified, no account, unless `fields` say otherwise.
 */
import { connectionStore } from '@/lib/connection-store.ts'
import { CONNECTION_SCHEMA_VERSION, type ConnectionRecord } from '@/storage/schema.ts'

export function connectionRecordWith(fields: Partial<ConnectionRecord> = {}): ConnectionRecord {
  const now = new Date().toISOString()
  // Sound for the fields tests pass: a type change comes with that type's target fields.
  return {
    schemaVersion: CONNECTION_SCHEMA_VERSION,
    id: crypto.randomUUID(),
    type: 'github',
    name: 'Work',
    authMethod: 'pat',
    tokenLifetime: 'remember',
    verification: 'verified',
    account: null,
    scopes: null,
    tokenExpiresAt: null,
    lastVerifiedAt: now,
    notices: [],
    createdAt: now,
    updatedAt: now,
    ...fields,
  } as ConnectionRecord
}

export async function storedConnection(
  fields: Partial<ConnectionRecord> = {},
  token = 'ghp_demo',
): Promise<ConnectionRecord> {
  const record = connectionRecordWith(fields)
  await connectionStore().save(record, { token, lifetime: 'remember' })
  return record
}
