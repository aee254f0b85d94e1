import { Drawer } from '@mantine/core'
import { inertText } from '@/lib/inert-text.tsx'
import { useConnections } from '../hooks/use-connections.ts'
import { usePanelStore } from '../panel-store.ts'
import { ConnectionForm } from './connection-form.tsx'

/**
 * The "Add a new Connection" side panel; the same panel edits and takes a re-entered token. It is
 * mounted by the layout, so "Re-enter token" opens it over whatever page needs the token.
 */
export function ConnectionPanel() {
  const connections = useConnections().data?.connections ?? []
  const panel = usePanelStore((state) => state.panel)
  const close = usePanelStore((state) => state.close)
  const editingId = panel.mode === 'edit' || panel.mode === 'reenter' ? panel.connectionId : null
  const existing = connections.find((stored) => stored.record.id === editingId)
  const resume = panel.mode === 'add' || panel.mode === 'reenter' ? panel.resume : undefined
  const signedIn = existing?.record.authMethod === 'oauth'
  const title =
    panel.mode === 'reenter'
      ? `${signedIn ? 'Sign in again to' : 'Re-enter token for'} “${inertText(existing?.record.name ?? '')}”`
      : panel.mode === 'edit'
        ? 'Edit Connection'
        : 'Add a new Connection'

  return (
    <Drawer
      opened={panel.mode !== 'closed'}
      onClose={close}
      position="right"
      size="lg"
      title={title}
      styles={{ title: { fontWeight: 600, fontSize: 'var(--mantine-font-size-lg)' } }}
    >
      {panel.mode !== 'closed' ? (
        <ConnectionForm
          key={`${panel.mode}:${editingId ?? ''}`}
          existing={existing}
          reenter={panel.mode === 'reenter'}
          resume={resume}
          otherNames={connections
            .filter((stored) => stored.record.id !== editingId)
            .map((stored) => stored.record.name)}
          onDone={close}
        />
      ) : null}
    </Drawer>
  )
}
