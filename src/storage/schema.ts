/**
 * The shapes of what is stored, as zod schemas: a connection record (everything about a
 * connection except its secret) and a secret record (the token and nothing else). Both are strict,
 * so a stray field (a `token` in a connection record, say) is refused rather than kept.
 *
 * The target part of a connection record is built from the same per-type shapes as
 * `providerTargetSchema`, which is checked against `ProviderTarget` at compile time (bottom of the
 * file): a field added to one and not the other fails the typecheck.
 */
// zod/mini, not classic zod: these schemas are read on start, and mini keeps the first load small.
import { z } from 'zod/mini'
import type { Account, ConnectionType, ProviderTarget, RemoteInfo } from '../providers/types.ts'

// zod/mini sets no locale (classic zod sets English on first use): without this, the reasons given
// for refused records would read "Invalid input" until a lazily loaded provider pulls classic in.
if (z.config().localeError === undefined) z.config(z.locales.en())

/** The version of connection records this code writes; older ones go through migrations.ts. */
export const CONNECTION_SCHEMA_VERSION = 1
/** The version of secret records this code writes. */
export const SECRET_SCHEMA_VERSION = 1

/** Timestamps carry their offset. Shared by every stored record's schema. */
export const isoDateTime = z.iso.datetime({ offset: true })

/** A URL as targets store it: http(s), no user name or password, no trailing slash. */
const normalizedUrl = z.url({ protocol: /^https?$/ }).check(
  z.refine((value) => {
    // An unparsable URL is reported by the check above; zod runs the refinements anyway.
    if (!URL.canParse(value)) return true
    const url = new URL(value)
    return url.username === '' && url.password === ''
  }, 'must not contain a user name or password'),
  z.refine((value) => !value.endsWith('/'), 'must not end with a slash'),
)

export const nonBlank = z.string().check(z.minLength(1), z.regex(/\S/, 'must not be blank'))

/**
 * Spaces, controls, format characters (bidi marks, zero-width spaces, joiners) and the other
 * default-ignorable code points (variation selectors, Hangul fillers, tags): none draws anything.
 */
const INVISIBLE = /[\s\p{Cc}\p{Cf}\p{Z}\p{Default_Ignorable_Code_Point}]/gu

/**
 * Whether a name shows at least one character. A name of zero-width spaces or bidi marks passes
 * "not blank" yet reads as nothing in a list, a dialog or a toast. The form's Name rule and the
 * import file's check both use this; stored records are not re-judged by it.
 */
export function hasVisibleCharacter(text: string): boolean {
  return text.replace(INVISIBLE, '') !== ''
}

/** Per connection type, the secret-free fields that say where the connection points. */
const targetShapes = {
  github: { type: z.literal('github') },
  'github-enterprise': { type: z.literal('github-enterprise'), baseUrl: normalizedUrl },
  gitlab: { type: z.literal('gitlab') },
  'gitlab-self-managed': { type: z.literal('gitlab-self-managed'), baseUrl: normalizedUrl },
  bitbucket: {
    type: z.literal('bitbucket'),
    credentialKind: z.enum(['api-token', 'access-token']),
    email: z.optional(z.email()),
    workspace: z.optional(nonBlank),
  },
  'azure-devops': {
    type: z.literal('azure-devops'),
    organization: nonBlank.check(z.regex(/^[^\s/]+$/, 'must be the organization name, not a URL')),
  },
  'azure-devops-server': { type: z.literal('azure-devops-server'), collectionUrl: normalizedUrl },
  'custom-git': {
    type: z.literal('custom-git'),
    repositoryUrl: normalizedUrl,
    branch: nonBlank,
    corsProxyUrl: z.optional(normalizedUrl),
    gitUsername: z.optional(nonBlank),
  },
} as const satisfies { [T in ConnectionType]: { type: z.ZodMiniLiteral<T> } & z.core.$ZodShape }

