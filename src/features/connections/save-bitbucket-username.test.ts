/**
 * Saving a Bitbucket API-token connection: the Username must name the token's account, and any
 * name Bitbucket reports for it matches, so the rule is never a dead end when `/user` has no
 * `username` (Atlassian's `account` schema has none) and the nickname holds a space.
 */
import { http, HttpResponse } from 'msw'
import { beforeEach, describe, expect, it } from 'vitest'
import { server } from '@mocks/node'
import { BITBUCKET_API } from '@mocks/data/bitbucket'
import { connectionStore, selectDatabase } from '@/lib/connection-store.ts'
import type { ConnectionDraft } from './form/validate-form.ts'
import { SaveRejected, saveConnection } from './save-connection.ts'

function draft(username: string): ConnectionDraft {
  return {
    name: 'Bitbucket',
    username,
    target: { type: 'bitbucket', credentialKind: 'api-token', email: 'bea.demo@example.com' },
    token: 'ATATT3xFfGF0-demo-secret-value',
    tokenLifetime: 'remember',
    authMethod: 'pat',
  }
}

/** `/user` as Atlassian's OpenAPI describes it: no `username`, a nickname with a space. */
function userWithoutUsername() {
  server.use(
    http.get(`${BITBUCKET_API}/user`, () =>
      HttpResponse.json({
        uuid: '{u}',
        account_id: '712020:abc',
        nickname: 'Bea Demo',
        display_name: 'Bea Demo',
      }),
    ),
  )
}

describe('the Bitbucket Username rule', () => {
  beforeEach(() => selectDatabase(`test-${crypto.randomUUID()}`))

  it('saves with a nickname that has a space, typed in another case', async () => {
    userWithoutUsername()
    const saved = await saveConnection({ draft: draft('bea demo') })
    expect(saved.account?.login).toBe('Bea Demo')
    expect((await connectionStore().list()).connections.map((stored) => stored.record.id)).toEqual([
      saved.id,
    ])
  })

  it('matches the nickname alias when /user also sends a username', async () => {
    server.use(
      http.get(`${BITBUCKET_API}/user`, () =>
        HttpResponse.json({ uuid: '{u}', username: 'bea-demo', nickname: 'Bea D' }),
      ),
    )
    await expect(saveConnection({ draft: draft('Bea D') })).resolves.toMatchObject({
      username: 'Bea D',
    })
  })

  it('names every name that would match when the Username is another account', async () => {
    server.use(
      http.get(`${BITBUCKET_API}/user`, () =>
        HttpResponse.json({ uuid: '{u}', username: 'bea-demo', nickname: 'Bea D' }),
      ),
    )
    const refusal = await saveConnection({ draft: draft('someone-else') }).catch(
      (error: unknown) => error,
    )
    expect(refusal).toBeInstanceOf(SaveRejected)
    expect(refusal).toMatchObject({ field: 'username' })
    expect((refusal as Error).message).toBe(
      'This token belongs to the Bitbucket account “bea-demo”. Enter one of “bea-demo”, “Bea D” as the Username, or use a token of “someone-else”.',
    )
    expect((await connectionStore().list()).connections).toEqual([])
  })
})
