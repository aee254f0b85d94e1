import { Alert, Text } from '@mantine/core'
import { ProviderSaid } from '@/features/connections/components/provider-said.tsx'
import { ReenterTokenButton } from '@/features/connections/components/reenter-token-button.tsx'
import { TokenMissingError } from '@/lib/connection-provider.ts'
import { explainFailure } from '@/lib/failure-message.ts'
import { isProviderError } from '@/providers/errors.ts'
import type { ConnectionRecord } from '@/storage/schema.ts'

interface Props {
  title: string
  error: Error
  record: ConnectionRecord
}

/**
 * A failure while browsing, as a sentence that says what to do, with the provider's own words
 * quoted apart from it. A refused or missing token offers
 * "Re-enter token" right there: the side panel opens over the page, and once the token is saved the
 * page's queries are reset and load again (use-save-connection.ts).
 */
export function ProviderErrorAlert({ title, error, record }: Props) {
  const needsToken =
    error instanceof TokenMissingError || (isProviderError(error) && error.kind === 'unauthorized')
  const { sentence, providerWords } = explainFailure(error, record)
  return (
    <Alert color={needsToken ? 'orange' : 'red'} title={title} role="alert">
      <Text size="sm">{sentence}</Text>
      {providerWords ? <ProviderSaid words={providerWords} /> : null}
      {needsToken ? (
        <ReenterTokenButton
          connectionId={record.id}
          signedIn={record.authMethod === 'oauth'}
          mt="sm"
        />
      ) : null}
    </Alert>
  )
}
