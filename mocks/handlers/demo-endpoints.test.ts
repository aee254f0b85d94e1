import { describe, expect, it } from 'vitest'
import {
  DEMO_BUILD_TRIGGER_URL,
  DEMO_CONTROL_URL,
  DEMO_WEBHOOK_RECEIVER_URL,
} from '../demo-endpoints.ts'
import { findRepositoryTag } from '../published-refs.ts'
import { findDemoRepository } from '../data/catalog.ts'
import { addMockWebhook, mockDeliveriesOf, mockState } from '../state.ts'

function post(url: string, body: unknown): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
}

const validBuild = {
  source: { id: 'src-1', name: 'Storefront releases' },
  repository: { id: 'acme-web/storefront', fullName: 'acme-web/storefront' },
  branch: 'main',
  commit: { sha: 'a'.repeat(40), message: 'Ship it', author: 'Mona Demo' },
  triggeredBy: 'mona',
  trigger: 'manual',
}

describe('demo control: POST /releases', () => {
  it('publishes a simulated release and says how many deliveries it caused', async () => {
    const hook = addMockWebhook({
      provider: 'bitbucket',
      repository: 'tidewater-labs/tide-api',
      url: `${DEMO_WEBHOOK_RECEIVER_URL}/abc`,
      events: ['repo:push'],
      secret: 's3cret',
      active: true,
      extra: {},
    })
    const response = await post(`${DEMO_CONTROL_URL}/releases`, {
      provider: 'bitbucket',
      repository: 'tidewater-labs/tide-api',
      tag: 'v4.0.0',
    })
    expect(response.status).toBe(201)
    const body = (await response.json()) as { tag: string; sha: string; deliveries: number }
    expect(body).toMatchObject({ tag: 'v4.0.0', deliveries: 1 })
    expect(body.sha).toMatch(/^[0-9a-f]{40}$/)
    const repo = findDemoRepository('bitbucket', 'tidewater-labs', 'tide-api')!
    expect(findRepositoryTag('bitbucket', repo, 'v4.0.0')?.sha).toBe(body.sha)
    expect(mockDeliveriesOf(hook.id).map((delivery) => delivery.event)).toEqual(['repo:push'])
  })

  it.each([
    ['a body that is not JSON', 'not json', /JSON object/],
    ['an unknown provider', { provider: 'gitea', repository: 'a/b', tag: 'v1' }, /provider/],
    ['no repository', { provider: 'github', tag: 'v1' }, /repository is required/],
    ['no tag', { provider: 'github', repository: 'octo-demo/git-connector' }, /tag is required/],
    [
      'an unknown repository',
      { provider: 'github', repository: 'nobody/nothing', tag: 'v1' },
      /no repository/,
    ],
    [
      'a tag that exists',
      { provider: 'github', repository: 'octo-demo/git-connector', tag: 'v1.0.0' },
      /already exists/,
    ],
  ])('answers 400 with a message for %s', async (_label, body, message) => {
    const response = await post(`${DEMO_CONTROL_URL}/releases`, body)
    expect(response.status).toBe(400)
    expect(((await response.json()) as { message: string }).message).toMatch(message)
    expect(mockState.tags).toEqual([])
  })
})

describe('simulated build trigger', () => {
  it('queues a complete request (202) and records it', async () => {
    const response = await post(DEMO_BUILD_TRIGGER_URL, validBuild)
    expect(response.status).toBe(202)
    expect(response.headers.get('access-control-allow-origin')).toBe('*')
    const body = (await response.json()) as { id: string; status: string }
    expect(body).toEqual({ id: expect.any(String) as string, status: 'queued' })
    expect(mockState.buildRequests).toHaveLength(1)
    expect(mockState.buildRequests[0]).toMatchObject({ id: body.id, body: validBuild })

    const second = await post(DEMO_BUILD_TRIGGER_URL, { ...validBuild, commit: null })
    expect(second.status).toBe(202)
    expect(((await second.json()) as { id: string }).id).not.toBe(body.id)
  })

  it.each([
    ['no source', { ...validBuild, source: undefined }, /source/],
    ['no repository name', { ...validBuild, repository: { id: 'x' } }, /repository/],
    ['an empty branch', { ...validBuild, branch: ' ' }, /branch/],
    ['a sha that is not hex', { ...validBuild, commit: { sha: 'main' } }, /hexadecimal/],
    ['no triggeredBy', { ...validBuild, triggeredBy: undefined }, /triggeredBy/],
    ['an unknown trigger', { ...validBuild, trigger: 'cron' }, /trigger/],
  ])('refuses a request with %s (422)', async (_label, body, message) => {
    const response = await post(DEMO_BUILD_TRIGGER_URL, body)
    expect(response.status).toBe(422)
    expect(((await response.json()) as { message: string }).message).toMatch(message)
    expect(mockState.buildRequests).toEqual([])
  })
})

describe('simulated webhook receiver', () => {
  it('accepts deliveries under its path', async () => {
    const response = await post(`${DEMO_WEBHOOK_RECEIVER_URL}/source-1`, { zen: 'hi' })
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ ok: true })
  })
})
