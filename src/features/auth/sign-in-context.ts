/**
 * What a sign-in carries through the provider's pages (in sessionStorage, beside its state): the
 * connection to create or re-authorize, without any secret. Read back through a schema, because
 * after a full-page redirect it comes from storage, not from memory.
 */
import { z } from 'zod/mini'
import { providerTargetSchema, tokenLifetimeSchema } from '@/storage/schema.ts'
import type { ConnectionDraft } from '../connections/form/validate-form.ts'

const contextSchema = z.object({
  name: z.string(),
  username: z.optional(z.string()),
  target: providerTargetSchema,
  tokenLifetime: tokenLifetimeSchema,
  /** Set when signing in again on an existing connection. */
  connectionId: z.optional(z.string()),
})

export type SignInContext = z.infer<typeof contextSchema>

export function signInContext(draft: ConnectionDraft, connectionId?: string): SignInContext {
  return {
    name: draft.name,
    ...(draft.username ? { username: draft.username } : {}),
    target: draft.target,
    tokenLifetime: draft.tokenLifetime,
    ...(connectionId ? { connectionId } : {}),
  }
}

export function readSignInContext(value: unknown): SignInContext | null {
  const parsed = contextSchema.safeParse(value)
  return parsed.success ? parsed.data : null
}

/** The draft to save with the token the sign-in gave. */
export function draftFromContext(context: SignInContext, token: string): ConnectionDraft {
  return {
    name: context.name,
    username: context.username,
    target: context.target,
    token,
    tokenLifetime: context.tokenLifetime,
    authMethod: 'oauth',
  }
}
