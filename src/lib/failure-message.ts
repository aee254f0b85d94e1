/**
 * Any failure of a call made through a stored connection, as one sentence that says what to do:
 * provider failures by their kind, a missing or refused token by what to do about it, anything
 * else by its own message.
 */
import { isProviderError } from '@/providers/errors.ts'
import { targetOf, type ConnectionRecord } from '@/storage/schema.ts'
import { TokenMissingError } from './connection-provider.ts'
import { connectionTypeInfo } from './connection-types.ts'
import {
  explainProviderError,
  joinWords,
  type ProviderErrorText,
} from './provider-error-message.ts'

export function describeFailure(error: Error, record: ConnectionRecord): string {
  return joinWords(explainFailure(error, record))
}

/** Our sentence, and apart from it the provider's words when a provider said something. */
export function explainFailure(error: Error, record: ConnectionRecord): ProviderErrorText {
  if (isProviderError(error)) return explainProviderError(error, targetOf(record))
  if (error instanceof TokenMissingError) {
    return { sentence: tokenMissingMessage(error, record), providerWords: null }
  }
  return { sentence: error.message, providerWords: null }
}

function tokenMissingMessage(error: TokenMissingError, record: ConnectionRecord): string {
  const provider = connectionTypeInfo[record.type].label
  return error.reason === 'refused'
    ? `${provider} refused the stored token: it was revoked, has expired or was replaced. Re-enter a token to go on; nothing else about “${record.name}” is lost.`
    : `This browser no longer has the token for “${record.name}”. Re-enter it to go on; nothing else is lost.`
}
