import type { QueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { RouterProvider } from 'react-router'
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
  return (
    <AppProviders {...props}>
      <RouterProvider router={router} />
    </AppProviders>
  )
}
