/**
 * GitHub's own examples through the real adapter. For every operation the adapter calls, each
 * example GitHub's OpenAPI description (@octokit/openapi) references from the success answer is
 * served through MSW, and the adapter must read every item of it. Then every variant of those
 * items that the description's schema allows by one change (an optional field left out, a
 * nullable one set to null) is served in one list, and none may be skipped: our schemas must be
 * no stricter than GitHub's. Runs for github.com (api.github.com.json) and GHES 3.17.
 */
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { server } from '@mocks/node'
import { createGitHubProvider } from '@/providers/github/adapter.ts'
import type { GitProvider, ProviderTarget, RepoRef } from '@/providers/types.ts'
import { allowedVariants, examplesOf, resolve, type DescriptionFile } from './github-openapi.ts'

type Row = Record<string, unknown>
type Method = 'get' | 'post'

const repo: RepoRef = { id: 'octocat/Hello-World', fullName: 'octocat/Hello-World' }

/** What each operation is, where MSW serves it, and how the adapter reaches it. */
interface Operation {
  method: Method
  /** The path as GitHub's description writes it. */
  path: string
  /** The list inside the answer (search wraps its items). */
  list?: (body: Row) => unknown[]
  /** Calls the adapter and returns what identifies each item it read, in GitHub's order. */
  read: (provider: GitProvider, example: (path: string) => unknown) => Promise<unknown[]>
  /** What identifies an item of GitHub's answer, to compare with `read`. */
  key: (item: Row) => unknown
}

const operations: Operation[] = [
  {
    method: 'get',
    path: '/user',
    read: async (provider) => [(await provider.verify()).account?.login],
    key: (user) => user.login,
  },
  {
    method: 'get',
    path: '/user/emails',
    read: async (provider) => (await provider.verify()).account?.emails ?? [],
    key: (entry) => (entry.verified === true ? entry.email : undefined),
  },
  {
    method: 'get',
    path: '/user/orgs',
    read: async (provider) => (await provider.listOwners()).slice(1).map((owner) => owner.name),
    key: (org) => org.login,
  },
  {
    method: 'get',
    path: '/user/repos',
    read: async (provider) => (await provider.listRepositories({})).items.map((r) => r.fullName),
    key: (item) => item.full_name,
  },
  {
    method: 'get',
    path: '/orgs/{org}/repos',
    read: async (provider, example) => {
      const [org] = example('/user/orgs') as Row[]
      const page = await provider.listRepositories({ owner: String(org?.login) })
      return page.items.map((r) => r.fullName)
    },
    key: (item) => item.full_name,
  },
  {
    method: 'get',
    path: '/users/{username}/repos',
    read: async (provider) =>
      (await provider.listRepositories({ owner: 'not-a-known-owner' })).items.map(
        (r) => r.fullName,
      ),
    key: (item) => item.full_name,
  },
  {
    method: 'get',
    path: '/search/repositories',
    list: (body) => body.items as unknown[],
    read: async (provider) =>
      (await provider.listRepositories({ search: 'tetris' })).items.map((r) => r.fullName),
    key: (item) => item.full_name,
  },
  {
    method: 'get',
    path: '/repos/{owner}/{repo}',
    read: async (provider) => {
      const branches = await provider.listBranches(repo, {})
      return [branches.items.find((branch) => branch.isDefault)?.name ?? null]
    },
    key: () => null,
  },
  {
    method: 'get',
    path: '/repos/{owner}/{repo}/branches',
    read: async (provider) => (await provider.listBranches(repo, {})).items.map((b) => b.name),
    key: (branch) => branch.name,
  },
  {
    method: 'get',
    path: '/repos/{owner}/{repo}/tags',
    read: async (provider) => (await provider.listTags(repo, {})).items.map((tag) => tag.name),
    key: (tag) => tag.name,
  },
  {
    method: 'get',
    path: '/repos/{owner}/{repo}/releases',
    read: async (provider) => (await provider.listReleases(repo, {})).items.map((r) => r.tagName),
    key: (release) => release.tag_name,
  },
  {
    method: 'get',
    path: '/repos/{owner}/{repo}/commits',
    read: async (provider) =>
      (await provider.listCommits(repo, { ref: 'main' })).items.map((commit) => commit.sha),
    key: (commit) => commit.sha,
  },
  {
    method: 'get',
    path: '/repos/{owner}/{repo}/hooks',
    read: async (provider) => (await provider.listWebhooks(repo)).map((hook) => hook.id),
    key: (hook) => String(hook.id),
  },
  {
    method: 'post',
    path: '/repos/{owner}/{repo}/hooks',
    read: async (provider) => [
      (await provider.createWebhook(repo, { url: 'https://receiver.example/h', secret: 's' })).id,
    ],
    key: (hook) => String(hook.id),
  },
  {
    method: 'get',
    path: '/repos/{owner}/{repo}/hooks/{hook_id}/deliveries',
    read: async (provider) =>
      (await provider.listWebhookDeliveries(repo, '1', {})).items.map((d) => d.id),
    key: (delivery) => String(delivery.id),
  },
]

