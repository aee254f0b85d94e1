/**
 * The mutations of release sources, each refreshing exactly what it changed: the stored source
 * and list, its builds, or the provider data a new release shows up in.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { repositoryScopeKey } from '@/features/commits/queries.ts'
import { useRuntimeConfig } from '@/lib/runtime-config-context.ts'
import type { ReleaseSourceRecord } from '@/storage/release-source-schema.ts'
import { releaseSourceKeys } from '../queries.ts'
import {
  createReleaseSource,
  deleteReleaseSource,
  renameReleaseSource,
  reprovisionWebhook,
  triggerBuild,
  type ReleaseSourceDraft,
} from '../source-actions.ts'

/** The deployment's receiver and build-trigger addresses, from config.json. */
export function useEndpoints() {
  const { webhookReceiverUrl, buildTriggerUrl } = useRuntimeConfig()
  return { webhookReceiverUrl, buildTriggerUrl }
}

function useSourceSaved() {
  const queryClient = useQueryClient()
  return async (source: ReleaseSourceRecord) => {
    queryClient.setQueryData(releaseSourceKeys.source(source.id), source)
    await queryClient.invalidateQueries({ queryKey: releaseSourceKeys.list() })
  }
}

export function useCreateSource() {
  const endpoints = useEndpoints()
  const saved = useSourceSaved()
  return useMutation({
    mutationFn: (draft: ReleaseSourceDraft) => createReleaseSource(draft, endpoints),
    onSuccess: saved,
  })
}

export function useUpdateSource() {
  const saved = useSourceSaved()
  return useMutation({
    mutationFn: ({
      source,
      changes,
    }: {
      source: ReleaseSourceRecord
      changes: Pick<ReleaseSourceDraft, 'name' | 'branch' | 'tagPattern'>
    }) => renameReleaseSource(source, changes),
    onSuccess: saved,
  })
}

export function useReprovision() {
  const endpoints = useEndpoints()
  const saved = useSourceSaved()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (source: ReleaseSourceRecord) => reprovisionWebhook(source, endpoints),
    onSuccess: async (source) => {
      await saved(source)
      if (source.connectionId) {
        // The new hook's deliveries (GitHub's ping) are under a new hook id; drop the old ones.
        await queryClient.invalidateQueries({
          queryKey: repositoryScopeKey(source.connectionId, source.repository),
        })
      }
    },
  })
}

export function useDeleteSource() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: deleteReleaseSource,
    onSuccess: async (_outcome, source) => {
      queryClient.removeQueries({ queryKey: releaseSourceKeys.source(source.id) })
      await queryClient.invalidateQueries({ queryKey: releaseSourceKeys.list() })
    },
  })
}

export function useTriggerBuild() {
  const endpoints = useEndpoints()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (source: ReleaseSourceRecord) => triggerBuild(source, endpoints),
    onSuccess: (build) =>
      queryClient.invalidateQueries({ queryKey: releaseSourceKeys.builds(build.sourceId) }),
  })
}
