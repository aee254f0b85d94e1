/**
 * How each provider proves a delivery is its own, checked exactly as the provider documents it:
 * - GitHub: `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body>`
 *   (github/docs content/webhooks/using-webhooks/validating-webhook-deliveries.md).
 * - Bitbucket Cloud: `X-Hub-Signature: sha256=<hex HMAC-SHA256 of the raw body>`
 *   (https://bitbucket.org/blog/enhanced-webhook-security).
 * - GitLab: `X-Gitlab-Token` carries the secret itself (docs.gitlab.com, webhooks, "secret token").
 * - Azure DevOps: no signature; the app's subscription sends the secret in the custom header
 *   `X-Git-Connector-Secret` (src/providers/azure-devops/webhooks.ts).
 * Web Crypto only, so it runs on Node 20 and on Workers-style platforms alike.
 */
import type { ProviderFamily } from './types.ts'

const encoder = new TextEncoder()

/** Compares without an early exit, so the time taken does not tell how much of a guess was right. */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  let difference = a.length ^ b.length
  for (let i = 0; i < a.length; i += 1) difference |= (a[i] ?? 0) ^ (b[i % b.length] ?? 0)
  return difference === 0
}

function hexToBytes(hex: string): Uint8Array | null {
  if (!/^(?:[0-9a-f]{2})+$/i.test(hex)) return null
  const bytes = new Uint8Array(hex.length / 2)
  for (let i = 0; i < bytes.length; i += 1) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16)
  return bytes
}

export async function hmacSha256Hex(
  secret: string,
  body: Uint8Array<ArrayBuffer>,
): Promise<string> {
  const key = await crypto.subtle.importKey(
    'raw',
    encoder.encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  )
  const signature = new Uint8Array(await crypto.subtle.sign('HMAC', key, body))
  return Array.from(signature, (byte) => byte.toString(16).padStart(2, '0')).join('')
}

async function hmacHeaderHolds(
  header: string | null,
  secret: string,
  body: Uint8Array<ArrayBuffer>,
) {
  if (header === null || !header.startsWith('sha256=')) return false
  const given = hexToBytes(header.slice('sha256='.length))
  if (given === null) return false
  const expected = hexToBytes(await hmacSha256Hex(secret, body))
  return expected !== null && constantTimeEqual(given, expected)
}

function plainSecretHolds(header: string | null, secret: string): boolean {
  return header !== null && constantTimeEqual(encoder.encode(header), encoder.encode(secret))
}

export const AZURE_SECRET_HEADER = 'X-Git-Connector-Secret'

export async function deliveryIsSigned(
  family: ProviderFamily,
  headers: Headers,
  body: Uint8Array<ArrayBuffer>,
  secret: string,
): Promise<boolean> {
  switch (family) {
    case 'github':
      return hmacHeaderHolds(headers.get('x-hub-signature-256'), secret, body)
    case 'bitbucket':
      return hmacHeaderHolds(headers.get('x-hub-signature'), secret, body)
    case 'gitlab':
      return plainSecretHolds(headers.get('x-gitlab-token'), secret)
    case 'azure-devops':
      return plainSecretHolds(headers.get(AZURE_SECRET_HEADER), secret)
  }
}
