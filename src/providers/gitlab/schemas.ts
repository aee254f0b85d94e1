/**
 * The parts of GitLab REST v4 payloads the adapter reads, checked with zod: a self-managed base
 * URL can point at anything, so nothing is trusted unchecked. Fields GitLab may leave out (by
 * version or permission) are optional.
 */
import { z } from 'zod'

const text = z.string().nullish()

/**
 * GitLab writes times with the writer's offset (`2026-11-20T10:00:00.000+02:00`); the adapter
 * hands out UTC ISO strings like every other adapter. Unreadable times count as missing.
 */
const time = z
  .string()
  .nullish()
  .transform((value) => {
    const parsed = value ? Date.parse(value) : Number.NaN
    return Number.isNaN(parsed) ? null : new Date(parsed).toISOString()
  })

/** `namespace` on a project (https://docs.gitlab.com/api/projects/). */
const Namespace = z.object({
  id: z.number().optional(),
  name: text,
  path: text,
  kind: text,
  full_path: z.string(),
})

/**
 * A project from `GET /projects`, `/groups/:id/projects` or `/users/:id/projects` in the full
 * representation: the `simple=true` one has no `visibility`, `archived` or `forked_from_project`.
 */
export const GitLabProject = z.object({
  id: z.number(),
  name: z.string(),
  path: z.string(),
  path_with_namespace: z.string(),
  description: text,
  default_branch: text,
  visibility: text,
  archived: z.boolean().optional(),
  forked_from_project: z.object({ id: z.number() }).nullish(),
  web_url: z.string(),
  http_url_to_repo: text,
  last_activity_at: time,
  namespace: Namespace,
})
export type GitLabProject = z.infer<typeof GitLabProject>

/** `GET /groups` (https://docs.gitlab.com/api/groups/). */
export const GitLabGroup = z.object({
  id: z.number(),
  name: z.string(),
  full_name: text,
  full_path: z.string(),
  avatar_url: text,
})
export type GitLabGroup = z.infer<typeof GitLabGroup>

/** The commit fields of `/repository/commits`, also nested in branches and tags. */
export const GitLabCommit = z.object({
  id: z.string(),
  title: text,
  message: text,
  author_name: text,
  author_email: text,
  authored_date: time,
  committer_name: text,
  committer_email: text,
  committed_date: time,
  created_at: time,
  web_url: text,
})
export type GitLabCommit = z.infer<typeof GitLabCommit>

/** `GET /projects/:id/repository/branches` (https://docs.gitlab.com/api/branches/). */
export const GitLabBranch = z.object({
  name: z.string(),
  commit: z.object({ id: z.string() }),
  default: z.boolean().optional(),
  protected: z.boolean().nullish(),
})
export type GitLabBranch = z.infer<typeof GitLabBranch>

/** `GET /projects/:id/repository/tags` (https://docs.gitlab.com/api/tags/). */
export const GitLabTag = z.object({
  name: z.string(),
  message: text,
  target: text,
  commit: z.object({ id: z.string(), committed_date: time, created_at: time }),
  /** Annotated tags only. */
  created_at: time,
})

/** `GET /projects/:id/releases` (https://docs.gitlab.com/api/releases/). */
export const GitLabRelease = z.object({
  tag_name: z.string(),
  name: text,
  description: text,
  created_at: time,
  released_at: time,
  upcoming_release: z.boolean().nullish(),
  author: z.object({ username: z.string() }).nullish(),
  _links: z.object({ self: text }).nullish(),
})

/**
 * `GET /projects/:id/hooks` (https://docs.gitlab.com/api/project_webhooks/). The `*_events`
 * flags vary by version, so every boolean `…_events` field is read; the token is never returned.
 */
export const GitLabHook = z
  .object({
    id: z.number(),
    url: z.string(),
    created_at: time,
    alert_status: text,
    disabled_until: text,
  })
  .catchall(z.unknown())
export type GitLabHook = z.infer<typeof GitLabHook>

/**
 * One event of `GET /projects/:id/hooks/:hook_id/events` (GitLab 17.2+): what GitLab sent a hook
 * and how the receiver answered. `response_status` is a string: the HTTP status (`"200"`), or a
 * message such as `"internal error"` when no answer came. `execution_duration` is in seconds.
 * https://docs.gitlab.com/api/project_webhooks/#list-project-webhook-events
 */
export const GitLabHookEvent = z.object({
  id: z.number(),
  trigger: z.string(),
  request_data: z.unknown(),
  response_status: z.union([z.string(), z.number()]).nullish(),
  execution_duration: z.number().nullish(),
  /** When it was sent. The docs' own example response has none, so it may be missing. */
  created_at: time,
})
export type GitLabHookEvent = z.infer<typeof GitLabHookEvent>
