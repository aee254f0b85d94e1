import { useQuery } from '@tanstack/react-query'
import { connectionListQuery } from '@/lib/connection-queries.ts'

export function useConnections() {
  return useQuery(connectionListQuery())
}
