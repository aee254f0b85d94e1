import { Badge } from '@mantine/core'
import type { ReleaseSourceRecord } from '@/storage/release-source-schema.ts'

const LOOK = {
  none: { label: 'No webhook', color: 'gray' },
  provisioned: { label: 'Webhook provisioned', color: 'teal' },
  failed: { label: 'Webhook failed', color: 'red' },
  missing: { label: 'Webhook missing', color: 'orange' },
  removed: { label: 'Webhook removed', color: 'gray' },
} as const

/** The source's webhook state in two words; "Disconnected" wins once the connection is gone. */
export function WebhookBadge({ source }: { source: ReleaseSourceRecord }) {
  if (source.connectionId === null) {
    return (
      <Badge color="gray" variant="outline">
        Disconnected
      </Badge>
    )
  }
  const look = LOOK[source.webhook.state]
  return (
    <Badge color={look.color} variant="light">
      {source.connectionType === 'custom-git' ? 'Manual builds' : look.label}
    </Badge>
  )
}
