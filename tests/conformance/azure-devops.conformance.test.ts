/**
 * Microsoft's own example answers (MicrosoftDocs/vsts-rest-api-specs, each fixture names its
 * file) through the Azure DevOps Server adapter, served by MSW, and through the release-source
 * action that lists and creates service-hook subscriptions.
 */
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { server } from '@mocks/node'
import { provisionWebhook } from '@/features/release-sources/webhook.ts'
import { createAzureDevOpsProvider } from '@/providers/azure-devops/adapter.ts'
import type { ProviderTarget, RepoRef } from '@/providers/types.ts'
import {
  branchRefs,
  commitList,
  createdSubscription,
  projectList,
  repositoryList,
  subscriptionList,
  tagRefs,
} from './fixtures/azure-devops.ts'

const COLLECTION = 'https://fabrikam.example/tfs/fabrikam'
const target: ProviderTarget = { type: 'azure-devops-server', collectionUrl: COLLECTION }
const [, fiberGit] = repositoryList.body.value
const repo: RepoRef = { id: fiberGit!.id, fullName: 'Fabrikam-Fiber-Git/Fabrikam-Fiber-Git' }
const repoRoute = `${COLLECTION}/${fiberGit!.project.id}/_apis/git/repositories/${fiberGit!.id}`

function serveExamples() {
  server.use(
    http.get(`${COLLECTION}/_apis/projects`, () => HttpResponse.json(projectList.body)),
    http.get(`${COLLECTION}/_apis/git/repositories`, () => HttpResponse.json(repositoryList.body)),
    http.get(`${COLLECTION}/_apis/git/repositories/:id`, ({ params }) => {
      const found = repositoryList.body.value.find((item) => item.id === params.id)
      return found ? HttpResponse.json(found) : HttpResponse.json(null, { status: 404 })
    }),
    http.get(`${repoRoute}/refs`, ({ request }) => {
      const filter = new URL(request.url).searchParams.get('filter') ?? ''
      return HttpResponse.json(filter.startsWith('tags/') ? tagRefs.body : branchRefs.body)
    }),
    http.get(`${repoRoute}/commits`, () => HttpResponse.json(commitList.body)),
    http.get(`${COLLECTION}/_apis/hooks/subscriptions`, () =>
      HttpResponse.json(subscriptionList.body),
    ),
    http.post(`${COLLECTION}/_apis/hooks/subscriptions`, () =>
      HttpResponse.json(createdSubscription.body),
    ),
  )
}

const provider = () => createAzureDevOpsProvider(target, { token: 'p'.repeat(52) })

describe("Azure DevOps: Microsoft's example answers", () => {
  it(`reads every project (${projectList.source})`, async () => {
    serveExamples()
    const owners = await provider().listOwners()
    expect(owners.map((owner) => owner.name)).toEqual(
      projectList.body.value.map((project) => project.name),
    )
  })

  it(`reads every repository (${repositoryList.source})`, async () => {
    serveExamples()
    const page = await provider().listRepositories({})
    expect(page.items.map((item) => item.id).sort()).toEqual(
      repositoryList.body.value.map((item) => item.id).sort(),
    )
    expect(page.skipped ?? 0).toBe(0)
    // The first one has no defaultBranch: an empty repository.
    expect(page.items.find((item) => item.name === 'AnotherRepository')?.defaultBranch).toBeNull()
  })

  it(`reads every branch, the default first (${branchRefs.source})`, async () => {
    serveExamples()
    const page = await provider().listBranches(repo, {})
    expect(page.items.map((branch) => branch.name)).toEqual([
      'master',
      'feature/calcApp',
      'feature/replacer',
    ])
  })

  it(`reads every tag (${tagRefs.source})`, async () => {
    serveExamples()
    const page = await provider().listTags(repo, {})
    expect(page.items).toEqual([
      expect.objectContaining({ name: 'v0.1', commitSha: tagRefs.body.value[0]!.objectId }),
    ])
  })

  it(`reads every commit (${commitList.source})`, async () => {
    serveExamples()
    const page = await provider().listCommits(repo, { ref: 'master' })
    expect(page.items.map((item) => item.sha)).toEqual(
      commitList.body.value.map((item) => item.commitId),
    )
  })

  it(`reads subscriptions without a status as enabled ones (${subscriptionList.source})`, async () => {
    serveExamples()
    // Only the trello card names this repository, and it has no URL: not a webhook.
    await expect(provider().listWebhooks(repo)).resolves.toEqual([])
    server.use(
      http.get(`${COLLECTION}/_apis/hooks/subscriptions`, () =>
        HttpResponse.json({
          ...subscriptionList.body,
          value: subscriptionList.body.value.map((subscription) => ({
            ...subscription,
            publisherInputs: { ...subscription.publisherInputs, repository: repo.id },
          })),
        }),
      ),
    )
    const hooks = await provider().listWebhooks(repo)
    expect(hooks.map((hook) => [hook.url, hook.active])).toEqual([
      ['http://requestb.in/stkb4jst', false],
      ['http://requestb.in/stkb4jst', false],
      ['http://requestb.in/z1iwd9z1', true],
    ])
  })

  it('sets up a release webhook although the collection holds subscriptions in other shapes', async () => {
    serveExamples()
    // Another team's subscription this app cannot read at all must not stop anyone.
    server.use(
      http.get(`${COLLECTION}/_apis/hooks/subscriptions`, () =>
        HttpResponse.json({
          ...subscriptionList.body,
          value: [...subscriptionList.body.value, { id: 42, eventType: null }],
        }),
      ),
    )
    const { webhook } = await provisionWebhook({
      provider: provider(),
      target,
      repo,
      sourceId: 'source-1',
      receiverUrl: 'https://receiver.example/hooks',
    })
    expect(webhook).toMatchObject({
      state: 'provisioned',
      id: createdSubscription.body.id,
      url: createdSubscription.body.consumerInputs.url,
    })
  })
})
