import { delay, http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { server } from '@mocks/node'
import { isProviderError } from '../errors.ts'
import type { ProviderTarget } from '../types.ts'
import { supportedApiVersion } from './api-version.ts'
import { createAzureDevOpsProvider } from './adapter.ts'
import { organizationBaseUrl } from './site.ts'
import { providerFailure, recordRequests } from '../../../tests/utils/provider-test-kit.ts'

const PAT = 'x'.repeat(76) + 'AZDO' + 'abcd'
const services: ProviderTarget = { type: 'azure-devops', organization: 'fabrikam' }
const onPrem: ProviderTarget = {
  type: 'azure-devops-server',
  collectionUrl: 'https://tfs.contoso.example/tfs/DefaultCollection',
}
const oldServer: ProviderTarget = {
  type: 'azure-devops-server',
  collectionUrl: 'https://old-server.contoso.example/tfs/DefaultCollection/',
}

function verify(target: ProviderTarget, token = PAT, signal?: AbortSignal) {
  return createAzureDevOpsProvider(target, { token }).verify(signal)
}

describe('Azure DevOps Services', () => {
  it('returns the account from connectionData', async () => {
    const result = await verify(services)
    expect(result).toEqual({
      account: {
        id: '345a740a-4d3a-422e-863a-8c8b0367c7b3',
        login: 'ada.demo@contoso.example',
        displayName: 'Ada Demo',
        avatarUrl: null,
        emails: ['ada.demo@contoso.example'],
      },
      scopes: null,
      expiresAt: null,
      remote: null,
      notices: [],
    })
  })

  it('sends the PAT as Basic with an empty user name, to the organization URL', async () => {
    const seen = recordRequests()
    await verify({ type: 'azure-devops', organization: 'https://dev.azure.com/fabrikam/' })
    expect(seen.map((request) => request.url)).toEqual([
      'https://dev.azure.com/fabrikam/_apis/projects?$top=1&api-version=7.1',
      'https://dev.azure.com/fabrikam/_apis/connectionData?api-version=7.1-preview',
    ])
    expect(seen[0]?.headers.get('authorization')).toBe(`Basic ${btoa(`:${PAT}`)}`)
  })

  it('accepts the legacy visualstudio.com address', () => {
    expect(organizationBaseUrl('https://fabrikam.visualstudio.com/')).toBe(
      'https://dev.azure.com/fabrikam',
    )
    expect(organizationBaseUrl(' fabrikam ')).toBe('https://dev.azure.com/fabrikam')
  })

  it('asks for the organization before sending anything', async () => {
    const seen = recordRequests()
    const error = await providerFailure(verify({ type: 'azure-devops', organization: '' }))
    expect(error).toMatchObject({ kind: 'unsupported', subject: 'organization' })
    expect(seen).toEqual([])
  })

  it('reports a revoked PAT', async () => {
    const error = await providerFailure(verify(services, 'revoked'))
    expect(error).toMatchObject({ kind: 'unauthorized', subject: 'token', status: 401 })
  })

  it('treats a 203 HTML sign-in page as unauthorized', async () => {
    server.use(
      http.get('https://dev.azure.com/fabrikam/_apis/connectionData', () =>
        HttpResponse.html('<html><title>Azure DevOps Services | Sign In</title></html>', {
          status: 203,
        }),
      ),
    )
    const error = await providerFailure(verify(services))
    expect(error).toMatchObject({ kind: 'unauthorized', subject: 'token', status: 203 })
  })

  it('treats a 200 HTML page as unauthorized', async () => {
    server.use(
      http.get('https://dev.azure.com/fabrikam/_apis/projects', () =>
        HttpResponse.html('<!DOCTYPE html><html></html>'),
      ),
    )
    expect((await providerFailure(verify(services))).kind).toBe('unauthorized')
  })

  it('treats a redirect to a sign-in page as unauthorized', async () => {
    server.use(
      http.get('https://dev.azure.com/fabrikam/_apis/connectionData', () =>
        HttpResponse.redirect('https://login.microsoftonline.com/common/oauth2/authorize', 302),
      ),
    )
    expect(await providerFailure(verify(services))).toMatchObject({
      kind: 'unauthorized',
      subject: 'token',
    })
  })

  it('points an unknown organization at the organization field', async () => {
    const error = await providerFailure(
      verify({ type: 'azure-devops', organization: 'missing-org' }),
    )
    expect(error).toMatchObject({ kind: 'not-found', subject: 'organization', status: 404 })
  })

  it('maps a 403 to forbidden', async () => {
    server.use(
      http.get('https://dev.azure.com/fabrikam/_apis/projects', () =>
        HttpResponse.json({ message: 'TF400813: not authorized' }, { status: 403 }),
      ),
    )
    expect(await providerFailure(verify(services))).toMatchObject({
      kind: 'forbidden',
      providerMessage: 'TF400813: not authorized',
    })
  })

  it('reads Retry-After on a 429', async () => {
    server.use(
      http.get('https://dev.azure.com/fabrikam/_apis/connectionData', () =>
        HttpResponse.json(
          { message: 'TF400733: The request has been blocked' },
          { status: 429, headers: { 'Retry-After': '12' } },
        ),
      ),
    )
    const before = Date.now()
    const error = await providerFailure(verify(services))
    expect(error.kind).toBe('rate-limited')
    expect(error.resetAt).toBeGreaterThanOrEqual(before + 12_000)
    expect(error.resetAt).toBeLessThan(before + 20_000)
  })

  it('maps a 500 to server', async () => {
    server.use(
      http.get(
        'https://dev.azure.com/fabrikam/_apis/connectionData',
        () => new HttpResponse(null, { status: 500 }),
      ),
    )
    expect((await providerFailure(verify(services))).kind).toBe('server')
  })

  it('says a rejected fetch may be a rejected credential', async () => {
    server.use(
      http.get('https://dev.azure.com/fabrikam/_apis/connectionData', () => HttpResponse.error()),
    )
    const error = await providerFailure(verify(services))
    expect(error).toMatchObject({ kind: 'network', networkCause: 'unreachable', subject: 'token' })
    expect(error.message).toMatch(/rejected the credential.*CORS/)
  })

  it('rethrows the caller’s abort untouched', async () => {
    server.use(
      http.get('https://dev.azure.com/fabrikam/_apis/projects', async () => {
        await delay(5_000)
        return HttpResponse.json({ count: 0, value: [] })
      }),
    )
    const controller = new AbortController()
    const pending = verify(services, PAT, controller.signal)
    setTimeout(() => controller.abort(), 20)
    const error: unknown = await pending.catch((reason: unknown) => reason)
    expect(isProviderError(error)).toBe(false)
    expect(error).toBe(controller.signal.reason)
  })

  it('never puts the PAT in an error, even when the provider echoes it', async () => {
    server.use(
      http.get('https://dev.azure.com/fabrikam/_apis/connectionData', ({ request }) =>
        HttpResponse.json(
          { message: `Bad PAT ${PAT} in ${request.headers.get('authorization') ?? ''}` },
          { status: 400 },
        ),
      ),
    )
    const error = await providerFailure(verify(services))
    const text = JSON.stringify({ message: error.message, said: error.providerMessage })
    expect(error.providerMessage).toContain('[redacted]')
    expect(text).not.toContain(PAT)
    expect(text).not.toContain(btoa(`:${PAT}`))
  })
})

describe('Azure DevOps Server', () => {
  it('verifies against the collection URL', async () => {
    const seen = recordRequests()
    const result = await verify(onPrem)
    expect(result.account).toMatchObject({
      login: 'CONTOSO\\ada.demo',
      displayName: 'Ada Demo',
      emails: [],
    })
    expect(result.notices).toEqual([])
    expect(seen[1]?.url).toBe(
      'https://tfs.contoso.example/tfs/DefaultCollection/_apis/connectionData?api-version=7.1-preview',
    )
    expect(result.apiVersion).toBe('7.1')
  })

  it('negotiates down to the version the server names', async () => {
    const seen = recordRequests()
    const result = await verify(oldServer)
    const versions = seen
      .filter((request) => request.url.includes('/_apis/projects'))
      .map((request) => new URL(request.url).searchParams.get('api-version'))
    expect(versions).toEqual(['7.1', '6.0'])
    expect(result.notices).toEqual([expect.stringContaining('6.0') as string])
    expect(result.account?.login).toBe('CONTOSO\\ada.demo')
    // Remembered on the connection, and asked of connectionData with the preview flag.
    expect(result.apiVersion).toBe('6.0')
    const identity = seen.find((request) => request.url.includes('/_apis/connectionData'))
    expect(new URL(identity?.url ?? '').searchParams.get('api-version')).toBe('6.0-preview')
  })

  it('starts from the version an earlier check found, with no failing request', async () => {
    const seen = recordRequests()
    const provider = createAzureDevOpsProvider(oldServer, { token: PAT }, { apiVersion: '6.0' })
    const result = await provider.verify()
    const versions = seen.map((request) => new URL(request.url).searchParams.get('api-version'))
    expect(versions).toEqual(['6.0', '6.0-preview'])
    expect(result.apiVersion).toBe('6.0')
  })

  it('negotiates afresh when the server refuses the remembered version', async () => {
    const seen = recordRequests()
    const provider = createAzureDevOpsProvider(oldServer, { token: PAT }, { apiVersion: '7.0' })
    await provider.verify()
    const versions = seen
      .filter((request) => request.url.includes('/_apis/projects'))
      .map((request) => new URL(request.url).searchParams.get('api-version'))
    expect(versions).toEqual(['7.0', '7.1', '6.0'])
  })

  it('walks 7.1 → 7.0 → 6.0 when the message names no version', async () => {
    const tried: (string | null)[] = []
    server.use(
      http.get(
        'https://tfs.contoso.example/tfs/DefaultCollection/_apis/projects',
        ({ request }) => {
          const version = new URL(request.url).searchParams.get('api-version')
          tried.push(version)
          if (version !== '6.0') {
            return HttpResponse.json(
              { message: 'The requested REST API version is out of range for this server.' },
              { status: 400 },
            )
          }
          return HttpResponse.json({ count: 1, value: [{ id: 'p', name: 'P' }] })
        },
      ),
    )
    const result = await verify(onPrem)
    expect(tried).toEqual(['7.1', '7.0', '6.0'])
    expect(result.notices[0]).toMatch(/6\.0/)
  })

  it('gives up below 5.0 with unsupported', async () => {
    server.use(
      http.get('https://tfs.contoso.example/tfs/DefaultCollection/_apis/projects', () =>
        HttpResponse.json(
          { message: 'The requested REST API version is out of range for this server.' },
          { status: 400 },
        ),
      ),
    )
    expect(await providerFailure(verify(onPrem))).toMatchObject({
      kind: 'unsupported',
      subject: 'collection-url',
    })
  })

  it('reads the version out of the real message', () => {
    expect(
      supportedApiVersion(
        'The requested REST API version of 7.1 is out of range for this server. The latest REST API version this server supports is 6.0.',
      ),
    ).toBe('6.0')
    expect(supportedApiVersion('Something else')).toBeNull()
  })

  it('points an unknown collection at the collection URL', async () => {
    const error = await providerFailure(
      verify({
        type: 'azure-devops-server',
        collectionUrl: 'https://tfs.contoso.example/tfs/MissingCollection',
      }),
    )
    expect(error).toMatchObject({ kind: 'not-found', subject: 'collection-url' })
  })

  it('rejects a collection URL that is not http(s) before sending anything', async () => {
    const seen = recordRequests()
    const error = await providerFailure(
      verify({ type: 'azure-devops-server', collectionUrl: 'tfs/DefaultCollection' }),
    )
    expect(error).toMatchObject({ kind: 'unsupported', subject: 'collection-url' })
    expect(seen).toEqual([])
  })

  it('reports a revoked PAT', async () => {
    expect(await providerFailure(verify(onPrem, 'revoked'))).toMatchObject({
      kind: 'unauthorized',
      status: 401,
    })
  })

  it('explains that the server admin must enable CORS', async () => {
    server.use(
      http.get('https://tfs.contoso.example/tfs/DefaultCollection/_apis/connectionData', () =>
        HttpResponse.error(),
      ),
    )
    const error = await providerFailure(verify(onPrem))
    expect(error).toMatchObject({ kind: 'network', subject: 'collection-url' })
    expect(error.hint).toMatch(/administrator must enable CORS/)
  })
})
