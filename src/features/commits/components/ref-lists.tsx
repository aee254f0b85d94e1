import { Badge, Button, Code, Group, Stack, Text } from '@mantine/core'
import { useState, type ReactNode } from 'react'
import { displayText } from '@/lib/display-text.ts'
import { formatRelative } from '@/lib/format-time.ts'
import type { Collected } from '@/providers/collect-all.ts'
import type { Release, Tag } from '@/providers/types.ts'

/** Rows drawn at first and per "Show more": 5,000 tags at once would stall the page. */
const SHOWN_STEP = 200

const count = (value: number) => value.toLocaleString('en')

/** The first rows of a whole list, more on request, and a line when the list was cut at its bound. */
function Revealed<T>({
  list,
  noun,
  children,
}: {
  list: Collected<T>
  noun: string
  children: (items: readonly T[]) => ReactNode
}) {
  const [shown, setShown] = useState(SHOWN_STEP)
  const rest = list.items.length - shown
  return (
    <Stack gap="xs">
      {children(list.items.slice(0, shown))}
      {rest > 0 ? (
        <Group justify="center">
          <Button variant="default" onClick={() => setShown((value) => value + SHOWN_STEP)}>
            Show {count(Math.min(rest, SHOWN_STEP))} more of {count(rest)}
          </Button>
        </Group>
      ) : null}
      {list.complete ? null : (
        <Text size="xs" c="orange">
          The repository has more than {count(list.limit)} {noun}: only the first{' '}
          {count(list.limit)} the provider listed were read.
        </Text>
      )}
    </Stack>
  )
}

export function TagList({ list }: { list: Collected<Tag> }) {
  if (list.items.length === 0) return <Text c="dimmed">This repository has no tags.</Text>
  return (
    <Revealed list={list} noun="tags">
      {(tags) => <Tags tags={tags} />}
    </Revealed>
  )
}

function Tags({ tags }: { tags: readonly Tag[] }) {
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

export function ReleaseList({ list }: { list: Collected<Release> }) {
  if (list.items.length === 0) return <Text c="dimmed">This repository has no releases.</Text>
  return (
    <Revealed list={list} noun="releases">
      {(releases) => <Releases releases={releases} />}
    </Revealed>
  )
}

function Releases({ releases }: { releases: readonly Release[] }) {
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
