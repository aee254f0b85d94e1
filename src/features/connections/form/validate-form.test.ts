import { describe, expect, it } from 'vitest'
import { emptyFormValues, type ConnectionFormValues } from './form-values.ts'
import { validateConnectionForm, type FormContext } from './validate-form.ts'

const fresh: FormContext = { otherNames: ['Work GitHub'], tokenStored: false }
const GH_TOKEN = 'ghp_abcdefghijklmnopqrstuvwxyz0123456789'

function check(values: Partial<ConnectionFormValues>, context: FormContext = fresh) {
  return validateConnectionForm(
    { ...emptyFormValues(null), name: 'New', token: GH_TOKEN, ...values },
    context,
  )
}

describe('name', () => {
  it.each([
    ['', 'Give this connection a name'],
    ['   ', 'Give this connection a name'],
    ['x'.repeat(81), 'Keep the name under 80 characters.'],
    ['work github', 'Another connection is already called “work github”.'],
    ['  WORK   GitHub ', 'Another connection is already called “WORK GitHub”.'],
  ])('refuses %j', (name, message) => {
    const result = check({ name })
    expect(result.errors.name).toContain(message)
    expect(result.draft).toBeNull()
  })

  it.each([
    ['zero-width spaces', '\u200b\u200b'],
    ['bidi marks between spaces', ' \u202e \u200f\u2066 '],
    ['a word joiner, a BOM and a soft hyphen', '\u2060\ufeff\u00ad'],
    ['Hangul fillers and a variation selector', '\u3164\u115f\ufe0f'],
  ])('refuses a name of %s only, with its own sentence', (_, name) => {
    const result = check({ name })
    expect(result.errors.name).toBe(
      'This name shows nothing: it has only invisible characters. Type a name people can read.',
    )
    expect(result.draft).toBeNull()
  })

  it('keeps a visible name that carries an override, and names a taken one inert', () => {
    expect(check({ name: 'Acme \u202eSEHG' }).draft?.name).toBe('Acme \u202eSEHG')
    const taken = check({ name: 'Acme \u202eSEHG' }, { ...fresh, otherNames: ['acme \u202esehg'] })
    expect(taken.errors.name).toBe('Another connection is already called “Acme \\u202ESEHG”.')
  })

  it('trims and collapses spaces, and allows the edited connection its own name', () => {
    const result = check({ name: '  Work   GitHub ' }, { otherNames: [], tokenStored: true })
    expect(result.draft?.name).toBe('Work GitHub')
  })
})

describe('username', () => {
  it('is optional except for Bitbucket', () => {
    expect(check({ username: '' }).errors.username).toBeUndefined()
    const bitbucket = check({ type: 'bitbucket', email: 'bea@example.com', token: 'ATATT3xFfGF0x' })
    expect(bitbucket.errors.username).toMatch(/Bitbucket needs the name of the account/)
  })

  it('refuses spaces and over-long values', () => {
    expect(check({ username: 'mona lisa' }).errors.username).toBe('A username has no spaces.')
    expect(check({ username: 'm'.repeat(101) }).errors.username).toMatch(/at most 100/)
  })

  it('takes a Bitbucket nickname with spaces, the name /user reports without a username', () => {
    const result = check({
      type: 'bitbucket',
      username: '  Bea   Demo ',
      email: 'bea@example.com',
      token: 'ATATT3xFfGF0x',
    })
    expect(result.errors.username).toBeUndefined()
    expect(result.draft?.username).toBe('Bea Demo')
  })
})

describe('token', () => {
  it('trims surrounding whitespace from a paste', () => {
    expect(check({ token: `  ${GH_TOKEN}\n` }).draft?.token).toBe(GH_TOKEN)
  })

  it.each([['ghp_abc def'], ['ghp_abc\ndef'], ['ghp_abc\tdef']])(
    'refuses inner whitespace in %j',
    (token) => {
      expect(check({ token }).errors.token).toMatch(/no spaces or line breaks/)
    },
  )

  it('is required for a new connection, optional when one is stored or for Custom Git', () => {
    expect(check({ token: '' }).errors.token).toBe('Paste the personal access token.')
    expect(check({ token: '' }, { otherNames: [], tokenStored: true }).draft?.token).toBeUndefined()
    const git = check({
      type: 'custom-git',
      token: '',
      repositoryUrl: 'https://git.example.com/team/app.git',
    })
    expect(git.errors).toEqual({})
  })

  it('warns, without refusing, when the token looks like another provider’s', () => {
    const result = check({ token: 'glpat-abcdefghijklmnopqrst' })
    expect(result.warnings.token).toMatch(/GitLab/)
    expect(result.draft).not.toBeNull()
  })

  it('refuses something far too long to be a token', () => {
    expect(check({ token: 'a'.repeat(5000) }).errors.token).toMatch(/too long/)
  })
})

