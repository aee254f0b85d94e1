/**
 * The one place that turns a connection into an adapter. Each adapter is a lazy chunk, so a person
 * with only a GitLab connection never downloads Octokit.
 */
import type {
  ConnectionType,
  Credentials,
  GitProvider,
  ProviderHints,
  ProviderTarget,
} from '@/providers/types.ts'
import type { GitProviderFactory } from '@/providers/types.ts'

const factories: Record<ConnectionType, () => Promise<GitProviderFactory>> = {
  github: () => import('@/providers/github/adapter.ts').then((m) => m.createGitHubProvider),
  'github-enterprise': () =>
    import('@/providers/github/adapter.ts').then((m) => m.createGitHubProvider),
  gitlab: () => import('@/providers/gitlab/adapter.ts').then((m) => m.createGitLabProvider),
  'gitlab-self-managed': () =>
    import('@/providers/gitlab/adapter.ts').then((m) => m.createGitLabProvider),
  bitbucket: () =>
    import('@/providers/bitbucket/adapter.ts').then((m) => m.createBitbucketProvider),
  'azure-devops': () =>
    import('@/providers/azure-devops/adapter.ts').then((m) => m.createAzureDevOpsProvider),
  'azure-devops-server': () =>
    import('@/providers/azure-devops/adapter.ts').then((m) => m.createAzureDevOpsProvider),
  'custom-git': () =>
    import('@/providers/custom-git/adapter.ts').then((m) => m.createCustomGitProvider),
}

export async function providerFor(
  target: ProviderTarget,
  credentials: Credentials,
  hints?: ProviderHints,
): Promise<GitProvider> {
  const factory = await factories[target.type]()
  return factory(target, credentials, hints)
}

/** Loads a type's adapter chunk ahead of need (the connections page does it while idle). */
export function preloadAdapter(type: ConnectionType): void {
  // A failed preload is retried, and reported, by the real use.
  factories[type]().catch(() => undefined)
}
