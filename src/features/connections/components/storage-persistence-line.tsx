import { Text } from '@mantine/core'
import { IconDatabase } from '@tabler/icons-react'
import { useStorageStatus } from '@/lib/storage-status.ts'
import { useStoragePersistence } from '../hooks/use-storage-persistence.ts'

const says = {
  persistent:
    'Storage: persistent — the browser will not clear it on its own. Clearing this site’s data removes connections and tokens.',
  'best-effort':
    'Storage: best effort — the browser may clear it when space runs low; export your connections to keep them.',
} as const

/**
 * Whether this browser keeps the connections and tokens until the person clears them. Not shown
 * when it keeps nothing at all (the page runs in memory): the layout's banner says so.
 */
export function StoragePersistenceLine() {
  const { data } = useStoragePersistence()
  const inMemory = useStorageStatus((store) => store.status.state === 'memory')
  if (!data || inMemory) return null
  return (
    <Text c="dimmed" size="xs" mt={4} data-storage={data}>
      <IconDatabase size={12} style={{ verticalAlign: '-1px', marginRight: 4 }} aria-hidden />
      {says[data]}
    </Text>
  )
}
