import { Alert, Button, Group, Loader, Stack, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconDownload, IconKeyOff, IconPlus, IconUpload } from '@tabler/icons-react'
import { lazy, Suspense, useEffect, useRef, useState } from 'react'
import { ConnectionTable } from '@/features/connections/components/connection-table.tsx'
import { EmptyConnections } from '@/features/connections/components/empty-connections.tsx'
import { StoragePersistenceLine } from '@/features/connections/components/storage-persistence-line.tsx'
import { useConnections } from '@/features/connections/hooks/use-connections.ts'
import {
  preloadTransfer,
  useExportConnections,
} from '@/features/connections/hooks/use-connection-transfer.ts'
import { usePanelStore } from '@/features/connections/panel-store.ts'
import { Inert } from '@/lib/inert-text.tsx'
import type { StoredConnection } from '@/storage/connection-store.ts'
import { useAppEnvironment } from '../app-context.ts'
import { loadConnectionPanel } from '../components/connection-panel-host.tsx'
import { loadPrefetchers } from '../route-loaders.ts'
import { loadRepositoriesPage, loadRepositoryPage } from './lazy-pages.ts'

// The delete dialog, like the side panel, is needed only once clicked: both load as their own
// chunks, started on hover or focus of the page, or when the browser is idle.
const loadDeleteModal = () =>
  import('@/features/connections/components/delete-connection-modal.tsx')
const DeleteConnectionModal = lazy(() =>
  loadDeleteModal().then((m) => ({ default: m.DeleteConnectionModal })),
)
const ForgetTokensModal = lazy(() =>
  import('@/features/connections/components/forget-tokens-modal.tsx').then((m) => ({
    default: m.ForgetTokensModal,
  })),
)
const loadImportModal = () =>
  import('@/features/connections/components/import-connections-modal.tsx')
const ImportConnectionsModal = lazy(() =>
  loadImportModal().then((m) => ({ default: m.ImportConnectionsModal })),
)
const prefetchPanels = () => {
  void loadConnectionPanel()
  void loadDeleteModal()
}
/** Export and import need the transfer checks, and import its dialog: fetched on approach. */
const prefetchTransfer = () => {
  preloadTransfer()
  void loadImportModal()
}

/**
 * Once the page is on screen and the browser is idle, load what the next click needs: the side
 * panel, and for listed connections the browsing pages and the adapters of their types, so
 * "Browse" waits only for the provider. A person with only GitLab connections never downloads
 * Octokit.
 */
function useWarmChunks(connections: readonly StoredConnection[]) {
  // The list is structurally shared by TanStack Query: this runs again only when it changes.
  useEffect(() => {
    const warm = () => {
      prefetchPanels()
      if (connections.length === 0) return
      void loadRepositoriesPage()
      void loadRepositoryPage()
      const types = new Set(connections.map((entry) => entry.record.type))
      void loadPrefetchers().then((m) => types.forEach(m.preloadAdapter))
    }
    // Safari before 18 has no requestIdleCallback.
    if (typeof requestIdleCallback === 'function') {
      const handle = requestIdleCallback(warm, { timeout: 2_000 })
      return () => cancelIdleCallback(handle)
    }
    const handle = setTimeout(warm, 200)
    return () => clearTimeout(handle)
  }, [connections])
}

const noConnections: readonly StoredConnection[] = []

export function ConnectionsPage() {
  const { data, isPending, error } = useConnections()
  const openAdd = usePanelStore((state) => state.openAdd)
  const { demo } = useAppEnvironment()
  const [deleting, setDeleting] = useState<StoredConnection | null>(null)
  const [forgetting, setForgetting] = useState(false)
  const [importFile, setImportFile] = useState<File | null>(null)
  const filePicker = useRef<HTMLInputElement>(null)
  const exporting = useExportConnections()
  const connections = data?.connections ?? noConnections
  const withTokens = connections.filter((stored) => stored.hasSecret)
  useWarmChunks(connections)
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
          <StoragePersistenceLine />
        </div>
        <Group gap="xs" onPointerEnter={prefetchTransfer} onFocus={prefetchTransfer}>
          {withTokens.length > 0 ? (
            <Button
              variant="subtle"
              color="red"
              leftSection={<IconKeyOff size={16} />}
              onClick={() => setForgetting(true)}
            >
              Forget all tokens
            </Button>
          ) : null}
          {/* The picker for Import: a file the person chooses goes to the import dialog. */}
          <input
            ref={filePicker}
            type="file"
            accept="application/json,.json"
            hidden
            aria-hidden
            tabIndex={-1}
            onChange={(event) => {
              const chosen = event.currentTarget.files?.[0] ?? null
              // Cleared, so that choosing the same file again is a change too.
              event.currentTarget.value = ''
              if (chosen) setImportFile(chosen)
            }}
          />
          <Button
            variant="default"
            leftSection={<IconUpload size={16} />}
            onClick={() => filePicker.current?.click()}
          >
            Import
          </Button>
          {connections.length > 0 ? (
            <>
              <Button
                variant="default"
                leftSection={<IconDownload size={16} />}
                loading={exporting.isPending}
                title="Download the connections (never their tokens) as a JSON file"
                onClick={() => exporting.mutate()}
              >
                Export
              </Button>
              <Button leftSection={<IconPlus size={16} />} onClick={() => openAdd()}>
                Add Connection
              </Button>
            </>
          ) : null}
        </Group>
      </Group>

      {exporting.error ? (
        <Alert color="red" title="The connections could not be exported" role="alert">
          {exporting.error.message}
        </Alert>
      ) : null}

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
        <EmptyConnections onAdd={() => openAdd()} onTryDemo={tryDemo} />
      ) : (
        <ConnectionTable connections={connections} onDelete={setDeleting} />
      )}

      <Suspense fallback={null}>
        {importFile ? (
          <ImportConnectionsModal
            initialFile={importFile}
            onClose={() => setImportFile(null)}
            onImported={({ fresh, duplicates }) => {
              setImportFile(null)
              notifications.show({
                color: 'green',
                title: 'Connections imported',
                message: `${fresh.length === 1 ? 'One connection was' : `${fresh.length} connections were`} added${duplicates.length > 0 ? `, ${duplicates.length} already here were skipped` : ''}. Enter their tokens to use them.`,
              })
            }}
          />
        ) : null}
        {forgetting ? (
          <ForgetTokensModal
            withTokens={withTokens}
            onClose={() => setForgetting(false)}
            onForgotten={(count) => {
              setForgetting(false)
              notifications.show({
                color: 'green',
                title: 'Tokens forgotten',
                message: `${count === 1 ? 'One token was' : `${count} tokens were`} removed from this browser. The connections are kept.`,
              })
            }}
          />
        ) : null}
        {deleting ? (
          <DeleteConnectionModal
            target={deleting}
            onClose={() => setDeleting(null)}
            onDeleted={(name) =>
              notifications.show({
                color: 'gray',
                title: 'Connection deleted',
                message: (
                  <>
                    “<Inert value={name} />” was removed.
                  </>
                ),
              })
            }
          />
        ) : null}
      </Suspense>
    </Stack>
  )
}
