import { Alert, Anchor, Loader } from '@mantine/core'
import type { ReactNode } from 'react'
import { Link } from 'react-router'
import { useConnections } from '@/features/connections/hooks/use-connections.ts'
import { paths } from '@/lib/paths.ts'
import type { ConnectionRecord } from '@/storage/schema.ts'

interface Props {
  connectionId: string
  children: (record: ConnectionRecord) => ReactNode
}

/** Renders a page for a stored connection, or says this browser has no such connection. */
export function ConnectionGate({ connectionId, children }: Props) {
  const { data, isPending } = useConnections()
  const stored = data?.connections.find((entry) => entry.record.id === connectionId)
  if (isPending) return <Loader aria-label="Loading connection" />
  if (!stored) {
    return (
      <Alert color="yellow" title="No such connection">
        This browser has no connection with this address.{' '}
        <Anchor component={Link} to={paths.connections()}>
          Back to your connections
        </Anchor>
      </Alert>
    )
  }
  return children(stored.record)
}
