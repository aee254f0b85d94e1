import { Notifications } from '@mantine/notifications'

/** Where toasts appear. Its own chunk: see providers.tsx. */
export function Toasts() {
  return <Notifications position="top-right" />
}
