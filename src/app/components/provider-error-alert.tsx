import { Alert, Button, Text } from '@mantine/core'
import { IconKey } from '@tabler/icons-react'
import { useNavigate } from 'react-router'
import { usePanelStore } from '@/features/connections/panel-store.ts'
import { TokenMissingError } from '@/lib/connection-provider.ts'
import { paths } from '@/lib/paths.ts'
import { describeProviderError } from '@/lib/provider-error-message.ts'
import { isProviderError } from '@/providers/errors.ts'
import { targetOf, type ConnectionRecord } from '@/storage/schema.ts'

interface Props {
  title: string
  error: Error
  record: ConnectionRecord
}

/**
 * A failure while browsing, as a sentence that says what to do. A refused or missing token offers
 * "Re-enter token" right there; the connection keeps everything else.
 */
export function ProviderErrorAlert({ title, error, record }: Props) {
  const navigate = useNavigate()
  const openReenter = usePanelStore((state) => state.openReenter)
  const needsToken =
    error instanceof TokenMissingError || (isProviderError(error) && error.kind === 'unauthorized')
  const message = isProviderError(error)
    ? describeProviderError(error, targetOf(record))
    : error.message
  return (
    <Alert color={needsToken ? 'orange' : 'red'} title={title} role="alert">
      <Text size="sm">{message}</Text>
      {needsToken ? (
        <Button
          mt="sm"
          size="xs"
          color="orange"
          leftSection={<IconKey size={14} />}
          onClick={() => {
            openReenter(record.id)
            void navigate(paths.connections())
          }}
        >
          Re-enter token
        </Button>
      ) : null}
    </Alert>
  )
}
