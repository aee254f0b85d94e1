/**
 * The parts of GitHub's REST payloads the adapter reads, checked with zod before anything typed by
 * Octokit is trusted (a GHES host behind a proxy can answer 200 with anything). What is required or
 * nullable follows GitHub's OpenAPI description (@octokit/openapi, api.github.com.json and
 * ghes-3.17.json agree on every field read here); lists are read item by item (parse-items.ts).
 * https://docs.github.com/en/rest/repos/repos, /branches/branches, /commits/commits,
 * /repos/repos#list-repository-tags, /releases/releases, /repos/webhooks, /orgs/orgs
 */
import { z } from 'zod'
import { ProviderError } from '../errors.ts'
import { itemsOf } from '../parse-items.ts'

/** A user or bot object (`owner`, `author`…); GitHub sends `{}` or null when nobody is linked. */
const GitHubAccount = z.object({
  login: z.string().optional(),
  id: z.number().optional(),
  avatar_url: z.string().nullish(),
})

/** `organization-simple`. */
export const GitHubOrg = z.object({
  login: z.string(),
  id: z.number(),
  avatar_url: z.string().nullish(),
  description: z.string().nullish(),
})
export type GitHubOrg = z.infer<typeof GitHubOrg>
export const GitHubOrgs = itemsOf(GitHubOrg)
export type GitHubOrgs = z.infer<typeof GitHubOrgs>

/**
 * The repository object of /user/repos (`repository`), /orgs/{org}/repos and /users/{u}/repos
 * (`minimal-repository`: no `archived`, `default_branch`, `clone_url` guaranteed),
 * /search/repositories (`repo-search-result-item`, whose `owner` is `nullable-simple-user`) and
 * /repos/{owner}/{repo} (`full-repository`).
 */
export const GitHubRepository = z.object({
  id: z.number(),
  name: z.string(),
  full_name: z.string(),
  owner: z.object({ login: z.string() }).nullish(),
  private: z.boolean(),
  description: z.string().nullish(),
  fork: z.boolean(),
  archived: z.boolean().optional(),
  default_branch: z.string().optional(),
  html_url: z.string(),
  clone_url: z.string().nullish(),
  updated_at: z.string().nullish(),
  pushed_at: z.string().nullish(),
  /** What the token's user may do; present on authenticated requests. */
  permissions: z.object({ admin: z.boolean() }).partial().optional(),
})
export type GitHubRepository = z.infer<typeof GitHubRepository>

export const GitHubRepositories = itemsOf(GitHubRepository)
export type GitHubRepositories = z.infer<typeof GitHubRepositories>

export const GitHubSearchResult = z.object({
  total_count: z.number(),
  incomplete_results: z.boolean().optional(),
  items: itemsOf(GitHubRepository),
})
export type GitHubSearchResult = z.infer<typeof GitHubSearchResult>

/** `short-branch`. */
export const GitHubBranch = z.object({
  name: z.string(),
  commit: z.object({ sha: z.string() }),
  protected: z.boolean().optional(),
})
export type GitHubBranch = z.infer<typeof GitHubBranch>
export const GitHubBranches = itemsOf(GitHubBranch)
export type GitHubBranches = z.infer<typeof GitHubBranches>

const GitPerson = z.object({
  name: z.string().nullish(),
  email: z.string().nullish(),
  date: z.string().nullish(),
})

/** `commit`: its `commit.author`/`committer` are `nullable-git-user`, every field optional. */
export const GitHubCommit = z.object({
  sha: z.string(),
  html_url: z.string().nullish(),
  commit: z.object({
    message: z.string(),
    author: GitPerson.nullish(),
    committer: GitPerson.nullish(),
  }),
  /** The GitHub account the author email is linked to; null when GitHub knows no such account. */
  author: GitHubAccount.nullish(),
})
export type GitHubCommit = z.infer<typeof GitHubCommit>
export const GitHubCommits = itemsOf(GitHubCommit)
export type GitHubCommits = z.infer<typeof GitHubCommits>

export const GitHubTag = z.object({
  name: z.string(),
  commit: z.object({ sha: z.string() }),
})
export type GitHubTag = z.infer<typeof GitHubTag>
export const GitHubTags = itemsOf(GitHubTag)
export type GitHubTags = z.infer<typeof GitHubTags>

export const GitHubRelease = z.object({
  id: z.number(),
  tag_name: z.string(),
  name: z.string().nullish(),
  body: z.string().nullish(),
  draft: z.boolean(),
  prerelease: z.boolean(),
  published_at: z.string().nullish(),
  html_url: z.string().nullish(),
  author: GitHubAccount.nullish(),
})
export type GitHubRelease = z.infer<typeof GitHubRelease>
export const GitHubReleases = itemsOf(GitHubRelease)
export type GitHubReleases = z.infer<typeof GitHubReleases>

export const GitHubHook = z.object({
  id: z.number(),
  active: z.boolean(),
  events: z.array(z.string()),
  created_at: z.string().nullish(),
  config: z.object({ url: z.string().optional() }),
})
export type GitHubHook = z.infer<typeof GitHubHook>

export const GitHubHooks = itemsOf(GitHubHook)
export type GitHubHooks = z.infer<typeof GitHubHooks>

/**
 * A delivery as the deliveries list gives it (no request or response bodies).
 * https://docs.github.com/en/rest/repos/webhooks#list-deliveries-for-a-repository-webhook
 */
export const GitHubHookDelivery = z.object({
  id: z.number(),
  delivered_at: z.string(),
  /** Seconds. */
  duration: z.number().nullish(),
  status: z.string().nullish(),
  /** 0 (or absent) when GitHub got no HTTP answer at all (timeout, refused connection). */
  status_code: z.number().nullish(),
  event: z.string(),
  action: z.string().nullish(),
})
export type GitHubHookDelivery = z.infer<typeof GitHubHookDelivery>
export const GitHubHookDeliveries = itemsOf(GitHubHookDelivery)
export type GitHubHookDeliveries = z.infer<typeof GitHubHookDeliveries>

/** A zod schema as a parser that fails with `invalid-response`, naming what could not be read. */
export function parserFor<T>(schema: z.ZodType<T>, what: string): (data: unknown) => T {
  return (data) => {
    const result = schema.safeParse(data)
    if (result.success) return result.data
    throw new ProviderError('invalid-response', `GitHub sent ${what} that could not be read.`)
  }
}
