/**
 * Simulated Azure DevOps Services (`https://dev.azure.com/{org}`) and Server (any other host; the
 * collection is the path before `/_apis`, or before `/{project}/_apis`). Any PAT works except
 * `revoked`. Every organization and collection holds the same demo projects and repositories;
 * service-hook subscriptions live in mocks/state.
 */
import { http, HttpResponse, type RequestHandler } from 'msw'
import {
  demoBranches,
  demoCommitAt,
  demoCommitCount,
  demoSha,
  demoTags,
  type DemoRepository,
} from '../data/catalog.ts'
import {
  AZURE_DEVOPS_SERVICES,
  AZURE_LATEST_VERSION,
  AZURE_MISSING_MARKER,
  AZURE_OLD_SERVER_MARKER,
  AZURE_OLD_SERVER_VERSION,
  azureDemoProjects,
  azureDemoRepositories,
  azureGuid,
  azureRepositoryId,
  azureServerDemoUser,
  azureServicesDemoUser,
  findAzureProject,
  type AzureDemoProject,
} from '../data/azure-devops.ts'
import { addMockWebhook, mockState, type MockWebhook } from '../state.ts'

interface Site {
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
function siteOf(request: Request): Site {
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

/** Azure DevOps' JSON error envelope (WrappedException). */
function azureError(status: number, typeKey: string, message: string) {
  return HttpResponse.json(
    {
      $id: '1',
      innerException: null,
      message,
      typeName: `Microsoft.VisualStudio.Services.WebApi.${typeKey}, Microsoft.VisualStudio.Services.WebApi`,
      typeKey,
      errorCode: 0,
      eventId: 3000,
    },
    { status },
  )
}

/**
 * Services answers a bad PAT with an HTML "you do not have access" page and a WWW-Authenticate
 * challenge; Server with a TF400813 JSON error. (Exact bodies unconfirmed; status and type are.)
 */
function unauthorized(site: Site) {
  if (site.server) {
    return azureError(
      401,
      'UnauthorizedRequestException',
      'TF400813: Resource not available for anonymous access. Client authentication required.',
    )
  }
  return new HttpResponse(
    '<!DOCTYPE html><html><head><title>Azure DevOps Services | Unauthorized</title></head><body><h1>401 - Uh-oh, you do not have access.</h1></body></html>',
    {
      status: 401,
      headers: {
        'Content-Type': 'text/html; charset=utf-8',
        'WWW-Authenticate':
          'Bearer authorization_uri=https://login.microsoftonline.com/common, Basic realm="https://tfsprodweu6.visualstudio.com/", TFS-Federated',
      },
    },
  )
}

function patOf(request: Request): string | null {
  const match = /^Basic (.+)$/i.exec(request.headers.get('authorization') ?? '')
  if (!match?.[1]) return null
  try {
    const decoded = atob(match[1])
    return decoded.slice(decoded.indexOf(':') + 1) || null
  } catch {
    return null
  }
}

function newer(a: string, b: string): boolean {
  const [aMajor = 0, aMinor = 0] = a.split('.').map(Number)
  const [bMajor = 0, bMinor = 0] = b.split('.').map(Number)
  return aMajor > bMajor || (aMajor === bMajor && aMinor > bMinor)
}

/** Auth, unknown organization/collection and API version checks shared by every endpoint. */
function guard(request: Request, site: Site): Response | null {
  const pat = patOf(request)
  if (pat === null || pat === 'revoked') return unauthorized(site)
  if (
    site.base
      .slice(site.base.lastIndexOf('/') + 1)
      .toLowerCase()
      .includes(AZURE_MISSING_MARKER)
  ) {
    return site.server
      ? azureError(
          404,
          'CollectionDoesNotExistException',
          `The project collection at ${site.base} does not exist.`,
        )
      : azureError(
          404,
          'AccountNotFoundException',
          `The organization ${site.base} could not be found.`,
        )
  }
  // "7.1-preview.1" asks for 7.1.
  const requested = /^(\d+\.\d+)/.exec(
    new URL(request.url).searchParams.get('api-version') ?? '',
  )?.[1]
  if (requested && newer(requested, site.maxVersion)) {
    return azureError(
      400,
      'VssVersionOutOfRangeException',
      `The requested REST API version of ${requested} is out of range for this server. The latest REST API version this server supports is ${site.maxVersion}.`,
    )
  }
  return null
}

function projectPayload(site: Site, project: AzureDemoProject, revision = 400) {
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

function projectOf(repo: DemoRepository): AzureDemoProject {
  const project = findAzureProject(repo.owner)
  if (!project) throw new Error(`No demo project ${repo.owner}`)
  return project
}

function webUrlOf(site: Site, repo: DemoRepository): string {
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

function notFound(typeKey: string, message: string) {
  return azureError(404, typeKey, message)
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

function findRepository(site: Site, idOrName: string): DemoRepository | Response {
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
  const tags = demoTags('azure-devops', repo).map((tag) =>
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

/**
 * `$top` and a continuation token in `x-ms-continuationtoken` (opaque to clients; here the
 * base64 of the next index), as refs and projects do it.
 */
function decodeToken(token: string): number | null {
  try {
    const value = Number(atob(token))
    return Number.isInteger(value) && value >= 0 ? value : null
  } catch {
    return null
  }
}

function continued(request: Request, values: unknown[], fallbackTop: number) {
  const params = new URL(request.url).searchParams
  const top = Math.max(Number(params.get('$top')) || fallbackTop, 1)
  const token = params.get('continuationToken')
  const start = token === null ? Number(params.get('$skip')) || 0 : decodeToken(token)
  if (start === null) {
    return azureError(
      400,
      'InvalidContinuationTokenException',
      'The continuation token is not valid.',
    )
  }
  const value = values.slice(start, start + top)
  const headers: Record<string, string> =
    start + top < values.length ? { 'x-ms-continuationtoken': btoa(String(start + top)) } : {}
  return HttpResponse.json({ count: value.length, value }, { headers })
}

/** Where a commit list starts: a branch's tip, a tag's commit, or a commit of the default branch. */
function commitStart(repo: DemoRepository, version: string, type: string) {
  if (type === 'branch') {
    return demoBranches(repo).includes(version) ? { branch: version, from: 0 } : null
  }
  const sha =
    type === 'tag'
      ? demoTags('azure-devops', repo).find((tag) => tag.name === version)?.sha
      : version.toLowerCase()
  const total = demoCommitCount(repo, repo.defaultBranch)
  for (let index = 0; sha !== undefined && index < total; index++) {
    if (demoCommitAt('azure-devops', repo, repo.defaultBranch, index).sha === sha) {
      return { branch: repo.defaultBranch, from: index }
    }
  }
  return null
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

/** The subscription's secret header, masked the way Azure masks confidential inputs. */
function maskedConsumerInputs(stored: MockWebhook) {
  const inputs = (stored.extra.consumerInputs ?? {}) as Record<string, string>
  return {
    ...inputs,
    ...(inputs.httpHeaders === undefined ? {} : { httpHeaders: '********' }),
  }
}

function subscription(site: Site, stored: MockWebhook) {
  const id = String(stored.extra.subscriptionId)
  const user = site.server ? azureServerDemoUser : azureServicesDemoUser
  const by = { displayName: user.providerDisplayName, id: user.id }
  return {
    id,
    url: `${site.base}/_apis/hooks/subscriptions/${id}`,
    status: stored.active ? 'enabled' : 'disabledByUser',
    publisherId: stored.extra.publisherId,
    eventType: stored.events[0],
    resourceVersion: stored.extra.resourceVersion,
    eventDescription: `Any push to repository ${String(stored.extra.repositoryName)}`,
    consumerId: stored.extra.consumerId,
    consumerActionId: stored.extra.consumerActionId,
    actionDescription: `To host ${new URL(stored.url).host}`,
    createdBy: by,
    createdDate: stored.createdAt,
    modifiedBy: by,
    modifiedDate: stored.createdAt,
    publisherInputs: stored.extra.publisherInputs,
    consumerInputs: maskedConsumerInputs(stored),
  }
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {}
}

function strings(value: unknown): Record<string, string> {
  return Object.fromEntries(
    Object.entries(record(value)).filter(
      (pair): pair is [string, string] => typeof pair[1] === 'string',
    ),
  )
}

/** `Name:value` lines; the demo keeps the value of the header the adapter sends. */
function secretHeader(headers: string | undefined): string | null {
  const line = headers
    ?.split(/\r?\n/)
    .find((entry) => entry.toLowerCase().startsWith('x-git-connector-secret:'))
  return line ? line.slice(line.indexOf(':') + 1) : null
}

/** Runs the shared checks, then the route. */
function guarded(
  resolve: (
    request: Request,
    site: Site,
    params: Record<string, unknown>,
  ) => Response | Promise<Response>,
) {
  return ({ request, params }: { request: Request; params: Record<string, unknown> }) => {
    const site = siteOf(request)
    const refused = guard(request, site)
    if (refused) return refused
    return resolve(request, site, params)
  }
}

export const azureDevOpsHandlers: RequestHandler[] = [
  http.get('*/_apis/connectionData', ({ request }) => {
    const site = siteOf(request)
    const refused = guard(request, site)
    if (refused) return refused
    const user = site.server ? azureServerDemoUser : azureServicesDemoUser
    return HttpResponse.json({
      authenticatedUser: user,
      authorizedUser: user,
      instanceId: '4a7f6c2e-9d1b-4e3a-8f5c-0b2d6e9a1c37',
      deploymentId: 'b1c9e5a3-6f2d-4c8e-a0b7-3d5f9e2a4c61',
      deploymentType: site.server ? 'onPremises' : 'hosted',
      locationServiceData: {
        serviceOwner: '00025394-6065-48ca-87d9-7f5672854ef7',
        defaultAccessMappingMoniker: 'PublicAccessMapping',
        lastChangeId: 286450131,
        lastChangeId64: 286450131,
      },
    })
  }),

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

  http.get(
    '*/_apis/hooks/subscriptions',
    guarded((request, site) => {
      const publisher = new URL(request.url).searchParams.get('publisherId')
      const value = [...mockState.webhooks.values()]
        .filter((hook) => hook.provider === 'azure-devops')
        .filter((hook) => publisher === null || hook.extra.publisherId === publisher)
        .map((hook) => subscription(site, hook))
      return HttpResponse.json({ count: value.length, value })
    }),
  ),

  http.post(
    '*/_apis/hooks/subscriptions',
    guarded(async (request, site) => {
      const body = record(await request.json().catch(() => null))
      const publisherInputs = strings(body.publisherInputs)
      const consumerInputs = strings(body.consumerInputs)
      const repo = azureDemoRepositories().find(
        (entry) => azureRepositoryId(entry) === publisherInputs.repository,
      )
      const url = consumerInputs.url ?? ''
      if (
        typeof body.eventType !== 'string' ||
        !repo ||
        publisherInputs.projectId !== projectOf(repo).id ||
        !/^https?:\/\//.test(url)
      ) {
        return azureError(
          400,
          'InvalidSubscriptionException',
          'The subscription is not valid: check the publisher and consumer inputs.',
        )
      }
      const id = mockState.nextWebhookId
      const stored = addMockWebhook({
        provider: 'azure-devops',
        repository: azureRepositoryId(repo),
        url,
        events: [body.eventType],
        secret: secretHeader(consumerInputs.httpHeaders),
        active: true,
        extra: {
          subscriptionId: azureGuid('subscription', id),
          repositoryName: repo.name,
          publisherId: body.publisherId,
          resourceVersion: body.resourceVersion,
          consumerId: body.consumerId,
          consumerActionId: body.consumerActionId,
          publisherInputs: { ...publisherInputs, tfsSubscriptionId: azureGuid('tfs', id) },
          consumerInputs,
        },
      })
      return HttpResponse.json(subscription(site, stored))
    }),
  ),

  http.delete(
    '*/_apis/hooks/subscriptions/:subscriptionId',
    guarded((_request, _site, params) => {
      const stored = [...mockState.webhooks.values()].find(
        (hook) =>
          hook.provider === 'azure-devops' && hook.extra.subscriptionId === params.subscriptionId,
      )
      if (!stored) {
        return notFound(
          'SubscriptionNotFoundException',
          `Subscription ${String(params.subscriptionId)} does not exist.`,
        )
      }
      mockState.webhooks.delete(stored.id)
      return new HttpResponse(null, { status: 204 })
    }),
  ),
]
