import { Anchor, Avatar, Code, Group, Stack, Text } from '@mantine/core'
import { IconExternalLink } from '@tabler/icons-react'
import { displayAuthor, type AuthorContext } from '@/lib/commit-author.ts'
import { formatRelative } from '@/lib/format-time.ts'
import type { Commit } from '@/providers/types.ts'

/** One commit: avatar, author as the connection says to show it, date, subject, short sha, link. */
export function CommitRow({ commit, context }: { commit: Commit; context: AuthorContext }) {
  const author = displayAuthor(commit.author, context)
  const subject = commit.message.split('\n', 1)[0] ?? ''
  const others = [author.name, author.email, author.login && `@${author.login}`]
    .filter((part): part is string => Boolean(part) && part !== author.label)
    .join(' · ')
  return (
    <Group wrap="nowrap" gap="sm" py="xs" align="flex-start" data-testid="commit-row">
      <Avatar src={author.avatarUrl} alt="" size={32} radius="xl">
        {author.name.slice(0, 2).toUpperCase()}
      </Avatar>
      <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
        <Text size="sm" fw={500} truncate="end">
          {subject}
        </Text>
        <Text size="xs" c="dimmed">
          <Text
            span
            fw={600}
            c="var(--mantine-color-text)"
            title={others}
            data-testid="commit-author"
          >
            {author.label}
          </Text>{' '}
          committed{' '}
          <time dateTime={commit.author.date} title={new Date(commit.author.date).toLocaleString()}>
            {formatRelative(commit.author.date)}
          </time>
        </Text>
      </Stack>
      <Group gap={6} wrap="nowrap">
        <Code>{commit.sha.slice(0, 7)}</Code>
        {commit.webUrl ? (
          <Anchor
            href={commit.webUrl}
            target="_blank"
            rel="noopener noreferrer"
            aria-label={`Open ${commit.sha.slice(0, 7)} on the provider`}
          >
            <IconExternalLink size={16} />
          </Anchor>
        ) : null}
      </Group>
    </Group>
  )
}