describe('token after an address edit (issue 16: a token goes only to its own origin)', () => {
  const stored = (tokenEnteredFor: FormContext['tokenEnteredFor']): FormContext => ({
    otherNames: [],
    tokenStored: true,
    tokenEnteredFor,
  })
  const ghes = stored({ type: 'github-enterprise', baseUrl: 'https://ghes.example.com' })
  const edit = (baseUrl: string, values: Partial<ConnectionFormValues> = {}) =>
    check({ type: 'github-enterprise', baseUrl, token: '', ...values }, ghes)

  it('asks for a new token when the server changes, next to the token field', () => {
    const result = edit('https://ghes.attacker.test')
    expect(result.errors.token).toBe(
      'The stored token is only sent to the server it was entered for, and this address is another one. Paste a personal access token for it.',
    )
    // Said at once, before any submit, and the field no longer offers to keep the token.
    expect(result.warnings.token).toBe(result.errors.token)
    expect(result.tokenKept).toBe(false)
    expect(result.draft).toBeNull()
  })

  it('takes a new token for the new server', () => {
    const result = edit('https://ghes.attacker.test', { token: GH_TOKEN })
    expect(result.errors).toEqual({})
    expect(result.draft?.token).toBe(GH_TOKEN)
  })

  it('keeps the token when the address is the same origin written otherwise', () => {
    const result = edit('https://GHES.example.com:443/')
    expect(result.errors).toEqual({})
    expect(result.tokenKept).toBe(true)
    expect(result.draft?.token).toBeUndefined()
  })

  it('asks a signed-in connection to sign in again', () => {
    const result = check(
      { type: 'gitlab-self-managed', baseUrl: 'https://gitlab.other.test', token: '' },
      stored({ type: 'gitlab-self-managed', baseUrl: 'https://gitlab.example.com' }),
    )
    const signedIn = check(
      {
        type: 'gitlab-self-managed',
        baseUrl: 'https://gitlab.other.test',
        token: '',
        authMethod: 'oauth',
      },
      stored({ type: 'gitlab-self-managed', baseUrl: 'https://gitlab.example.com' }),
    )
    expect(result.errors.token).toMatch(/Paste a personal access token for it\.$/)
    expect(signedIn.tokenKept).toBe(false)
    expect(signedIn.warnings.token).toMatch(/Sign in again\.$/)
  })

  it('needs a new one for a Custom Git proxy added, though a public remote needs none', () => {
    const remote = { repositoryUrl: 'https://git.example.com/team/app.git', token: '' }
    const context = stored({
      type: 'custom-git',
      repositoryUrl: remote.repositoryUrl,
      branch: 'main',
    })
    const proxied = check(
      { type: 'custom-git', ...remote, corsProxyUrl: 'https://proxy.other.test' },
      context,
    )
    expect(proxied.errors.token).toMatch(/Paste a token or password for it\.$/)
    expect(check({ type: 'custom-git', ...remote }, context).errors).toEqual({})
  })
})

describe('base URL (GitHub Enterprise Server and GitLab self-managed)', () => {
  const ghes = (baseUrl: string) => check({ type: 'github-enterprise', baseUrl })
  const gitlab = (baseUrl: string) =>
    check({ type: 'gitlab-self-managed', baseUrl, token: 'glpat-x' })

  it.each([
    ['', 'Enter the server address.'],
    ['ftp://github.example.com', 'Use an address that starts with https://'],
    ['https://admin:secret@github.example.com', 'Remove the user name and password'],
    ['https://github.example.com/some/path', 'Enter only the server address, without a path'],
    ['https://github.example.com/?tab=1', 'Remove the part after ? or #'],
    ['https://github.com', 'This is github.com: choose the GitHub connection type'],
    ['not a url', 'This is not a valid URL'],
    [`https://github.example.com/${'a'.repeat(2100)}`, 'This URL is too long'],
  ])('GHES refuses %j', (url, message) => {
    expect(ghes(url).errors.baseUrl).toContain(message)
  })

  it('normalizes a trailing slash, a missing scheme and an /api/v3 suffix', () => {
    expect(ghes('https://github.example.com/').draft?.target).toEqual({
      type: 'github-enterprise',
      baseUrl: 'https://github.example.com',
    })
    expect(ghes('github.example.com').draft?.target).toMatchObject({
      baseUrl: 'https://github.example.com',
    })
    expect(ghes('https://github.example.com/api/v3/').draft?.target).toMatchObject({
      baseUrl: 'https://github.example.com',
    })
  })

  it('warns about http:// except on localhost', () => {
    expect(ghes('http://github.example.com').warnings.baseUrl).toMatch(/not encrypted/)
    expect(ghes('http://github.example.com').draft).not.toBeNull()
    expect(ghes('http://localhost:8080').warnings.baseUrl).toBeUndefined()
    expect(ghes('http://127.0.0.1:8080').warnings.baseUrl).toBeUndefined()
  })

  it('lets a GitLab instance live under a relative path, without the /api/v4 suffix', () => {
    expect(gitlab('https://example.com/gitlab/api/v4').draft?.target).toEqual({
      type: 'gitlab-self-managed',
      baseUrl: 'https://example.com/gitlab',
    })
    expect(gitlab('https://gitlab.com').errors.baseUrl).toMatch(/choose the GitLab connection type/)
  })
})

