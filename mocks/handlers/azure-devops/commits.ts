/** Commits: where a list starts, the commit payload, and the commit list. */
import { http, HttpResponse, type RequestHandler } from 'msw'
import {
  demoBranches,
  locateDemoCommit,
  demoCommitAt,
  demoCommitCount,
  type DemoRepository,
} from '../../data/catalog.ts'
import { azureRepositoryId } from '../../data/azure-devops.ts'
import { findRepositoryTag } from '../../published-refs.ts'
import { notFound } from './errors.ts'
import { guarded } from './guard.ts'
import { projectOf } from './projects.ts'
import { findRepository, webUrlOf } from './repositories.ts'
import type { Site } from './site.ts'

/** Where a commit list starts: a branch's tip, a tag's commit, or any commit of any branch. */
function commitStart(repo: DemoRepository, version: string, type: string) {
  if (type === 'branch') {
    return demoBranches(repo).includes(version) ? { branch: version, from: 0 } : null
  }
  if (type === 'tag') {
    const tag = findRepositoryTag('azure-devops', repo, version)
    return tag ? { branch: tag.branch, from: tag.commitIndex } : null
  }
  const sha = version.toLowerCase()
  // Any commit of any branch, as on Azure DevOps (a branch head's sha is what Trigger Build asks).
  const found = /^[0-9a-f]{40}$/.test(sha) ? locateDemoCommit(repo, sha) : null
  return found ? { branch: found.branch, from: found.index } : null
}

function commitRef(site: Site, repo: DemoRepository, branch: string, index: number) {
  const entry = demoCommitAt('azure-devops', repo, branch, index)
  const person = (identity: { name: string; email: string }) => ({ ...identity, date: entry.date })
  return {
    commitId: entry.sha,
    author: person(entry.author),
    committer: person(entry.committer),
    comment: entry.message,
    changeCounts: { Add: index % 3, Edit: 1 + (index % 4), Delete: index % 2 },
    url: `${site.base}/${projectOf(repo).id}/_apis/git/repositories/${azureRepositoryId(repo)}/commits/${entry.sha}`,
    remoteUrl: `${webUrlOf(site, repo)}/commit/${entry.sha}`,
  }
}

export const commitHandlers: RequestHandler[] = [
  http.get(
    '*/_apis/git/repositories/:repositoryId/commits',
    guarded((request, site, params) => {
      const repo = findRepository(site, String(params.repositoryId))
      if (repo instanceof Response) return repo
      const search = new URL(request.url).searchParams
      const version = search.get('searchCriteria.itemVersion.version') ?? repo.defaultBranch
      const type = search.get('searchCriteria.itemVersion.versionType') ?? 'branch'
      const start = commitStart(repo, version, type)
      if (!start) {
        return notFound(
          'GitUnresolvableToCommitException',
          `TF401175:The version descriptor <${type[0]?.toUpperCase() ?? ''}${type.slice(1)}: ${version}> could not be resolved to a version in the repository ${repo.name}`,
        )
      }
      const top = Math.max(Number(search.get('searchCriteria.$top')) || 100, 1)
      const skip = Math.max(Number(search.get('searchCriteria.$skip')) || 0, 0)
      const total = demoCommitCount(repo, start.branch)
      const value = []
      for (
        let index = start.from + skip;
        index < Math.min(total, start.from + skip + top);
        index++
      ) {
        value.push(commitRef(site, repo, start.branch, index))
      }
      return HttpResponse.json({ count: value.length, value })
    }),
  ),
]
