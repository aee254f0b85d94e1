/**
 * Runtime configuration: `config.json` next to index.html, fetched once at start so a team can
 * change it on the CDN without rebuilding. It never holds a secret (no client secret, no token).
 */
// zod/mini, not classic zod: config.json is read on start, and mini keeps the first load small.
import { z } from 'zod/mini'
import { checkPresets } from './config-presets.ts'

const httpsUrl = z.url({ protocol: /^https?$/ })

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
  /** Checked one by one (config-presets.ts): one bad preset does not cost the others. */
  presets: z._default(
    z.pipe(
      z.array(z.unknown()),
      z.transform((raw) => checkPresets(raw).presets),
    ),
    [],
  ),
})

export type RuntimeConfig = z.infer<typeof runtimeConfigSchema>

export interface LoadedRuntimeConfig {
  config: RuntimeConfig
  /** Why the file could not be used, when it could not: shown once in a banner. */
  problem: string | null
}

export const defaultRuntimeConfig: RuntimeConfig = runtimeConfigSchema.parse({})

/** Said after a problem that made the whole file unusable. */
const IGNORED = 'The app runs with defaults: sign-in and proxies are off.'

function rawPresets(json: unknown): unknown[] {
  if (typeof json !== 'object' || json === null || !('presets' in json)) return []
  return Array.isArray(json.presets) ? (json.presets as unknown[]) : []
}

export async function loadRuntimeConfig(baseUrl: string): Promise<LoadedRuntimeConfig> {
  const url = `${baseUrl}config.json`
  try {
    // `no-cache`: the file is meant to change on the CDN without a rebuild.
    const response = await fetch(url, { cache: 'no-cache', signal: AbortSignal.timeout(10_000) })
    if (response.status === 404) return { config: defaultRuntimeConfig, problem: null }
    if (!response.ok) {
      return {
        config: defaultRuntimeConfig,
        problem: `config.json answered ${response.status}. ${IGNORED}`,
      }
    }
    const json: unknown = await response.json()
    const parsed = runtimeConfigSchema.safeParse(json)
    if (!parsed.success) {
      const where = parsed.error.issues.map((issue) => issue.path.join('.') || '(root)').join(', ')
      return {
        config: defaultRuntimeConfig,
        problem: `config.json has invalid entries: ${where}. ${IGNORED}`,
      }
    }
    // The skipped presets are reported; the rest of the file is used.
    const { problems } = checkPresets(rawPresets(json))
    return {
      config: parsed.data,
      problem: problems.length > 0 ? `config.json: ${problems.join(' ')}` : null,
    }
  } catch {
    return { config: defaultRuntimeConfig, problem: `config.json could not be read. ${IGNORED}` }
  }
}
