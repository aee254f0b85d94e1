/**
 * Export and import on Manage Connections. The transfer code (checks, schemas) is loaded on
 * first use, so the page's first load does not carry it.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useCallback, useRef, useState } from 'react'
import { connectionKeys } from '@/lib/connection-queries.ts'
import type { ImportCheck } from '@/lib/connection-transfer.ts'
import type { ConnectionRecord } from '@/storage/schema.ts'

const loadTransfer = () => import('@/lib/connection-transfer.ts')

/** Starts the transfer chunk's download (on hover or focus of the buttons). */
export function preloadTransfer(): void {
  void loadTransfer()
}

/** Hands `text` to the browser as a download named `fileName`. */
function download(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.rel = 'noopener'
  document.body.append(link)
  link.click()
  link.remove()
  // The click has handed the blob to the download; the URL is not needed after this task.
  setTimeout(() => URL.revokeObjectURL(url), 0)
}

/** Downloads every connection's definition (never a token) as a JSON file. */
export function useExportConnections() {
  return useMutation({
    mutationFn: async () => {
      const { exportConnections } = await loadTransfer()
      const file = await exportConnections()
      download(file.fileName, file.text)
      return file.count
    },
  })
}

export type FileCheck =
  { state: 'idle' } | { state: 'checking' } | ({ state: 'done' } & ImportCheck)

/** Checks a chosen file; a newer choice wins over a slower check of an older one. */
export function useImportCheck(): { check: FileCheck; choose: (file: File | null) => void } {
  const [check, setCheck] = useState<FileCheck>({ state: 'idle' })
  const latest = useRef(0)
  const choose = useCallback((file: File | null) => {
    latest.current += 1
    const attempt = latest.current
    if (!file) {
      setCheck({ state: 'idle' })
      return
    }
    setCheck({ state: 'checking' })
    void loadTransfer()
      .then(({ checkImportFile }) => checkImportFile(file))
      .catch((error: unknown) => ({
        ok: false as const,
        reason: `The connections stored here could not be read to compare: ${error instanceof Error ? error.message : 'storage failed.'}`,
      }))
      .then((result) => {
        if (attempt === latest.current) setCheck({ state: 'done', ...result })
      })
  }, [])
  return { check, choose }
}

/** Writes a checked file's new connections in one transaction; the list then shows them. */
export function useImportConnections() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async (records: readonly ConnectionRecord[]) => {
      const { importConnections } = await loadTransfer()
      return importConnections(records)
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: connectionKeys.list() }),
  })
}
