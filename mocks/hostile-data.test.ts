import { describe, expect, it } from 'vitest'
import { createGitHubProvider } from '@/providers/github/adapter.ts'
import {
  HOSTILE_IMG,
  HOSTILE_URL,
  LONG,
  RLO,
  hostileAccount,
  hostileLogin,
  hostileRepository,
  hostileUserName,
} from './data/hostile.ts'

const TOKEN = 'ghp_R4nd0mClassicTokenForTests0123456789'
const HOSTILE = createGitHubProvider(
  { type: 'github-enterprise', baseUrl: 'https://hostile.example.com' },
  { token: TOKEN },
)
const fullName = `${hostileRepository.owner}/${hostileRepository.name}`
const ref = { id: fullName, fullName }

/**
 * The simulated compromised GitHub Enterprise host (`hostile.*`): what it sends passes the
 * adapter's schemas untouched, so the page itself must make it inert (tests/e2e/hostile-data).
 */
describe('a hostile GitHub Enterprise host', () => {
  it('lists its hostile repository, with a javascript: web URL', async () => {
    const { items } = await HOSTILE.listRepositories({ pageSize: 100 })
    expect(items).toHaveLength(2)
    expect(items[0]).toMatchObject({ fullName, webUrl: HOSTILE_URL })
    expect(items[1]?.fullName).toBe(`octo-demo/${HOSTILE_IMG}`)
    expect(items[0]?.fullName).toContain(RLO)
    expect(items[0]?.description).toContain(LONG)
  })

  it('serves branches and commits with markup, overrides, controls and long lines', async () => {
    const branches = await HOSTILE.listBranches(ref, {})
    expect(branches.items.map((branch) => branch.name)).toContain('main')
    const { items } = await HOSTILE.listCommits(ref, { ref: 'main', pageSize: 10 })
    expect(items).toHaveLength(3)
    expect(items[0]?.message).toContain('<script>')
    expect(items[0]?.message).toContain('\u0000')
    expect(items[0]?.author).toMatchObject({
      name: HOSTILE_IMG,
      login: hostileAccount.login,
      avatarUrl: HOSTILE_URL,
    })
    expect(items[0]?.webUrl).toBe(HOSTILE_URL)
    expect(items[1]?.message.split('\n')[0]).toHaveLength(10_000)
  })

  it('has a repository whose name the adapter refuses to address', async () => {
    const name = `octo-demo/${HOSTILE_IMG}`
    const error = await HOSTILE.listBranches({ id: name, fullName: name }, {}).catch(
      (caught: unknown) => caught,
    )
    expect(error).toMatchObject({ kind: 'not-found' })
  })

  it('signs in an account whose login carries a right-to-left override', async () => {
    const { account } = await HOSTILE.verify()
    expect(account).toMatchObject({ login: hostileLogin, displayName: hostileUserName })
    expect(account?.login).toContain(RLO)
  })

  it('leaves other hosts as they were', async () => {
    const plain = createGitHubProvider(
      { type: 'github-enterprise', baseUrl: 'https://git.example.com' },
      { token: TOKEN },
    )
    const error = await plain.listBranches(ref, {}).catch((caught: unknown) => caught)
    expect(error).toMatchObject({ kind: 'not-found' })
  })
})
