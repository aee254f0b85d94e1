/**
 * Preset connections from config.json: checked one by one, so that one a deployer got wrong is
 * skipped and reported (its number, name and reason) while the others and the rest of the file
 * are used. Seeding them into storage is preset-connections.ts, loaded only when there are some.
 */
// zod/mini, as in runtime-config.ts: this is read on start.
import { z } from 'zod/mini'
import { CONNECTION_TYPES, type ProviderTarget } from '@/providers/types.ts'
import { providerTargetSchema } from '@/storage/schema.ts'

/**
 * A preset as config.json writes it: the connection's name, type and username, and the target
 * fields its type needs (flat, as the connection form asks for them). No token: each preset
 * "needs token" until the person enters theirs.
 */
const presetSchema = z.strictObject({
  name: z.string().check(z.minLength(1), z.maxLength(80), z.regex(/\S/, 'must not be blank')),
  type: z.enum(CONNECTION_TYPES),
  username: z.optional(z.string().check(z.maxLength(100))),
  baseUrl: z.optional(z.string()),
  organization: z.optional(z.string()),
  collectionUrl: z.optional(z.string()),
  repositoryUrl: z.optional(z.string()),
  branch: z.optional(z.string()),
  corsProxyUrl: z.optional(z.string()),
  gitUsername: z.optional(z.string()),
  /** Bitbucket: 'api-token' (the default, with `email`) or 'access-token' (with `workspace`). */
  credentialKind: z.optional(z.enum(['api-token', 'access-token'])),
  email: z.optional(z.string()),
  workspace: z.optional(z.string()),
})

/** A preset connection that passed its checks: what seeding stores, less the id. */
export interface ConnectionPreset {
  name: string
  username: string | undefined
  target: ProviderTarget
}

/** A URL as deployers write it, with the trailing slash targets do not keep. */
function withoutTrailingSlash(value: string | undefined): string | undefined {
  return value?.replace(/\/+$/, '')
}

/** zod's issues as `field: what is wrong`, without the values (config.json is the deployer's). */
function issuesText(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => {
      const field = issue.path.map(String).join('.') || 'preset'
      const message = /received undefined$/.test(issue.message) ? 'missing' : issue.message
      return `${field}: ${message}`
    })
    .join('; ')
}

function presetLabel(index: number, raw: unknown): string {
  const name =
    typeof raw === 'object' && raw !== null && 'name' in raw && typeof raw.name === 'string'
      ? raw.name.trim()
      : ''
  return name === '' ? `Preset ${index + 1}` : `Preset ${index + 1} (“${name.slice(0, 60)}”)`
}

/**
 * The usable presets, and one sentence for each that is skipped (its number, name and reason).
 * A target is checked as a stored connection's would be, so a preset that seeds is one the app
 * can use (a GitHub Enterprise preset without its baseUrl is skipped, not stored half-made).
 */
export function checkPresets(raw: readonly unknown[]): {
  presets: ConnectionPreset[]
  problems: string[]
} {
  const presets: ConnectionPreset[] = []
  const problems: string[] = []
  raw.forEach((entry, index) => {
    const skip = (reason: string) =>
      problems.push(`${presetLabel(index, entry)} was not added: ${reason}.`)
    const parsed = presetSchema.safeParse(entry)
    if (!parsed.success) {
      skip(issuesText(parsed.error.issues))
      return
    }
    const preset = parsed.data
    const target = providerTargetSchema.safeParse({
      type: preset.type,
      baseUrl: withoutTrailingSlash(preset.baseUrl),
      organization: preset.organization?.trim(),
      collectionUrl: withoutTrailingSlash(preset.collectionUrl),
      repositoryUrl: withoutTrailingSlash(preset.repositoryUrl),
      branch: preset.branch?.trim(),
      corsProxyUrl: withoutTrailingSlash(preset.corsProxyUrl),
      gitUsername: preset.gitUsername?.trim() || undefined,
      credentialKind: preset.credentialKind ?? 'api-token',
      email: preset.email?.trim(),
      workspace: preset.workspace?.trim(),
    })
    if (!target.success) {
      skip(issuesText(target.error.issues))
      return
    }
    const username = preset.username?.trim()
    presets.push({ name: preset.name.trim(), username: username || undefined, target: target.data })
  })
  return { presets, problems }
}
