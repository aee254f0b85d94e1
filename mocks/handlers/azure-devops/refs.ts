/** Refs: branches and tags (annotated ones peeled on request). */
import { http, type RequestHandler } from 'msw'
import { demoBranches, demoCommitAt, demoSha, type DemoRepository } from '../../data/catalog.ts'
import { repositoryTags } from '../../published-refs.ts'
import { azureRepositoryId, azureServicesDemoUser } from '../../data/azure-devops.ts'
import { guarded } from './guard.ts'
import { continued } from './paging.ts'
import { projectOf } from './projects.ts'
import { findRepository } from './repositories.ts'

const creator = {
  displayName: 'Ada Demo',
  id: azureServicesDemoUser.id,
  uniqueName: 'ada.demo@contoso.example',
  descriptor: azureServicesDemoUser.subjectDescriptor,
}

interface DemoRef {
  name: string
  objectId: string
  peeledObjectId?: string
}

function refsOf(repo: DemoRepository, peelTags: boolean): DemoRef[] {
  const branches = demoBranches(repo).map((name) => ({
    name: `refs/heads/${name}`,
    objectId: demoCommitAt('azure-devops', repo, name, 0).sha,
  }))
  // Annotated tags are objects of their own; `peelTags` adds the commit they point at.
  const tags = repositoryTags('azure-devops', repo).map((tag) =>
    tag.message === null
      ? { name: `refs/tags/${tag.name}`, objectId: tag.sha }
      : {
          name: `refs/tags/${tag.name}`,
          objectId: demoSha('annotated-tag', repo.id, tag.name),
          ...(peelTags ? { peeledObjectId: tag.sha } : {}),
        },
  )
  return [...branches, ...tags].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
}

export const refHandlers: RequestHandler[] = [
  http.get(
    '*/_apis/git/repositories/:repositoryId/refs',
    guarded((request, site, params) => {
      const repo = findRepository(site, String(params.repositoryId))
      if (repo instanceof Response) return repo
      const search = new URL(request.url).searchParams
      const filter = `refs/${search.get('filter') ?? ''}`
      const contains = (search.get('filterContains') ?? '').toLowerCase()
      const refs = refsOf(repo, search.get('peelTags') === 'true')
        .filter((ref) => ref.name.startsWith(filter))
        .filter((ref) => ref.name.slice(filter.length).toLowerCase().includes(contains))
      const url = `${site.base}/${projectOf(repo).id}/_apis/git/repositories/${azureRepositoryId(repo)}`
      return continued(
        request,
        refs.map((ref) => ({
          ...ref,
          creator,
          url: `${url}/refs?filter=${encodeURIComponent(ref.name.slice('refs/'.length))}`,
        })),
        1000,
      )
    }),
  ),
]
