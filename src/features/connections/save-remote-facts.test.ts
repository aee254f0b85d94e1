import { describe, expect, it } from 'vitest'
import { customGitBranches } from '@mocks/data/custom-git'
import { selectDatabase } from '@/lib/connection-store.ts'
import type { ConnectionDraft } from './form/validate-form.ts'
import { saveConnection } from './save-connection.ts'

// The demo remote's refs (mocks/data/custom-git.ts): 3 branches and 3 tags, HEAD → main.
const develop = customGitBranches.find((branch) => branch.name === 'develop')!

function draft(fields: Partial<ConnectionDraft> = {}): ConnectionDraft {
  return {
    name: 'Plain git',
    username: undefined,
    target: {
      type: 'custom-git',
      repositoryUrl: 'https://git.example.com/team/app.git',
      branch: 'develop',
    },
    token: undefined,
    tokenLifetime: 'remember',
    authMethod: 'pat',
    ...fields,
  }
}

describe('saving a Custom Git connection', () => {
  it('keeps what the remote told on save: default branch, head commit, ref count', async () => {
    const store = selectDatabase(`test-${crypto.randomUUID()}`)
    const record = await saveConnection({ draft: draft() })
    const expected = { defaultBranch: 'main', headCommit: develop.oid, refCount: 6 }
    expect(record).toMatchObject({ verification: 'verified', remote: expected })
    const { connections } = await store.list()
    expect(connections[0]?.record).toMatchObject({ remote: expected })

    // A rename needs no new check, and keeps what the last one found.
    const stored = connections[0]!
    const renamed = await saveConnection({ draft: draft({ name: 'Renamed' }), existing: stored })
    expect(renamed.remote).toEqual(expected)
  })

  it('forgets the last check’s facts when saved without one', async () => {
    selectDatabase(`test-${crypto.randomUUID()}`)
    const verified = await saveConnection({ draft: draft() })
    expect(verified.remote).toBeDefined()
    const moved = await saveConnection({
      draft: draft({
        target: {
          type: 'custom-git',
          repositoryUrl: 'https://elsewhere.example/app.git',
          branch: 'main',
        },
      }),
      existing: { record: verified, hasSecret: false },
      skipVerification: true,
    })
    expect(moved.verification).toBe('unverified')
    expect(moved).not.toHaveProperty('remote')
  })
})
