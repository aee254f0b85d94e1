/**
 * The simulated providers' repositories, branches, commits, tags and releases: generated from a
 * seed, the same on every run, computed on demand so that 10,000 repositories with long histories
 * cost nothing until asked for. Each provider's handlers shape these plain values into its own API.
 */

import { HOSTILE_COMMIT_COUNT, hostileBranches, hostileCommit } from './hostile.ts'
import {
  MANY_REFS_COMMIT_COUNT,
  MANY_REFS_DESCRIPTION,
  MANY_REFS_REPOSITORY,
  MANY_REFS_TAG_COUNT,
  manyRefsBranches,
  manyRefsHasRelease,
  manyRefsTagName,
} from './many-refs.ts'

export type DemoProvider = 'github' | 'gitlab' | 'bitbucket' | 'azure-devops'

export interface DemoIdentity {
  name: string
  email: string
}

export interface DemoRepository {
  /** Stable numeric id, unique within a provider. */
  id: number
  owner: string
  name: string
  description: string | null
  private: boolean
  archived: boolean
  fork: boolean
  defaultBranch: string
  createdAt: string
  updatedAt: string
  language: string
  /** Served only by `hostile.` hosts (see hostile.ts): every value is an attack on the page. */
  hostile?: true
  /** The repository with 124 branches and 5,000 tags (see many-refs.ts). */
  manyRefs?: true
}

export interface DemoCommit {
  sha: string
  parentSha: string | null
  message: string
  author: DemoIdentity
  committer: DemoIdentity
  date: string
}

export interface DemoTag {
  name: string
  sha: string
  /** Annotated tags carry a message; every third tag is lightweight. */
  message: string | null
  /** When the tag was made: its commit's date for the catalog's, the publish time for later ones. */
  date: string
  /** Where its commit lies: the branch and how many commits back from that branch's tip. */
  branch: string
  commitIndex: number
}

export interface DemoRelease {
  id: number
  tagName: string
  name: string
  body: string
  draft: boolean
  prerelease: boolean
  publishedAt: string | null
  author: DemoIdentity
}

/** Who the demo account is on each provider: its commits use these identities. */
export const selfIdentities: Record<DemoProvider, DemoIdentity[]> = {
  github: [
    { name: 'Mona Demo', email: 'mona.demo@example.com' },
    { name: 'Mona Demo', email: '583231+octo-demo@users.noreply.github.com' },
  ],
  gitlab: [{ name: 'Dana Demo', email: 'dana.demo@example.com' }],
  bitbucket: [{ name: 'Bea Demo', email: 'bea@example.com' }],
  'azure-devops': [{ name: 'Ada Demo', email: 'ada.demo@contoso.example' }],
}

/** Other people who commit. Some have provider accounts linked to these emails, some do not. */
export const otherIdentities: DemoIdentity[] = [
  { name: 'Lin Park', email: 'lin.park@example.com' },
  { name: 'Sam Okafor', email: 'sam@okafor.dev' },
  { name: 'Priya Raman', email: 'priya.raman@example.org' },
  { name: 'Jonas Weber', email: 'jweber@corp.example' },
  { name: 'Ana Lima', email: '1045633+analima@users.noreply.github.com' },
  { name: 'dependabot[bot]', email: '49699333+dependabot[bot]@users.noreply.github.com' },
]

interface OwnerPlan {
  owner: string
  count: number
}

/** How many repositories each owner has. GitHub's demo account carries the 10,000 of the budget. */
const plans: Record<DemoProvider, OwnerPlan[]> = {
  github: [
    { owner: 'octo-demo', count: 1_200 },
    { owner: 'acme-platform', count: 6_300 },
    { owner: 'acme-web', count: 2_500 },
  ],
  gitlab: [
    { owner: 'gitlab-demo', count: 150 },
    { owner: 'platform', count: 900 },
    { owner: 'platform/tools', count: 250 },
  ],
  bitbucket: [
    { owner: 'bea-demo', count: 40 },
    { owner: 'tidewater-labs', count: 260 },
  ],
  'azure-devops': [
    { owner: 'Fabrikam', count: 45 },
    { owner: 'Contoso Web', count: 30 },
    { owner: 'Release Engineering', count: 25 },
    { owner: 'Sandbox', count: 20 },
  ],
}

