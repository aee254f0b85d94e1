import { Alert, Anchor, Badge, Button, Code, Group, Loader, Stack, Text } from '@mantine/core'
import { IconRefresh } from '@tabler/icons-react'
import { connectionTypeInfo } from '@/lib/connection-types.ts'
import { formatRelative } from '@/lib/format-time.ts'
import type { WebhookDelivery } from '@/providers/types.ts'
import type { ReleaseSourceRecord } from '@/storage/release-source-schema.ts'
import { useWebhookDeliveries } from '../hooks/use-release-sources.ts'
import { useReprovision } from '../hooks/use-source-mutations.ts'
import { webhookSettingsUrl } from '../source-actions.ts'
import { WebhookBadge } from './webhook-badge.tsx'

interface Props {
  source: ReleaseSourceRecord
  /** Whether the connection can be used now (it has an accepted token). */
  usable: boolean
  /** Whether the provider keeps a delivery history the token can read. */
  listsDeliveries: boolean
  describeError: (error: Error) => string
}

/** The source's release webhook: its state, what it listens to, "Re-provision", its deliveries. */
export function WebhookCard({ source, usable, listsDeliveries, describeError }: Props) {
  const reprovision = useReprovision()
  const { webhook } = source
  const provider = connectionTypeInfo[source.connectionType].providerName
  const settings = webhookSettingsUrl(source)
  const deliveries = useWebhookDeliveries(source, usable && listsDeliveries)

  if (source.connectionType === 'custom-git') {
    return (
      <Text size="sm" c="dimmed">
        A plain git remote cannot call anyone when a tag is pushed: use Trigger Build after a
        release.
      </Text>
    )
  }
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Group gap="xs">
          <WebhookBadge source={source} />
          {webhook.checkedAt ? (
            <Text size="xs" c="dimmed">
              checked {formatRelative(webhook.checkedAt)}
            </Text>
          ) : null}
        </Group>
        {source.connectionId !== null ? (
          <Button
            size="xs"
            variant={webhook.state === 'provisioned' ? 'default' : 'filled'}
            leftSection={<IconRefresh size={14} />}
            loading={reprovision.isPending}
            disabled={!usable}
            onClick={() => reprovision.mutate(source)}
          >
            Re-provision
          </Button>
        ) : null}
      </Group>
      <Text size="sm" data-testid="webhook-state">
        {stateSentence(source, provider)}
      </Text>
      {webhook.state === 'provisioned' && webhook.reason ? (
        <Alert
          color="yellow"
          title="The webhook could not be replaced"
          role="status"
          data-testid="webhook-reason"
        >
          {webhook.reason}
        </Alert>
      ) : null}
      {webhook.state === 'failed' && webhook.reason ? (
        <Alert
          color="red"
          title={`${provider} refused the webhook`}
          role="alert"
          data-testid="webhook-reason"
        >
          {webhook.reason}
        </Alert>
      ) : null}
      {reprovision.error ? (
        <Text size="sm" c="red" role="alert">
          {describeError(reprovision.error)}
        </Text>
      ) : null}
      {webhook.url ? (
        <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
          Delivers to <Code>{webhook.url}</Code>
          {webhook.events.length > 0 ? (
            <>
              {' '}
              on{' '}
              {webhook.events.map((event) => (
                <Code key={event} mr={4}>
                  {event}
                </Code>
              ))}
            </>
          ) : null}
        </Text>
      ) : null}
      {settings ? (
        <Anchor href={settings} target="_blank" rel="noopener noreferrer" size="xs">
          The repository’s webhooks on {provider}
        </Anchor>
      ) : null}
      {webhook.state === 'provisioned' && usable ? (
        listsDeliveries ? (
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              Last deliveries
            </Text>
            {deliveries.isPending ? (
              <Loader size="xs" aria-label="Loading deliveries" />
            ) : deliveries.error ? (
              <Text size="xs" c="red">
                {describeError(deliveries.error)}
              </Text>
            ) : (
              <DeliveryList deliveries={deliveries.data.items} />
            )}
          </Stack>
        ) : (
          <Text size="xs" c="dimmed">
            {provider} does not let a token read a webhook’s delivery history; see it on {provider}
            ’s webhook page.
          </Text>
        )
      ) : null}
    </Stack>
  )
}

function stateSentence(source: ReleaseSourceRecord, provider: string): string {
  switch (source.webhook.state) {
    case 'provisioned':
      return `${provider} calls the deployment’s receiver when a release or tag is published.`
    case 'failed':
      return 'No webhook is registered: releases will not start builds until it is re-provisioned.'
    case 'missing':
      return `The webhook was removed on ${provider}. Re-provision it to get release builds again.`
    case 'removed':
      return 'The webhook was removed when the connection was; re-attach the source to get one.'
    case 'none':
      return 'No webhook was asked for.'
  }
}

function DeliveryList({ deliveries }: { deliveries: readonly WebhookDelivery[] }) {
  if (deliveries.length === 0) {
    return (
      <Text size="xs" c="dimmed">
        Nothing delivered yet.
      </Text>
    )
  }
  return (
    <Stack gap={2} role="list" aria-label="Webhook deliveries">
      {deliveries.map((delivery) => (
        <Group key={delivery.id} gap="xs" role="listitem" data-testid="delivery-row" wrap="nowrap">
          <Badge size="xs" color={delivery.ok ? 'teal' : 'red'} variant="light">
            {delivery.statusCode ?? 'No answer'}
          </Badge>
          <Code>{delivery.action ? `${delivery.event}.${delivery.action}` : delivery.event}</Code>
          <Text size="xs" c="dimmed">
            {delivery.deliveredAt === null ? (
              'time not given'
            ) : (
              <time
                dateTime={delivery.deliveredAt}
                title={new Date(delivery.deliveredAt).toLocaleString()}
              >
                {formatRelative(delivery.deliveredAt)}
              </time>
            )}
            {delivery.durationSeconds !== null
              ? ` · ${Math.round(delivery.durationSeconds * 1000)} ms`
              : ''}
          </Text>
        </Group>
      ))}
    </Stack>
  )
}
