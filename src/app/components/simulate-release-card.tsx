import { Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { IconFlask } from '@tabler/icons-react'
import { useState } from 'react'
import { repositoryScopeKey } from '@/features/commits/queries.ts'
import type { ConnectionType } from '@/providers/types.ts'
import type { ReleaseSourceRecord } from '@/storage/release-source-schema.ts'
import { useAppEnvironment } from '../app-context.ts'

/** The simulated provider that serves each connection type in demo mode. */
const SIMULATED: Record<ConnectionType, string | null> = {
  github: 'github',
  'github-enterprise': 'github',
  gitlab: 'gitlab',
  'gitlab-self-managed': 'gitlab',
  bitbucket: 'bitbucket',
  'azure-devops': 'azure-devops',
  'azure-devops-server': 'azure-devops',
  'custom-git': null,
}

interface Published {
  tag: string
  sha: string
  deliveries: number
}

/**
 * Demo mode only: publish a release on the simulated provider, as someone on the provider would,
 * so the source's list and its webhook's deliveries can be seen to react.
 */
export function SimulateReleaseCard({ source }: { source: ReleaseSourceRecord }) {
  const { demoControlUrl } = useAppEnvironment()
  const queryClient = useQueryClient()
  const [tag, setTag] = useState('')
  const provider = SIMULATED[source.connectionType]
  const publish = useMutation({
    mutationFn: async (name: string): Promise<Published> => {
      const response = await fetch(`${demoControlUrl ?? ''}/releases`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ provider, repository: source.repository.id, tag: name }),
      })
      const body: unknown = await response.json()
      if (!response.ok) {
        throw new Error(messageOf(body) ?? `The simulation answered ${response.status}.`)
      }
      return publishedFrom(body)
    },
    onSuccess: async () => {
      setTag('')
      if (source.connectionId) {
        await queryClient.invalidateQueries({
          queryKey: repositoryScopeKey(source.connectionId, source.repository),
        })
      }
    },
  })
  if (demoControlUrl === null || provider === null || source.connectionId === null) return null
  return (
    <Paper withBorder p="md" radius="md" bg="var(--mantine-color-grape-light)">
      <Stack gap="xs">
        <Group gap="xs">
          <IconFlask size={18} aria-hidden />
          <Title order={2} size="h4">
            Simulate a release
          </Title>
        </Group>
        <Text size="sm">
          Demo mode: publish a tag and release on the simulated provider, at the head of the default
          branch. Its webhooks get their deliveries.
        </Text>
        <form
          onSubmit={(event) => {
            event.preventDefault()
            if (tag.trim() !== '') publish.mutate(tag.trim())
          }}
        >
          <Group align="flex-start">
            <TextInput
              label="Tag to publish"
              placeholder="v2.0.0"
              value={tag}
              onChange={(event) => setTag(event.currentTarget.value)}
              error={publish.error?.message}
              style={{ flex: 1 }}
            />
            <Button type="submit" mt={25} loading={publish.isPending} disabled={tag.trim() === ''}>
              Publish release
            </Button>
          </Group>
        </form>
        {publish.data ? (
          <Text size="sm" role="status">
            Published {publish.data.tag} at {publish.data.sha.slice(0, 7)}:{' '}
            {publish.data.deliveries === 1
              ? '1 webhook delivery.'
              : `${publish.data.deliveries} webhook deliveries.`}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  )
}

function messageOf(body: unknown): string | null {
  if (typeof body === 'object' && body !== null && 'message' in body) {
    return typeof body.message === 'string' ? body.message : null
  }
  return null
}

function publishedFrom(body: unknown): Published {
  if (typeof body === 'object' && body !== null) {
    const { tag, sha, deliveries } = body as Record<string, unknown>
    if (typeof tag === 'string' && typeof sha === 'string' && typeof deliveries === 'number') {
      return { tag, sha, deliveries }
    }
  }
  throw new Error('The simulation answered in an unexpected shape.')
}
