/** Projects: the payload, a repository's project, and the project list. */
import { http, type RequestHandler } from 'msw'
import type { DemoRepository } from '../../data/catalog.ts'
import {
  azureDemoProjects,
  findAzureProject,
  type AzureDemoProject,
} from '../../data/azure-devops.ts'
import { guarded } from './guard.ts'
import { continued } from './paging.ts'
import type { Site } from './site.ts'

export function projectPayload(site: Site, project: AzureDemoProject, revision = 400) {
  return {
    id: project.id,
    name: project.name,
    description: project.description,
    url: `${site.base}/_apis/projects/${project.id}`,
    state: 'wellFormed',
    revision,
    visibility: project.visibility,
    lastUpdateTime: project.lastUpdateTime,
  }
}

export function projectOf(repo: DemoRepository): AzureDemoProject {
  const project = findAzureProject(repo.owner)
  if (!project) throw new Error(`No demo project ${repo.owner}`)
  return project
}

export const projectHandlers: RequestHandler[] = [
  http.get(
    '*/_apis/projects',
    guarded((request, site) =>
      continued(
        request,
        azureDemoProjects.map((project, index) => projectPayload(site, project, 400 + index)),
        100,
      ),
    ),
  ),
]
