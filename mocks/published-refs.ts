/**
 * A repository's tags and releases as the simulated providers list them: those published during
 * the session (mocks/simulate-release.ts) first, newest first, then the catalog's. Every handler
 * that lists or resolves tags and releases reads them from here, so a published tag shows up in
 * tag lists, release lists and commit lookups alike.
 */
import {
  demoReleases,
  demoTags,
  type DemoProvider,
  type DemoRelease,
  type DemoRepository,
  type DemoTag,
} from './data/catalog.ts'
import { mockState, type Published } from './state.ts'

function publishedOn<T>(
  entries: Published<T>[],
  provider: DemoProvider,
  repo: DemoRepository,
): T[] {
  return entries
    .filter((entry) => entry.provider === provider && entry.repositoryId === repo.id)
    .map((entry) => entry.value)
    .reverse()
}

export function repositoryTags(provider: DemoProvider, repo: DemoRepository): DemoTag[] {
  return [...publishedOn(mockState.tags, provider, repo), ...demoTags(provider, repo)]
}

export function repositoryReleases(provider: DemoProvider, repo: DemoRepository): DemoRelease[] {
  return [...publishedOn(mockState.releases, provider, repo), ...demoReleases(provider, repo)]
}

export function findRepositoryTag(
  provider: DemoProvider,
  repo: DemoRepository,
  name: string,
): DemoTag | undefined {
  return repositoryTags(provider, repo).find((tag) => tag.name === name)
}
