import type { QueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { RouterProvider } from 'react-router'
import { followOtherTabs } from '@/lib/follow-other-tabs.ts'
import type { RuntimeConfig } from '@/lib/runtime-config.ts'
import type { AppEnvironment } from './app-context.ts'
import { AppProviders } from './providers.tsx'
import { createRouter } from './router.tsx'

interface Props {
  queryClient: QueryClient
  config: RuntimeConfig
  environment: AppEnvironment
}

export function App(props: Props) {
  // Once per app: the router's loaders prefetch into this query client.
  const [router] = useState(() => createRouter(props.queryClient))
  // What another tab adds, edits, deletes or re-authorises shows here too.
  useEffect(() => followOtherTabs(props.queryClient), [props.queryClient])
  return (
    <AppProviders {...props}>
      <RouterProvider router={router} />
    </AppProviders>
  )
}
