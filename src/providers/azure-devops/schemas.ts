/**
 * The parts of Azure DevOps payloads that verify() reads, checked with zod.
 * ConnectionData: https://learn.microsoft.com/en-us/javascript/api/azure-devops-extension-api/connectiondata
 * Projects: https://learn.microsoft.com/en-us/rest/api/azure/devops/core/projects/list
 */
import { z } from 'zod'
import { parseItems } from '../parse-items.ts'

/**
 * An Identity. The sign-in name lives in a typed property bag, `properties.Account.$value`: the
 * email/UPN on Services, `DOMAIN\user` on a domain-joined Server.
 */
const Identity = z.object({
  id: z.string(),
  descriptor: z.string().optional(),
  subjectDescriptor: z.string().optional(),
  providerDisplayName: z.string().nullish(),
  customDisplayName: z.string().nullish(),
  properties: z
    .record(z.string(), z.object({ $type: z.string().optional(), $value: z.unknown() }))
    .optional(),
})

/** `GET {base}/_apis/connectionData` */
export const ConnectionData = z.object({
  authenticatedUser: Identity,
  authorizedUser: Identity.optional(),
  instanceId: z.string().optional(),
  deploymentType: z.string().optional(),
})
export type ConnectionData = z.infer<typeof ConnectionData>

/** `GET {base}/_apis/projects`: `{ count, value }`, the usual Azure DevOps list envelope. */
export const ProjectList = z.object({
  count: z.number(),
  value: z.array(z.object({ id: z.string(), name: z.string() })),
})

/** A project as embedded in a repository; `visibility` is absent on older servers. */
const TeamProjectReference = z.object({
  id: z.string(),
  name: z.string(),
  visibility: z.string().nullish(),
})

/** GitRepository (https://learn.microsoft.com/en-us/rest/api/azure/devops/git/repositories/get). */
export const GitRepository = z.object({
  id: z.string(),
  name: z.string(),
  project: TeamProjectReference,
  /** `refs/heads/main`; absent in an empty repository. */
  defaultBranch: z.string().nullish(),
  remoteUrl: z.string().nullish(),
  webUrl: z.string().nullish(),
  isDisabled: z.boolean().nullish(),
  isFork: z.boolean().nullish(),
})
export type GitRepository = z.infer<typeof GitRepository>

/**
 * The `{ count, value }` list envelope. Items are read one by one: `value` holds those that could
 * be read, `skipped` counts the others (parse-items.ts).
 */
export function list<T extends z.ZodType>(item: T) {
  return z
    .object({ count: z.number().optional(), value: z.array(z.unknown()) })
    .transform(({ count, value }) => {
      const { items, skipped } = parseItems(item, value)
      return { count, value: items, skipped }
    })
}

/** GitRef: `peeledObjectId` is the commit of an annotated tag when `peelTags=true`. */
export const GitRef = z.object({
  name: z.string(),
  objectId: z.string(),
  peeledObjectId: z.string().nullish(),
})
export type GitRef = z.infer<typeof GitRef>

const GitUserDate = z.object({ name: z.string(), email: z.string(), date: z.string() })

/** GitCommitRef. `comment` may be cut short in lists (`commentTruncated`). */
export const GitCommitRef = z.object({
  commitId: z.string(),
  author: GitUserDate,
  committer: GitUserDate,
  comment: z.string().nullish(),
  remoteUrl: z.string().nullish(),
})
export type GitCommitRef = z.infer<typeof GitCommitRef>

/**
 * A service-hook Subscription (https://learn.microsoft.com/en-us/rest/api/azure/devops/hooks/subscriptions).
 * `status` is left out for an enabled subscription (`enabled` is the enum's default, 0): the spec's
 * own list example (MicrosoftDocs/vsts-rest-api-specs, specification/hooks/…/httpExamples/
 * subscriptions/GET__hooks_subscriptions_*.json) has items without it.
 */
export const Subscription = z.object({
  id: z.string(),
  status: z.string().nullish(),
  eventType: z.string(),
  publisherInputs: z.record(z.string(), z.string()).nullish(),
  consumerInputs: z.record(z.string(), z.string()).nullish(),
  createdDate: z.string().nullish(),
})
export type Subscription = z.infer<typeof Subscription>

/**
 * A service-hook Notification: one event processed for one subscription, with (when Azure keeps
 * them) the details of the request sent to the consumer and its answer.
 * https://learn.microsoft.com/en-us/rest/api/azure/devops/hooks/notifications/list
 */
export const HookNotification = z.object({
  id: z.number(),
  /** queued, processing, requestInProgress, completed. */
  status: z.string().nullish(),
  /** pending, succeeded, failed, filtered. */
  result: z.string().nullish(),
  createdDate: z.string(),
  details: z
    .object({
      eventType: z.string().nullish(),
      completedDate: z.string().nullish(),
      /** The consumer's answer as text (status line, headers, body). */
      response: z.string().nullish(),
      /** Seconds. */
      requestDuration: z.number().nullish(),
    })
    .nullish(),
})
export type HookNotification = z.infer<typeof HookNotification>
