/**
 * The parts of Bitbucket Cloud 2.0 payloads that the adapter reads, checked with zod.
 * https://developer.atlassian.com/cloud/bitbucket/rest/api-group-users/
 * https://developer.atlassian.com/cloud/bitbucket/rest/api-group-workspaces/
 * https://developer.atlassian.com/cloud/bitbucket/rest/api-group-repositories/
 * https://developer.atlassian.com/cloud/bitbucket/rest/api-group-refs/
 * https://developer.atlassian.com/cloud/bitbucket/rest/api-group-commits/
 */
import { z } from 'zod'
import { parseItems } from '../parse-items.ts'

const Link = z.object({ href: z.string() })

/**
 * `GET /user`. Since the GDPR changes of 29 April 2019 the documented user object has `uuid`,
 * `account_id`, `display_name` and `nickname`; `username` was announced as removed
 * (https://developer.atlassian.com/cloud/bitbucket/bitbucket-api-changes-gdpr/) yet clients still
 * read it from `/user`, so it is optional here.
 */
export const BitbucketUser = z.object({
  uuid: z.string(),
  account_id: z.string().optional(),
  display_name: z.string().nullish(),
  nickname: z.string().nullish(),
  username: z.string().nullish(),
  links: z.object({ avatar: Link.optional() }).partial().optional(),
})
export type BitbucketUser = z.infer<typeof BitbucketUser>

/**
 * The paginated envelope: follow `next` verbatim when it is present. Items are read one by one:
 * `values` holds those that could be read, `skipped` counts the others (parse-items.ts).
 */
export function page<T extends z.ZodType>(value: T) {
  return z
    .object({
      values: z.array(z.unknown()),
      pagelen: z.number().optional(),
      size: z.number().optional(),
      next: z.string().nullish(),
    })
    .transform(({ values, ...rest }) => {
      const { items, skipped } = parseItems(value, values)
      return { ...rest, values: items, skipped }
    })
}

/** `GET /user/emails` */
export const BitbucketEmails = page(
  z.object({
    email: z.string(),
    is_primary: z.boolean().optional(),
    is_confirmed: z.boolean().optional(),
  }),
)

const WorkspaceBase = z.object({
  uuid: z.string(),
  slug: z.string(),
  name: z.string().nullish(),
  links: z.object({ avatar: Link.optional() }).partial().optional(),
})

/** `GET /user/workspaces` (CHANGE-3022): workspace_access objects wrapping each workspace. */
export const BitbucketWorkspaceAccess = page(
  z.object({ administrator: z.boolean().optional(), workspace: WorkspaceBase }),
)
export type BitbucketWorkspaceAccess = z.infer<typeof BitbucketWorkspaceAccess>

/** `GET /repositories/{workspace}`: only the owning workspace of each repository matters here. */
export const BitbucketRepositories = page(
  z.object({ full_name: z.string(), workspace: WorkspaceBase.optional() }),
)

/** A repository (`GET /repositories/{workspace}[/{slug}]`). */
export const BitbucketRepository = z.object({
  full_name: z.string(),
  name: z.string(),
  description: z.string().nullish(),
  is_private: z.boolean().optional(),
  /** Present on forks only. */
  parent: z.object({ full_name: z.string() }).nullish(),
  mainbranch: z.object({ name: z.string() }).nullish(),
  updated_on: z.string().nullish(),
  workspace: WorkspaceBase.optional(),
  links: z
    .object({
      html: Link.optional(),
      clone: z.array(z.object({ name: z.string(), href: z.string() })).optional(),
    })
    .partial()
    .optional(),
})
export type BitbucketRepository = z.infer<typeof BitbucketRepository>
export const BitbucketRepositoryPage = page(BitbucketRepository)
export type BitbucketRepositoryPage = z.infer<typeof BitbucketRepositoryPage>

/** `refs/branches` entries: the tip commit is `target.hash`. */
export const BitbucketBranch = z.object({
  name: z.string(),
  target: z.object({ hash: z.string() }),
})
export type BitbucketBranch = z.infer<typeof BitbucketBranch>

/** `refs/tags` entries. Lightweight tags have no message, date or tagger. */
export const BitbucketTag = z.object({
  name: z.string(),
  message: z.string().nullish(),
  date: z.string().nullish(),
  target: z.object({ hash: z.string() }),
})

/**
 * A commit. `author.raw` is the git identity (`Name <email>`); `author.user` appears only when
 * Bitbucket matched the email to an account (research §3.3).
 */
export const BitbucketCommit = z.object({
  hash: z.string(),
  date: z.string(),
  message: z.string().nullish(),
  author: z.object({
    raw: z.string().nullish(),
    user: z
      .object({
        nickname: z.string().nullish(),
        username: z.string().nullish(),
        display_name: z.string().nullish(),
        links: z.object({ avatar: Link.optional() }).partial().optional(),
      })
      .nullish(),
  }),
  links: z.object({ html: Link.optional() }).partial().optional(),
})
export type BitbucketCommit = z.infer<typeof BitbucketCommit>

/** A repository webhook (`/hooks`); `uuid` comes in braces, the secret never comes back. */
export const BitbucketHook = z.object({
  uuid: z.string(),
  url: z.string(),
  active: z.boolean().optional(),
  events: z.array(z.string()),
  created_at: z.string().nullish(),
})
export type BitbucketHook = z.infer<typeof BitbucketHook>

/**
 * Bitbucket's error body, `{ "type": "error", "error": { message, detail?, fields? } }` (the
 * `error` schema of api.bitbucket.org/swagger.json; e.g. jira.atlassian.com/browse/BCLOUD-22703).
 * `detail` is a sentence or `{ required: […] }`; `fields` maps a field to its complaints.
 */
export function bitbucketErrorDetail(body: unknown): string | undefined {
  const parsed = z
    .object({
      error: z.object({
        message: z.string(),
        detail: z
          .union([z.string(), z.object({ required: z.array(z.string()).optional() })])
          .optional(),
        fields: z.record(z.string(), z.unknown()).optional(),
      }),
    })
    .safeParse(body)
  if (!parsed.success) return typeof body === 'string' ? body : undefined
  const { message, detail, fields } = parsed.data.error
  const parts = [message]
  if (typeof detail === 'string') parts.push(detail)
  else if (detail?.required?.length) parts.push(`Required: ${detail.required.join(', ')}.`)
  for (const [field, said] of Object.entries(fields ?? {})) {
    const words = (Array.isArray(said) ? said : [said]).filter((w) => typeof w === 'string')
    if (words.length > 0) parts.push(`${field}: ${words.join(' ')}`)
  }
  return parts.join(' ')
}
