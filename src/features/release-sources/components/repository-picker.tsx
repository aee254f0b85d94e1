import { Group, Loader, Text, TextInput, UnstyledButton } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useInfiniteQuery } from '@tanstack/react-query'
import { IconLock, IconSearch } from '@tabler/icons-react'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import type { RepositoryFilter } from '@/features/repositories/filter.ts'
import { displayText } from '@/lib/display-text.ts'
import { repositoryListQuery } from '@/features/repositories/queries.ts'
import type { Repository } from '@/providers/types.ts'

const ROW_HEIGHT = 52
const PREFETCH_ROWS = 20

interface Props {
  connectionId: string
  value: Pick<Repository, 'id' | 'fullName'> | null
  onChange: (repository: Repository) => void
  error?: string | undefined
  /** Turns a failure to list into a sentence. */
  describeError: (error: Error) => string
}

/**
 * The repository list of browsing, as a picker: server-side search as you type, the same cached
 * pages (a repository list seen while browsing opens at once), virtualized rows, arrow keys and
 * Enter to choose.
 */
export function RepositoryPicker({ connectionId, value, onChange, error, describeError }: Props) {
  const [typed, setTyped] = useState('')
  const [search] = useDebouncedValue(typed.trim(), 250)
  const list = useInfiniteQuery(repositoryListQuery(connectionId, filterFor(search)))
  const repositories = list.data?.pages.flatMap((page) => page.items) ?? []
  const [active, setActive] = useState(0)
  const listId = useId()
  const scrollRef = useRef<HTMLDivElement>(null)
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual's documented use
  const virtualizer = useVirtualizer({
    count: repositories.length + (list.hasNextPage ? 1 : 0),
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
  })
  const items = virtualizer.getVirtualItems()
  const lastIndex = items.at(-1)?.index ?? 0
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastIndex >= repositories.length - PREFETCH_ROWS) {
      void fetchNextPage()
    }
  }, [hasNextPage, isFetchingNextPage, lastIndex, repositories.length, fetchNextPage])

  const move = (to: number) => {
    const next = Math.max(0, Math.min(repositories.length - 1, to))
    setActive(next)
    virtualizer.scrollToIndex(next)
  }
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') move(active + 1)
    else if (event.key === 'ArrowUp') move(active - 1)
    else if (event.key === 'Enter') {
      const chosen = repositories[active]
      if (chosen) onChange(chosen)
    } else return
    event.preventDefault()
  }
  const optionId = (index: number) => `${listId}-${index}`

  return (
    <div>
      <TextInput
        label="Repository"
        description={
          value ? (
            <>
              Chosen: <strong>{displayText(value.fullName).text}</strong>
            </>
          ) : (
            'Search, then pick one. Arrow keys and Enter work too.'
          )
        }
        placeholder="Search repositories"
        leftSection={<IconSearch size={16} />}
        value={typed}
        onChange={(event) => {
          setTyped(event.currentTarget.value)
          setActive(0)
        }}
        onKeyDown={onKeyDown}
        role="combobox"
        aria-expanded
        aria-controls={listId}
        aria-activedescendant={repositories.length > 0 ? optionId(active) : undefined}
        error={error}
        withAsterisk
      />
      <div
        ref={scrollRef}
        style={{
          height: 260,
          overflow: 'auto',
          marginTop: 6,
          border: '1px solid var(--mantine-color-default-border)',
          borderRadius: 'var(--mantine-radius-sm)',
        }}
      >
        {list.isPending ? (
          <Group p="md" gap="xs">
            <Loader size="xs" /> <Text size="sm">Loading repositories…</Text>
          </Group>
        ) : list.error ? (
          <Text size="sm" c="red" p="md" role="alert">
            {describeError(list.error)}
          </Text>
        ) : repositories.length === 0 ? (
          <Text size="sm" c="dimmed" p="md">
            {search ? 'No repository matches this search.' : 'This account has no repositories.'}
          </Text>
        ) : null}
        <div
          id={listId}
          role="listbox"
          aria-label="Repositories"
          style={{ height: virtualizer.getTotalSize(), position: 'relative' }}
        >
          {items.map((item) => {
            const repository = repositories[item.index]
            const selected = repository !== undefined && repository.id === value?.id
            return (
              <div
                key={repository?.id ?? 'loading'}
                style={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  width: '100%',
                  height: ROW_HEIGHT,
                  transform: `translateY(${item.start}px)`,
                }}
              >
                {repository ? (
                  <UnstyledButton
                    id={optionId(item.index)}
                    role="option"
                    aria-selected={selected}
                    tabIndex={-1}
                    onClick={() => {
                      setActive(item.index)
                      onChange(repository)
                    }}
                    w="100%"
                    h="100%"
                    px="sm"
                    style={{
                      background: selected
                        ? 'var(--mantine-primary-color-light)'
                        : item.index === active
                          ? 'var(--mantine-color-default-hover)'
                          : undefined,
                    }}
                  >
                    <Group gap={6} wrap="nowrap">
                      <Text
                        size="sm"
                        fw={600}
                        truncate="end"
                        title={displayText(repository.fullName).full}
                      >
                        {displayText(repository.fullName).text}
                      </Text>
                      {repository.private ? <IconLock size={14} aria-label="Private" /> : null}
                    </Group>
                    <Text size="xs" c="dimmed" truncate="end">
                      {
                        displayText(
                          repository.description ??
                            `Default branch ${repository.defaultBranch ?? '—'}`,
                        ).text
                      }
                    </Text>
                  </UnstyledButton>
                ) : (
                  <Text size="sm" c="dimmed" p="sm" component="div">
                    <Loader size="xs" mr="xs" /> Loading more…
                  </Text>
                )}
              </div>
            )
          })}
        </div>
      </div>
    </div>
  )
}

/**
 * What was typed, as a repository filter. Providers search names, not full names, so a pasted
 * `owner/name` (or GitLab `group/sub/name`) becomes that owner's repositories named like `name`.
 */
export function filterFor(search: string): RepositoryFilter {
  const slash = search.lastIndexOf('/')
  if (slash <= 0 || slash === search.length - 1) return { search, owner: null, sort: 'updated' }
  return { search: search.slice(slash + 1), owner: search.slice(0, slash), sort: 'updated' }
}