/** The first repositories of each provider are hand-named, so demos and tests can find them. */
const featured: Record<DemoProvider, { owner: string; name: string; description: string }[]> = {
  github: [
    {
      owner: 'octo-demo',
      name: 'git-connector',
      description: 'Connect git providers from the browser.',
    },
    { owner: 'acme-platform', name: 'release-bot', description: 'Publishes releases on tag.' },
    { owner: 'acme-web', name: 'storefront', description: 'The public web shop.' },
  ],
  gitlab: [
    { owner: 'gitlab-demo', name: 'dotfiles', description: 'My shell and editor setup.' },
    { owner: 'platform', name: 'deploy-pipeline', description: 'Shared CI templates.' },
  ],
  bitbucket: [
    { owner: 'bea-demo', name: 'website', description: 'Personal site.' },
    { owner: 'tidewater-labs', name: 'tide-api', description: 'Tide prediction API.' },
  ],
  'azure-devops': [
    { owner: 'Fabrikam', name: 'Fabrikam-Fiber', description: 'Service desk application.' },
  ],
}
/** Where each provider keeps its many-refs repository (many-refs.ts). */
const manyRefsOwner: Record<DemoProvider, string> = {
  github: 'acme-platform',
  gitlab: 'platform',
  bitbucket: 'tidewater-labs',
  'azure-devops': 'Fabrikam',
}

const WORDS = [
  'api',
  'web',
  'app',
  'service',
  'worker',
  'gateway',
  'auth',
  'billing',
  'search',
  'docs',
  'infra',
  'mobile',
  'ios',
  'android',
  'cli',
  'sdk',
  'events',
  'metrics',
  'ledger',
  'catalog',
  'checkout',
  'inventory',
  'notify',
  'media',
  'uploads',
  'reports',
  'admin',
  'portal',
  'sync',
  'cache',
]
const LANGUAGES = ['TypeScript', 'Go', 'Python', 'Rust', 'Java', 'Kotlin', 'Ruby', 'C#', 'Swift']
const SUBJECTS = [
  'Fix flaky test in',
  'Add retries to',
  'Refactor',
  'Bump dependencies of',
  'Document',
  'Speed up',
  'Handle empty input in',
  'Log errors from',
  'Remove dead code in',
  'Tidy up',
]
/** A fixed "now" so that dates are the same on every run; close to the project's present. */
const EPOCH = Date.parse('2026-11-20T12:00:00Z')
const HOUR = 3_600_000

