import { Avatar, Group, Stack, Text } from '@mantine/core'
import { initialsOf } from '@/lib/display-text.ts'
import { Inert } from '@/lib/inert-text.tsx'
import { safeImageUrl } from '@/lib/safe-url.ts'
import type { ConnectionRecord } from '@/storage/schema.ts'
import { RemoteSummary } from './remote-summary.tsx'

/** Who the token belongs to, as the provider said at the last check (its words made inert). */
export function AccountCell({ record }: { record: ConnectionRecord }) {
  const { account } = record
  if (record.type === 'custom-git') return <RemoteSummary record={record} />
  if (!account) {
    return (
      <Text size="sm" c="dimmed">
        Not checked yet
      </Text>
    )
  }
  return (
    <Group gap="xs" wrap="nowrap">
      <Avatar src={safeImageUrl(account.avatarUrl)} alt="" size={28} radius="xl">
        {initialsOf(account.login)}
      </Avatar>
      <Stack gap={0} style={{ minWidth: 0 }}>
        <Text size="sm" fw={500} style={{ whiteSpace: 'nowrap' }}>
          <Inert value={account.login} />
        </Text>
        {account.displayName && account.displayName !== account.login ? (
          <Text size="xs" c="dimmed" style={{ wordBreak: 'break-word' }}>
            <Inert value={account.displayName} />
          </Text>
        ) : null}
      </Stack>
    </Group>
  )
}
