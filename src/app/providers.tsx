import '@mantine/core/styles.css'
import '@mantine/notifications/styles.css'
import './global.css'
import { MantineProvider } from '@mantine/core'
import { Notifications } from '@mantine/notifications'
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { RuntimeConfigContext } from '@/lib/runtime-config-context.ts'
import type { RuntimeConfig } from '@/lib/runtime-config.ts'
import { AppEnvironmentContext, type AppEnvironment } from './app-context.ts'
import { theme } from './theme.ts'

interface Props {
  queryClient: QueryClient
  config: RuntimeConfig
  environment: AppEnvironment
  children: ReactNode
}

export function AppProviders({ queryClient, config, environment, children }: Props) {
  return (
    <MantineProvider theme={theme} defaultColorScheme="auto">
      <Notifications position="top-right" />
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
