import { Button, type ButtonProps } from '@mantine/core'
import { IconKey } from '@tabler/icons-react'
import { usePanelStore } from '../panel-store.ts'

/** "Re-enter token": opens the side panel over the current page, token field first. */
export function ReenterTokenButton({
  connectionId,
  ...props
}: { connectionId: string } & Pick<ButtonProps, 'variant' | 'mt'>) {
  const openReenter = usePanelStore((state) => state.openReenter)
  return (
    <Button
      size="xs"
      color="orange"
      leftSection={<IconKey size={14} />}
      onClick={() => openReenter(connectionId)}
      {...props}
    >
      Re-enter token
    </Button>
  )
}
