/** Commits: the payload, where `ref_name` starts, and the commit list. */
import { http, type RequestHandler } from 'msw'
import {
  demoBranches,
  demoCommitCount,
  demoCommits,
  demoSha,
  type DemoCommit,
  type DemoRepository,
} from '../../data/catalog.ts'
import { findRepositoryTag } from '../../published-refs.ts'
import { API, json, time, webRoot } from './context.ts'
import { pagination } from './pagination.ts'
import { projectUrls } from './project-payloads.ts'
import { withProject } from './projects.ts'

/** Commits the catalog says "GitHub" made (web edits, merges) are GitLab's here. */
function committerOf(commit: DemoCommit) {
  return commit.committer.email === 'noreply@github.com'
    ? { name: 'GitLab', email: 'noreply@gitlab.com' }
    : commit.committer
}

export function commitPayload(commit: DemoCommit, projectWeb: string) {
  const committer = committerOf(commit)
  const title = commit.message.split('\n')[0] ?? commit.message
  return {
    id: commit.sha,
    short_id: commit.sha.slice(0, 8),
    created_at: time(commit.date),
    parent_ids: commit.parentSha ? [commit.parentSha] : [],
    title,
    message: commit.message,
    author_name: commit.author.name,
    author_email: commit.author.email,
    authored_date: time(commit.date),
    committer_name: committer.name,
    committer_email: committer.email,
    committed_date: time(commit.date),
    trailers: {},
    extended_trailers: {},
    web_url: `${projectWeb}/-/commit/${commit.sha}`,
  }
}

/** Where `ref_name` starts: a branch's tip, a tag's commit, or a commit sha on some branch. */
function resolveRef(repo: DemoRepository, ref: string): { branch: string; from: number } | null {
  const branches = demoBranches(repo)
  if (branches.includes(ref)) return { branch: ref, from: 0 }
  const tag = findRepositoryTag('gitlab', repo, ref)
  if (tag) return { branch: tag.branch, from: tag.commitIndex }
  if (/^[0-9a-f]{7,40}$/i.test(ref)) {
    for (const branch of branches) {
      const count = demoCommitCount(repo, branch)
      for (let index = 0; index < count; index++) {
        if (demoSha(repo.id, branch, index).startsWith(ref.toLowerCase()))
          return { branch, from: index }
      }
    }
  }
  return null
}

export const commitHandlers: RequestHandler[] = [
  // https://docs.gitlab.com/api/commits/#list-repository-commits — no x-total, ever.
  http.get(
    `${API}/projects/:id/repository/commits`,
    withProject(({ request, url }, repo) => {
      const start = resolveRef(repo, url.searchParams.get('ref_name') || repo.defaultBranch)
      const total = start ? demoCommitCount(repo, start.branch) - start.from : 0
      const { offset, perPage, headers } = pagination(url, total, { withTotal: false })
      // Only the requested page is computed: histories run to 1,350 commits.
      const commits = start
        ? demoCommits(
            'gitlab',
            repo,
            start.branch,
            start.from + offset,
            Math.min(perPage, total - offset),
          )
        : []
      const projectWeb = projectUrls(repo, webRoot(url)).web_url
      return json(
        request,
        commits.map((commit) => commitPayload(commit, projectWeb)),
        { headers },
      )
    }),
  ),
]
