import { lazy, Suspense, useState } from 'react'
import { usePanelStore } from '@/features/connections/panel-store.ts'

// The side panel (form, validation, token rules) is needed only once opened: it is its own chunk,
// which the connections page starts loading on hover or focus.
export const loadConnectionPanel = () =>
  import('@/features/connections/components/connection-panel.tsx')
const ConnectionPanel = lazy(() =>
  loadConnectionPanel().then((m) => ({ default: m.ConnectionPanel })),
)

/** Mounts the side panel on first open, on any page: "Re-enter token" works where it is shown. */
export function ConnectionPanelHost() {
  const panelOpen = usePanelStore((state) => state.panel.mode !== 'closed')
  // Once loaded, the panel stays mounted so that it can animate closed.
  const [loaded, setLoaded] = useState(false)
  if (panelOpen && !loaded) setLoaded(true)
  return <Suspense fallback={null}>{loaded ? <ConnectionPanel /> : null}</Suspense>
}
