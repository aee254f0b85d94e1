import {
  Alert,
  Anchor,
  Button,
  Group,
  Loader,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconPencil, IconPlayerPlay, IconTrash } from '@tabler/icons-react'
import { useState, type ReactNode } from 'react'
import { Link, useNavigate, useParams } from 'react-router'
import { ReenterTokenButton } from '@/features/connections/components/reenter-token-button.tsx'
import { connectionStatus, wantsToken } from '@/features/connections/connection-status.ts'
import { useConnections } from '@/features/connections/hooks/use-connections.ts'
import { BuildList } from '@/features/release-sources/components/build-list.tsx'
import { ReattachForm } from '@/features/release-sources/components/reattach-form.tsx'
import { SourcePanel } from '@/features/release-sources/components/source-panel.tsx'
import { SourceReleaseList } from '@/features/release-sources/components/source-release-list.tsx'
import { WebhookBadge } from '@/features/release-sources/components/webhook-badge.tsx'
import { WebhookCard } from '@/features/release-sources/components/webhook-card.tsx'
import {
  useBuilds,
  useReleaseSource,
  useSourceCapabilities,
  useWebhookCheck,
} from '@/features/release-sources/hooks/use-release-sources.ts'
import {
  useDeleteSource,
  useEndpoints,
  useTriggerBuild,
} from '@/features/release-sources/hooks/use-source-mutations.ts'
import { useSourceReleases } from '@/features/release-sources/hooks/use-source-releases.ts'
import { connectionTypeInfo } from '@/lib/connection-types.ts'
import { describeFailure } from '@/lib/failure-message.ts'
import { Inert } from '@/lib/inert-text.tsx'
import { formatRelative } from '@/lib/format-time.ts'
import { paths } from '@/lib/paths.ts'
import { safeLinkUrl } from '@/lib/safe-url.ts'
import type { BuildRecord, ReleaseSourceRecord } from '@/storage/release-source-schema.ts'
import { SimulateReleaseCard } from '../components/simulate-release-card.tsx'

/** One release source: its releases and tags, its webhook, its builds, and Trigger Build. */
export function ReleaseSourcePage() {
  const { sourceId = '' } = useParams()
  const { data: source, isPending, error } = useReleaseSource(sourceId)
  if (isPending) return <Loader aria-label="Loading release source" />
  if (error) {
    return (
      <Alert color="red" title="This release source could not be read" role="alert">
        {error.message}
      </Alert>
    )
  }
  if (!source) {
    return (
      <Alert color="yellow" title="No such release source">
        This browser has no release source with this address.{' '}
        <Anchor component={Link} to={paths.releaseSources()}>
          Back to release sources
        </Anchor>
      </Alert>
    )
  }
  return <Source key={source.id} source={source} />
}

function Source({ source }: { source: ReleaseSourceRecord }) {
  const connections = useConnections()
  const stored = connections.data?.connections.find(
    (entry) => entry.record.id === source.connectionId,
  )
  const usable = stored !== undefined && !wantsToken(connectionStatus(stored))
  const capabilities = useSourceCapabilities(usable ? source.connectionId : null)
  useWebhookCheck(source, usable)
  const record = stored?.record
  const releases = useSourceReleases(
    source,
    usable && record && capabilities.data
      ? {
          capabilities: capabilities.data,
          author: { username: record.username, accountEmails: record.account?.emails ?? [] },
        }
      : null,
  )
  const builds = useBuilds(source.id)
  const [editing, setEditing] = useState(false)
  // Without a connection (disconnected), only the error's own words are left.
  const describeError = (error: Error) =>
    stored ? describeFailure(error, stored.record) : error.message
  const info = connectionTypeInfo[source.connectionType]

  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to={paths.releaseSources()} size="sm">
          ← Release Sources
        </Anchor>
        <Group justify="space-between" align="flex-end">
          <div>
            <Group gap="sm">
              <Title order={1} style={{ wordBreak: 'break-word' }}>
                <Inert value={source.name} />
              </Title>
              <WebhookBadge source={source} />
            </Group>
            <Text c="dimmed" size="sm">
              {info.label} ·{' '}
              {safeLinkUrl(source.repository.webUrl) ? (
                <Anchor
                  href={safeLinkUrl(source.repository.webUrl) ?? undefined}
                  target="_blank"
                  rel="noopener noreferrer"
                  inherit
                >
                  <Inert value={source.repository.fullName} limit={300} />
                </Anchor>
              ) : (
                <Inert value={source.repository.fullName} limit={300} />
              )}{' '}
              · branch{' '}
              <strong>
                <Inert value={source.branch} />
              </strong>{' '}
              · tags{' '}
              <Text span ff="monospace" inherit>
                {source.tagPattern ?? 'all'}
              </Text>
              {record ? (
                <>
                  {' '}
                  · through “<Inert value={record.name} />”
                </>
              ) : null}
            </Text>
          </div>
          <Group gap="xs">
            <TriggerBuildButton source={source} usable={usable} describeError={describeError} />
            <Button
              variant="default"
              leftSection={<IconPencil size={16} />}
              onClick={() => setEditing(true)}
            >
              Edit
            </Button>
            <DeleteSourceButton source={source} />
          </Group>
        </Group>
      </div>

      {source.connectionId === null ? (
        <Alert color="gray" title="Disconnected" data-testid="disconnected">
          <Stack gap="sm">
            <Text size="sm">
              Its connection was removed
              {source.disconnectedAt ? ` ${formatRelative(source.disconnectedAt)}` : ''}. The builds
              and releases recorded here are kept.
            </Text>
            <ReattachForm source={source} />
          </Stack>
        </Alert>
      ) : !stored ? (
        <Alert color="yellow" title="Connection not found">
          This browser no longer has the source’s connection.
        </Alert>
      ) : !usable ? (
        <Alert color="orange" title="The connection needs its token" role="alert">
          <Text size="sm">
            Re-enter the token of “<Inert value={stored.record.name} />” to see releases, check the
            webhook and trigger builds. Nothing about this source is lost.
          </Text>
          <ReenterTokenButton
            connectionId={stored.record.id}
            signedIn={stored.record.authMethod === 'oauth'}
            mt="sm"
          />
        </Alert>
      ) : null}

      <SimulateReleaseCard source={source} />

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Section title="Releases and tags">
          {releases.error ? (
            <Text size="sm" c="red" role="alert" mb="xs">
              {describeError(releases.error)}
              {releases.rows.length > 0 ? ' Showing what this browser recorded earlier.' : ''}
            </Text>
          ) : null}
          {releases.pending ? (
            <Loader size="sm" aria-label="Loading releases" />
          ) : (
            <SourceReleaseList
              rows={releases.rows}
              pattern={source.tagPattern}
              coverage={releases.coverage}
            />
          )}
          {releases.from === 'record' &&
          !releases.pending &&
          releases.rows.length > 0 &&
          !releases.error ? (
            <Text size="xs" c="dimmed" mt="xs">
              As recorded in this browser while the source had a connection.
            </Text>
          ) : null}
        </Section>
        <Stack gap="lg">
          <Section title="Release webhook">
            <WebhookCard
              source={source}
              usable={usable}
              listsDeliveries={capabilities.data?.webhookDeliveries ?? false}
              describeError={describeError}
            />
          </Section>
          <Section title="Builds">
            {builds.isPending ? (
              <Loader size="sm" aria-label="Loading builds" />
            ) : builds.error ? (
              <Text size="sm" c="red">
                {builds.error.message}
              </Text>
            ) : (
              <BuildList builds={builds.data.builds} />
            )}
          </Section>
        </Stack>
      </SimpleGrid>
      <SourcePanel
        panel={editing ? { mode: 'edit', source } : { mode: 'closed' }}
        onClose={() => setEditing(false)}
        onSaved={() => setEditing(false)}
      />
    </Stack>
  )
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={title}>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  )
}

