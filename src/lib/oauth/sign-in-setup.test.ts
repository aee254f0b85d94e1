import { describe, expect, it } from 'vitest'
import { runtimeConfigSchema } from '../runtime-config.ts'
import { callbackUrl, configuredGitLabApplication, signInSetupFor } from './sign-in-setup.ts'

const config = (input: object) => runtimeConfigSchema.parse(input)

describe('signInSetupFor', () => {
  it('says what the deployer must configure when GitHub sign-in is not set up', () => {
    const setup = signInSetupFor({ type: 'github' }, config({}))
    expect(setup).toMatchObject({ kind: 'unavailable', provider: 'github' })
    expect(setup.kind === 'unavailable' && setup.reason).toMatch(
      /githubOAuth\.clientId and githubOAuth\.tokenExchangeUrl/,
    )
  })

  it('exchanges GitHub codes through the deployment URL, or uses an authenticator', () => {
    const exchange = signInSetupFor(
      { type: 'github' },
      config({ githubOAuth: { clientId: 'Iv1', tokenExchangeUrl: 'https://x.example/token' } }),
    )
    expect(exchange).toMatchObject({
      kind: 'pkce',
      authorizeUrl: 'https://github.com/login/oauth/authorize',
      tokenUrl: 'https://x.example/token',
      clientId: 'Iv1',
    })
    const popup = signInSetupFor(
      { type: 'github' },
      config({ githubOAuth: { authenticatorUrl: 'https://auth.example/auth' } }),
    )
    expect(popup).toMatchObject({
      kind: 'authenticator',
      authenticatorUrl: 'https://auth.example/auth',
    })
  })

  it('uses a GitHub Enterprise server’s own endpoints when that server is configured', () => {
    const deployment = config({
      githubEnterpriseOAuth: [
        {
          baseUrl: 'https://GHE.corp.example/',
          clientId: 'Iv9',
          tokenExchangeUrl: 'https://x.example/t',
        },
      ],
    })
    expect(
      signInSetupFor(
        { type: 'github-enterprise', baseUrl: 'https://ghe.corp.example' },
        deployment,
      ),
    ).toMatchObject({
      kind: 'pkce',
      authorizeUrl: 'https://ghe.corp.example/login/oauth/authorize',
    })
    expect(
      signInSetupFor({ type: 'github-enterprise', baseUrl: 'https://other.example' }, deployment),
    ).toMatchObject({ kind: 'unavailable' })
  })

  it('takes GitLab’s application id from the form first, then from the deployment', () => {
    const deployment = config({
      gitlabOAuth: { applicationId: 'dotcom-app' },
      gitlabSelfManagedOAuth: [
        { baseUrl: 'https://gitlab.corp.example', applicationId: 'corp-app' },
      ],
    })
    expect(signInSetupFor({ type: 'gitlab' }, deployment)).toMatchObject({
      clientId: 'dotcom-app',
      tokenUrl: 'https://gitlab.com/oauth/token',
    })
    expect(signInSetupFor({ type: 'gitlab' }, deployment, 'mine')).toMatchObject({
      clientId: 'mine',
    })
    const selfManaged = {
      type: 'gitlab-self-managed',
      baseUrl: 'https://gitlab.corp.example',
    } as const
    expect(signInSetupFor(selfManaged, deployment)).toMatchObject({
      clientId: 'corp-app',
      authorizeUrl: 'https://gitlab.corp.example/oauth/authorize',
    })
    expect(configuredGitLabApplication(selfManaged, deployment)).toBe('corp-app')
    expect(signInSetupFor({ type: 'gitlab' }, config({}))).toMatchObject({ kind: 'unavailable' })
  })

  it('offers no sign-in for types that only take tokens', () => {
    expect(signInSetupFor({ type: 'azure-devops', organization: 'o' }, config({}))).toEqual({
      kind: 'none',
    })
  })

  it('puts the callback under the app’s base path', () => {
    expect(callbackUrl('https://cdn.example', '/tools/git/')).toBe(
      'https://cdn.example/tools/git/oauth/callback',
    )
  })
})
