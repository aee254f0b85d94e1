/**
 * GitLab's own example responses (docs.gitlab.com, each fixture names its page) through the
 * GitLab adapter, served by MSW.
 */
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { server } from '@mocks/node'
import { createGitLabProvider } from '@/providers/gitlab/adapter.ts'
import type { RepoRef } from '@/providers/types.ts'
import { branchList, hook, hookEvents, tagList } from './fixtures/gitlab.ts'

const PROJECT = 'https://gitlab.com/api/v4/projects/5'
const repo: RepoRef = { id: '5', fullName: 'diaspora/diaspora-project-site' }
const provider = () =>
  createGitLabProvider({ type: 'gitlab' }, { token: 'glpat-' + 'a'.repeat(20) })

function serve(path: string, body: object) {
  server.use(http.get(`${PROJECT}${path}`, () => HttpResponse.json(body)))
}

describe("GitLab: the docs' example responses", () => {
  it(`reads every tag, with its date (${tagList.source})`, async () => {
    serve('/repository/tags', tagList.body)
    const page = await provider().listTags(repo, {})
    expect(page.items).toEqual([
      {
        name: 'v1.0.0',
        commitSha: '2695effb5807a22ff3d138d593fd856244e155e7',
        message: null,
        date: '2017-07-26T09:08:53.000Z',
      },
    ])
  })

  it(`reads every branch (${branchList.source})`, async () => {
    serve('/repository/branches', branchList.body)
    const page = await provider().listBranches(repo, {})
    expect(page.items).toEqual([
      {
        name: 'master',
        commitSha: '7b5c3cc8be40ee161ae89a06bba6229da1032a0c',
        isDefault: false,
        protected: true,
      },
    ])
  })

  it(`reads a webhook and its events (${hook.source})`, async () => {
    serve('/hooks', [hook.body])
    const [found] = await provider().listWebhooks(repo)
    expect(found).toMatchObject({ id: '1', url: 'http://example.com/hook', active: true })
    expect(found?.events).toEqual(expect.arrayContaining(['tag_push_events', 'releases_events']))
  })

  it(`reads hook events that have no created_at (${hookEvents.source})`, async () => {
    serve('/hooks/1/events', hookEvents.body)
    const page = await provider().listWebhookDeliveries(repo, '1', {})
    expect(page.items).toEqual([
      expect.objectContaining({ id: '1', event: 'push_hooks', statusCode: 200, ok: true }),
      expect.objectContaining({ id: '2', event: 'push_hooks', statusCode: 200, ok: true }),
    ])
    expect(page.items.map((delivery) => delivery.deliveredAt)).toEqual([null, null])
    expect(page.skipped ?? 0).toBe(0)
  })
})
