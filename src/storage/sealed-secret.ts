/**
 * How an "Until I close the browser" secret is stored: the token, refresh token (with the endpoint
 * that issued it) and expiry sealed with AES-GCM under the session key (session-key.ts). What stays
 * readable is what storage needs to find and tell records apart: the connection id, the lifetime
 * and the id of the key.
 */
import { z } from 'zod/mini'
import { fromBase64, toBase64 } from './base64.ts'
import {
  isoDateTime,
  SECRET_SCHEMA_VERSION,
  type SecretRecord,
  secretRecordSchema,
  tokenEndpointUrl,
} from './schema.ts'
import type { SessionKey } from './session-key.ts'

const base64 = z.string().check(z.regex(/^[A-Za-z0-9+/]+={0,2}$/, 'must be base64'))

export const sealedSecretSchema = z.strictObject({
  schemaVersion: z.literal(SECRET_SCHEMA_VERSION),
  connectionId: z.string().check(z.minLength(1)),
  lifetime: z.literal('session'),
  sealed: z.strictObject({
    /** The session key it was sealed with; a key of another session cannot open it. */
    keyId: z.string().check(z.minLength(1)),
    iv: base64,
    data: base64,
  }),
})

export type SealedSecret = z.infer<typeof sealedSecretSchema>

/** What is sealed: the secret's values, without what the envelope already says. */
const sealedValuesSchema = z.strictObject({
  token: z.string().check(z.minLength(1)),
  refreshToken: z.optional(z.string().check(z.minLength(1))),
  tokenEndpoint: z.optional(tokenEndpointUrl),
  expiresAt: z.optional(z.nullable(isoDateTime)),
})

/**
 * Binds the ciphertext to its connection and key: a sealed token copied under another
 * connection's id fails to open instead of being sent to that connection's provider.
 */
function associatedData(connectionId: string, keyId: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(`git-connector:secret:${connectionId}:${keyId}`)
}

export function isSealed(raw: unknown): raw is SealedSecret {
  return sealedSecretSchema.safeParse(raw).success
}

export async function sealSecret(secret: SecretRecord, key: SessionKey): Promise<SealedSecret> {
  const { token, refreshToken, tokenEndpoint, expiresAt } = secret
  const values = {
    token,
    ...(refreshToken ? { refreshToken } : {}),
    ...(tokenEndpoint ? { tokenEndpoint } : {}),
    ...(expiresAt !== undefined ? { expiresAt } : {}),
  }
  const iv = crypto.getRandomValues(new Uint8Array(12))
  const data = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: associatedData(secret.connectionId, key.id) },
    key.key,
    new TextEncoder().encode(JSON.stringify(values)),
  )
  return {
    schemaVersion: SECRET_SCHEMA_VERSION,
    connectionId: secret.connectionId,
    lifetime: 'session',
    sealed: { keyId: key.id, iv: toBase64(iv), data: toBase64(new Uint8Array(data)) },
  }
}

/** The secret, or undefined when this key cannot open it (another session's, or tampered with). */
export async function openSealed(
  sealed: SealedSecret,
  key: SessionKey,
): Promise<SecretRecord | undefined> {
  if (sealed.sealed.keyId !== key.id) return undefined
  let plain: ArrayBuffer
  try {
    plain = await crypto.subtle.decrypt(
      {
        name: 'AES-GCM',
        iv: fromBase64(sealed.sealed.iv),
        additionalData: associatedData(sealed.connectionId, key.id),
      },
      key.key,
      fromBase64(sealed.sealed.data),
    )
  } catch {
    return undefined
  }
  let values: unknown
  try {
    values = JSON.parse(new TextDecoder().decode(plain))
  } catch {
    return undefined
  }
  const parsedValues = sealedValuesSchema.safeParse(values)
  if (!parsedValues.success) return undefined
  const parsed = secretRecordSchema.safeParse({
    ...parsedValues.data,
    schemaVersion: SECRET_SCHEMA_VERSION,
    connectionId: sealed.connectionId,
    lifetime: 'session',
  })
  return parsed.success ? parsed.data : undefined
}
