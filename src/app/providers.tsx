import '@mantine/core/styles.css'
import '@mantine/notifications/styles.css'
import './global.css'
import { MantineProvider } from '@mantine/core'
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import { lazy, Suspense, type ReactNode } from 'react'
import { RuntimeConfigContext } from '@/lib/runtime-config-context.ts'
import type { RuntimeConfig } from '@/lib/runtime-config.ts'
import { AppEnvironmentContext, type AppEnvironment } from './app-context.ts'
import { cssVariablesResolver, theme } from './theme.ts'

// The toasts' container (and its transitions) is not needed to draw the first page: it loads right
// after. A toast shown before it has mounted waits in @mantine/notifications' store and appears then.
const Toasts = lazy(() => import('./toasts.tsx').then((m) => ({ default: m.Toasts })))

interface Props {
  queryClient: QueryClient
  config: RuntimeConfig
  environment: AppEnvironment
  children: ReactNode
}

export function AppProviders({ queryClient, config, environment, children }: Props) {
  return (
    <MantineProvider
      theme={theme}
      cssVariablesResolver={cssVariablesResolver}
      defaultColorScheme="auto"
    >
      <Suspense fallback={null}>
        <Toasts />
      </Suspense>
      <QueryClientProvider client={queryClient}>
        <RuntimeConfigContext.Provider value={config}>
          <AppEnvironmentContext.Provider value={environment}>
            {children}
          </AppEnvironmentContext.Provider>
        </RuntimeConfigContext.Provider>
      </QueryClientProvider>
    </MantineProvider>
  )
}
