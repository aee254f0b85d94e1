import { Alert, Button, Text } from '@mantine/core'
import { IconDatabaseOff, IconLock, IconServerOff } from '@tabler/icons-react'
import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { useStorageStatus } from '@/lib/storage-status.ts'

/**
 * What the browser's storage does to the whole app, when it is not simply working: data kept in
 * memory only, an upgrade waiting on another tab, or no space left. One sentence of what happened
 * and one of what to do; the failed call itself also says so where it happened.
 */
export function StorageStatusBanner() {
  const status = useStorageStatus((store) => store.status)
  const dismissQuotaWarning = useStorageStatus((store) => store.dismissQuotaWarning)
  const queryClient = useQueryClient()
  const [retrying, setRetrying] = useState(false)

  // The other tab let go and the upgrade went through: what failed while it waited loads again.
  useEffect(
    () =>
      useStorageStatus.subscribe((now, before) => {
        if (before.status.state === 'blocked' && now.status.state === 'ok') {
          void queryClient.invalidateQueries()
        }
      }),
    [queryClient],
  )

  const retry = async () => {
    setRetrying(true)
    try {
      await queryClient.invalidateQueries()
    } finally {
      setRetrying(false)
    }
  }

  switch (status.state) {
    case 'ok':
      return null
    case 'memory':
      // A standing condition found at start, not an interruption: a polite status.
      return (
        <Alert
          color="orange"
          icon={<IconDatabaseOff size={18} />}
          mb="lg"
          title="Nothing is saved in this browser"
          role="status"
        >
          This browser won’t let Git Connector store data (private browsing, or site data blocked in
          its settings). Connections you add work in this tab until you close or reload it, then
          they are gone. Export them to a file before you leave, or open Git Connector in a window
          that keeps site data.
        </Alert>
      )
    case 'blocked':
      return (
        <Alert
          color="yellow"
          icon={<IconLock size={18} />}
          mb="lg"
          title="Waiting for another tab of Git Connector"
          role="alert"
        >
          <Text size="sm">
            Another tab of Git Connector is open with an older version and keeps this one from
            updating the data it stores. Close that tab (or reload it) to continue; this tab goes on
            by itself once it lets go.
          </Text>
          <Button
            size="xs"
            variant="default"
            mt="sm"
            loading={retrying}
            onClick={() => void retry()}
          >
            Retry
          </Button>
        </Alert>
      )
    case 'quota-exceeded':
      return (
        <Alert
          color="red"
          icon={<IconServerOff size={18} />}
          mb="lg"
          title="No space left to save"
          role="alert"
          withCloseButton
          closeButtonLabel="Dismiss"
          onClose={dismissQuotaWarning}
        >
          The browser has no space left for this site, so the last change was not saved (none of it
          was written). Free some space (other sites’ data in the browser’s settings, or files on
          this computer) and try again.
        </Alert>
      )
  }
}
