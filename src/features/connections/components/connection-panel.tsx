import { Drawer } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useEffect, useState } from 'react'
import { displayText } from '@/lib/display-text.ts'
import { inertText } from '@/lib/inert-text.tsx'
import { useConnections } from '../hooks/use-connections.ts'
import { usePanelStore } from '../panel-store.ts'
import { ConnectionForm } from './connection-form.tsx'

/**
 * The "Add a new Connection" side panel; the same panel edits and takes a re-entered token. It is
 * mounted by the layout, so "Re-enter token" opens it over whatever page needs the token.
 *
 * An edit is of the record the panel opened on. When that record disappears (deleted in another
 * tab), the panel says so and closes: saving what it holds would bring the connection back.
 */
export function ConnectionPanel() {
  const list = useConnections().data
  const connections = list?.connections ?? []
  const panel = usePanelStore((state) => state.panel)
  const close = usePanelStore((state) => state.close)
  const editingId = panel.mode === 'edit' || panel.mode === 'reenter' ? panel.connectionId : null
  const existing = connections.find((stored) => stored.record.id === editingId)
  // The connection this panel opened on, once it was in the list: its name outlives it.
  const [openedOn, setOpenedOn] = useState<{ id: string; name: string } | null>(null)
  if (existing && (openedOn?.id !== existing.record.id || openedOn.name !== existing.record.name)) {
    setOpenedOn({ id: existing.record.id, name: existing.record.name })
  }
  const gone = editingId !== null && list !== undefined && !existing
  const goneName = gone && openedOn?.id === editingId ? openedOn.name : null
  useEffect(() => {
    if (!gone) return
    if (goneName !== null) {
      notifications.show({
        color: 'orange',
        title: 'Connection deleted',
        message: `“${displayText(goneName).text}” was deleted in another tab, so the edit was not saved.`,
      })
    }
    close()
  }, [gone, goneName, close])

  const resume = panel.mode === 'add' || panel.mode === 'reenter' ? panel.resume : undefined
  const signedIn = existing?.record.authMethod === 'oauth'
  const title =
    panel.mode === 'reenter'
      ? `${signedIn ? 'Sign in again to' : 'Re-enter token for'} “${inertText(existing?.record.name ?? '')}”`
      : panel.mode === 'edit'
        ? 'Edit Connection'
        : 'Add a new Connection'
  // An edit waits for its record: a form opened without it would save as a new connection.
  const ready = panel.mode === 'add' || existing !== undefined

  return (
    <Drawer
      opened={panel.mode !== 'closed'}
      onClose={close}
      position="right"
      size="lg"
      title={title}
      styles={{ title: { fontWeight: 600, fontSize: 'var(--mantine-font-size-lg)' } }}
    >
      {panel.mode !== 'closed' && ready ? (
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
