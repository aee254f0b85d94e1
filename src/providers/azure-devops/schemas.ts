/**
 * The parts of Azure DevOps payloads that verify() reads, checked with zod.
 * ConnectionData: https://learn.microsoft.com/en-us/javascript/api/azure-devops-extension-api/connectiondata
 * Projects: https://learn.microsoft.com/en-us/rest/api/azure/devops/core/projects/list
 */
import { z } from 'zod'

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