interface TriggerProps {
  source: ReleaseSourceRecord
  usable: boolean
  describeError: (error: Error) => string
}

function TriggerBuildButton({ source, usable, describeError }: TriggerProps) {
  const trigger = useTriggerBuild()
  const { buildTriggerUrl } = useEndpoints()
  return (
    <Button
      leftSection={<IconPlayerPlay size={16} />}
      loading={trigger.isPending}
      disabled={!usable}
      title={
        buildTriggerUrl === null
          ? 'This deployment has no build-trigger URL: the request will be recorded, not sent.'
          : undefined
      }
      onClick={() =>
        trigger.mutate(source, {
          onSuccess: (build) => notifications.show(buildNotice(build)),
          onError: (error) =>
            notifications.show({
              color: 'red',
              title: 'No build was requested',
              message: describeError(error),
            }),
        })
      }
    >
      Trigger Build
    </Button>
  )
}

function buildNotice(build: BuildRecord) {
  const sha = build.commit?.sha.slice(0, 7)
  switch (build.result.state) {
    case 'accepted':
      return {
        color: 'teal',
        title: `Build of ${sha ?? build.branch} requested`,
        message: build.result.message,
      }
    case 'not-configured':
      return { color: 'yellow', title: 'No build-trigger URL', message: build.result.message }
    default:
      return { color: 'red', title: 'The build was not started', message: build.result.message }
  }
}

function DeleteSourceButton({ source }: { source: ReleaseSourceRecord }) {
  const [open, setOpen] = useState(false)
  const remove = useDeleteSource()
  const navigate = useNavigate()
  const provider = connectionTypeInfo[source.connectionType].providerName
  const hasHook = source.webhook.state === 'provisioned' || source.webhook.state === 'missing'
  return (
    <>
      <Button
        variant="default"
        color="red"
        leftSection={<IconTrash size={16} />}
        onClick={() => setOpen(true)}
      >
        Delete
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title="Delete release source" centered>
        <Stack>
          <Text size="sm">
            Delete <strong>{source.name}</strong>?{' '}
            {hasHook ? `Its release webhook on ${provider} is removed. ` : ''}Its builds and the
            releases recorded in this browser are deleted with it. The repository is not touched.
          </Text>
          {remove.error ? (
            <Text size="sm" c="red" role="alert">
              It could not be deleted: {remove.error.message}
            </Text>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              onClick={() =>
                remove.mutate(source, {
                  onSuccess: (outcome) => {
                    notifications.show(
                      outcome.removeByHand || outcome.reason
                        ? {
                            color: 'orange',
                            autoClose: false,
                            title: `“${source.name}” deleted; its webhook is still on ${provider}`,
                            message: (
                              <>
                                {outcome.reason} Remove it by hand
                                {outcome.removeByHand ? (
                                  <>
                                    {' '}
                                    <Anchor
                                      href={outcome.removeByHand}
                                      target="_blank"
                                      rel="noopener noreferrer"
                                    >
                                      in the repository’s webhook settings
                                    </Anchor>
                                  </>
                                ) : null}
                                .
                              </>
                            ),
                          }
                        : { color: 'teal', message: `Release source “${source.name}” deleted.` },
                    )
                    void navigate(paths.releaseSources())
                  },
                })
              }
            >
              Delete release source
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  )
}
