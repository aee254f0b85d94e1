import { Badge } from '@mantine/core'
import type { ConnectionStatus } from '../connection-status.ts'

const look: Record<ConnectionStatus, { label: string; color: string; hint: string }> = {
  connected: { label: 'Connected', color: 'teal', hint: 'The provider accepted the token.' },
  unverified: {
    label: 'Unverified',
    color: 'yellow',
    hint: 'Saved without a check: the browser could not reach the provider.',
  },
  'needs-token': {
    label: 'Needs token',
    color: 'orange',
    hint: 'This browser no longer has the token. Everything else is kept.',
  },
  refused: {
    label: 'Needs token',
    color: 'orange',
    hint: 'The provider refused the stored token (revoked or expired). Everything else is kept.',
  },
  expired: {
    label: 'Token expired',
    color: 'red',
    hint: 'The provider said this token has expired.',
  },
}

export function StatusBadge({ status }: { status: ConnectionStatus }) {
  const { label, color, hint } = look[status]
  return (
    <Badge
      color={color}
      variant="light"
      radius="sm"
      tt="none"
      title={hint}
      styles={{ root: { flexShrink: 0, overflow: 'visible' }, label: { overflow: 'visible' } }}
    >
      {label}
    </Badge>
  )
}
