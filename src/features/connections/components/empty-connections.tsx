import { Button, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core'
import { IconPlugConnected } from '@tabler/icons-react'

interface Props {
  onAdd: () => void
  onTryDemo: (() => void) | null
}

export function EmptyConnections({ onAdd, onTryDemo }: Props) {
  return (
    <Paper withBorder radius="md" p="xl">
      <Stack align="center" gap="md" maw={560} mx="auto" ta="center" py="lg">
        <ThemeIcon size={56} radius="xl" variant="light">
          <IconPlugConnected size={30} />
        </ThemeIcon>
        <Title order={2} size="h3">
          No connections yet
        </Title>
        <Text c="dimmed">
          A connection links this app to one account on a git provider: GitHub, GitLab, Bitbucket,
          Azure DevOps, their self-hosted editions, or any git remote. Through it you browse
          repositories, branches and commits and set up release sources.
        </Text>
        <Text c="dimmed" size="sm">
          Its token is checked with the provider, then kept in this browser only. It is sent to
          nobody but the provider&apos;s own API.
        </Text>
        <Group>
          <Button onClick={onAdd}>Add Connection</Button>
          {onTryDemo ? (
            <Button variant="default" onClick={onTryDemo}>
              Try the demo
            </Button>
          ) : null}
        </Group>
      </Stack>
    </Paper>
  )
}
