import { useQuery } from '@tanstack/react-query'
import { persistenceQuery } from '@/lib/persistent-storage.ts'

/** Whether the browser keeps this site's data until the person clears it. */
export function useStoragePersistence() {
  return useQuery(persistenceQuery())
}
