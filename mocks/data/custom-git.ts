import { MANY_REFS_TAG_COUNT, manyRefsBranches, manyRefsTagName } from './many-refs.ts'

/**
 * Demo refs for simulated smart-HTTP git remotes. Every repository URL serves the same refs, so
 * any `https://host/path.git` works in demo mode.
 */

/** Repository paths containing this answer 404. */
export const CUSTOM_GIT_MISSING_MARKER = 'missing'
/** Repository paths containing this need credentials (401 without them). */
export const CUSTOM_GIT_PRIVATE_MARKER = 'private'
/** Repository paths containing this serve many-refs.ts's 124 branches and 5,000 tags. */
export const CUSTOM_GIT_MANY_REFS_MARKER = 'monorepo'

export const customGitDefaultBranch = 'main'

export const customGitBranches: { name: string; oid: string }[] = [
  { name: 'main', oid: '07aaf3202b38919dd16ef0cb14ccbd7215599b11' },
  { name: 'develop', oid: 'decc672e9107ad6ff09a9079bb90d173e7b12afb' },
  { name: 'release/1.x', oid: 'cf709adcbb11c8fc4360b6e5f4fcdbaf8636ed5f' },
]

/** Annotated tags have their own object id and a peeled commit; lightweight ones only a commit. */
export const customGitTags: { name: string; oid: string; peeled?: string }[] = [
  { name: 'v0.9.0', oid: '5d9d6502640a3905b85fd201b34791b275941828' },
  {
    name: 'v1.0.0',
    oid: 'd197d7e006710187b2ed75ca32cd005de6b79a2e',
    peeled: 'e29bdbb8a6dd5fd8b7d36e1b76c08414aad607fc',
  },
  {
    name: 'v1.1.0',
    oid: '934ee0c2e96f40700c4d3edb2accbeb1a965aaaf',
    peeled: 'cf709adcbb11c8fc4360b6e5f4fcdbaf8636ed5f',
  },
]

/** A 40-hex object id made from `text`, stable across runs (FNV-1a, repeated). */
function oidOf(text: string): string {
  let out = ''
  for (let round = 0; out.length < 40; round++) {
    let h = 0x811c9dc5
    for (const char of `${round}:${text}`) h = Math.imul(h ^ char.charCodeAt(0), 0x01000193)
    out += (h >>> 0).toString(16).padStart(8, '0')
  }
  return out.slice(0, 40)
}

/** The many-refs remote: every third tag annotated, like the catalog's. */
export function customGitManyRefs(): typeof customGitRefs {
  const branches = [customGitDefaultBranch, ...manyRefsBranches()].map((name) => ({
    name,
    oid: oidOf(`branch/${name}`),
  }))
  const tags = Array.from({ length: MANY_REFS_TAG_COUNT }, (_, index) => {
    const name = manyRefsTagName(index)
    const commit = oidOf(`commit/${name}`)
    return index % 3 === 2
      ? { name, oid: commit }
      : { name, oid: oidOf(`tag/${name}`), peeled: commit }
  })
  return { branches, tags }
}

export const customGitRefs = { branches: customGitBranches, tags: customGitTags }

/** What git-http-backend (git 2.47) advertises for upload-pack, HEAD's symref included. */
export const customGitCapabilities = [
  'multi_ack',
  'thin-pack',
  'side-band',
  'side-band-64k',
  'ofs-delta',
  'shallow',
  'deepen-since',
  'deepen-not',
  'deepen-relative',
  'no-progress',
  'include-tag',
  'multi_ack_detailed',
  'allow-tip-sha1-in-want',
  'allow-reachable-sha1-in-want',
  'no-done',
  `symref=HEAD:refs/heads/${customGitDefaultBranch}`,
  'filter',
  'object-format=sha1',
  'agent=git/2.47.1',
]
