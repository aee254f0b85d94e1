import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { server } from '@mocks/node'
import { requestBuild, type BuildRequest } from './build-trigger.ts'

const URL_ = 'https://builds.example.com/trigger'
const request: BuildRequest = {
  source: { id: 'source-1', name: 'Website' },
  repository: { id: 'octo-demo/site', fullName: 'octo-demo/site' },
  branch: 'main',
  commit: { sha: 'a'.repeat(40), message: 'Ship it', author: 'mona' },
  trigger: 'manual',
  triggeredBy: 'octo-demo',
}

describe('requestBuild', () => {
  it('sends nothing when the deployment has no build-trigger URL, and says so', async () => {
    const outcome = await requestBuild(null, request)
    expect(outcome).toMatchObject({ state: 'not-configured', status: null })
    expect(outcome.message).toMatch(/buildTriggerUrl/)
  })

  it('posts the source, repository, branch, commit and who asked, without credentials', async () => {
    let seen: { body: unknown; authorization: string | null } | null = null
    server.use(
      http.post(URL_, async ({ request: sent }) => {
        seen = { body: await sent.json(), authorization: sent.headers.get('authorization') }
        return HttpResponse.json({ id: 'b-1', status: 'queued' }, { status: 202 })
      }),
    )
    const outcome = await requestBuild(URL_, request)
    expect(outcome).toMatchObject({ state: 'accepted', status: 202 })
    expect(outcome.message).toMatch(/accepted the build request \(202\): “queued”$/)
    expect(seen).toEqual({ body: request, authorization: null })
  })

  it('shows the endpoint’s reason when it refuses', async () => {
    server.use(
      http.post(URL_, () => HttpResponse.json({ message: 'unknown branch' }, { status: 422 })),
    )
    const outcome = await requestBuild(URL_, request)
    expect(outcome).toMatchObject({ state: 'rejected', status: 422 })
    expect(outcome.message).toBe(
      'builds.example.com refused the build request (422): “unknown branch”',
    )
  })

  it('does not show an HTML error page', async () => {
    server.use(
      http.post(URL_, () => HttpResponse.html('<html>Bad gateway</html>', { status: 502 })),
    )
    expect((await requestBuild(URL_, request)).message).toBe(
      'builds.example.com refused the build request (502).',
    )
  })

  it('says what to do when the endpoint cannot be reached', async () => {
    server.use(http.post(URL_, () => HttpResponse.error()))
    const outcome = await requestBuild(URL_, request)
    expect(outcome).toMatchObject({ state: 'failed', status: null })
    expect(outcome.message).toMatch(/could not be reached/)
  })
})
