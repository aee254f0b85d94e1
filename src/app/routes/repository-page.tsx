import { Anchor, Button, Group, Loader, Select, Stack, Tabs, Text, Title } from '@mantine/core'
import { IconGitBranch } from '@tabler/icons-react'
import { Link, useParams, useSearchParams } from 'react-router'
import { CommitRow } from '@/features/commits/components/commit-row.tsx'
import { ReleaseList, TagList } from '@/features/commits/components/ref-lists.tsx'
import {
  useBranches,
  useCapabilities,
  useCommits,
  useReleases,
  useTags,
} from '@/features/commits/hooks/use-repository-data.ts'
import { SkippedNotice } from '@/features/repositories/components/skipped-notice.tsx'
import { displayText } from '@/lib/display-text.ts'
import { paths } from '@/lib/paths.ts'
import type { RepoRef } from '@/providers/types.ts'
import type { ConnectionRecord } from '@/storage/schema.ts'
import { ConnectionGate } from '../components/connection-gate.tsx'
import { ProviderErrorAlert } from '../components/provider-error-alert.tsx'
import { Inert } from '@/lib/inert-text.tsx'

/** One repository: branch picker, its commits (authors as the connection says), tags, releases. */
export function RepositoryPage() {
  const { connectionId = '', '*': repoId = '' } = useParams()
  const [params] = useSearchParams()
  const repo: RepoRef = { id: repoId, fullName: params.get('name') ?? repoId }
  return (
    <ConnectionGate connectionId={connectionId}>
      {(record) => <Repository record={record} repo={repo} />}
    </ConnectionGate>
  )
}

function Repository({ record, repo }: { record: ConnectionRecord; repo: RepoRef }) {
  const [params, setParams] = useSearchParams()
  const capabilities = useCapabilities(record.id)
  const branches = useBranches(record.id, repo, '')
  const branch = params.get('branch') ?? branches.data?.items[0]?.name ?? null
  const tab = params.get('tab') ?? 'commits'
  const setParam = (key: string, value: string) =>
    setParams((current) => {
      const next = new URLSearchParams(current)
      next.set(key, value)
      return next
    })

  return (
    <Stack gap="md">
      <div>
        <Anchor component={Link} to={paths.repositories(record.id)} size="sm">
          ← <Inert value={record.name} />
        </Anchor>
        <Title
          order={1}
          style={{ wordBreak: 'break-word' }}
          lineClamp={2}
          title={displayText(repo.fullName).full}
        >
          {displayText(repo.fullName).text}
        </Title>
      </div>
      {branches.error ? (
        <ProviderErrorAlert
          title="The branches could not be listed"
          error={branches.error}
          record={record}
        />
      ) : (
        <Select
          label="Branch"
          leftSection={<IconGitBranch size={16} />}
          searchable
          nothingFoundMessage="No branch by this name"
          data={(branches.data?.items ?? []).map((item) => ({
            value: item.name,
            label: `${displayText(item.name, 100).text}${item.isDefault ? ' (default)' : ''}`,
          }))}
          value={branch}
          onChange={(value) => value && setParam('branch', value)}
          allowDeselect={false}
          w={360}
          disabled={branches.isPending}
        />
      )}
      <Tabs value={tab} onChange={(value) => value && setParam('tab', value)} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="commits">Commits</Tabs.Tab>
          {capabilities.data?.tags ? <Tabs.Tab value="tags">Tags</Tabs.Tab> : null}
          {capabilities.data?.releases ? <Tabs.Tab value="releases">Releases</Tabs.Tab> : null}
        </Tabs.List>
        <Tabs.Panel value="commits" pt="md">
          {branch !== null ? (
            <CommitList record={record} repo={repo} branch={branch} />
          ) : branches.isPending ? (
            <Loader aria-label="Loading commits" />
          ) : branches.error ? null : (
            // The failure, if any, is said once, above, where the branches would be.
            <Text c="dimmed">This repository has no branches yet, so no commits.</Text>
          )}
        </Tabs.Panel>
        <Tabs.Panel value="tags" pt="md">
          <Tags record={record} repo={repo} />
        </Tabs.Panel>
        <Tabs.Panel value="releases" pt="md">
          <Releases record={record} repo={repo} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  )
}

function CommitList({
  record,
  repo,
  branch,
}: {
  record: ConnectionRecord
  repo: RepoRef
  branch: string
}) {
  const list = useCommits(record.id, repo, branch)
  const context = { username: record.username, accountEmails: record.account?.emails ?? [] }
  if (list.isPending) return <Loader aria-label="Loading commits" />
  if (list.error) {
    return (
      <ProviderErrorAlert
        title="The commits could not be listed"
        error={list.error}
        record={record}
      />
    )
  }
  const skipped = <SkippedNotice count={list.skipped} noun={['commit', 'commits']} />
  if (list.commits.length === 0) {
    return list.skipped > 0 ? skipped : <Text c="dimmed">This branch has no commits.</Text>
  }
  return (
    <Stack gap={0}>
      <div role="list" aria-label="Commits">
        {list.commits.map((commit) => (
          <div
            role="listitem"
            key={commit.sha}
            style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
          >
            <CommitRow commit={commit} context={context} />
          </div>
        ))}
      </div>
      {list.hasNextPage ? (
        <Group justify="center" mt="md">
          <Button
            variant="default"
            loading={list.isFetchingNextPage}
            onClick={() => void list.fetchNextPage()}
          >
            Load older commits
          </Button>
        </Group>
      ) : null}
      {skipped}
    </Stack>
  )
}

function Tags({ record, repo }: { record: ConnectionRecord; repo: RepoRef }) {
  const tags = useTags(record.id, repo, true)
  if (tags.isPending) return <Loader aria-label="Loading tags" />
  if (tags.error)
    return (
      <ProviderErrorAlert title="The tags could not be listed" error={tags.error} record={record} />
    )
  return <TagList list={tags.data} />
}

function Releases({ record, repo }: { record: ConnectionRecord; repo: RepoRef }) {
  const releases = useReleases(record.id, repo, true)
  if (releases.isPending) return <Loader aria-label="Loading releases" />
  if (releases.error) {
    return (
      <ProviderErrorAlert
        title="The releases could not be listed"
        error={releases.error}
        record={record}
      />
    )
  }
  return <ReleaseList list={releases.data} />
}
