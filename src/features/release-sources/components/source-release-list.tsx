import { Anchor, Badge, Code, Group, Stack, Text } from '@mantine/core'
import { displayText } from '@/lib/display-text.ts'
import { formatRelative } from '@/lib/format-time.ts'
import { safeLinkUrl } from '@/lib/safe-url.ts'
import type { ListCoverage, ShownRelease } from '../hooks/use-source-releases.ts'

const count = (value: number) => value.toLocaleString('en')

/**
 * The source's matching releases and tags, newest first, each with its commit and author, and
 * what they were chosen from (`coverage`, when the provider's lists were read just now).
 */
export function SourceReleaseList({
  rows,
  pattern,
  coverage = null,
}: {
  rows: readonly ShownRelease[]
  pattern: string | null
  coverage?: ListCoverage | null
}) {
  const cut =
    coverage?.cutAt != null ? (
      <Text size="xs" c="orange" mt="xs" data-testid="release-list-cut">
        The repository lists more than {count(coverage.cutAt)} tags or releases: only the first{' '}
        {count(coverage.cutAt)} the provider listed were read, so a newer one past them may be
        missing here.
      </Text>
    ) : null
  if (rows.length === 0) {
    return (
      <>
        <Text c="dimmed" size="sm">
          {pattern
            ? `No release or tag matches ${pattern} yet.`
            : 'This repository has no releases or tags yet.'}
        </Text>
        {cut}
      </>
    )
  }
  return (
    <>
      <Stack gap={0} role="list" aria-label="Releases and tags">
        {rows.map((row) => (
          <ReleaseRow key={row.tagName} row={row} />
        ))}
      </Stack>
      {coverage && coverage.matching > rows.length ? (
        <Text size="xs" c="dimmed" mt="xs" data-testid="release-list-coverage">
          The newest {count(rows.length)} of {count(coverage.matching)} matching releases and tags.
        </Text>
      ) : null}
      {cut}
    </>
  )
}

/** One release or tag; provider text escaped and clipped, its link only when http(s). */
function ReleaseRow({ row }: { row: ShownRelease }) {
  const title = displayText(row.name ?? row.tagName)
  const tag = displayText(row.tagName, 60)
  const subject = row.commit?.subject ? displayText(row.commit.subject) : null
  const author = row.commit?.author ? displayText(row.commit.author, 80) : null
  const webUrl = safeLinkUrl(row.webUrl)
  return (
    <Group
      justify="space-between"
      wrap="nowrap"
      py="xs"
      role="listitem"
      data-testid="release-row"
      style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
    >
      <Stack gap={2} style={{ minWidth: 0 }}>
        <Group gap="xs" wrap="nowrap">
          <Text size="sm" fw={600} truncate="end" title={title.full}>
            {webUrl ? (
              <Anchor href={webUrl} target="_blank" rel="noopener noreferrer" inherit>
                {title.text}
              </Anchor>
            ) : (
              title.text
            )}
          </Text>
          {row.name && row.name !== row.tagName ? <Code title={tag.full}>{tag.text}</Code> : null}
          <Badge size="xs" variant="outline" color={row.kind === 'release' ? 'blue' : 'gray'}>
            {row.kind === 'release' ? 'Release' : 'Tag'}
          </Badge>
          {row.prerelease ? (
            <Badge size="xs" color="orange">
              Pre-release
            </Badge>
          ) : null}
        </Group>
        <Text size="xs" c="dimmed" truncate="end" title={subject?.full}>
          {row.commit ? (
            <>
              <Code data-testid="release-commit">{row.commit.sha.slice(0, 7)}</Code>
              {subject ? ` ${subject.text}` : ''}
              {author ? (
                <>
                  {' · by '}
                  <Text
                    span
                    inherit
                    fw={600}
                    c="var(--mantine-color-text)"
                    title={
                      row.commit.authorDetails
                        ? displayText(row.commit.authorDetails).full
                        : undefined
                    }
                    data-testid="release-author"
                  >
                    <bdi>{author.text}</bdi>
                  </Text>
                </>
              ) : null}
            </>
          ) : (
            'Commit not known'
          )}
        </Text>
      </Stack>
      {row.date ? (
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          <time dateTime={row.date} title={new Date(row.date).toLocaleString()}>
            {formatRelative(row.date)}
          </time>
        </Text>
      ) : null}
    </Group>
  )
}
