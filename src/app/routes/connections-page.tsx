import { Alert, Button, Group, Loader, Stack, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconPlus } from '@tabler/icons-react'
import { lazy, Suspense, useState } from 'react'
import { ConnectionTable } from '@/features/connections/components/connection-table.tsx'
import { EmptyConnections } from '@/features/connections/components/empty-connections.tsx'
import { useConnections } from '@/features/connections/hooks/use-connections.ts'
import { usePanelStore } from '@/features/connections/panel-store.ts'
import type { StoredConnection } from '@/storage/connection-store.ts'
import { useAppEnvironment } from '../app-context.ts'

// The side panel (form, validation, token rules) and the delete dialog are needed only once
// clicked: they load as their own chunk, started on hover or focus of the buttons that open them.
const loadPanel = () => import('@/features/connections/components/connection-panel.tsx')
const loadDeleteModal = () =>
  import('@/features/connections/components/delete-connection-modal.tsx')
const ConnectionPanel = lazy(() => loadPanel().then((m) => ({ default: m.ConnectionPanel })))
const DeleteConnectionModal = lazy(() =>
  loadDeleteModal().then((m) => ({ default: m.DeleteConnectionModal })),
)
const prefetchPanels = () => {
  void loadPanel()
  void loadDeleteModal()
}

export function ConnectionsPage() {
  const { data, isPending, error } = useConnections()
  const openAdd = usePanelStore((state) => state.openAdd)
  const panelOpen = usePanelStore((state) => state.panel.mode !== 'closed')
  // Once loaded, the panel stays mounted so that it can animate closed.
  const [panelLoaded, setPanelLoaded] = useState(false)
  if (panelOpen && !panelLoaded) setPanelLoaded(true)
  const { demo } = useAppEnvironment()
  const [deleting, setDeleting] = useState<StoredConnection | null>(null)
  const connections = data?.connections ?? []
  const tryDemo = demo
    ? null
    : () => window.location.assign(`${import.meta.env.BASE_URL}?demo=seed`)

  return (
    <Stack gap="lg" onPointerOver={prefetchPanels} onFocus={prefetchPanels}>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>Manage Connections</Title>
          <Text c="dimmed" size="sm">
            Your git providers, with tokens kept in this browser only.
          </Text>
        </div>
        {connections.length > 0 ? (
          <Button leftSection={<IconPlus size={16} />} onClick={openAdd}>
            Add Connection
          </Button>
        ) : null}
      </Group>

      {data && data.quarantined.length > 0 ? (
        <Alert color="yellow" title="Some stored connections could not be read">
          {data.quarantined.length} stored record(s) did not pass validation and were set aside, not
          deleted: {data.quarantined.map((record) => record.reason).join('; ')}
        </Alert>
      ) : null}

      {isPending ? (
        <Group justify="center" py="xl">
          <Loader aria-label="Loading connections" />
        </Group>
      ) : error ? (
        <Alert color="red" title="Connections could not be read from this browser">
          {error.message}
        </Alert>
      ) : connections.length === 0 ? (
        <EmptyConnections onAdd={openAdd} onTryDemo={tryDemo} />
      ) : (
        <ConnectionTable connections={connections} onDelete={setDeleting} />
      )}

      <Suspense fallback={null}>
        {panelLoaded ? <ConnectionPanel connections={connections} /> : null}
        {deleting ? (
          <DeleteConnectionModal
            target={deleting}
            onClose={() => setDeleting(null)}
            onDeleted={(name) =>
              notifications.show({
                color: 'gray',
                title: 'Connection deleted',
                message: `“${name}” was removed.`,
              })
            }
          />
        ) : null}
      </Suspense>
    </Stack>
  )
}
