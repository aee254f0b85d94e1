import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/app.tsx'
import { selectDatabase } from './lib/connection-store.ts'
import { databaseNameFor, detectDemoMode, wantsDemoSeed } from './lib/demo-mode.ts'
import { createQueryClient } from './lib/query-client.ts'
import { loadRuntimeConfig } from './lib/runtime-config.ts'

const demo = detectDemoMode(window.location, window.sessionStorage)
if (demo) {
  // Loaded only in demo mode, so the simulated providers never reach a real user's bundle.
  const { startDemoWorker } = await import('../mocks/browser.ts')
  await startDemoWorker(import.meta.env.BASE_URL)
}
const { config, problem } = await loadRuntimeConfig(import.meta.env.BASE_URL)
selectDatabase(databaseNameFor(demo))
if (demo && wantsDemoSeed(window.location)) {
  const { seedDemoConnections } = await import('../mocks/seed-demo.ts')
  await seedDemoConnections()
}

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element.')
createRoot(root).render(
  <StrictMode>
    <App
      queryClient={createQueryClient()}
      config={config}
      environment={{ demo, configProblem: problem }}
    />
  </StrictMode>,
)