/** FNV-1a: a string to a 32-bit seed. */
function hash(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/** mulberry32: a small seeded generator, enough for plausible demo data. */
function random(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

function pick<T>(items: readonly T[], next: () => number): T {
  return items[Math.floor(next() * items.length)] as T
}

/** A 40-hex sha, stable for the same input. */
export function demoSha(...parts: (string | number)[]): string {
  let out = ''
  let seed = hash(parts.join('\u0000'))
  while (out.length < 40) {
    seed = hash(`${seed}:${out.length}`)
    out += seed.toString(16).padStart(8, '0')
  }
  return out.slice(0, 40)
}

/** A GUID-shaped id (8-4-4-4-12 hex), stable for the same input. */
export function demoGuid(...parts: (string | number)[]): string {
  const hex = demoSha('guid', ...parts)
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}

const repositoryCache = new Map<DemoProvider, DemoRepository[]>()

/** Every repository of a provider, most recently updated first. */
export function demoRepositories(provider: DemoProvider): DemoRepository[] {
  const cached = repositoryCache.get(provider)
  if (cached) return cached
  const repos: DemoRepository[] = []
  let id = 1000
  for (const entry of featured[provider]) {
    const next = random(hash(`${provider}/${entry.owner}/${entry.name}`))
    repos.push(makeRepository(++id, entry.owner, entry.name, entry.description, next, repos.length))
  }
  {
    const owner = manyRefsOwner[provider]
    const next = random(hash(`${provider}/${owner}/${MANY_REFS_REPOSITORY}`))
    const repo = makeRepository(
      ++id,
      owner,
      MANY_REFS_REPOSITORY,
      MANY_REFS_DESCRIPTION,
      next,
      repos.length,
    )
    repos.push({ ...repo, defaultBranch: 'main', manyRefs: true })
  }
  for (const { owner, count } of plans[provider]) {
    const already = repos.filter((repo) => repo.owner === owner).length
    for (let index = already; index < count; index++) {
      const next = random(hash(`${provider}/${owner}/${index}`))
      const name = `${pick(WORDS, next)}-${pick(WORDS, next)}-${index}`
      repos.push(makeRepository(++id, owner, name, null, next, repos.length))
    }
  }
  repos.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.id - b.id)
  repositoryCache.set(provider, repos)
  return repos
}

function makeRepository(
  id: number,
  owner: string,
  name: string,
  description: string | null,
  next: () => number,
  position: number,
): DemoRepository {
  // Featured repositories are the most recently active; the rest spread over three years.
  const ageHours = position < 5 ? position * 3 + 1 : Math.floor(next() * 26_000) + 24
  const updatedAt = new Date(EPOCH - ageHours * HOUR).toISOString()
  return {
    id,
    owner,
    name,
    description:
      description ?? (next() < 0.7 ? `The ${name.split('-')[0] ?? name} service.` : null),
    private: next() < 0.55,
    archived: position >= 5 && next() < 0.06,
    fork: position >= 5 && next() < 0.08,
    defaultBranch: next() < 0.85 ? 'main' : 'master',
    createdAt: new Date(
      EPOCH - (ageHours + 2_000 + Math.floor(next() * 20_000)) * HOUR,
    ).toISOString(),
    updatedAt,
    language: pick(LANGUAGES, next),
  }
}

export function findDemoRepository(
  provider: DemoProvider,
  owner: string,
  name: string,
): DemoRepository | undefined {
  const lowerOwner = owner.toLowerCase()
  const lowerName = name.toLowerCase()
  return demoRepositories(provider).find(
    (repo) => repo.owner.toLowerCase() === lowerOwner && repo.name.toLowerCase() === lowerName,
  )
}

/** The default branch first, then the others by name. */
export function demoBranches(repo: DemoRepository): string[] {
  if (repo.hostile) return hostileBranches
  if (repo.manyRefs) return [repo.defaultBranch, ...manyRefsBranches()]
  const next = random(hash(`branches/${repo.id}`))
  const extra = Math.floor(next() * 12) + 2
  const names = new Set<string>(['develop'])
  for (let i = 0; names.size < extra; i++) {
    names.add(i % 3 === 0 ? `release/1.${i}` : `feature/${pick(WORDS, next)}-${i}`)
  }
  return [repo.defaultBranch, ...[...names].sort()]
}

/** How many commits a branch has: long histories on default branches, shorter elsewhere. */
export function demoCommitCount(repo: DemoRepository, branch: string): number {
  if (repo.hostile) return HOSTILE_COMMIT_COUNT
  if (repo.manyRefs && branch === repo.defaultBranch) return MANY_REFS_COMMIT_COUNT
  const next = random(hash(`count/${repo.id}/${branch}`))
  return branch === repo.defaultBranch
    ? 150 + Math.floor(next() * 1_200)
    : 5 + Math.floor(next() * 60)
}

/** The commit `index` steps back from the tip of a branch (0 is the head). */
export function demoCommitAt(
  provider: DemoProvider,
  repo: DemoRepository,
  branch: string,
  index: number,
): DemoCommit {
  const next = random(hash(`commit/${repo.id}/${branch}/${index}`))
  const roster = [...selfIdentities[provider], ...otherIdentities]
  const author = roster[Math.floor(next() * roster.length)] as DemoIdentity
  const date = new Date(
    Date.parse(repo.updatedAt) - index * 7 * HOUR - Math.floor(next() * 5) * HOUR,
  )
  const count = demoCommitCount(repo, branch)
  const hostile = repo.hostile ? hostileCommit(index) : null
  return {
    sha: demoSha(repo.id, branch, index),
    parentSha: index + 1 < count ? demoSha(repo.id, branch, index + 1) : null,
    message:
      hostile?.message ??
      `${pick(SUBJECTS, next)} ${pick(WORDS, next)}\n\nPart of the ${branch} work.`,
    author: hostile?.author ?? author,
    // On GitHub, web edits and merges are committed by GitHub itself ("web-flow").
    committer:
      provider === 'github' && next() < 0.15 && !hostile
        ? { name: 'GitHub', email: 'noreply@github.com' }
        : (hostile?.author ?? author),
    date: date.toISOString(),
  }
}

/** The tip of a branch (the default branch unless named): what a new tag points at by default. */
export function demoBranchHead(
  provider: DemoProvider,
  repo: DemoRepository,
  branch: string = repo.defaultBranch,
): DemoCommit {
  return demoCommitAt(provider, repo, branch, 0)
}

/**
 * Where a commit lies, from its full or abbreviated (7+ hex) sha: the first branch (default branch
 * first) and position that has it, or null. Walks whole histories, so it is for one-off lookups.
 */
export function locateDemoCommit(
  repo: DemoRepository,
  sha: string,
): { branch: string; index: number } | null {
  if (!/^[0-9a-f]{7,40}$/i.test(sha)) return null
  const wanted = sha.toLowerCase()
  for (const branch of demoBranches(repo)) {
    const count = demoCommitCount(repo, branch)
    for (let index = 0; index < count; index++) {
      if (demoSha(repo.id, branch, index).startsWith(wanted)) return { branch, index }
    }
  }
  return null
}

/** Commits `from` to `from + count` (exclusive) back from the tip of a branch. */
export function demoCommits(
  provider: DemoProvider,
  repo: DemoRepository,
  branch: string,
  from: number,
  count: number,
): DemoCommit[] {
  const total = demoCommitCount(repo, branch)
  const commits: DemoCommit[] = []
  for (let index = from; index < Math.min(total, from + count); index++) {
    commits.push(demoCommitAt(provider, repo, branch, index))
  }
  return commits
}

const tagCache = new Map<string, DemoTag[]>()

/**
 * Tags on the default branch every 30 commits, newest first (the many-refs repository: one on each
 * of its 5,000 newest commits but two). Computed once per repository: the list is pure.
 */
export function demoTags(provider: DemoProvider, repo: DemoRepository): DemoTag[] {
  const key = `${provider}/${repo.id}`
  const cached = tagCache.get(key)
  if (cached) return cached
  const total = demoCommitCount(repo, repo.defaultBranch)
  const count = repo.manyRefs ? MANY_REFS_TAG_COUNT : Math.floor(total / 30)
  const tags: DemoTag[] = []
  for (let i = 0; i < count; i++) {
    const commitIndex = repo.manyRefs ? i + 2 : i * 30 + 2
    const commit = demoCommitAt(provider, repo, repo.defaultBranch, commitIndex)
    const version = repo.manyRefs ? manyRefsTagName(i) : `v1.${count - 1 - i}.0`
    tags.push({
      name: version,
      sha: commit.sha,
      message: i % 3 === 2 ? null : `Release ${version}`,
      date: commit.date,
      branch: repo.defaultBranch,
      commitIndex,
    })
  }
  tagCache.set(key, tags)
  return tags
}

/** Releases for most tags, newest first; the newest may be a draft or a pre-release. */
export function demoReleases(provider: DemoProvider, repo: DemoRepository): DemoRelease[] {
  return demoTags(provider, repo)
    .filter((tag, index) => (repo.manyRefs ? manyRefsHasRelease(tag.name) : index % 4 !== 3))
    .map((tag, index) => {
      const draft = index === 0 && repo.id % 5 === 0
      return {
        id: repo.id * 1000 + index,
        tagName: tag.name,
        name: `${repo.name} ${tag.name}`,
        body: `## Changes\n\n- Improvements to ${repo.name}.`,
        draft,
        prerelease: index === 0 && repo.id % 7 === 0,
        publishedAt: draft ? null : tag.date,
        author: selfIdentities[provider][0] as DemoIdentity,
      }
    })
}
