import { create } from 'zustand'
import type { ConnectionFormValues } from './form/form-values.ts'

/**
 * A sign-in that went through a full-page redirect and failed: the panel opens again with what
 * was typed and the reason, as if the person had never left it.
 */
export interface PanelResume {
  values: Partial<ConnectionFormValues>
  problem: string
}

/** Which side panel is open. UI state only: never a token, never server data. */
export type PanelState =
  | { mode: 'closed' }
  | { mode: 'add'; resume?: PanelResume }
  | { mode: 'edit'; connectionId: string }
  /** Edit, opened from "Re-enter token" or "Sign in again": same panel, credentials first. */
  | { mode: 'reenter'; connectionId: string; resume?: PanelResume }

interface PanelStore {
  panel: PanelState
  openAdd: (resume?: PanelResume) => void
  openEdit: (connectionId: string) => void
  openReenter: (connectionId: string, resume?: PanelResume) => void
  close: () => void
}

export const usePanelStore = create<PanelStore>()((set) => ({
  panel: { mode: 'closed' },
  openAdd: (resume) => set({ panel: resume ? { mode: 'add', resume } : { mode: 'add' } }),
  openEdit: (connectionId) => set({ panel: { mode: 'edit', connectionId } }),
  openReenter: (connectionId, resume) =>
    set({
      panel: resume ? { mode: 'reenter', connectionId, resume } : { mode: 'reenter', connectionId },
    }),
  close: () => set({ panel: { mode: 'closed' } }),
}))
