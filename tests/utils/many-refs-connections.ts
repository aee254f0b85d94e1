/**
 * For each connection type whose simulated provider has the many-refs repository (124 branches,
 * 5,000 tags: mocks/data/many-refs.ts): a connection to save and how to address that repository.
 */
import { customGitManyRefs } from '@mocks/data/custom-git.ts'
import { azureRepositoryId } from '@mocks/data/azure-devops.ts'
import { demoSha, findDemoRepository, type DemoProvider } from '@mocks/data/catalog.ts'
import { MANY_REFS_REPOSITORY } from '@mocks/data/many-refs.ts'
import type { RepoRef } from '@/providers/types.ts'
import type { ConnectionRecord } from '@/storage/schema.ts'

export interface ManyRefsCase {
  name: string
  fields: Partial<ConnectionRecord>
  token: string
  repo: RepoRef
  /** The commit the branch `name` points at, as the simulated provider serves it. */
  headOf: (branch: string) => string
  /** Whether the type lists releases at all. */
  releases: boolean
}

function catalogCase(
  provider: DemoProvider,
  owner: string,
  id: (repo: NonNullable<ReturnType<typeof findDemoRepository>>) => string,
): Pick<ManyRefsCase, 'repo' | 'headOf'> {
  const repo = findDemoRepository(provider, owner, MANY_REFS_REPOSITORY)
  if (!repo) throw new Error(`the ${provider} catalog has no ${owner}/${MANY_REFS_REPOSITORY}`)
  return {
    repo: { id: id(repo), fullName: `${owner}/${MANY_REFS_REPOSITORY}` },
    headOf: (branch) => demoSha(repo.id, branch, 0),
  }
}

export const manyRefsCases: ManyRefsCase[] = [
  {
    name: 'GitHub (Link headers)',
    fields: { type: 'github' },
    token: 'ghp_R4nd0mClassicTokenForTests0123456789',
    releases: true,
    ...catalogCase('github', 'acme-platform', (repo) => `${repo.owner}/${repo.name}`),
  },
  {
    name: 'GitLab (page numbers, x-next-page)',
    fields: { type: 'gitlab' },
    token: 'glpat-R4nd0mTokenForTests01',
    releases: true,
    ...catalogCase('gitlab', 'platform', (repo) => String(repo.id)),
  },
  {
    name: 'Bitbucket Cloud (next links)',
    fields: { type: 'bitbucket', credentialKind: 'api-token', email: 'bea@example.com' },
    token: 'ATATT3xFfGF0-demo-secret-value',
    releases: false,
    ...catalogCase('bitbucket', 'tidewater-labs', (repo) => `${repo.owner}/${repo.name}`),
  },
  {
    name: 'Azure DevOps (continuation tokens)',
    fields: { type: 'azure-devops', organization: 'fabrikam' },
    token: 'x'.repeat(76) + 'AZDO' + 'abcd',
    releases: false,
    ...catalogCase('azure-devops', 'Fabrikam', azureRepositoryId),
  },
  {
    name: 'Custom Git (ref advertisement)',
    fields: {
      type: 'custom-git',
      repositoryUrl: `https://git.example.com/team/${MANY_REFS_REPOSITORY}.git`,
      branch: 'main',
    },
    token: 'demo-remote-token',
    releases: false,
    repo: { id: MANY_REFS_REPOSITORY, fullName: `team/${MANY_REFS_REPOSITORY}` },
    headOf: (branch) => {
      const found = customGitManyRefs().branches.find((entry) => entry.name === branch)
      if (!found) throw new Error(`no branch ${branch}`)
      return found.oid
    },
  },
]
