import type { QueryClient } from '@tanstack/react-query'
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

const router = createRouter()

export function App(props: Props) {
  return (
    <AppProviders {...props}>
      <RouterProvider router={router} />
    </AppProviders>
  )
}
