import { Badge, Code, Group, Stack, Text } from '@mantine/core'
import { displayText } from '@/lib/display-text.ts'
import { formatRelative } from '@/lib/format-time.ts'
import type { BuildRecord } from '@/storage/release-source-schema.ts'

const RESULT = {
  accepted: { label: 'Accepted', color: 'teal' },
  rejected: { label: 'Refused', color: 'red' },
  failed: { label: 'Failed', color: 'red' },
  'not-configured': { label: 'Not sent', color: 'gray' },
} as const

/** The builds requested for a source from this browser, newest first, with the endpoint's answer. */
export function BuildList({ builds }: { builds: readonly BuildRecord[] }) {
  if (builds.length === 0) {
    return (
      <Text c="dimmed" size="sm">
        No build has been requested from this browser yet.
      </Text>
    )
  }
  return (
    <Stack gap={0} role="list" aria-label="Builds">
      {builds.map((build) => {
        const result = RESULT[build.result.state]
        return (
          <Stack
            key={build.id}
            gap={2}
            py="xs"
            role="listitem"
            data-testid="build-row"
            style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
          >
            <Group justify="space-between" wrap="nowrap">
              <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
                <Badge color={result.color} variant="light">
                  {result.label}
                </Badge>
                {build.commit ? (
                  <Code data-testid="build-commit">{build.commit.sha.slice(0, 7)}</Code>
                ) : null}
                <Text size="sm" truncate="end">
                  {build.commit?.message ?? build.branch}
                </Text>
              </Group>
              <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                <time
                  dateTime={build.requestedAt}
                  title={new Date(build.requestedAt).toLocaleString()}
                >
                  {formatRelative(build.requestedAt)}
                </time>
              </Text>
            </Group>
            <Text size="xs" c="dimmed">
              {build.trigger === 'manual' ? 'By hand' : 'By webhook'}, by{' '}
              <bdi>{displayText(build.triggeredBy, 100).text}</bdi>, on{' '}
              <bdi>{displayText(build.branch, 100).text}</bdi>
              {build.commit?.author ? (
                <>
                  {' · commit by '}
                  <bdi>{displayText(build.commit.author, 100).text}</bdi>
                </>
              ) : null}
            </Text>
            <Text size="xs">{build.result.message}</Text>
          </Stack>
        )
      })}
    </Stack>
  )
}
