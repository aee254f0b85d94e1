import { delay, http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { server } from '@mocks/node'
import { basicAuthorization, createHttpClient, redact } from './http.ts'
import { providerFailure } from '../../tests/utils/provider-test-kit.ts'

const BASE = 'https://api.example.test/v1'
const isObject = (value: unknown) => {
  if (typeof value !== 'object' || value === null) throw new Error('not an object')
  return value
}

describe('createHttpClient', () => {
  it('joins the base URL, path and query, and sends the auth header', async () => {
    let seen: Request | undefined
    server.use(
      http.get(`${BASE}/items`, ({ request }) => {
        seen = request
        return HttpResponse.json({ ok: true })
      }),
    )
    const client = createHttpClient({ baseUrl: `${BASE}/`, authorization: 'Bearer t0ken' })
    const { data, status } = await client.getJson('/items', {
      validate: isObject,
      query: { $top: 1, q: 'a b', skip: undefined },
    })
    expect(data).toEqual({ ok: true })
    expect(status).toBe(200)
    expect(seen?.url).toBe(`${BASE}/items?$top=1&q=a%20b`)
    expect(seen?.headers.get('authorization')).toBe('Bearer t0ken')
    expect(seen?.headers.get('accept')).toBe('application/json')
  })

  it('maps its own timeout to a network timeout', async () => {
    server.use(
      http.get(`${BASE}/slow`, async () => {
        await delay(2_000)
        return HttpResponse.json({})
      }),
    )
    const client = createHttpClient({ baseUrl: BASE, timeoutMs: 30 })
    expect(await providerFailure(client.getJson('slow', { validate: isObject }))).toMatchObject({
      kind: 'network',
      networkCause: 'timeout',
    })
  })

  it('treats a redirect as a refused credential', async () => {
    server.use(
      http.get(`${BASE}/me`, () => HttpResponse.redirect('https://login.example.test/', 302)),
    )
    const client = createHttpClient({ baseUrl: BASE, context: { unauthorizedSubject: 'email' } })
    expect(await providerFailure(client.getJson('me', { validate: isObject }))).toMatchObject({
      kind: 'unauthorized',
      subject: 'email',
      status: 302,
    })
  })

  it('reports an answer that is not JSON', async () => {
    server.use(http.get(`${BASE}/me`, () => HttpResponse.text('hello')))
    const client = createHttpClient({ baseUrl: BASE })
    expect((await providerFailure(client.getJson('me', { validate: isObject }))).kind).toBe(
      'invalid-response',
    )
  })

  it('reports an unexpected shape with the failing paths', async () => {
    server.use(http.get(`${BASE}/me`, () => HttpResponse.json({ id: 1 })))
    const client = createHttpClient({ baseUrl: BASE })
    const validate = () => {
      throw Object.assign(new Error('bad'), {
        issues: [{ path: ['id'], message: 'expected string' }],
      })
    }
    expect(await providerFailure(client.getJson('me', { validate }))).toMatchObject({
      kind: 'invalid-response',
      // Our parser's complaint, not the provider's words: kept in the message only.
      message: 'The provider answered in an unexpected shape (id: expected string).',
      providerMessage: undefined,
    })
  })

  it('takes the detail from JSON or plain text, never from HTML', async () => {
    const client = createHttpClient({ baseUrl: BASE })
    server.use(
      http.get(`${BASE}/a`, () =>
        HttpResponse.json({ error: { message: 'nope' } }, { status: 404 }),
      ),
    )
    expect(
      (await providerFailure(client.getJson('a', { validate: isObject }))).providerMessage,
    ).toBe('nope')
    server.use(http.get(`${BASE}/b`, () => HttpResponse.text('plain reason', { status: 409 })))
    expect(
      (await providerFailure(client.getJson('b', { validate: isObject }))).providerMessage,
    ).toBe('plain reason')
    server.use(http.get(`${BASE}/c`, () => HttpResponse.html('<html>x</html>', { status: 500 })))
    expect(
      (await providerFailure(client.getJson('c', { validate: isObject }))).providerMessage,
    ).toBeUndefined()
  })
})

describe('helpers', () => {
  it('encodes Basic credentials as UTF-8', () => {
    expect(basicAuthorization('', 'pat')).toBe(`Basic ${btoa(':pat')}`)
    expect(basicAuthorization('zoë', 'é')).toBe(
      `Basic ${Buffer.from('zoë:é', 'utf8').toString('base64')}`,
    )
  })

  it('redacts every occurrence of a secret', () => {
    expect(redact('a s3cret b s3cret', ['s3cret'])).toBe('a [redacted] b [redacted]')
  })
})