const targets: Record<DescriptionFile, { target: ProviderTarget; api: string }> = {
  'api.github.com.json': { target: { type: 'github' }, api: 'https://api.github.com' },
  'ghes-3.17.json': {
    target: { type: 'github-enterprise', baseUrl: 'https://ghe.example.com' },
    api: 'https://ghe.example.com/api/v3',
  },
}

/** A JSON answer of any parsed example (HttpResponse.json wants a typed body). */
function json(body: unknown, status = 200): Response {
  return new HttpResponse(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
  })
}

function isRow(value: unknown): value is Row {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function itemsOf(operation: Operation, body: unknown): unknown[] {
  if (operation.list && isRow(body)) return operation.list(body)
  return Array.isArray(body) ? body : [body]
}

/** The answer with its items replaced (search keeps its envelope; a single object stays one). */
function withItems(operation: Operation, body: unknown, items: unknown[]): unknown {
  if (operation.list && isRow(body)) return { ...body, total_count: items.length, items }
  return Array.isArray(body) ? items : items[0]
}

for (const [file, { target, api }] of Object.entries(targets) as [
  DescriptionFile,
  (typeof targets)[DescriptionFile],
][]) {
  describe(`GitHub's published examples (${file})`, () => {
    const firstExample = (path: string, method: Method = 'get') =>
      examplesOf(file, method, path).examples[0]?.value

    /** Every operation answers its first example, except the one under test. */
    function serve(under: Operation, body: unknown) {
      server.use(
        ...operations.map((operation) => {
          const url = api + operation.path.replace(/\{(\w+)\}/g, ':$1')
          const answer = operation === under ? body : firstExample(operation.path, operation.method)
          return operation.method === 'post'
            ? http.post(url, () => json(answer, 201))
            : http.get(url, () => json(answer))
        }),
      )
    }

    const provider = () => createGitHubProvider(target, { token: 'ghp_' + 'a'.repeat(36) })

    for (const operation of operations) {
      const label = `${operation.method.toUpperCase()} ${operation.path}`
      const { schema, examples } = examplesOf(file, operation.method, operation.path)

      for (const example of examples) {
        it(`reads every item of ${label} example "${example.name}"`, async () => {
          serve(operation, example.value)
          const expected = itemsOf(operation, example.value)
            .filter(isRow)
            .map(operation.key)
            .filter((key) => key !== undefined)
          const read = await operation.read(provider(), (path) => firstExample(path))
          if (operation.path === '/repos/{owner}/{repo}') {
            const info = example.value as Row
            expect(read).toEqual([info.default_branch])
          } else {
            // The adapter may reorder (the default branch first): what matters is that none is lost.
            expect([...read].sort()).toEqual([...expected].sort())
          }
        })
      }

      it(`reads what ${label}'s schema allows: each optional field absent, each nullable null`, async () => {
        const body = examples[0]?.value
        const itemSchema = resolve(file, schema).items ?? schema
        const searchItems = operation.list ? resolve(file, schema).properties?.items?.items : null
        const variants = itemsOf(operation, body).flatMap((item) =>
          allowedVariants(file, searchItems ?? itemSchema, item),
        )
        const single = !Array.isArray(body) && !operation.list
        const batches = single ? variants.map((variant) => [variant]) : [variants]
        for (const batch of batches) {
          if (batch.length === 0) continue
          serve(
            operation,
            withItems(
              operation,
              body,
              batch.map((variant) => variant.value),
            ),
          )
          let failure: string | null = null
          const read = await operation
            .read(provider(), (path) => firstExample(path))
            .catch((error: unknown) => {
              failure = error instanceof Error ? error.message : 'failed'
              return []
            })
          const expected = batch.map((variant) => ({ change: variant.change, read: true }))
          const got = batch.map((variant, index) => ({
            change: variant.change,
            read: failure ?? read[index] !== undefined,
          }))
          if (operation.path === '/user/emails' || operation.path === '/repos/{owner}/{repo}') {
            // What these return is not one entry per item; reading without failing is the proof.
            expect(failure).toBeNull()
          } else {
            expect(got).toEqual(expected)
          }
        }
      })
    }
  })
}
