import { Button, Group, Select, Text } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { connectionStatus, wantsToken } from '@/features/connections/connection-status.ts'
import { useConnections } from '@/features/connections/hooks/use-connections.ts'
import { connectionTypeInfo } from '@/lib/connection-types.ts'
import type { ReleaseSourceRecord } from '@/storage/release-source-schema.ts'
import { useEndpoints } from '../hooks/use-source-mutations.ts'
import { releaseSourceKeys } from '../queries.ts'
import { canReattachTo, reattachReleaseSource } from '../source-actions.ts'
import { inertText } from '@/lib/inert-text.tsx'

/**
 * A disconnected source goes on with another connection of its type: same repository, branch,
 * builds and recorded releases, and a new webhook.
 */
export function ReattachForm({ source }: { source: ReleaseSourceRecord }) {
  const connections = useConnections().data?.connections ?? []
  const endpoints = useEndpoints()
  const queryClient = useQueryClient()
  const candidates = connections.filter((stored) => canReattachTo(source, stored.record))
  const [chosen, setChosen] = useState<string | null>(null)
  const reattach = useMutation({
    mutationFn: (connectionId: string) => reattachReleaseSource(source, connectionId, endpoints),
    onSuccess: async (updated) => {
      queryClient.setQueryData(releaseSourceKeys.source(updated.id), updated)
      await queryClient.invalidateQueries({ queryKey: releaseSourceKeys.list() })
    },
  })
  const type = connectionTypeInfo[source.connectionType].label
  if (candidates.length === 0) {
    return (
      <Text size="sm">
        To re-attach it, first add a {type} connection that can reach {source.repository.fullName}.
      </Text>
    )
  }
  return (
    <Group align="flex-end">
      <Select
        label="Re-attach to"
        placeholder={`Choose a ${type} connection`}
        data={candidates.map((stored) => ({
          value: stored.record.id,
          label: inertText(stored.record.name),
          disabled: wantsToken(connectionStatus(stored)),
        }))}
        value={chosen}
        onChange={setChosen}
        error={reattach.error?.message}
        w={280}
      />
      <Button
        disabled={chosen === null}
        loading={reattach.isPending}
        onClick={() => chosen && reattach.mutate(chosen)}
      >
        Re-attach
      </Button>
    </Group>
  )
}
