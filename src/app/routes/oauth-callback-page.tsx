import { Alert, Button, Center, Loader, Paper, Stack, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useEffect, useState } from 'react'
import { Link, useNavigate } from 'react-router'
import { usePanelStore } from '@/features/connections/panel-store.ts'
import { handleCallback, type CallbackOutcome } from '@/features/auth/callback.ts'
import { ConnectedAs } from '@/features/connections/components/saved-notice.tsx'

/**
 * Where GitHub and GitLab send the person back (`<base>oauth/callback`). In the sign-in popup it
 * only passes the answer on and closes; after a full-page redirect it finishes the sign-in and
 * returns to the connections, with the panel open again if something went wrong.
 */
export function OAuthCallbackPage() {
  const navigate = useNavigate()
  const [outcome, setOutcome] = useState<CallbackOutcome | null>(null)

  useEffect(() => {
    let active = true
    void handleCallback(new URLSearchParams(window.location.search)).then(async (result) => {
      if (!active) return
      // The code and state leave the address bar and history at once.
      window.history.replaceState(null, '', window.location.pathname)
      if (result.kind === 'handed-over') {
        window.close()
      } else if (result.kind === 'saved' && result.inTab) {
        notifications.show({
          color: 'green',
          title: 'Signed in',
          message: <ConnectedAs record={result.record} />,
        })
        await navigate('/connections', { replace: true })
        return
      } else if (result.kind === 'failed' && result.resume) {
        const panel = usePanelStore.getState()
        if (result.connectionId) panel.openReenter(result.connectionId, result.resume)
        else panel.openAdd(result.resume)
        await navigate('/connections', { replace: true })
        return
      }
      setOutcome(result)
    })
    return () => {
      active = false
    }
  }, [navigate])

  return (
    <Center mih="100vh" p="md">
      <Paper withBorder p="xl" radius="md" maw={520} w="100%">
        <CallbackStatus outcome={outcome} />
      </Paper>
    </Center>
  )
}

function CallbackStatus({ outcome }: { outcome: CallbackOutcome | null }) {
  if (!outcome) {
    return (
      <Stack align="center" gap="sm" role="status">
        <Loader size="sm" />
        <Text>Finishing the sign-in…</Text>
      </Stack>
    )
  }
  if (outcome.kind === 'handed-over') {
    return (
      <Stack gap="sm" role="status">
        <Title order={1} size="h3">
          Signed in
        </Title>
        <Text>You can close this window: the app has taken it from here.</Text>
      </Stack>
    )
  }
  if (outcome.kind === 'saved') {
    return (
      <Stack gap="sm" role="status">
        <Title order={1} size="h3">
          Signed in
        </Title>
        <Text>
          <ConnectedAs record={outcome.record} /> You can close this window.
        </Text>
        <BackToConnections />
      </Stack>
    )
  }
  return (
    <Stack gap="sm">
      <Title order={1} size="h3">
        The sign-in did not finish
      </Title>
      <Alert color="red" role="alert">
        {outcome.message}
      </Alert>
      <BackToConnections />
    </Stack>
  )
}

function BackToConnections() {
  return (
    <Button component={Link} to="/connections" variant="light" w="fit-content">
      Go to your connections
    </Button>
  )
}
