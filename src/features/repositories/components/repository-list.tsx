import { Loader, Text } from '@mantine/core'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useRef } from 'react'
import type { Repository } from '@/providers/types.ts'
import { RepositoryRow } from './repository-row.tsx'

const ROW_HEIGHT = 64
/** Start loading the next page this many rows before the end is on screen. */
const PREFETCH_ROWS = 30

interface Props {
  connectionId: string
  repositories: readonly Repository[]
  /** Total when the provider tells it, for assistive technology's "item N of M". */
  total: number | null
  hasMore: boolean
  loadingMore: boolean
  onLoadMore: () => void
}

/**
 * A virtualized list: only the rows on screen (plus a few) exist in the DOM, whatever the length,
 * and the next page loads before the person reaches the end.
 */
export function RepositoryList({
  connectionId,
  repositories,
  total,
  hasMore,
  loadingMore,
  onLoadMore,
}: Props) {
  const scrollRef = useRef<HTMLDivElement>(null)
  // TanStack Virtual returns fresh functions each render by design; the React Compiler rule
  // about that does not apply to this hook's documented use.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: repositories.length + (hasMore ? 1 : 0),
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  })
  const items = virtualizer.getVirtualItems()
  const lastIndex = items.at(-1)?.index ?? 0

  useEffect(() => {
    if (hasMore && !loadingMore && lastIndex >= repositories.length - PREFETCH_ROWS) onLoadMore()
  }, [hasMore, loadingMore, lastIndex, repositories.length, onLoadMore])

  return (
    <div
      ref={scrollRef}
      style={{
        height: 'calc(100vh - 300px)',
        minHeight: 320,
        overflow: 'auto',
        border: '1px solid var(--mantine-color-default-border)',
        borderRadius: 'var(--mantine-radius-md)',
      }}
      data-testid="repository-scroller"
    >
      <div
        role="list"
        aria-label="Repositories"
        style={{ height: virtualizer.getTotalSize(), position: 'relative' }}
      >
        {items.map((item) => {
          const repository = repositories[item.index]
          return (
            <div
              key={repository?.id ?? 'loading'}
              role="listitem"
              aria-posinset={item.index + 1}
              aria-setsize={total ?? -1}
              style={{
                position: 'absolute',
                top: 0,
                left: 0,
                width: '100%',
                height: ROW_HEIGHT,
                transform: `translateY(${item.start}px)`,
                borderBottom: '1px solid var(--mantine-color-default-border)',
              }}
            >
              {repository ? (
                <RepositoryRow repository={repository} connectionId={connectionId} />
              ) : (
                <Text size="sm" c="dimmed" p="md" component="div">
                  <Loader size="xs" mr="xs" /> Loading more…
                </Text>
              )}
            </div>
          )
        })}
      </div>
    </div>
  )
}
