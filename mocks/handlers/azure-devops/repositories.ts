/** Git repositories: the payload, the ones a route may see, and the repository routes. */
import { http, HttpResponse, type RequestHandler } from 'msw'
import type { DemoRepository } from '../../data/catalog.ts'
import {
  azureDemoRepositories,
  azureRepositoryId,
  findAzureProject,
} from '../../data/azure-devops.ts'
import { notFound } from './errors.ts'
import { guarded } from './guard.ts'
import { projectOf, projectPayload } from './projects.ts'
import type { Site } from './site.ts'

export function webUrlOf(site: Site, repo: DemoRepository): string {
  return `${site.base}/${encodeURIComponent(repo.owner)}/_git/${encodeURIComponent(repo.name)}`
}

/** GitRepository, as `GET _apis/git/repositories[/{id}]` returns it. */
function repository(site: Site, repo: DemoRepository) {
  const project = projectOf(repo)
  const id = azureRepositoryId(repo)
  const web = webUrlOf(site, repo)
  const host = new URL(site.base).host
  const organization = site.base.slice(site.base.lastIndexOf('/') + 1)
  return {
    id,
    name: repo.name,
    url: `${site.base}/${project.id}/_apis/git/repositories/${id}`,
    project: projectPayload(site, project),
    defaultBranch: `refs/heads/${repo.defaultBranch}`,
    size: 2_097_152 + repo.id * 1_337,
    // Services puts the organization in the clone URL's user part.
    remoteUrl: site.server ? web : web.replace('https://', `https://${organization}@`),
    sshUrl: site.server
      ? `ssh://${host}:22${new URL(web).pathname}`
      : `git@ssh.dev.azure.com:v3/${organization}/${encodeURIComponent(repo.owner)}/${encodeURIComponent(repo.name)}`,
    webUrl: web,
    isDisabled: repo.archived,
    isInMaintenance: false,
    isFork: repo.fork,
  }
}

/** The repositories a route may see: all of the collection, or one project's. */
function scopedRepositories(site: Site): DemoRepository[] | Response {
  if (site.project === null) return azureDemoRepositories()
  const project = findAzureProject(site.project)
  if (!project) {
    return notFound(
      'ProjectDoesNotExistWithNameException',
      `TF200016: The following project does not exist: ${site.project}. Verify that the name of the project is correct and that the project exists on the specified Azure DevOps Server.`,
    )
  }
  return azureDemoRepositories().filter((repo) => repo.owner === project.name)
}

export function findRepository(site: Site, idOrName: string): DemoRepository | Response {
  const scoped = scopedRepositories(site)
  if (scoped instanceof Response) return scoped
  const wanted = decodeURIComponent(idOrName).toLowerCase()
  const repo = scoped.find(
    (entry) => azureRepositoryId(entry) === wanted || entry.name.toLowerCase() === wanted,
  )
  return (
    repo ??
    notFound(
      'GitRepositoryNotFoundException',
      `TF401019: The Git repository with name or identifier ${idOrName} does not exist or you do not have permissions for the operation you are attempting.`,
    )
  )
}

export const repositoryHandlers: RequestHandler[] = [
  http.get(
    '*/_apis/git/repositories',
    guarded((_request, site) => {
      // No paging and no search: Azure returns every repository the caller can see.
      const scoped = scopedRepositories(site)
      if (scoped instanceof Response) return scoped
      const value = scoped.map((repo) => repository(site, repo))
      return HttpResponse.json({ count: value.length, value })
    }),
  ),

  http.get(
    '*/_apis/git/repositories/:repositoryId',
    guarded((_request, site, params) => {
      const repo = findRepository(site, String(params.repositoryId))
      return repo instanceof Response ? repo : HttpResponse.json(repository(site, repo))
    }),
  ),
]
