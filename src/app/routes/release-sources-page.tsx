import {
  Alert,
  Anchor,
  Button,
  Group,
  Loader,
  Paper,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconPlus, IconRocket } from '@tabler/icons-react'
import { useState } from 'react'
import { Link, useNavigate } from 'react-router'
import { useConnections } from '@/features/connections/hooks/use-connections.ts'
import { SourcePanel } from '@/features/release-sources/components/source-panel.tsx'
import { WebhookBadge } from '@/features/release-sources/components/webhook-badge.tsx'
import { useReleaseSources } from '@/features/release-sources/hooks/use-release-sources.ts'
import { connectionTypeInfo } from '@/lib/connection-types.ts'
import { paths } from '@/lib/paths.ts'
import type { ReleaseSourceRecord } from '@/storage/release-source-schema.ts'
import { Inert } from '@/lib/inert-text.tsx'

type Panel = { mode: 'closed' } | { mode: 'create' }

/** Every release source in this browser: which repository and branch, and its webhook. */
export function ReleaseSourcesPage() {
  const { data, isPending, error } = useReleaseSources()
  const connections = useConnections().data?.connections ?? []
  const [panel, setPanel] = useState<Panel>({ mode: 'closed' })
  const navigate = useNavigate()
  const sources = data?.sources ?? []
  const connectionName = (id: string | null) =>
    connections.find((entry) => entry.record.id === id)?.record.name ?? null
  const openCreate = () => setPanel({ mode: 'create' })
  const addButton =
    connections.length > 0 ? (
      <Button leftSection={<IconPlus size={16} />} onClick={openCreate}>
        Add Release Source
      </Button>
    ) : null

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>Release Sources</Title>
          <Text c="dimmed" size="sm">
            Repositories whose releases start builds: one connection each, reused as often as you
            like.
          </Text>
        </div>
        {sources.length > 0 ? addButton : null}
      </Group>
      {data && data.quarantined.length > 0 ? (
        <Alert color="yellow" title="Some saved sources could not be read">
          {data.quarantined.length} saved release source(s) are damaged and set aside, not deleted.
        </Alert>
      ) : null}
      {isPending ? (
        <Loader aria-label="Loading release sources" />
      ) : error ? (
        <Alert color="red" title="Release sources could not be read" role="alert">
          {error.message}
        </Alert>
      ) : sources.length === 0 ? (
        <Paper withBorder p="xl" radius="md">
          <Stack align="center" gap="sm">
            <IconRocket size={32} aria-hidden />
            <Title order={2} size="h3">
              No release sources yet
            </Title>
            <Text c="dimmed" ta="center" maw={520}>
              A release source watches one repository through one of your connections. Creating it
              registers a release webhook on the provider; builds can also be triggered by hand.
            </Text>
            {connections.length > 0 ? (
              addButton
            ) : (
              <Text size="sm">
                First{' '}
                <Anchor component={Link} to={paths.connections()}>
                  add a connection
                </Anchor>
                .
              </Text>
            )}
          </Stack>
        </Paper>
      ) : (
        <SourceTable sources={sources} connectionName={connectionName} />
      )}
      <SourcePanel
        panel={panel}
        onClose={() => setPanel({ mode: 'closed' })}
        onSaved={(source) => {
          setPanel({ mode: 'closed' })
          notifications.show({ color: 'teal', message: `Release source “${source.name}” created.` })
          void navigate(paths.releaseSource(source.id))
        }}
      />
    </Stack>
  )
}

interface TableProps {
  sources: readonly ReleaseSourceRecord[]
  connectionName: (id: string | null) => string | null
}

function SourceTable({ sources, connectionName }: TableProps) {
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing="sm" highlightOnHover aria-label="Release sources">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Source</Table.Th>
            <Table.Th>Repository</Table.Th>
            <Table.Th>Branch</Table.Th>
            <Table.Th>Tags</Table.Th>
            <Table.Th>Webhook</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sources.map((source) => (
            <Table.Tr key={source.id} data-source-id={source.id}>
              <Table.Td>
                <Anchor component={Link} to={paths.releaseSource(source.id)} fw={600} size="sm">
                  <Inert value={source.name} />
                </Anchor>
                <Text size="xs" c="dimmed">
                  {connectionTypeInfo[source.connectionType].label} ·{' '}
                  <Inert value={connectionName(source.connectionId) ?? 'no connection'} />
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ wordBreak: 'break-word' }}>
                  <Inert value={source.repository.fullName} limit={300} />
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{source.branch}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {source.tagPattern ?? 'all'}
                </Text>
              </Table.Td>
              <Table.Td>
                <WebhookBadge source={source} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
