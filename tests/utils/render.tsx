import { MantineProvider } from '@mantine/core'
import { Notifications } from '@mantine/notifications'
import { QueryClientProvider } from '@tanstack/react-query'
import { render } from '@testing-library/react'
import type { ReactElement } from 'react'
import { MemoryRouter } from 'react-router'
import { selectDatabase } from '@/lib/connection-store.ts'
import { createQueryClient } from '@/lib/query-client.ts'
import { RuntimeConfigContext } from '@/lib/runtime-config-context.ts'
import { defaultRuntimeConfig, type RuntimeConfig } from '@/lib/runtime-config.ts'

/**
 * Renders a page the way the app does, on a fresh database and a fresh query client (no retries),
 * with MSW answering the providers.
 */
export function renderPage(ui: ReactElement, config: RuntimeConfig = defaultRuntimeConfig) {
  const store = selectDatabase(`test-${crypto.randomUUID()}`)
  // The app's client (its cache reacts to a refused token), without retries to keep tests quick.
  const queryClient = createQueryClient()
  queryClient.setDefaultOptions({ queries: { retry: false, refetchOnWindowFocus: false } })
  const result = render(
    <MantineProvider env="test">
      <Notifications />
      <QueryClientProvider client={queryClient}>
        <RuntimeConfigContext.Provider value={config}>
          <MemoryRouter>{ui}</MemoryRouter>
        </RuntimeConfigContext.Provider>
      </QueryClientProvider>
    </MantineProvider>,
  )
  return { ...result, store, queryClient }
}
