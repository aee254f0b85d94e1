import { Anchor, Badge, Group, Stack, Text } from '@mantine/core'
import { Link } from 'react-router'
import { paths } from '@/lib/paths.ts'
import { IconGitBranch, IconLock } from '@tabler/icons-react'
import { displayText } from '@/lib/display-text.ts'
import { formatRelative } from '@/lib/format-time.ts'
import type { Repository } from '@/providers/types.ts'

/** One repository in the list: what a person scans for (name, owner, markers, branch, activity). */
export function RepositoryRow({
  repository,
  connectionId,
}: {
  repository: Repository
  connectionId: string
}) {
  // Escaped and clipped (see display-text.ts); the whole value stays in the title.
  const name = displayText(repository.fullName)
  const description = repository.description === null ? null : displayText(repository.description)
  const branch = repository.defaultBranch ? displayText(repository.defaultBranch, 60) : null
  return (
    <Group justify="space-between" wrap="nowrap" gap="md" px="md" h="100%">
      <Stack gap={2} style={{ minWidth: 0 }}>
        <Group gap={6} wrap="nowrap">
          <Anchor
            component={Link}
            to={paths.repository(connectionId, repository)}
            fw={600}
            size="sm"
            truncate="end"
            title={name.full}
          >
            {name.text}
          </Anchor>
          {repository.private ? (
            <Badge size="xs" variant="light" color="gray" leftSection={<IconLock size={10} />}>
              Private
            </Badge>
          ) : null}
          {repository.archived ? (
            <Badge size="xs" variant="light" color="yellow">
              Archived
            </Badge>
          ) : null}
          {repository.fork ? (
            <Badge size="xs" variant="light" color="blue">
              Fork
            </Badge>
          ) : null}
        </Group>
        <Text size="xs" c="dimmed" truncate="end" title={description?.full}>
          {description?.text ?? 'No description'}
        </Text>
      </Stack>
      <Group gap="lg" wrap="nowrap" style={{ flexShrink: 0 }}>
        {branch ? (
          <Group gap={4} wrap="nowrap" style={{ maxWidth: 200 }}>
            <IconGitBranch size={14} aria-label="Default branch" style={{ flexShrink: 0 }} />
            <Text size="xs" truncate="end" title={branch.full}>
              {branch.text}
            </Text>
          </Group>
        ) : null}
        {repository.updatedAt ? (
          <Text
            size="xs"
            c="dimmed"
            w={110}
            ta="right"
            title={new Date(repository.updatedAt).toLocaleString()}
          >
            {formatRelative(repository.updatedAt)}
          </Text>
        ) : null}
      </Group>
    </Group>
  )
}
