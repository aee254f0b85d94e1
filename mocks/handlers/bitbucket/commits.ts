/** Commits: the payload, where a ref's history starts, and the commit list. */
import { http, HttpResponse, type RequestHandler } from 'msw'
import {
  demoBranches,
  locateDemoCommit,
  demoCommitAt,
  demoCommitCount,
  type DemoCommit,
  type DemoRepository,
} from '../../data/catalog.ts'
import { BITBUCKET_API } from '../../data/bitbucket.ts'
import { findRepositoryTag } from '../../published-refs.ts'
import { authorizedRepository, error, pathAfter, REPO } from './context.ts'
import { author, repositoryRef, WEB } from './payloads.ts'

export function commit(repo: DemoRepository, entry: DemoCommit) {
  const fullName = `${repo.owner}/${repo.name}`
  const message = `${entry.message}\n`
  return {
    type: 'commit',
    hash: entry.sha,
    date: entry.date,
    author: author(entry.author),
    message,
    summary: { type: 'rendered', raw: message, markup: 'markdown', html: '' },
    parents: entry.parentSha
      ? [
          {
            type: 'commit',
            hash: entry.parentSha,
            links: { html: { href: `${WEB}/${fullName}/commits/${entry.parentSha}` } },
          },
        ]
      : [],
    repository: repositoryRef(repo),
    links: {
      self: { href: `${BITBUCKET_API}/repositories/${fullName}/commit/${entry.sha}` },
      html: { href: `${WEB}/${fullName}/commits/${entry.sha}` },
    },
  }
}

/**
 * A branch lists from its tip, a tag from its commit, a sha from that commit down its
 * branch.
 */
function commitStart(repo: DemoRepository, ref: string) {
  if (demoBranches(repo).includes(ref)) return { branch: ref, from: 0 }
  const tag = findRepositoryTag('bitbucket', repo, ref)
  if (tag) return { branch: tag.branch, from: tag.commitIndex }
  // Any commit of any branch, as on Bitbucket (a branch head's sha is what Trigger Build asks).
  const found = /^[0-9a-f]{40}$/.test(ref) ? locateDemoCommit(repo, ref) : null
  return found ? { branch: found.branch, from: found.index } : null
}

/** Commits are paged without `size` (Bitbucket does not count history) and built on demand. */
function commitPage(request: Request, repo: DemoRepository, ref: string, from: number) {
  const url = new URL(request.url)
  const pagelen = Math.min(Math.max(Number(url.searchParams.get('pagelen')) || 30, 1), 100)
  const page = Math.max(Number(url.searchParams.get('page')) || 1, 1)
  const total = demoCommitCount(repo, ref)
  const start = from + (page - 1) * pagelen
  const values: unknown[] = []
  for (let index = start; index < Math.min(total, start + pagelen); index++) {
    values.push(commit(repo, demoCommitAt('bitbucket', repo, ref, index)))
  }
  const body: Record<string, unknown> = { pagelen, page, values }
  if (start + pagelen < total) {
    url.searchParams.set('page', String(page + 1))
    body.next = url.toString()
  }
  return body
}

export const commitHandlers: RequestHandler[] = [
  http.get(`${REPO}/commits/*`, ({ request, params }) => {
    const found = authorizedRepository(request, params)
    if ('refused' in found) return found.refused
    const ref = pathAfter(request, '/commits/')
    const { repo } = found
    const start = commitStart(repo, ref)
    if (!start) return error(404, `Revision ${ref} not found`)
    return HttpResponse.json(commitPage(request, repo, start.branch, start.from))
  }),
]
