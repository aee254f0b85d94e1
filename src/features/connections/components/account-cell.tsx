import { Avatar, Group, Stack, Text } from '@mantine/core'
import { safeImageUrl } from '@/lib/safe-url.ts'
import type { ConnectionRecord } from '@/storage/schema.ts'

/** Who the token belongs to, as the provider said at the last check. */
export function AccountCell({ record }: { record: ConnectionRecord }) {
  const { account } = record
  if (!account) {
    return (
      <Text size="sm" c="dimmed">
        {record.type === 'custom-git' ? 'No account (git remote)' : 'Not checked yet'}
      </Text>
    )
  }
  return (
    <Group gap="xs" wrap="nowrap">
      <Avatar src={safeImageUrl(account.avatarUrl)} alt="" size={28} radius="xl">
        {account.login.slice(0, 2).toUpperCase()}
      </Avatar>
      <Stack gap={0}>
        <Text size="sm" fw={500} style={{ whiteSpace: 'nowrap' }}>
          {account.login}
        </Text>
        {account.displayName && account.displayName !== account.login ? (
          <Text size="xs" c="dimmed">
            {account.displayName}
          </Text>
        ) : null}
      </Stack>
    </Group>
  )
}
