import { create } from 'zustand'

/** Which side panel is open. UI state only: never a token, never server data. */
export type PanelState =
  | { mode: 'closed' }
  | { mode: 'add' }
  | { mode: 'edit'; connectionId: string }
  /** Edit, opened from "Re-enter token": same panel, token first. */
  | { mode: 'reenter'; connectionId: string }

interface PanelStore {
  panel: PanelState
  openAdd: () => void
  openEdit: (connectionId: string) => void
  openReenter: (connectionId: string) => void
  close: () => void
}

export const usePanelStore = create<PanelStore>()((set) => ({
  panel: { mode: 'closed' },
  openAdd: () => set({ panel: { mode: 'add' } }),
  openEdit: (connectionId) => set({ panel: { mode: 'edit', connectionId } }),
  openReenter: (connectionId) => set({ panel: { mode: 'reenter', connectionId } }),
  close: () => set({ panel: { mode: 'closed' } }),
}))
