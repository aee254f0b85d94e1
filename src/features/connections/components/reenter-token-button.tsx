import { Button, type ButtonProps } from '@mantine/core'
import { IconKey } from '@tabler/icons-react'
import { usePanelStore } from '../panel-store.ts'

/**
 * "Re-enter token" ("Sign in again" for a signed-in connection): opens the side panel over the
 * current page, credentials first.
 */
export function ReenterTokenButton({
  connectionId,
  signedIn = false,
  ...props
}: { connectionId: string; signedIn?: boolean } & Pick<ButtonProps, 'variant' | 'mt'>) {
  const openReenter = usePanelStore((state) => state.openReenter)
  return (
    <Button
      size="xs"
      color="orange"
      leftSection={<IconKey size={14} />}
      onClick={() => openReenter(connectionId)}
      {...props}
    >
      {signedIn ? 'Sign in again' : 'Re-enter token'}
    </Button>
  )
}
