import { Anchor, Avatar, Code, Group, Stack, Text } from '@mantine/core'
import { IconExternalLink } from '@tabler/icons-react'
import { displayAuthor, type AuthorContext } from '@/lib/commit-author.ts'
import { displayText, initialsOf } from '@/lib/display-text.ts'
import { formatRelative } from '@/lib/format-time.ts'
import { safeImageUrl, safeLinkUrl } from '@/lib/safe-url.ts'
import type { Commit } from '@/providers/types.ts'

/** One commit: avatar, author as the connection says to show it, date, subject, short sha, link. */
export function CommitRow({ commit, context }: { commit: Commit; context: AuthorContext }) {
  const author = displayAuthor(commit.author, context)
  // Provider text is escaped and clipped (display-text.ts); links and images only when http(s).
  const subject = displayText(commit.message.split('\n', 1)[0] ?? '')
  const label = displayText(author.label, 80)
  const others = displayText(
    [author.name, author.email, author.login && `@${author.login}`]
      .filter((part): part is string => Boolean(part) && part !== author.label)
      .join(' · '),
  ).full
  const webUrl = safeLinkUrl(commit.webUrl)
  return (
    <Group wrap="nowrap" gap="sm" py="xs" align="flex-start" data-testid="commit-row">
      <Avatar src={safeImageUrl(author.avatarUrl)} alt="" size={32} radius="xl">
        {initialsOf(author.name)}
      </Avatar>
      <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
        <Text size="sm" fw={500} truncate="end" title={subject.full}>
          {subject.text}
        </Text>
        <Text size="xs" c="dimmed" truncate="end">
          <Text
            span
            fw={600}
            c="var(--mantine-color-text)"
            title={label.clipped ? `${label.full} · ${others}` : others}
            data-testid="commit-author"
          >
            <bdi>{label.text}</bdi>
          </Text>{' '}
          committed{' '}
          <time dateTime={commit.author.date} title={new Date(commit.author.date).toLocaleString()}>
            {formatRelative(commit.author.date)}
          </time>
        </Text>
      </Stack>
      <Group gap={6} wrap="nowrap">
        <Code>{commit.sha.slice(0, 7)}</Code>
        {webUrl ? (
          <Anchor
            href={webUrl}
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
