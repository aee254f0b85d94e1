/**
 * Runtime configuration: `config.json` next to index.html, fetched once at start so a team can
 * change it on the CDN without rebuilding. It never holds a secret (no client secret, no token).
 */
import { z } from 'zod'
import { CONNECTION_TYPES } from '@/providers/types.ts'

const httpsUrl = z.url({ protocol: /^https?$/ })

const presetSchema = z.object({
  name: z.string().min(1),
  type: z.enum(CONNECTION_TYPES),
  username: z.string().optional(),
  baseUrl: httpsUrl.optional(),
  organization: z.string().optional(),
  collectionUrl: httpsUrl.optional(),
  repositoryUrl: httpsUrl.optional(),
  branch: z.string().optional(),
})

export const runtimeConfigSchema = z.object({
  githubOAuth: z
    .object({ clientId: z.string().min(1), tokenExchangeUrl: httpsUrl })
    .nullable()
    .default(null),
  gitlabOAuth: z
    .object({ applicationId: z.string().min(1) })
    .nullable()
    .default(null),
  corsProxyUrl: httpsUrl.nullable().default(null),
  webhookReceiverUrl: httpsUrl.nullable().default(null),
  buildTriggerUrl: httpsUrl.nullable().default(null),
  presets: z.array(presetSchema).default([]),
})

export type RuntimeConfig = z.infer<typeof runtimeConfigSchema>

export interface LoadedRuntimeConfig {
  config: RuntimeConfig
  /** Why the file could not be used, when it could not: shown once in a banner. */
  problem: string | null
}

export const defaultRuntimeConfig: RuntimeConfig = runtimeConfigSchema.parse({})

export async function loadRuntimeConfig(baseUrl: string): Promise<LoadedRuntimeConfig> {
  const url = `${baseUrl}config.json`
  try {
    // `no-cache`: the file is meant to change on the CDN without a rebuild.
    const response = await fetch(url, { cache: 'no-cache', signal: AbortSignal.timeout(10_000) })
    if (response.status === 404) return { config: defaultRuntimeConfig, problem: null }
    if (!response.ok) {
      return { config: defaultRuntimeConfig, problem: `config.json answered ${response.status}.` }
    }
    const parsed = runtimeConfigSchema.safeParse(await response.json())
    if (!parsed.success) {
      const where = parsed.error.issues.map((issue) => issue.path.join('.') || '(root)').join(', ')
      return { config: defaultRuntimeConfig, problem: `config.json has invalid entries: ${where}.` }
    }
    return { config: parsed.data, problem: null }
  } catch {
    return { config: defaultRuntimeConfig, problem: 'config.json could not be read.' }
  }
}
