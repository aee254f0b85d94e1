import { Code, Stack, Text } from '@mantine/core'
import type { ConnectionRecord } from '@/storage/schema.ts'
import { remoteFacts } from '../remote-info.ts'

/** A Custom Git connection's Account cell: the remote's own facts, since it has no account. */
export function RemoteSummary({ record }: { record: ConnectionRecord }) {
  const facts = remoteFacts(record)
  if (!facts) {
    return (
      <Text size="sm" c="dimmed">
        No account (git remote)
      </Text>
    )
  }
  return (
    <Stack gap={2} data-testid="remote-summary">
      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
        <bdi title={facts.branch.full}>{facts.branch.text}</bdi> at{' '}
        <Code title={facts.commit}>{facts.shortCommit}</Code>
      </Text>
      <Text size="xs" c="dimmed">
        {facts.defaultBranch ? (
          <>
            Default branch <bdi title={facts.defaultBranch.full}>{facts.defaultBranch.text}</bdi>
          </>
        ) : (
          'No default branch named'
        )}{' '}
        · {facts.refs}
      </Text>
    </Stack>
  )
}
