/** Repository search: the `q` qualifiers, best-match order and the 1,000-result cap. */
import { demoRepositories, type DemoRepository } from '../../data/catalog.ts'
import { failure, type Context } from './context.ts'
import { jsonWithEtag } from './etag.ts'
import { paginate } from './pagination.ts'
import { repoPayload } from './payloads.ts'

/** GitHub returns no more than the first 1,000 results of a search. */
const SEARCH_CAP = 1000

interface SearchQuery {
  terms: string[]
  owners: string[]
  inFields: Set<string>
  fork: 'false' | 'true' | 'only'
  visibility: 'public' | 'private' | null
  archived: boolean | null
}

/** `q`: words (quoted phrases allowed) and the qualifiers GitHub documents for repositories. */
function parseSearch(q: string): SearchQuery {
  const parsed: SearchQuery = {
    terms: [],
    owners: [],
    inFields: new Set(),
    fork: 'false',
    visibility: null,
    archived: null,
  }
  for (const match of q.matchAll(/"([^"]*)"|(\S+)/g)) {
    const word = match[1] ?? match[2] ?? ''
    const qualifier = match[2] ? /^(in|user|org|fork|is|archived):(.+)$/i.exec(word) : null
    if (!qualifier) {
      if (word.trim()) parsed.terms.push(word.trim().toLowerCase())
      continue
    }
    const key = qualifier[1]!.toLowerCase()
    const value = qualifier[2]!.toLowerCase()
    if (key === 'in') for (const field of value.split(',')) parsed.inFields.add(field)
    if (key === 'user' || key === 'org') parsed.owners.push(value)
    if (key === 'fork' && (value === 'true' || value === 'only')) parsed.fork = value
    if (key === 'is' && (value === 'public' || value === 'private')) parsed.visibility = value
    if (key === 'archived') parsed.archived = value === 'true'
  }
  return parsed
}

function matchesSearch(repo: DemoRepository, query: SearchQuery): boolean {
  if (query.owners.length > 0 && !query.owners.includes(repo.owner.toLowerCase())) return false
  if (query.fork === 'false' && repo.fork) return false
  if (query.fork === 'only' && !repo.fork) return false
  if (query.visibility && (query.visibility === 'private') !== repo.private) return false
  if (query.archived !== null && query.archived !== repo.archived) return false
  const name = repo.name.toLowerCase()
  const description = (repo.description ?? '').toLowerCase()
  const inName = query.inFields.size === 0 || query.inFields.has('name')
  const inDescription = query.inFields.size === 0 || query.inFields.has('description')
  return query.terms.every(
    (term) => (inName && name.includes(term)) || (inDescription && description.includes(term)),
  )
}

/** Best match: exact names, then names starting with the words, then the recently updated. */
function bestMatchRank(repo: DemoRepository, terms: string[]): number {
  const name = repo.name.toLowerCase()
  const joined = terms.join(' ')
  if (name === joined) return 0
  if (terms.length > 0 && name.startsWith(terms[0]!)) return 1
  return 2
}

/** https://docs.github.com/en/rest/search/search#search-repositories */
export function searchRepositories(context: Context): Response {
  const params = new URL(context.request.url).searchParams
  const q = params.get('q')?.trim()
  if (!q) {
    return failure(context, 422, 'Validation Failed', 'search/search#search-repositories', {
      errors: [{ resource: 'Search', field: 'q', code: 'missing' }],
    })
  }
  const query = parseSearch(q)
  const sort = params.get('sort')
  const ascending = params.get('order') === 'asc'
  const found = demoRepositories('github').filter((repo) => matchesSearch(repo, query))
  if (sort === 'updated') {
    found.sort((a, b) => (ascending ? 1 : -1) * a.updatedAt.localeCompare(b.updatedAt))
  } else {
    found.sort(
      (a, b) =>
        bestMatchRank(a, query.terms) - bestMatchRank(b, query.terms) ||
        b.updatedAt.localeCompare(a.updatedAt),
    )
  }
  const { window, slice, link } = paginate(context.request, found, SEARCH_CAP)
  if ((window.page - 1) * window.perPage >= SEARCH_CAP) {
    return failure(
      context,
      422,
      'Only the first 1000 search results are available',
      'search/search#search-repositories',
    )
  }
  return jsonWithEtag(
    context,
    {
      total_count: found.length,
      incomplete_results: false,
      items: slice.map((repo) => ({ ...repoPayload(context.site, repo), score: 1 })),
    },
    { link, resource: 'search' },
  )
}
