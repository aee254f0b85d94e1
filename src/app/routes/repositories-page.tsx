import { Anchor, Group, Loader, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core'
import { useCallback, useEffect, useRef } from 'react'
import { Link, useNavigation, useParams, useSearchParams } from 'react-router'
import { useOwners, useRepositories } from '@/features/repositories/hooks/use-repositories.ts'
import { RepositoryList } from '@/features/repositories/components/repository-list.tsx'
import { SkippedNotice } from '@/features/repositories/components/skipped-notice.tsx'
import { RepositorySearch } from '@/features/repositories/components/repository-search.tsx'
import { repositoryFilterFrom } from '@/features/repositories/filter.ts'
import { connectionTypeInfo } from '@/lib/connection-types.ts'
import { paths } from '@/lib/paths.ts'
import type { ConnectionRecord } from '@/storage/schema.ts'
import { ConnectionGate } from '../components/connection-gate.tsx'
import { ProviderErrorAlert } from '../components/provider-error-alert.tsx'
import { Inert } from '@/lib/inert-text.tsx'

/** A connection's repositories: search on the server as you type, filter by owner, sort. */
export function RepositoriesPage() {
  const { connectionId = '' } = useParams()
  return (
    <ConnectionGate connectionId={connectionId}>
      {(record) => <Repositories record={record} />}
    </ConnectionGate>
  )
}

function Repositories({ record }: { record: ConnectionRecord }) {
  const [params, setParams] = useSearchParams()
  const filter = repositoryFilterFrom(params)
  // A search that settles after the person clicked away (the next page's chunk still loading)
  // must not rewrite the new page's URL: setSearchParams would replace its query.
  const { state: navigationState } = useNavigation()
  const idle = useRef(true)
  useEffect(() => {
    idle.current = navigationState === 'idle'
  }, [navigationState])
  const onSearch = useCallback(
    (text: string) => {
      if (!idle.current) return
      setParams(
        (current) => {
          const next = new URLSearchParams(current)
          if (text) next.set('q', text)
          else next.delete('q')
          return next
        },
        { replace: true },
      )
    },
    [setParams],
  )
  const setParam = (key: string, value: string | null) =>
    setParams((current) => {
      const next = new URLSearchParams(current)
      if (value) next.set(key, value)
      else next.delete(key)
      return next
    })

  const owners = useOwners(record.id)
  const list = useRepositories(record.id, filter)
  const info = connectionTypeInfo[record.type]

  return (
    <Stack gap="md">
      <div>
        <Anchor component={Link} to={paths.connections()} size="sm">
          ← Connections
        </Anchor>
        <Title order={1} style={{ wordBreak: 'break-word' }}>
          <Inert value={record.name} />
        </Title>
        <Text c="dimmed" size="sm">
          {info.label} repositories
          {list.total !== null ? ` · ${list.total.toLocaleString()} in all` : ''}
        </Text>
      </div>
      <Group gap="sm" align="flex-end">
        <RepositorySearch initial={filter.search} onSearch={onSearch} />
        <Select
          label="Owner"
          placeholder="All owners"
          clearable
          searchable
          data={(owners.data ?? []).map((owner) => ({ value: owner.name, label: owner.name }))}
          value={filter.owner}
          onChange={(value) => setParam('owner', value)}
          w={240}
        />
        <SegmentedControl
          aria-label="Sort"
          data={[
            { value: 'updated', label: 'Recently active' },
            { value: 'name', label: 'Name' },
          ]}
          value={filter.sort}
          onChange={(value) => setParam('sort', value === 'name' ? 'name' : null)}
        />
      </Group>
      {list.isPending ? (
        <Group py="xl" justify="center">
          <Loader aria-label="Loading repositories" />
        </Group>
      ) : list.error ? (
        <ProviderErrorAlert
          title="The repositories could not be listed"
          error={list.error}
          record={record}
        />
      ) : list.repositories.length === 0 ? (
        <Text c="dimmed" py="xl" ta="center">
          {filter.search || filter.owner
            ? 'No repository matches this search.'
            : 'This account has no repositories it can see.'}
        </Text>
      ) : (
        <RepositoryList
          connectionId={record.id}
          repositories={list.repositories}
          total={list.total}
          hasMore={list.hasNextPage}
          loadingMore={list.isFetchingNextPage}
          onLoadMore={() => void list.fetchNextPage()}
        />
      )}
      {list.error ? null : (
        <SkippedNotice count={list.skipped} noun={['repository', 'repositories']} />
      )}
    </Stack>
  )
}
