/**
 * The token's own account (`GET /user`), remembered per provider instance: listing owners and
 * filtering repositories by the user's namespace both need its username.
 */
import type { Account } from '../types.ts'
import { gitlabGet, type GitLabApi } from './client.ts'
import { parseGitLabUser } from './parse.ts'

export interface AccountCache {
  /** The account, from memory or from `GET /user`. */
  get: (signal?: AbortSignal) => Promise<Account>
  remember: (account: Account) => void
}

export function accountCache(api: GitLabApi): AccountCache {
  let known: Account | null = null
  return {
    get: async (signal) => {
      // Not a shared promise: one caller's cancellation must not fail another's call.
      known ??= parseGitLabUser(await gitlabGet(api, '/user', signal), api.notFoundSubject)
      return known
    },
    remember: (account) => {
      known = account
    },
  }
}