describe('Azure DevOps', () => {
  const azure = (organization: string) =>
    check({ type: 'azure-devops', organization, token: 'x'.repeat(52) })

  it('requires the organization', () => {
    expect(azure('').errors.organization).toMatch(/Enter the organization/)
  })

  it.each([
    ['contoso', 'contoso'],
    ['https://dev.azure.com/contoso/', 'contoso'],
    ['https://dev.azure.com/contoso/Project/_git/repo', 'contoso'],
    ['https://contoso.visualstudio.com', 'contoso'],
  ])('takes %j as organization %j', (input, organization) => {
    expect(azure(input).draft?.target).toEqual({ type: 'azure-devops', organization })
  })

  it.each([['con toso'], ['-contoso'], ['https://example.com/contoso']])('refuses %j', (input) => {
    expect(azure(input).errors.organization).toBeDefined()
  })

  it('needs a collection in an Azure DevOps Server URL', () => {
    const server = (collectionUrl: string) => check({ type: 'azure-devops-server', collectionUrl })
    expect(server('https://devops.example.com').errors.collectionUrl).toMatch(/Add the collection/)
    expect(server('https://devops.example.com/tfs').errors.collectionUrl).toMatch(
      /Add the collection/,
    )
    expect(server('https://dev.azure.com/contoso').errors.collectionUrl).toMatch(
      /Azure DevOps Services/,
    )
    expect(server('https://devops.example.com/tfs/DefaultCollection/').draft?.target).toEqual({
      type: 'azure-devops-server',
      collectionUrl: 'https://devops.example.com/tfs/DefaultCollection',
    })
  })
})

describe('Bitbucket', () => {
  const bitbucket = (values: Partial<ConnectionFormValues>) =>
    check({ type: 'bitbucket', username: 'bea-demo', token: 'ATATT3xFfGF0x', ...values })

  it('needs the Atlassian email for an API token', () => {
    expect(bitbucket({ email: '' }).errors.email).toMatch(/Atlassian account email/)
    expect(bitbucket({ email: 'not-an-email' }).errors.email).toBe('This is not an email address.')
  })

  it('needs the workspace for an access token', () => {
    const result = bitbucket({ bitbucketCredential: 'access-token', token: 'ATCTT3xFfGN0x' })
    expect(result.errors.workspace).toMatch(/enter the workspace ID/)
    expect(result.errors.email).toBeUndefined()
  })

  it('builds the target for both credentials', () => {
    expect(bitbucket({ email: 'bea@example.com' }).draft?.target).toEqual({
      type: 'bitbucket',
      credentialKind: 'api-token',
      email: 'bea@example.com',
    })
    const access = bitbucket({
      bitbucketCredential: 'access-token',
      workspace: 'Acme',
      token: 'ATCTT3xFfGN0x',
    })
    expect(access.draft?.target).toEqual({
      type: 'bitbucket',
      credentialKind: 'access-token',
      workspace: 'acme',
    })
  })
})

describe('Custom Git', () => {
  const git = (values: Partial<ConnectionFormValues>) =>
    check({
      type: 'custom-git',
      token: '',
      repositoryUrl: 'https://git.example.com/team/app.git',
      ...values,
    })

  it.each([
    ['git@github.com:team/app.git', 'Browsers reach git over HTTPS only'],
    ['ssh://git@host/team/app.git', 'Browsers reach git over HTTPS only'],
    ['https://git.example.com/', 'This is a server, not a repository'],
    ['https://github.com/team/app/tree/main', 'web page of the repository'],
    ['https://user:pw@git.example.com/team/app.git', 'Remove the user name and password'],
  ])('refuses the remote %j', (repositoryUrl, message) => {
    expect(git({ repositoryUrl }).errors.repositoryUrl).toContain(message)
  })

  it.each([[''], ['feature branch'], ['a..b'], ['-x'], ['x.lock'], ['x/']])(
    'refuses branch %j',
    (branch) => {
      expect(git({ branch }).errors.branch).toBeDefined()
    },
  )

  it('keeps a proxy and a git username, normalized', () => {
    expect(
      git({
        branch: 'refs/heads/release/1.x',
        corsProxyUrl: 'https://proxy.example.com/',
        gitUsername: 'x-token-auth',
      }).draft?.target,
    ).toEqual({
      type: 'custom-git',
      repositoryUrl: 'https://git.example.com/team/app.git',
      branch: 'release/1.x',
      corsProxyUrl: 'https://proxy.example.com',
      gitUsername: 'x-token-auth',
    })
  })

  it('refuses a proxy URL with credentials', () => {
    expect(git({ corsProxyUrl: 'https://a:b@proxy.example.com' }).errors.corsProxyUrl).toMatch(
      /Remove the user name/,
    )
  })
})
