/**
 * The save path's own guarantees, whatever the form sent (issue 16): a kept token goes only to
 * the origin it was entered for, and an edit of a connection deleted meanwhile creates nothing.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import type { ProviderTarget } from '@/providers/types.ts'
import { connectionStore, selectDatabase } from '@/lib/connection-store.ts'
import type { ConnectionRecord } from '@/storage/schema.ts'
import { recordRequests } from '../../../tests/utils/provider-test-kit.ts'
import { storedConnection } from '../../../tests/utils/stored-connection.ts'
import type { ConnectionDraft } from './form/validate-form.ts'
import { SaveRejected, saveConnection } from './save-connection.ts'

const KEPT = 'ghp_KeptTokenForGhesExample0123456789abc'
const NEW = 'ghp_NewTokenForTheNewServer0123456789abc'
const HOME: ProviderTarget = { type: 'github-enterprise', baseUrl: 'https://ghes.example.com' }
const MOVED: ProviderTarget = { type: 'github-enterprise', baseUrl: 'https://ghes.attacker.test' }

function draftOf(target: ProviderTarget, fields: Partial<ConnectionDraft> = {}): ConnectionDraft {
  return {
    name: 'Acme GHES',
    username: undefined,
    target,
    token: undefined,
    tokenLifetime: 'remember',
    authMethod: 'pat',
    ...fields,
  }
}

function edit(record: ConnectionRecord, draft: ConnectionDraft, skipVerification = false) {
  return saveConnection({ draft, existing: { record, hasSecret: true }, skipVerification })
}

async function rejection(promise: Promise<unknown>): Promise<SaveRejected> {
  const error: unknown = await promise.then(
    () => new Error('expected the save to be refused'),
    (reason: unknown) => reason,
  )
  if (!(error instanceof SaveRejected)) throw error
  return error
}

describe('saving an edit', () => {
  let record: ConnectionRecord
  beforeEach(async () => {
    selectDatabase(`test-${crypto.randomUUID()}`)
    record = await storedConnection({ ...HOME, name: 'Acme GHES' }, KEPT)
  })

  it.each([false, true])(
    'refuses the kept token for another server and sends nothing (skip check: %s)',
    async (skipVerification) => {
      const requests = recordRequests()
      const refused = await rejection(edit(record, draftOf(MOVED), skipVerification))
      expect(refused.field).toBe('token')
      expect(refused.message).toMatch(/only sent to the server it was entered for/)
      expect(requests).toEqual([])
      const stored = await connectionStore().getWithSecret(record.id)
      expect(stored?.record).toMatchObject(HOME)
      expect(stored?.secret?.token).toBe(KEPT)
    },
  )

  it('checks a new token with the new server, which never sees the old one', async () => {
    const requests = recordRequests()
    const saved = await edit(record, draftOf(MOVED, { token: NEW }))
    expect(saved).toMatchObject(MOVED)
    const sent = requests.map((request) => request.headers.get('authorization'))
    expect(sent.length).toBeGreaterThan(0)
    expect(sent.every((value) => value === `Bearer ${NEW}`)).toBe(true)
    expect((await connectionStore().readSecret(record.id))?.token).toBe(NEW)
  })

  it('keeps the token through a rename, sending nothing', async () => {
    const requests = recordRequests()
    const saved = await edit(record, draftOf(HOME, { name: 'Acme (renamed)' }))
    expect(saved.name).toBe('Acme (renamed)')
    expect(requests).toEqual([])
    expect((await connectionStore().readSecret(record.id))?.token).toBe(KEPT)
  })

  it('refuses an edit of a connection deleted meanwhile, and creates nothing', async () => {
    await connectionStore().remove(record.id)
    const requests = recordRequests()
    const refused = await rejection(edit(record, draftOf(HOME, { token: NEW })))
    expect(refused.message).toMatch(/deleted in another tab, so nothing was saved/)
    expect(requests).toEqual([])
    expect((await connectionStore().list()).connections).toEqual([])
  })

  it('keeps the token endpoint a signed-in token came from with its refresh token', async () => {
    const saved = await saveConnection({
      draft: draftOf(HOME, { token: 'ghu_demo_signed_in', authMethod: 'oauth' }),
      existing: { record, hasSecret: true },
      grant: {
        clientId: 'Iv23liDemoGitConnector',
        refreshToken: 'ghr_demo_refresh',
        expiresAt: null,
        tokenUrl: 'https://oauth.demo.git-connector.test/github/access_token',
      },
    })
    expect(await connectionStore().readSecret(saved.id)).toMatchObject({
      token: 'ghu_demo_signed_in',
      refreshToken: 'ghr_demo_refresh',
      tokenEndpoint: 'https://oauth.demo.git-connector.test/github/access_token',
    })
  })
})
