import { describe, expect, it } from 'vitest'
import { guessTokenProvider, TOKEN_FAMILY_LABELS, tokenMismatchWarning } from './token-formats.ts'

const azure = (marker = 'AZDO') => 'A1b2C3d4'.repeat(10).slice(0, 76) + marker + 'Zz90'

describe('guessTokenProvider', () => {
  it.each([
    ['ghp_16C7e42F292c6912E7710c838347Ae178B4a', 'github'],
    ['gho_16C7e42F292c6912E7710c838347Ae178B4a', 'github'],
    ['ghu_x', 'github'],
    ['ghs_x', 'github'],
    ['ghr_x', 'github'],
    ['github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz', 'github'],
    ['glpat-z_sxgtrfAxKr8q1TPY8Y', 'gitlab'],
    ['gloas-abc', 'gitlab'],
    ['gldt-abc', 'gitlab'],
    ['glrt-abc', 'gitlab'],
    ['glrtr-abc', 'gitlab'],
    ['glptt-abc', 'gitlab'],
    ['glcbt-abc', 'gitlab'],
    ['SIE-glpat-abc', 'gitlab'],
    ['ATATT3xFfGF0aBcD', 'bitbucket-api-token'],
    ['ATCTT3xFfGN0aBcD', 'bitbucket-access-token'],
    ['ATBBx8Hk2mQ', 'bitbucket-app-password'],
    [azure(), 'azure-devops'],
    ['  ghp_padded  ', 'github'],
  ])('%s → %s', (token, family) => {
    expect(guessTokenProvider(token)).toBe(family)
  })

  it.each([
    ['an unknown format', 'a1b2c3d4e5f6'],
    ['a legacy 52-character Azure PAT', 'abcdefghijklmnopqrstuvwxyz234567abcdefghijklmnopqrst'],
    ['84 characters without the AZDO marker', azure('AZDX')],
    ['a GitLab prefix in the middle', 'xglpat-abc'],
    ['an empty string', ''],
  ])('does not guess %s', (_, token) => {
    expect(guessTokenProvider(token)).toBeNull()
  })

  it('labels every family', () => {
    expect(TOKEN_FAMILY_LABELS['azure-devops']).toBe('an Azure DevOps token')
  })
})

describe('tokenMismatchWarning', () => {
  it('names both providers', () => {
    expect(tokenMismatchWarning('github', 'glpat-abc')).toBe(
      'This looks like a GitLab token, not a GitHub one.',
    )
    expect(tokenMismatchWarning('gitlab-self-managed', 'ghp_abc')).toBe(
      'This looks like a GitHub token, not a GitLab one.',
    )
    expect(tokenMismatchWarning('azure-devops-server', 'ghp_abc')).toBe(
      'This looks like a GitHub token, not an Azure DevOps one.',
    )
    expect(tokenMismatchWarning('bitbucket', azure(), 'api-token')).toBe(
      'This looks like an Azure DevOps token, not a Bitbucket one.',
    )
    expect(tokenMismatchWarning('github', 'ATATT3x')).toBe(
      'This looks like a Bitbucket API token, not a GitHub one.',
    )
  })

  it('accepts sibling types that share a format', () => {
    expect(tokenMismatchWarning('github-enterprise', 'ghp_abc')).toBeNull()
    expect(tokenMismatchWarning('gitlab', 'glpat-abc')).toBeNull()
    expect(tokenMismatchWarning('azure-devops-server', azure())).toBeNull()
    expect(tokenMismatchWarning('azure-devops', azure())).toBeNull()
  })

  it('never warns for Custom Git or an unknown format', () => {
    expect(tokenMismatchWarning('custom-git', 'ghp_abc')).toBeNull()
    expect(tokenMismatchWarning('github', 'a1b2c3')).toBeNull()
  })

  it('points a Bitbucket token at the right credential kind', () => {
    expect(tokenMismatchWarning('bitbucket', 'ATCTT3x', 'api-token')).toBe(
      "This looks like a Bitbucket access token: choose 'Access token' as the credential.",
    )
    expect(tokenMismatchWarning('bitbucket', 'ATATT3x', 'access-token')).toBe(
      "This looks like a Bitbucket API token: choose 'API token' as the credential.",
    )
    expect(tokenMismatchWarning('bitbucket', 'ATATT3x', 'api-token')).toBeNull()
    expect(tokenMismatchWarning('bitbucket', 'ATCTT3x', 'access-token')).toBeNull()
    expect(tokenMismatchWarning('bitbucket', 'ATCTT3x')).toBeNull()
  })

  it('says app passwords are gone', () => {
    expect(tokenMismatchWarning('bitbucket', 'ATBBx8Hk2mQ', 'api-token')).toBe(
      'This looks like a Bitbucket app password. App passwords stopped working on 2026-06-09: create an API token instead.',
    )
  })
})
