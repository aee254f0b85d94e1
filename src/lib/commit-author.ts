/**
 * How a commit's author is shown (DESIGN.md, "Commit author display"), in order:
 * 1. the author email is one of the connection account's own emails and the connection has a
 *    Username → that Username;
 * 2. the provider linked the commit to an account (GitHub `author.login`, a GitHub or GitLab
 *    no-reply address, Bitbucket's linked user) → that login;
 * 3. otherwise the email.
 * The other forms (name, email, login) stay available for a tooltip.
 */
import type { CommitAuthor } from '@/providers/types.ts'

export interface AuthorDisplay {
  /** What the commit list shows. */
  label: string
  /** Which rule chose it. */
  source: 'username' | 'login' | 'email'
  name: string
  email: string
  login: string | null
  avatarUrl: string | null
}

export interface AuthorContext {
  /** The connection's Username, if the person filled it in. */
  username?: string | undefined
  /** The addresses the provider says belong to the connection's account. */
  accountEmails: readonly string[]
}

/**
 * GitHub no-reply addresses carry the login (`ID+login@users.noreply.github.com`, the older
 * `login@users.noreply.github.com`, and `users.noreply.<host>` on GitHub Enterprise Server), as do
 * GitLab's (`ID-username@users.noreply.gitlab.com`).
 */
export function loginFromNoReply(email: string): string | null {
  const match = /^(?:(\d+)([+-]))?([^@+]+)@users\.noreply\.[^@]+$/i.exec(email.trim())
  if (!match) return null
  const [, id, separator, login] = match
  if (!login) return null
  // GitHub joins id and login with "+", GitLab with "-". On GitHub a "-" is part of the login
  // (`123-abc@users.noreply.github.com` is the login `123-abc`).
  if (id && separator === '-' && !/gitlab/i.test(email)) return `${id}-${login}`
  return login
}

export function displayAuthor(author: CommitAuthor, context: AuthorContext): AuthorDisplay {
  const email = author.email.trim()
  const base = {
    name: author.name,
    email,
    login: author.login ?? loginFromNoReply(email),
    avatarUrl: author.avatarUrl,
  }
  const own = context.accountEmails.some((address) => sameEmail(address, email))
  if (own && context.username) return { ...base, label: context.username, source: 'username' }
  if (base.login) return { ...base, label: base.login, source: 'login' }
  return { ...base, label: email || author.name, source: 'email' }
}

function sameEmail(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase()
}
