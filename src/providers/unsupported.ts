import { ProviderError } from './errors.ts'
import type { ConnectionType } from './types.ts'
import { connectionTypeNames } from './type-names.ts'

/** What an adapter throws for a method outside its capabilities. */
export function unsupported(type: ConnectionType, what: string): ProviderError {
  return new ProviderError(
    'unsupported',
    `${connectionTypeNames[type]} connections cannot ${what}.`,
  )
}
