import { useQuery, useQueryClient } from '@tanstack/react-query'
import { capabilitiesQuery } from '@/features/commits/queries.ts'
import type { ReleaseSourceRecord } from '@/storage/release-source-schema.ts'
import {
  buildListQuery,
  releaseSourceKeys,
  releaseSourceListQuery,
  releaseSourceQuery,
  webhookDeliveriesQuery,
} from '../queries.ts'
import { refreshWebhookState } from '../source-actions.ts'

export function useReleaseSources() {
  return useQuery(releaseSourceListQuery())
}

export function useReleaseSource(id: string) {
  return useQuery(releaseSourceQuery(id))
}

export function useBuilds(sourceId: string) {
  return useQuery(buildListQuery(sourceId))
}

/**
 * Looks the source's hook up on the provider when the page opens, so a hook someone removed by
 * hand shows as "missing" instead of a stale "provisioned". The stored record is updated, and the
 * cached one with it.
 */
export function useWebhookCheck(source: ReleaseSourceRecord, enabled: boolean) {
  const queryClient = useQueryClient()
  // The source is keyed by id, hook and version: the whole record need not be in the key.
  // eslint-disable-next-line @tanstack/query/exhaustive-deps
  return useQuery({
    queryKey: [
      ...releaseSourceKeys.source(source.id),
      'webhook-check',
      source.webhook.id,
      source.updatedAt,
    ],
    queryFn: async () => {
      const updated = await refreshWebhookState(source)
      if (updated !== source) {
        queryClient.setQueryData(releaseSourceKeys.source(source.id), updated)
        await queryClient.invalidateQueries({ queryKey: releaseSourceKeys.list() })
      }
      return updated.webhook.state
    },
    enabled:
      enabled &&
      source.connectionId !== null &&
      (source.webhook.state === 'provisioned' || source.webhook.state === 'missing'),
    staleTime: 60_000,
    retry: false,
  })
}

/** The provider's record of the hook's last deliveries, where the provider keeps one. */
export function useWebhookDeliveries(source: ReleaseSourceRecord, enabled: boolean) {
  const { connectionId, webhook, repository } = source
  const hookId = webhook.state === 'provisioned' ? webhook.id : null
  return useQuery({
    ...webhookDeliveriesQuery(connectionId ?? '', repository, hookId ?? ''),
    enabled: enabled && connectionId !== null && hookId !== null,
  })
}

/** What the source's connection type can do (tags, releases, commits, hook deliveries). */
export function useSourceCapabilities(connectionId: string | null) {
  return useQuery({ ...capabilitiesQuery(connectionId ?? ''), enabled: connectionId !== null })
}
