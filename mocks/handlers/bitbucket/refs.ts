/** Branches and tags. */
import { http, HttpResponse, type RequestHandler } from 'msw'
import {
  demoBranches,
  demoCommitAt,
  type DemoRepository,
  type DemoTag,
} from '../../data/catalog.ts'
import { BITBUCKET_API } from '../../data/bitbucket.ts'
import { repositoryTags } from '../../published-refs.ts'
import { commit } from './commits.ts'
import { authorizedRepository, error, pathAfter, REPO } from './context.ts'
import { nameFilter, paginate, sorted } from './listing.ts'
import { author, WEB } from './payloads.ts'

function branch(repo: DemoRepository, name: string) {
  const fullName = `${repo.owner}/${repo.name}`
  return {
    type: 'branch',
    name,
    target: commit(repo, demoCommitAt('bitbucket', repo, name, 0)),
    merge_strategies: ['merge_commit', 'squash', 'fast_forward'],
    default_merge_strategy: 'merge_commit',
    links: {
      self: { href: `${BITBUCKET_API}/repositories/${fullName}/refs/branches/${name}` },
      commits: { href: `${BITBUCKET_API}/repositories/${fullName}/commits/${name}` },
      html: { href: `${WEB}/${fullName}/branch/${name}` },
    },
  }
}

const targetDates = new Map<string, string>()

/** The date of the commit a tag points at: what `sort=-target.date` orders by. Pure: cached. */
function targetDate(repo: DemoRepository, entry: DemoTag): string {
  const key = `${repo.id}/${entry.branch}/${entry.commitIndex}`
  let date = targetDates.get(key)
  if (date === undefined) {
    date = demoCommitAt('bitbucket', repo, entry.branch, entry.commitIndex).date
    targetDates.set(key, date)
  }
  return date
}

/** Lightweight tags carry no message, date or tagger; annotated ones all three. */
function tag(repo: DemoRepository, entry: DemoTag) {
  const fullName = `${repo.owner}/${repo.name}`
  const head = demoCommitAt('bitbucket', repo, repo.defaultBranch, 0)
  const annotated = entry.message !== null
  return {
    type: 'tag',
    name: entry.name,
    message: annotated ? `${entry.message}\n` : null,
    date: annotated ? entry.date : null,
    tagger: annotated ? author(head.author) : null,
    target: {
      type: 'commit',
      hash: entry.sha,
      date: targetDate(repo, entry),
      links: { html: { href: `${WEB}/${fullName}/commits/${entry.sha}` } },
    },
    links: {
      self: { href: `${BITBUCKET_API}/repositories/${fullName}/refs/tags/${entry.name}` },
      html: { href: `${WEB}/${fullName}/src/${entry.name}` },
    },
  }
}

export const refHandlers: RequestHandler[] = [
  http.get(`${REPO}/refs/branches`, ({ request, params }) => {
    const found = authorizedRepository(request, params)
    if ('refused' in found) return found.refused
    const filter = nameFilter(request)
    if (filter instanceof Response) return filter
    const { repo } = found
    const names = demoBranches(repo).filter(filter)
    const ordered = sorted(request, names, {
      name: (name) => name,
      'target.date': (name) => demoCommitAt('bitbucket', repo, name, 0).date,
    })
    return HttpResponse.json(
      paginate(
        request,
        ordered.map((name) => branch(repo, name)),
      ),
    )
  }),

  http.get(`${REPO}/refs/branches/*`, ({ request, params }) => {
    const found = authorizedRepository(request, params)
    if ('refused' in found) return found.refused
    const name = pathAfter(request, '/refs/branches/')
    if (!demoBranches(found.repo).includes(name)) return error(404, `Branch "${name}" not found`)
    return HttpResponse.json(branch(found.repo, name))
  }),

  http.get(`${REPO}/refs/tags`, ({ request, params }) => {
    const found = authorizedRepository(request, params)
    if ('refused' in found) return found.refused
    const filter = nameFilter(request)
    if (filter instanceof Response) return filter
    const { repo } = found
    const tags = sorted(
      request,
      repositoryTags('bitbucket', repo).filter((entry) => filter(entry.name)),
      { name: (entry) => entry.name, 'target.date': (entry) => targetDate(repo, entry) },
    )
    // Only the page's own tags are shaped: 5,000 payloads per page made the demo crawl.
    const body = paginate(request, tags)
    return HttpResponse.json({
      ...body,
      values: (body.values as DemoTag[]).map((entry) => tag(repo, entry)),
    })
  }),
]
