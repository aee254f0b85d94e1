/**
 * Runtime configuration: `config.json` next to index.html, fetched once at start so a team can
 * change it on the CDN without rebuilding. It never holds a secret (no client secret, no token).
 */
// zod/mini, not classic zod: config.json is read on start, and mini keeps the first load small.
import { z } from 'zod/mini'
import { CONNECTION_TYPES } from '@/providers/types.ts'

const httpsUrl = z.url({ protocol: /^https?$/ })

const presetSchema = z.object({
  name: z.string().check(z.minLength(1)),
  type: z.enum(CONNECTION_TYPES),
  username: z.optional(z.string()),
  baseUrl: z.optional(httpsUrl),
  organization: z.optional(z.string()),
  collectionUrl: z.optional(httpsUrl),
  repositoryUrl: z.optional(httpsUrl),
  branch: z.optional(z.string()),
})

/** A server's origin as the deployer writes it: https, no path, no trailing slash needed. */
const serverUrl = httpsUrl

/**
 * "Sign in with GitHub" needs a server: GitHub's token endpoint sends no CORS headers and wants
 * the client secret. Either the deployment's own token-exchange URL (PKCE through it), or an
 * authenticator that speaks the popup protocol of Netlify's and Decap's (`authorizing:github`).
 */
const githubOAuthSchema = z.union([
  z.object({ clientId: z.string().check(z.minLength(1)), tokenExchangeUrl: httpsUrl }),
  z.object({ authenticatorUrl: httpsUrl, siteId: z.optional(z.string().check(z.minLength(1))) }),
])

export const runtimeConfigSchema = z.object({
  githubOAuth: z._default(z.nullable(githubOAuthSchema), null),
  /** The same exchange for GitHub Enterprise Server, one entry per server. */
  githubEnterpriseOAuth: z._default(
    z.array(
      z.object({
        baseUrl: serverUrl,
        clientId: z.string().check(z.minLength(1)),
        tokenExchangeUrl: httpsUrl,
      }),
    ),
    [],
  ),
  /** GitLab needs no server (its token endpoint allows CORS): only the application's id. */
  gitlabOAuth: z._default(
    z.nullable(z.object({ applicationId: z.string().check(z.minLength(1)) })),
    null,
  ),
  gitlabSelfManagedOAuth: z._default(
    z.array(z.object({ baseUrl: serverUrl, applicationId: z.string().check(z.minLength(1)) })),
    [],
  ),
  corsProxyUrl: z._default(z.nullable(httpsUrl), null),
  webhookReceiverUrl: z._default(z.nullable(httpsUrl), null),
  buildTriggerUrl: z._default(z.nullable(httpsUrl), null),
  presets: z._default(z.array(presetSchema), []),
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
