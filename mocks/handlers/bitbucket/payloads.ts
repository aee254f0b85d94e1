/** The JSON shapes of workspaces, repositories, users and commit authors. */
import type { DemoIdentity, DemoRepository } from '../../data/catalog.ts'
import {
  BITBUCKET_API,
  bitbucketLinkedUsers,
  bitbucketUuid,
  type BitbucketDemoLinkedUser,
  type BitbucketDemoWorkspace,
} from '../../data/bitbucket.ts'

export function workspaceBase(workspace: BitbucketDemoWorkspace) {
  return {
    type: 'workspace',
    uuid: workspace.uuid,
    slug: workspace.slug,
    name: workspace.name,
    links: {
      self: { href: `${BITBUCKET_API}/workspaces/${workspace.slug}` },
      html: { href: `https://bitbucket.org/${workspace.slug}/` },
      avatar: { href: workspace.avatar },
    },
  }
}

export const WEB = 'https://bitbucket.org'

function repositoryLinks(fullName: string) {
  return {
    self: { href: `${BITBUCKET_API}/repositories/${fullName}` },
    html: { href: `${WEB}/${fullName}` },
  }
}

/** The short repository object Bitbucket embeds in commits and hooks. */
export function repositoryRef(repo: DemoRepository) {
  const fullName = `${repo.owner}/${repo.name}`
  return {
    type: 'repository',
    full_name: fullName,
    name: repo.name,
    uuid: bitbucketUuid('repository', repo.id),
    links: repositoryLinks(fullName),
  }
}

export function repository(workspace: BitbucketDemoWorkspace, repo: DemoRepository) {
  const fullName = `${workspace.slug}/${repo.name}`
  return {
    ...repositoryRef(repo),
    slug: repo.name,
    description: repo.description ?? '',
    is_private: repo.private,
    fork_policy: 'allow_forks',
    language: repo.language.toLowerCase(),
    scm: 'git',
    size: 1_048_576 + repo.id * 997,
    has_issues: false,
    has_wiki: false,
    created_on: repo.createdAt,
    updated_on: repo.updatedAt,
    mainbranch: { type: 'branch', name: repo.defaultBranch },
    // Forks point at their upstream; Bitbucket has no archived state.
    ...(repo.fork
      ? { parent: repositoryRef({ ...repo, owner: 'atlassian-labs', id: repo.id + 1 }) }
      : {}),
    workspace: workspaceBase(workspace),
    owner: {
      type: 'team',
      uuid: workspace.uuid,
      username: workspace.slug,
      display_name: workspace.name,
    },
    links: {
      ...repositoryLinks(fullName),
      avatar: { href: workspace.avatar },
      clone: [
        { name: 'https', href: `${WEB}/${fullName}.git` },
        { name: 'ssh', href: `git@bitbucket.org:${fullName}.git` },
      ],
    },
  }
}

function user(linked: BitbucketDemoLinkedUser) {
  return {
    type: 'user',
    uuid: linked.uuid,
    account_id: linked.account_id,
    nickname: linked.nickname,
    display_name: linked.display_name,
    links: {
      self: { href: `${BITBUCKET_API}/users/${encodeURIComponent(linked.uuid)}` },
      html: { href: `${WEB}/${encodeURIComponent(linked.uuid)}/` },
      avatar: { href: linked.avatar },
    },
  }
}

/** `author` as Bitbucket sends it: the raw identity, and `user` only when an account is linked. */
export function author(identity: DemoIdentity) {
  const linked = bitbucketLinkedUsers[identity.email.toLowerCase()]
  return {
    type: 'author',
    raw: `${identity.name} <${identity.email}>`,
    ...(linked ? { user: user(linked) } : {}),
  }
}
