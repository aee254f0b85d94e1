import { Button, Group, Table, Text } from '@mantine/core'
import { IconFolders, IconPencil, IconTrash } from '@tabler/icons-react'
import { Link } from 'react-router'
import { connectionTypeInfo, targetLocation } from '@/lib/connection-types.ts'
import { Inert, inertText } from '@/lib/inert-text.tsx'
import { formatRelative } from '@/lib/format-time.ts'
import { paths } from '@/lib/paths.ts'
import type { StoredConnection } from '@/storage/connection-store.ts'
import { targetOf } from '@/storage/schema.ts'
import { connectionStatus, wantsToken } from '../connection-status.ts'
import { usePanelStore } from '../panel-store.ts'
import { AccountCell } from './account-cell.tsx'
import { ConnectionNotices } from './connection-notices.tsx'
import { ReenterTokenButton } from './reenter-token-button.tsx'
import { StatusBadge } from './status-badge.tsx'

interface Props {
  connections: readonly StoredConnection[]
  onDelete: (stored: StoredConnection) => void
}

export function ConnectionTable({ connections, onDelete }: Props) {
  const openEdit = usePanelStore((state) => state.openEdit)

  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="sm" highlightOnHover aria-label="Connections">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Connection</Table.Th>
            <Table.Th>Username</Table.Th>
            <Table.Th>Account</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th style={{ whiteSpace: 'nowrap' }}>Last verified</Table.Th>
            <Table.Th>
              <span className="visually-hidden">Actions</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {connections.map((stored) => {
            const { record } = stored
            const status = connectionStatus(stored)
            const needsToken = wantsToken(status)
            return (
              <Table.Tr key={record.id} data-connection-id={record.id}>
                <Table.Td>
                  <Text fw={600} size="sm" style={{ wordBreak: 'break-word' }}>
                    <Inert value={record.name} />
                  </Text>
                  <Text size="xs" c="dimmed" style={{ wordBreak: 'break-word' }}>
                    {connectionTypeInfo[record.type].label} ·{' '}
                    <Inert value={targetLocation(targetOf(record))} limit={300} />
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{record.username ? <Inert value={record.username} /> : '—'}</Text>
                </Table.Td>
                <Table.Td>
                  <AccountCell record={record} />
                </Table.Td>
                <Table.Td>
                  <StatusBadge status={status} />
                  {!needsToken ? <TokenExpiry record={record} /> : null}
                  <ConnectionNotices record={record} />
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <LastVerified at={record.lastVerifiedAt} />
                </Table.Td>
                <Table.Td>
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    {needsToken ? (
                      <ReenterTokenButton
                        connectionId={record.id}
                        signedIn={record.authMethod === 'oauth'}
                        variant="light"
                      />
                    ) : null}
                    {connectionTypeInfo[record.type].browsable && !needsToken ? (
                      <Button
                        size="xs"
                        variant="light"
                        component={Link}
                        to={paths.repositories(record.id)}
                        leftSection={<IconFolders size={14} />}
                        aria-label={`Browse ${inertText(record.name)}`}
                      >
                        Browse
                      </Button>
                    ) : null}
                    <Button
                      size="xs"
                      variant="subtle"
                      color="gray"
                      leftSection={<IconPencil size={14} />}
                      aria-label={`Edit ${inertText(record.name)}`}
                      onClick={() => openEdit(record.id)}
                    >
                      Edit
                    </Button>
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      leftSection={<IconTrash size={14} />}
                      aria-label={`Delete ${inertText(record.name)}`}
                      onClick={() => onDelete(stored)}
                    >
                      Delete
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            )
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}

/** When the token expires, where the provider said; a signed-in one is renewed before then. */
function TokenExpiry({ record }: { record: StoredConnection['record'] }) {
  const at = record.tokenExpiresAt
  const signedIn = record.authMethod === 'oauth' ? 'Signed in' : null
  if (!at)
    return signedIn ? (
      <Text size="xs" c="dimmed">
        {signedIn}
      </Text>
    ) : null
  const renews = record.oauthClientId !== undefined
  return (
    <Text size="xs" c="dimmed" mt={4} style={{ whiteSpace: 'nowrap' }}>
      Token expires{' '}
      <time dateTime={at} title={new Date(at).toLocaleString()}>
        {formatRelative(at)}
      </time>
      {renews ? ' · renews itself' : ''}
    </Text>
  )
}

function LastVerified({ at }: { at: string | null }) {
  if (!at) {
    return (
      <Text size="sm" c="dimmed">
        Never
      </Text>
    )
  }
  return (
    <Text size="sm" component="time" dateTime={at} title={new Date(at).toLocaleString()}>
      {formatRelative(at)}
    </Text>
  )
}
