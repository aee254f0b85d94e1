/** Branches, tags and releases, and how a ref resolves to a commit. */
import type { RequestHandler } from 'msw'
import { demoBranches, demoCommitCount, demoSha, type DemoRepository } from '../../data/catalog.ts'
import { githubAccountForEmail, githubDemoUser } from '../../data/github.ts'
import { findRepositoryTag, repositoryReleases, repositoryTags } from '../../published-refs.ts'
import { route } from './context.ts'
import { jsonWithEtag } from './etag.ts'
import { paginate } from './pagination.ts'
import { simpleUser } from './payloads.ts'
import { fullNameOf, withRepository } from './repositories.ts'
import type { Site } from './site.ts'

/** GitHub orders branches by name, byte-wise, with the default branch among the others. */
function branchPayloads(site: Site, repo: DemoRepository) {
  const names = [...demoBranches(repo)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  const url = `${site.api}/repos/${fullNameOf(repo)}`
  return names.map((name) => {
    const sha = demoSha(repo.id, name, 0)
    return {
      name,
      commit: { sha, url: `${url}/commits/${sha}` },
      protected: name === repo.defaultBranch && repo.owner !== githubDemoUser.login,
    }
  })
}

/** Where `sha` (a branch, a tag, or a full or abbreviated sha) points: a branch and a position. */
export function resolveRef(repo: DemoRepository, ref: string | null) {
  if (!ref) return { branch: repo.defaultBranch, index: 0 }
  const branches = demoBranches(repo)
  if (branches.includes(ref)) return { branch: ref, index: 0 }
  const tag = findRepositoryTag('github', repo, ref)
  if (tag) return { branch: tag.branch, index: tag.commitIndex }
  if (/^[0-9a-f]{7,40}$/i.test(ref)) {
    const wanted = ref.toLowerCase()
    for (const branch of branches) {
      const count = demoCommitCount(repo, branch)
      for (let index = 0; index < count; index++) {
        if (demoSha(repo.id, branch, index).startsWith(wanted)) return { branch, index }
      }
    }
  }
  return null
}

/**
 * GitHub lists tags by name, byte-wise, in reverse (not by date or version: `v0.9.99` before
 * `v0.49.0`), as users report (loopwerk/tag-changelog#12, google/go-github#3583); the REST docs
 * name no order and offer no parameter for one.
 */
function tagPayloads(site: Site, repo: DemoRepository) {
  const url = `${site.api}/repos/${fullNameOf(repo)}`
  const tags = [...repositoryTags('github', repo)].sort((a, b) =>
    a.name < b.name ? 1 : a.name > b.name ? -1 : 0,
  )
  return tags.map((tag) => ({
    name: tag.name,
    zipball_url: `${url}/zipball/refs/tags/${tag.name}`,
    tarball_url: `${url}/tarball/refs/tags/${tag.name}`,
    commit: { sha: tag.sha, url: `${url}/commits/${tag.sha}` },
    node_id: `REF_kwDO${demoSha('tag', repo.id, tag.name).slice(0, 16)}`,
  }))
}

function releasePayloads(site: Site, repo: DemoRepository) {
  const url = `${site.api}/repos/${fullNameOf(repo)}`
  const html = `${site.web}/${fullNameOf(repo)}`
  const tagDates = new Map(repositoryTags('github', repo).map((tag) => [tag.name, tag.date]))
  return repositoryReleases('github', repo).map((release) => {
    const created = tagDates.get(release.tagName) ?? release.publishedAt
    const author = githubAccountForEmail(release.author.email)
    return {
      url: `${url}/releases/${release.id}`,
      assets_url: `${url}/releases/${release.id}/assets`,
      upload_url: `${url.replace('api.github.com', 'uploads.github.com')}/releases/${release.id}/assets{?name,label}`,
      html_url: release.draft
        ? `${html}/releases/tag/untagged-${demoSha('draft', release.id).slice(0, 20)}`
        : `${html}/releases/tag/${release.tagName}`,
      id: release.id,
      author: author ? simpleUser(site, author) : null,
      node_id: `RE_kwDO${release.id.toString(36).toUpperCase()}`,
      tag_name: release.tagName,
      target_commitish: repo.defaultBranch,
      name: release.name,
      draft: release.draft,
      immutable: false,
      prerelease: release.prerelease,
      created_at: created ? created.replace(/\.\d{3}Z$/, 'Z') : null,
      published_at: release.publishedAt ? release.publishedAt.replace(/\.\d{3}Z$/, 'Z') : null,
      assets: [],
      tarball_url: release.draft ? null : `${url}/tarball/${release.tagName}`,
      zipball_url: release.draft ? null : `${url}/zipball/${release.tagName}`,
      body: release.body,
    }
  })
}

export const branchHandlers: RequestHandler[] = [
  // https://docs.github.com/en/rest/branches/branches#list-branches
  ...route(
    'get',
    '/repos/:owner/:repo/branches',
    withRepository('branches/branches#list-branches', (context, repo) => {
      const onlyProtected = new URL(context.request.url).searchParams.get('protected')
      const branches = branchPayloads(context.site, repo).filter(
        (branch) => onlyProtected === null || String(branch.protected) === onlyProtected,
      )
      const { slice, link } = paginate(context.request, branches)
      return jsonWithEtag(context, slice, { link })
    }),
  ),
]

export const tagHandlers: RequestHandler[] = [
  // https://docs.github.com/en/rest/repos/repos#list-repository-tags
  ...route(
    'get',
    '/repos/:owner/:repo/tags',
    withRepository('repos/repos#list-repository-tags', (context, repo) => {
      const { slice, link } = paginate(context.request, tagPayloads(context.site, repo))
      return jsonWithEtag(context, slice, { link })
    }),
  ),
]

export const releaseHandlers: RequestHandler[] = [
  // https://docs.github.com/en/rest/releases/releases#list-releases
  ...route(
    'get',
    '/repos/:owner/:repo/releases',
    withRepository('releases/releases#list-releases', (context, repo) => {
      const { slice, link } = paginate(context.request, releasePayloads(context.site, repo))
      return jsonWithEtag(context, slice, { link })
    }),
  ),
]
