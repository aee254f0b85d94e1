/**
 * How each simulated provider addresses a catalog repository, the way MockWebhook.repository
 * stores it: `owner/name` on GitHub and Bitbucket, the numeric project id on GitLab (its full path
 * is accepted too), the repository GUID on Azure DevOps.
 */
import { azureRepositoryId } from './data/azure-devops.ts'
import {
  demoRepositories,
  findDemoRepository,
  type DemoProvider,
  type DemoRepository,
} from './data/catalog.ts'

export function addressOf(provider: DemoProvider, repo: DemoRepository): string {
  switch (provider) {
    case 'gitlab':
      return String(repo.id)
    case 'azure-devops':
      return azureRepositoryId(repo)
    case 'github':
    case 'bitbucket':
      return `${repo.owner}/${repo.name}`
  }
}

/** The catalog repository an address names, or undefined. */
export function repositoryAt(provider: DemoProvider, address: string): DemoRepository | undefined {
  const wanted = address.trim().toLowerCase()
  if (provider === 'gitlab' || provider === 'azure-devops') {
    return demoRepositories(provider).find(
      (repo) =>
        addressOf(provider, repo).toLowerCase() === wanted ||
        `${repo.owner}/${repo.name}`.toLowerCase() === wanted,
    )
  }
  const slash = wanted.indexOf('/')
  if (slash < 0) return undefined
  return findDemoRepository(provider, wanted.slice(0, slash), wanted.slice(slash + 1))
}
