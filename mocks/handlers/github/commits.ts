/** Commits: the list (paged by `Link` only) and a single commit. */
import type { RequestHandler } from 'msw'
import {
  demoCommitAt,
  demoCommitCount,
  demoCommits,
  demoSha,
  type DemoCommit,
  type DemoIdentity,
  type DemoRepository,
} from '../../data/catalog.ts'
import { githubAccountForEmail, type GitHubLinkedAccount } from '../../data/github.ts'
import { HOSTILE_EMAIL, HOSTILE_URL, hostileAccount } from '../../data/hostile.ts'
import { failure, route, type Context } from './context.ts'
import { jsonWithEtag } from './etag.ts'
import { linkHeader, pageWindow } from './pagination.ts'
import { simpleUser } from './payloads.ts'
import { resolveRef } from './refs.ts'
import { fullNameOf, withRepository } from './repositories.ts'
import type { Site } from './site.ts'

function gitPerson(identity: DemoIdentity, date: string) {
  return { name: identity.name, email: identity.email, date: date.replace(/\.\d{3}Z$/, 'Z') }
}

function linkedUser(site: Site, email: string) {
  if (email === HOSTILE_EMAIL) return simpleUser(site, hostileAccount)
  const account: GitHubLinkedAccount | null = githubAccountForEmail(email)
  return account ? simpleUser(site, account) : null
}

function commitPayload(site: Site, repo: DemoRepository, commit: DemoCommit) {
  const url = `${site.api}/repos/${fullNameOf(repo)}`
  const html = `${site.web}/${fullNameOf(repo)}`
  const byWeb = commit.committer.email === 'noreply@github.com'
  const tree = demoSha('tree', commit.sha)
  return {
    sha: commit.sha,
    node_id: `C_kwDO${commit.sha.slice(0, 12)}`,
    commit: {
      author: gitPerson(commit.author, commit.date),
      committer: gitPerson(commit.committer, commit.date),
      message: commit.message,
      tree: { sha: tree, url: `${url}/git/trees/${tree}` },
      url: `${url}/git/commits/${commit.sha}`,
      comment_count: 0,
      // GitHub signs what it commits itself (web edits, merges).
      verification: {
        verified: byWeb,
        reason: byWeb ? 'valid' : 'unsigned',
        signature: null,
        payload: null,
        verified_at: byWeb ? gitPerson(commit.committer, commit.date).date : null,
      },
    },
    url: `${url}/commits/${commit.sha}`,
    html_url: repo.hostile ? HOSTILE_URL : `${html}/commit/${commit.sha}`,
    comments_url: `${url}/commits/${commit.sha}/comments`,
    author: linkedUser(site, commit.author.email),
    committer: linkedUser(site, commit.committer.email),
    parents: commit.parentSha
      ? [
          {
            sha: commit.parentSha,
            url: `${url}/commits/${commit.parentSha}`,
            html_url: `${html}/commit/${commit.parentSha}`,
          },
        ]
      : [],
  }
}

/** https://docs.github.com/en/rest/commits/commits#list-commits */
function listCommits(context: Context, repo: DemoRepository): Response {
  const ref = new URL(context.request.url).searchParams.get('sha')
  const start = resolveRef(repo, ref)
  if (!start) {
    return failure(
      context,
      404,
      `No commit found for SHA: ${ref ?? ''}`,
      'commits/commits#list-commits',
    )
  }
  const total = demoCommitCount(repo, start.branch) - start.index
  const window = pageWindow(context.request)
  const from = start.index + (window.page - 1) * window.perPage
  const commits = demoCommits('github', repo, start.branch, from, window.perPage)
  const link = linkHeader(context.request, window, Math.max(1, Math.ceil(total / window.perPage)))
  return jsonWithEtag(
    context,
    commits.map((commit) => commitPayload(context.site, repo, commit)),
    { link },
  )
}

/** https://docs.github.com/en/rest/commits/commits#get-a-commit (the list item shape, no files). */
function getCommit(context: Context, repo: DemoRepository): Response {
  const start = resolveRef(repo, context.params.ref ?? null)
  if (!start) {
    return failure(
      context,
      422,
      `No commit found for SHA: ${context.params.ref ?? ''}`,
      'commits/commits#get-a-commit',
    )
  }
  return jsonWithEtag(
    context,
    commitPayload(context.site, repo, demoCommitAt('github', repo, start.branch, start.index)),
  )
}

export const commitHandlers: RequestHandler[] = [
  ...route(
    'get',
    '/repos/:owner/:repo/commits',
    withRepository('commits/commits#list-commits', listCommits),
  ),
  ...route(
    'get',
    '/repos/:owner/:repo/commits/:ref',
    withRepository('commits/commits#get-a-commit', getCommit),
  ),
]
