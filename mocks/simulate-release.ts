/**
 * Publishing a release on a simulated provider, as the demo-control endpoint and tests do: a tag
 * (and a release, where the provider has releases) appears first in the repository's lists, and
 * every active webhook on the repository that listens for it gets a delivery, answered 200 by the
 * simulated receiver.
 */
import {
  demoBranchHead,
  demoCommitAt,
  demoGuid,
  locateDemoCommit,
  selfIdentities,
  type DemoIdentity,
  type DemoProvider,
  type DemoRelease,
  type DemoTag,
} from './data/catalog.ts'
import { findRepositoryTag, repositoryReleases, repositoryTags } from './published-refs.ts'
import { releasePayload, type ReleaseEvent } from './release-payloads.ts'
import { addressOf, repositoryAt } from './repository-address.ts'
import {
  addMockDelivery,
  mockState,
  mockWebhooksOf,
  type MockDelivery,
  type MockWebhook,
} from './state.ts'

export interface SimulatedRelease {
  provider: DemoProvider
  /** As the provider addresses it: the same string as MockWebhook.repository. */
  repository: string
  tag: string
  /** The release's title; `{repository name} {tag}` when left out. */
  name?: string
  /** The commit to tag (full or 7+ hex); the default branch's head when left out. */
  sha?: string
}

export interface SimulatedReleaseResult {
  tag: DemoTag
  /** Null on providers without releases (Bitbucket, Azure DevOps). */
  release: DemoRelease | null
  /** Oldest first, in the order the provider sent them. */
  deliveries: MockDelivery[]
}

/** What the caller got wrong: the demo-control endpoint answers 400 with this message. */
export class SimulationError extends Error {
  override name = 'SimulationError'
}

/**
 * The deliveries a published release causes, in the order the provider sends them, and the hook
 * events (or GitHub's `*`) that subscribe to each. Bitbucket and Azure DevOps have no release or
 * tag event: a new tag arrives as a push.
 */
const DELIVERIES: Record<
  DemoProvider,
  { subscribedBy: string[]; event: string; action: string | null }[]
> = {
  github: [
    { subscribedBy: ['create', '*'], event: 'create', action: null },
    { subscribedBy: ['release', '*'], event: 'release', action: 'published' },
  ],
  gitlab: [
    { subscribedBy: ['tag_push_events'], event: 'tag_push_hooks', action: null },
    { subscribedBy: ['releases_events'], event: 'release_hooks', action: 'create' },
  ],
  bitbucket: [{ subscribedBy: ['repo:push'], event: 'repo:push', action: null }],
  'azure-devops': [{ subscribedBy: ['git.push'], event: 'git.push', action: null }],
}

const HAS_RELEASES: Record<DemoProvider, boolean> = {
  github: true,
  gitlab: true,
  bitbucket: false,
  'azure-devops': false,
}

/** Git's ref-name rules, the parts a typed tag name is likely to break. */
function checkTagName(tag: string): void {
  const valid =
    tag.length > 0 &&
    tag.length <= 100 &&
    /^[A-Za-z0-9._/+-]+$/.test(tag) &&
    !/^[-/.]|[/.]$|\.\.|\/\/|\.lock$/.test(tag)
  if (!valid) throw new SimulationError(`"${tag}" is not a valid tag name.`)
}

/** Published now, but never before the newest tag or release already there. */
function publishTime(tags: DemoTag[], releases: DemoRelease[]): string {
  const times = [
    ...tags.map((tag) => Date.parse(tag.date)),
    ...releases.map((release) => Date.parse(release.publishedAt ?? '')),
  ].filter((time) => Number.isFinite(time))
  return new Date(Math.max(Date.now(), Math.max(0, ...times) + 1_000)).toISOString()
}

function deliver(hook: MockWebhook, context: ReleaseEvent): MockDelivery[] {
  if (!hook.active) return []
  return DELIVERIES[context.provider]
    .filter(({ subscribedBy }) => subscribedBy.some((event) => hook.events.includes(event)))
    .map(({ event, action }) =>
      addMockDelivery({
        hookId: hook.id,
        // One per event, shared by every hook it reaches (and the same on every run).
        guid: demoGuid(context.provider, context.address, context.tag.name, event),
        event,
        action,
        payload: releasePayload(event, context),
      }),
    )
}

export function simulateRelease(input: SimulatedRelease): SimulatedReleaseResult {
  const { provider } = input
  const repo = repositoryAt(provider, input.repository)
  if (!repo) throw new SimulationError(`${provider} has no repository "${input.repository}".`)
  const name = input.tag.trim()
  checkTagName(name)
  if (findRepositoryTag(provider, repo, name)) {
    throw new SimulationError(`The tag ${name} already exists in ${repo.owner}/${repo.name}.`)
  }
  const location = input.sha
    ? locateDemoCommit(repo, input.sha.trim())
    : { branch: repo.defaultBranch, index: 0 }
  if (!location) {
    throw new SimulationError(`${repo.owner}/${repo.name} has no commit ${input.sha ?? ''}.`)
  }
  const commit = input.sha
    ? demoCommitAt(provider, repo, location.branch, location.index)
    : demoBranchHead(provider, repo)
  const date = publishTime(repositoryTags(provider, repo), repositoryReleases(provider, repo))

  const tag: DemoTag = {
    name,
    sha: commit.sha,
    message: `Release ${name}`,
    date,
    branch: location.branch,
    commitIndex: location.index,
  }
  mockState.tags.push({ provider, repositoryId: repo.id, value: tag })

  let release: DemoRelease | null = null
  if (HAS_RELEASES[provider]) {
    release = {
      id: mockState.nextReleaseId++,
      tagName: name,
      name: input.name?.trim() || `${repo.name} ${name}`,
      body: `Published from the demo control panel.`,
      draft: false,
      prerelease: false,
      publishedAt: date,
      author: selfIdentities[provider][0] as DemoIdentity,
    }
    mockState.releases.push({ provider, repositoryId: repo.id, value: release })
  }

  const address = addressOf(provider, repo)
  const context: ReleaseEvent = { provider, repo, address, tag, release }
  const deliveries = mockWebhooksOf(provider, address).flatMap((hook) => deliver(hook, context))
  return { tag, release, deliveries }
}