/** A ProviderTarget; unknown fields are dropped (use it for targets from outside, e.g. presets). */
export const providerTargetSchema = z.discriminatedUnion('type', [
  z.object(targetShapes.github),
  z.object(targetShapes['github-enterprise']),
  z.object(targetShapes.gitlab),
  z.object(targetShapes['gitlab-self-managed']),
  z.object(targetShapes.bitbucket),
  z.object(targetShapes['azure-devops']),
  z.object(targetShapes['azure-devops-server']),
  z.object(targetShapes['custom-git']),
])

export const accountSchema = z.strictObject({
  id: z.string(),
  login: z.string(),
  displayName: z.nullable(z.string()),
  avatarUrl: z.nullable(z.string()),
  emails: z.array(z.string()),
  aliases: z.optional(z.array(z.string().check(z.maxLength(200))).check(z.maxLength(10))),
})

/** What a remote without an API (Custom Git) said about itself at the last check. */
export const remoteInfoSchema = z.strictObject({
  defaultBranch: z.nullable(z.string()),
  headCommit: z.string().check(z.regex(/^[0-9a-f]{40}([0-9a-f]{24})?$/, 'must be a commit id')),
  refCount: z.int().check(z.minimum(0)),
})

export const tokenLifetimeSchema = z.enum(['remember', 'session'])

const commonShape = {
  schemaVersion: z.literal(CONNECTION_SCHEMA_VERSION),
  id: z.uuid(),
  name: nonBlank.check(z.maxLength(80)),
  username: z.optional(z.string().check(z.maxLength(100))),
  authMethod: z.enum(['pat', 'oauth']),
  tokenLifetime: tokenLifetimeSchema,
  /**
   * 'refused': the provider answered 401 to the stored token while browsing (revoked, expired,
   * rotated). The token is kept, but it is not sent again until the person re-enters one.
   * Added without a version bump: it widens the enum, and every v1 record still reads.
   */
  verification: z.enum(['verified', 'unverified', 'refused']),
  account: z.nullable(accountSchema),
  /** Granted scopes; null when the provider does not say. */
  scopes: z.nullable(z.array(z.string())),
  tokenExpiresAt: z.nullable(isoDateTime),
  /**
   * The OAuth application that issued a signed-in token: refreshing must name the same one.
   * Not a secret. Added without a version bump: it is optional, and every v1 record still reads.
   */
  oauthClientId: z.optional(z.string().check(z.minLength(1))),
  lastVerifiedAt: z.nullable(isoDateTime),
  /** What verification had to say that did not block saving. */
  notices: z.array(z.string()),
  /**
   * The REST API version the server speaks, when verification had to find it (Azure DevOps
   * Server); each new adapter starts from it. Optional, so every earlier record still reads.
   */
  apiVersion: z.optional(z.string().check(z.regex(/^\d{1,2}\.\d{1,2}$/))),
  /**
   * Custom Git: the remote's default branch, the commit at the connection's branch and its ref
   * count, as the last check read them. Added without a version bump: it is optional, and every
   * v1 record still reads.
   */
  remote: z.optional(remoteInfoSchema),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
}

/** A stored connection: common fields plus the flat target fields, discriminated on `type`. */
export const connectionRecordSchema = z.discriminatedUnion('type', [
  z.strictObject({ ...commonShape, ...targetShapes.github }),
  z.strictObject({ ...commonShape, ...targetShapes['github-enterprise'] }),
  z.strictObject({ ...commonShape, ...targetShapes.gitlab }),
  z.strictObject({ ...commonShape, ...targetShapes['gitlab-self-managed'] }),
  z.strictObject({ ...commonShape, ...targetShapes.bitbucket }),
  z.strictObject({ ...commonShape, ...targetShapes['azure-devops'] }),
  z.strictObject({ ...commonShape, ...targetShapes['azure-devops-server'] }),
  z.strictObject({ ...commonShape, ...targetShapes['custom-git'] }),
])

export type ConnectionRecord = z.infer<typeof connectionRecordSchema>

/** What a check with the provider decides about a connection's token. */
export type CheckOutcome = Pick<
  ConnectionRecord,
  | 'verification'
  | 'account'
  | 'scopes'
  | 'tokenExpiresAt'
  | 'lastVerifiedAt'
  | 'notices'
  | 'apiVersion'
  | 'remote'
>

