/**
 * Azure DevOps owners are projects: `GET _apis/projects`, paged by the `x-ms-continuationtoken`
 * response header.
 */
import { z } from 'zod'
import type { Owner } from '../types.ts'
import type { AzureContext } from './context.ts'
import { list } from './schemas.ts'

const ProjectPage = list(z.object({ id: z.string(), name: z.string() }))
type ProjectPage = z.infer<typeof ProjectPage>
/** A runaway token chain stops here (10,000 projects). */
const MAX_PAGES = 100

export async function listProjects(context: AzureContext, signal?: AbortSignal): Promise<Owner[]> {
  const owners: Owner[] = []
  let token: string | null = null
  for (let pages = 0; pages === 0 || (token !== null && pages < MAX_PAGES); pages++) {
    const response: { data: ProjectPage; headers: Headers } = await context.send('_apis/projects', {
      validate: (v) => ProjectPage.parse(v),
      query: { $top: 100, continuationToken: token ?? undefined },
      signal,
    })
    for (const project of response.data.value) {
      owners.push({
        id: project.id,
        name: project.name,
        displayName: null,
        kind: 'project',
        avatarUrl: null,
      })
    }
    // The header may be hidden from cross-origin scripts (research §4.1): then one page it is.
    token = response.headers.get('x-ms-continuationtoken')
  }
  return owners
}
