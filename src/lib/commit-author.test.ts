import { describe, expect, it } from 'vitest'
import type { CommitAuthor } from '@/providers/types.ts'
import { displayAuthor, loginFromNoReply } from './commit-author.ts'

const author = (fields: Partial<CommitAuthor>): CommitAuthor => ({
  name: 'Mona Demo',
  email: 'mona.demo@example.com',
  date: '2026-11-20T12:00:00Z',
  login: null,
  avatarUrl: null,
  ...fields,
})
const account = ['mona.demo@example.com', '583231+octo-demo@users.noreply.github.com']

describe('displayAuthor', () => {
  describe('GitHub (links logins)', () => {
    it('shows the Username for the account’s own commits when the connection has one', () => {
      const shown = displayAuthor(author({ login: 'octo-demo' }), {
        username: 'mona',
        accountEmails: account,
      })
      expect(shown).toMatchObject({
        label: 'mona',
        source: 'username',
        email: 'mona.demo@example.com',
      })
    })

    it('shows the linked login for the account’s own commits without a Username', () => {
      const shown = displayAuthor(author({ login: 'octo-demo' }), { accountEmails: account })
      expect(shown).toMatchObject({ label: 'octo-demo', source: 'login' })
    })

    it('reads the login out of a no-reply address GitHub did not link', () => {
      const shown = displayAuthor(
        author({ name: 'Ana Lima', email: '1045633+analima@users.noreply.github.com' }),
        { username: 'mona', accountEmails: account },
      )
      expect(shown).toMatchObject({ label: 'analima', source: 'login' })
    })

    it('shows the Username for own commits made with the account’s no-reply address', () => {
      const shown = displayAuthor(author({ email: '583231+octo-demo@users.noreply.github.com' }), {
        username: 'mona',
        accountEmails: account,
      })
      expect(shown.label).toBe('mona')
    })

    it('shows other people’s linked login, else their email', () => {
      const context = { username: 'mona', accountEmails: account }
      expect(
        displayAuthor(
          author({ name: 'Lin', email: 'lin.park@example.com', login: 'linpark' }),
          context,
        ).label,
      ).toBe('linpark')
      expect(
        displayAuthor(author({ name: 'Priya', email: 'priya.raman@example.org' }), context),
      ).toMatchObject({
        label: 'priya.raman@example.org',
        source: 'email',
      })
    })
  })

  describe('GitLab and Azure DevOps (name and email only)', () => {
    const dana = ['dana.demo@example.com']
    it('shows the email of the account’s own commits without a Username, the Username with one', () => {
      const own = author({ name: 'Dana Demo', email: 'Dana.Demo@example.com' })
      expect(displayAuthor(own, { accountEmails: dana })).toMatchObject({
        label: 'Dana.Demo@example.com',
        source: 'email',
      })
      expect(displayAuthor(own, { username: 'dana', accountEmails: dana }).label).toBe('dana')
    })

    it('shows other people’s email', () => {
      const other = author({ name: 'Jonas', email: 'jweber@corp.example' })
      expect(displayAuthor(other, { username: 'dana', accountEmails: dana }).label).toBe(
        'jweber@corp.example',
      )
    })

    it('reads a GitLab no-reply address', () => {
      expect(loginFromNoReply('4810923-gitlab-demo@users.noreply.gitlab.com')).toBe('gitlab-demo')
    })
  })

  describe('Bitbucket (links some)', () => {
    it('shows the linked user for others and the Username for the account', () => {
      const context = { username: 'bea-demo', accountEmails: ['bea@example.com'] }
      expect(
        displayAuthor(
          author({ name: 'Lin', email: 'lin.park@example.com', login: 'lin-park' }),
          context,
        ).label,
      ).toBe('lin-park')
      expect(
        displayAuthor(
          author({ name: 'Bea', email: 'bea@example.com', login: 'bea-demo' }),
          context,
        ),
      ).toMatchObject({
        label: 'bea-demo',
        source: 'username',
      })
    })
  })

  it('falls back to the name when there is no email at all', () => {
    expect(displayAuthor(author({ email: '' }), { accountEmails: [] }).label).toBe('Mona Demo')
  })
})

describe('loginFromNoReply', () => {
  it.each([
    ['583231+octo-demo@users.noreply.github.com', 'octo-demo'],
    ['octo-demo@users.noreply.github.com', 'octo-demo'],
    ['12+mona@users.noreply.github.example.com', 'mona'],
    ['49699333+dependabot[bot]@users.noreply.github.com', 'dependabot[bot]'],
    ['123-abc@users.noreply.github.com', '123-abc'],
    ['mona.demo@example.com', null],
    ['noreply@github.com', null],
  ])('%s → %s', (email, login) => {
    expect(loginFromNoReply(email)).toBe(login)
  })
})