/**
 * The outcome of no check: a connection saved without one (the provider was out of reach), or
 * made from a definition (an import, a preset) before its token was entered.
 */
export function notChecked(): CheckOutcome {
  return {
    verification: 'unverified',
    account: null,
    scopes: null,
    tokenExpiresAt: null,
    lastVerifiedAt: null,
    notices: [],
  }
}

/** Where a token endpoint is: an http(s) URL (which one the runtime config decides). */
export const tokenEndpointUrl = z.url({ protocol: /^https?$/ })

/** The secret half of a connection, stored under the connection's id. */
export const secretRecordSchema = z.strictObject({
  schemaVersion: z.literal(SECRET_SCHEMA_VERSION),
  connectionId: z.string().check(z.minLength(1)),
  token: z.string().check(z.minLength(1)),
  refreshToken: z.optional(z.string().check(z.minLength(1))),
  /**
   * The token endpoint that issued the refresh token: a refresh is sent there and nowhere else,
   * whatever the connection's address says by then. Added without a version bump: it is
   * optional, so secrets stored before it still read; one of those is refreshed only where its
   * connection type fixes the endpoint (oauth/token-refresh.ts, `legacyEndpoint`).
   */
  tokenEndpoint: z.optional(tokenEndpointUrl),
  expiresAt: z.optional(z.nullable(isoDateTime)),
  lifetime: tokenLifetimeSchema,
})

export type SecretRecord = z.infer<typeof secretRecordSchema>
/** A secret as callers hand it in: storage fills in the connection id and version. */
export type SecretInput = Omit<SecretRecord, 'schemaVersion' | 'connectionId'>

/** A stored secret as a new SecretInput: everything but what storage fills in. */
export function secretInputOf(secret: SecretRecord): SecretInput {
  const { token, refreshToken, tokenEndpoint, expiresAt, lifetime } = secret
  return {
    token,
    lifetime,
    ...(refreshToken ? { refreshToken } : {}),
    ...(tokenEndpoint ? { tokenEndpoint } : {}),
    ...(expiresAt !== undefined ? { expiresAt } : {}),
  }
}

/** The target fields of a record (exactly those of its type's ProviderTarget, no others). */
export function targetOf(record: ConnectionRecord): ProviderTarget {
  const source: Readonly<Record<string, unknown>> = record
  const target: Record<string, unknown> = {}
  for (const key of Object.keys(targetShapes[record.type])) {
    if (source[key] !== undefined) target[key] = source[key]
  }
  // Sound: the keys are this type's target shape, which TargetSchemaMatches ties to ProviderTarget.
  return target as ProviderTarget
}

// Compile-time checks: the schemas say exactly what the domain types say.

type Variant<U, T> = Extract<U, { type: T }>
type Mutual<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
type SameKeys<A, B> = Mutual<keyof A, keyof B>
type Assert<T extends true> = T

type SchemaTarget = z.infer<typeof providerTargetSchema>
type VariantMatches = {
  [T in ConnectionType]: [
    Mutual<Variant<SchemaTarget, T>, Variant<ProviderTarget, T>>,
    SameKeys<Variant<SchemaTarget, T>, Variant<ProviderTarget, T>>,
  ]
}

/** Fails to compile when providerTargetSchema and ProviderTarget disagree. */
export type TargetSchemaMatches = Assert<
  [Mutual<SchemaTarget['type'], ConnectionType>, VariantMatches[ConnectionType]] extends [
    true,
    [true, true],
  ]
    ? true
    : false
>
/** Fails to compile when accountSchema and Account disagree. */
export type AccountSchemaMatches = Assert<
  [
    Mutual<z.infer<typeof accountSchema>, Account>,
    SameKeys<z.infer<typeof accountSchema>, Account>,
  ] extends [true, true]
    ? true
    : false
>
/** Fails to compile when remoteInfoSchema and RemoteInfo disagree. */
export type RemoteInfoSchemaMatches = Assert<
  [
    Mutual<z.infer<typeof remoteInfoSchema>, RemoteInfo>,
    SameKeys<z.infer<typeof remoteInfoSchema>, RemoteInfo>,
  ] extends [true, true]
    ? true
    : false
>
