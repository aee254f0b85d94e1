/** Services or Server, the organization or collection URL, and the project a path names. */
import {
  AZURE_DEVOPS_SERVICES,
  AZURE_LATEST_VERSION,
  AZURE_OLD_SERVER_MARKER,
  AZURE_OLD_SERVER_VERSION,
  findAzureProject,
} from '../../data/azure-devops.ts'

export interface Site {
  server: boolean
  /** Organization URL or collection URL. */
  base: string
  maxVersion: string
  /** The `{project}` segment before `/_apis`, decoded, when the route is project-scoped. */
  project: string | null
}

/**
 * Services URLs are `/{org}[/{project}]/_apis/…`. Server collection paths have any depth
 * (`/tfs/DefaultCollection`), so a last segment that names a demo project is taken as the project.
 */
export function siteOf(request: Request): Site {
  const url = new URL(request.url)
  const segments = url.pathname
    .slice(0, url.pathname.indexOf('/_apis'))
    .split('/')
    .filter((segment) => segment !== '')
  const server = url.origin !== AZURE_DEVOPS_SERVICES
  const last = decodeURIComponent(segments.at(-1) ?? '')
  const scoped = server
    ? segments.length >= 2 && findAzureProject(last) !== undefined
    : segments.length >= 2
  const base =
    url.origin +
    segments
      .slice(0, scoped ? -1 : undefined)
      .map((s) => `/${s}`)
      .join('')
  const old = server && base.includes(AZURE_OLD_SERVER_MARKER)
  return {
    server,
    base,
    maxVersion: old ? AZURE_OLD_SERVER_VERSION : AZURE_LATEST_VERSION,
    project: scoped ? last : null,
  }
}
