import { Alert, Anchor, Button, Group, List, Loader, Modal, Stack, Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { connectionTypeInfo } from '@/lib/connection-types.ts'
import { Inert } from '@/lib/inert-text.tsx'
import type { RemoveByHand } from '@/features/release-sources/disconnect.ts'
import type { StoredConnection } from '@/storage/connection-store.ts'
import type { ReleaseSourceRecord } from '@/storage/release-source-schema.ts'
import { useDeleteConnection } from '../hooks/use-delete-connection.ts'

interface Props {
  target: StoredConnection | null
  onClose: () => void
  /** Called once the connection is deleted (the dialog may stay open to list hooks left behind). */
  onDeleted: (name: string) => void
}

/** The release sources that use a connection. Release-source code loads only when asked. */
function useSourcesUsing(connectionId: string | null, enabled: boolean) {
  return useQuery({
    queryKey: ['release-sources', 'of-connection', connectionId] as const,
    queryFn: async () => {
      if (connectionId === null) return []
      const { sourcesUsing } = await import('@/features/release-sources/disconnect.ts')
      return sourcesUsing(connectionId)
    },
    enabled: connectionId !== null && enabled,
    networkMode: 'always',
  })
}

/**
 * Asks before deleting a connection, listing the release sources that use it: on confirm their
 * webhooks are removed, the sources are kept (disconnected, with their history), and then the
 * connection goes. Hooks the app could not remove are listed afterwards, with where to remove them.
 */
export function DeleteConnectionModal({ target, onClose, onDeleted }: Props) {
  const remove = useDeleteConnection()
  const name = target?.record.name ?? ''
  // Once deleted, the list is history: the sources are no longer the connection's.
  const sources = useSourcesUsing(target?.record.id ?? null, !remove.isSuccess)
  const leftBehind = remove.data?.disconnected.removeByHand ?? []

  if (remove.isSuccess && leftBehind.length > 0) {
    return (
      <Modal opened={target !== null} onClose={onClose} title="Connection deleted" centered>
        <LeftBehind name={name} hooks={leftBehind} sources={remove.data.disconnected.sources} />
        <Group justify="flex-end" mt="md">
          <Button onClick={onClose}>Close</Button>
        </Group>
      </Modal>
    )
  }

  return (
    <Modal opened={target !== null} onClose={onClose} title="Delete connection" centered>
      <Stack>
        <Text size="sm">
          Delete{' '}
          <strong>
            <Inert value={name} />
          </strong>
          ? Its settings and its token are removed from this browser. The token stays valid on the
          provider: revoke it there if you no longer need it.
        </Text>
        {sources.isPending ? (
          <Group gap="xs">
            <Loader size="xs" aria-label="Looking for release sources" />
            <Text size="sm" c="dimmed">
              Looking for release sources that use it…
            </Text>
          </Group>
        ) : sources.isError ? (
          <Alert color="red" title="The release sources could not be read" role="alert">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">
                {sources.error.message} The connection cannot be deleted until they can be checked:
                its release sources would be left pointing at nothing.
              </Text>
              <Button
                size="xs"
                variant="default"
                loading={sources.isFetching}
                onClick={() => void sources.refetch()}
              >
                Retry
              </Button>
            </Stack>
          </Alert>
        ) : sources.data.length > 0 ? (
          <SourcesUsing sources={sources.data} />
        ) : null}
        {remove.error ? (
          <Text size="sm" c="red" role="alert">
            It could not be deleted: {remove.error.message}
          </Text>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            color="red"
            loading={remove.isPending || sources.isPending}
            disabled={sources.isError}
            onClick={() => {
              if (!target) return
              remove.mutate(target.record.id, {
                onSuccess: ({ disconnected }) => {
                  onDeleted(name)
                  if (disconnected.removeByHand.length === 0) onClose()
                },
              })
            }}
          >
            Delete connection
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}

const providerOf = (source: Pick<ReleaseSourceRecord, 'connectionType'>) =>
  connectionTypeInfo[source.connectionType].providerName

/** What removing the connection does to the source's webhook (see ownsWebhook in disconnect.ts). */
function webhookFate(source: ReleaseSourceRecord): string {
  const provider = providerOf(source)
  if (source.webhook.id === null) return 'No webhook.'
  switch (source.webhook.state) {
    case 'provisioned':
      return `Its release webhook on ${provider} will be removed.`
    case 'missing':
      return `Its release webhook was gone from ${provider} at the last check; it will be removed if it is back.`
    default:
      return 'No webhook.'
  }
}

const hasWebhook = (source: ReleaseSourceRecord) => webhookFate(source) !== 'No webhook.'

function SourcesUsing({ sources }: { sources: ReleaseSourceRecord[] }) {
  const one = sources.length === 1
  return (
    <Stack gap="xs">
      <Text size="sm">
        {one ? 'One release source uses' : `${sources.length} release sources use`} this connection.{' '}
        {one ? 'It is' : 'They are'} kept, marked disconnected, with {one ? 'its' : 'their'} builds
        and releases, and can be re-attached to another connection of the same type.
        {sources.some(hasWebhook)
          ? ' Their release webhooks are removed from the provider first, so releases no longer trigger builds.'
          : null}
      </Text>
      <List size="sm" spacing="xs" aria-label="Release sources using this connection">
        {sources.map((source) => (
          <List.Item key={source.id}>
            <Text size="sm" fw={600} span>
              <Inert value={source.name} />
            </Text>{' '}
            <Text size="sm" c="dimmed" span>
              <Inert value={source.repository.fullName} limit={300} />
            </Text>
            <Text size="xs" c="dimmed">
              {webhookFate(source)}
            </Text>
          </List.Item>
        ))}
      </List>
    </Stack>
  )
}

function LeftBehind({
  name,
  hooks,
  sources,
}: {
  name: string
  hooks: RemoveByHand[]
  sources: ReleaseSourceRecord[]
}) {
  const byId = new Map(sources.map((source) => [source.id, source]))
  return (
    <Stack gap="sm">
      <Text size="sm">
        <strong>
          <Inert value={name} />
        </strong>{' '}
        was deleted, and its release sources were kept, disconnected. But{' '}
        {hooks.length === 1 ? 'one webhook' : `${hooks.length} webhooks`} could not be removed: the
        provider keeps sending releases to the webhook receiver until{' '}
        {hooks.length === 1 ? 'it is' : 'they are'} removed by hand.
      </Text>
      <List size="sm" spacing="sm" aria-label="Webhooks to remove by hand">
        {hooks.map((hook) => {
          const source = byId.get(hook.sourceId)
          const provider = source ? providerOf(source) : 'the provider'
          return (
            <List.Item key={hook.sourceId}>
              <Text size="sm" fw={600}>
                <Inert value={hook.name} />
                {source ? (
                  <Text size="sm" c="dimmed" span fw={400}>
                    {' '}
                    <Inert value={source.repository.fullName} limit={300} />
                  </Text>
                ) : null}
              </Text>
              <Text size="xs" c="dimmed">
                {hook.reason}
              </Text>
              {hook.url ? (
                <Anchor href={hook.url} target="_blank" rel="noreferrer" size="sm">
                  Remove it on {provider}
                </Anchor>
              ) : (
                <Text size="sm">Remove it in the repository’s webhook settings on {provider}.</Text>
              )}
            </List.Item>
          )
        })}
      </List>
    </Stack>
  )
}
