import { Badge, Code, Group, Stack, Text } from '@mantine/core'
import { displayText } from '@/lib/display-text.ts'
import { formatRelative } from '@/lib/format-time.ts'
import type { Release, Tag } from '@/providers/types.ts'

export function TagList({ tags }: { tags: readonly Tag[] }) {
  if (tags.length === 0) return <Text c="dimmed">This repository has no tags.</Text>
  return (
    <Stack gap={0} role="list" aria-label="Tags">
      {tags.map((tag) => (
        <Group key={tag.name} justify="space-between" wrap="nowrap" py="xs" role="listitem">
          <Text
            size="sm"
            fw={600}
            truncate="end"
            title={displayText(tag.name).full}
            style={{ minWidth: 0 }}
          >
            {displayText(tag.name).text}
          </Text>
          <Group gap="sm">
            {tag.date ? (
              <Text size="xs" c="dimmed" title={new Date(tag.date).toLocaleString()}>
                {formatRelative(tag.date)}
              </Text>
            ) : null}
            <Code>{tag.commitSha.slice(0, 7)}</Code>
          </Group>
        </Group>
      ))}
    </Stack>
  )
}

export function ReleaseList({ releases }: { releases: readonly Release[] }) {
  if (releases.length === 0) return <Text c="dimmed">This repository has no releases.</Text>
  return (
    <Stack gap={0} role="list" aria-label="Releases">
      {releases.map((release) => (
        <Group key={release.id} justify="space-between" wrap="nowrap" py="xs" role="listitem">
          <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
            <Text
              size="sm"
              fw={600}
              truncate="end"
              title={displayText(release.name ?? release.tagName).full}
              style={{ minWidth: 0 }}
            >
              {displayText(release.name ?? release.tagName).text}
            </Text>
            <Code>{displayText(release.tagName, 60).text}</Code>
            {release.draft ? (
              <Badge size="xs" color="gray">
                Draft
              </Badge>
            ) : null}
            {release.prerelease ? (
              <Badge size="xs" color="orange">
                Pre-release
              </Badge>
            ) : null}
          </Group>
          <Text size="xs" c="dimmed">
            {release.publishedAt ? formatRelative(release.publishedAt) : 'Not published'}
          </Text>
        </Group>
      ))}
    </Stack>
  )
}
