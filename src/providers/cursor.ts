/**
 * Opaque page cursors for the fetch-based adapters: base64url of a small JSON value, checked with
 * the adapter's own schema on the way back in. Bitbucket's carry its `next` link (and for
 * repositories the workspace index), Azure DevOps' an offset, `$skip` or continuation token,
 * Custom Git's an offset into the ref advertisement.
 */
import type { z } from 'zod'
import { ProviderError } from './errors.ts'

export function encodeCursor(value: unknown): string {
  const bytes = new TextEncoder().encode(JSON.stringify(value))
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/** The cursor's value, or null for the first page; a cursor this adapter did not issue fails. */
export function decodeCursor<T>(cursor: string | null | undefined, schema: z.ZodType<T>): T | null {
  if (cursor === undefined || cursor === null || cursor === '') return null
  try {
    const binary = atob(cursor.replace(/-/g, '+').replace(/_/g, '/'))
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0))
    return schema.parse(JSON.parse(new TextDecoder().decode(bytes)))
  } catch {
    throw new ProviderError('invalid-response', 'The page cursor is not one this list issued.')
  }
}
