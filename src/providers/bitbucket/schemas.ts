/**
 * The parts of Bitbucket Cloud 2.0 payloads that verify() reads, checked with zod.
 * https://developer.atlassian.com/cloud/bitbucket/rest/api-group-users/
 * https://developer.atlassian.com/cloud/bitbucket/rest/api-group-workspaces/
 */
import { z } from 'zod'

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

/** The paginated envelope: follow `next` verbatim when it is present. */
function page<T extends z.ZodType>(value: T) {
  return z.object({
    values: z.array(value),
    pagelen: z.number().optional(),
    size: z.number().optional(),
    next: z.string().optional(),
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

/** `GET /repositories/{workspace}`: only the owning workspace of each repository matters here. */
export const BitbucketRepositories = page(
  z.object({ full_name: z.string(), workspace: WorkspaceBase.optional() }),
)

/** Bitbucket's error body: `{ type: 'error', error: { message, detail? } }`. */
export function bitbucketErrorDetail(body: unknown): string | undefined {
  const parsed = z
    .object({
      error: z.object({
        message: z.string(),
        detail: z
          .union([z.string(), z.object({ required: z.array(z.string()).optional() })])
          .optional(),
      }),
    })
    .safeParse(body)
  if (!parsed.success) return typeof body === 'string' ? body : undefined
  const { message, detail } = parsed.data.error
  if (typeof detail === 'string') return `${message} ${detail}`
  if (detail?.required?.length) return `${message} Required: ${detail.required.join(', ')}.`
  return message
}
