import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/app.tsx'
import { selectDatabase } from './lib/connection-store.ts'
import { databaseNameFor, detectDemoMode, wantsDemoSeed } from './lib/demo-mode.ts'
import { configureSignIn } from './lib/oauth/deployment.ts'
import { createQueryClient } from './lib/query-client.ts'
import { loadRuntimeConfig } from './lib/runtime-config.ts'

const demo = detectDemoMode(window.location, window.sessionStorage)
if (demo) {
  // Loaded only in demo mode, so the simulated providers never reach a real user's bundle.
  const { startDemoWorker } = await import('../mocks/browser.ts')
  await startDemoWorker(import.meta.env.BASE_URL)
}
const loaded = await loadRuntimeConfig(import.meta.env.BASE_URL)
let { config, problem } = loaded
let demoControlUrl: string | null = null
const base = import.meta.env.BASE_URL
const site = { origin: window.location.origin, baseUrl: base }
if (demo) {
  // Demo mode's simulated deployment answers where a real one would have its own services; a
  // config.json that names real ones still wins.
  const [endpoints, signIn] = await Promise.all([
    import('../mocks/demo-endpoints.ts'),
    import('../mocks/oauth/demo-sign-in.ts'),
  ])
  const { DEMO_BUILD_TRIGGER_URL, DEMO_WEBHOOK_RECEIVER_URL } = endpoints
  demoControlUrl = endpoints.DEMO_CONTROL_URL
  config = signIn.withDemoSignIn({
    ...config,
    webhookReceiverUrl: config.webhookReceiverUrl ?? DEMO_WEBHOOK_RECEIVER_URL,
    buildTriggerUrl: config.buildTriggerUrl ?? DEMO_BUILD_TRIGGER_URL,
  })
  configureSignIn(config, site, signIn.demoAuthorizeVia(base))
} else {
  configureSignIn(config, site)
}
selectDatabase(databaseNameFor(demo))
if (demo && wantsDemoSeed(window.location)) {
  const { seedDemoConnections } = await import('../mocks/seed-demo.ts')
  await seedDemoConnections()
}
if (config.presets.length > 0) {
  // The deployment's preset connections, each once per browser; loaded only when there are some.
  const { seedPresetConnections } = await import('./lib/preset-connections.ts')
  const seeding = await seedPresetConnections(config.presets)
  if (seeding) problem = problem ? `${problem} ${seeding}` : seeding
}

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element.')
if (demo && window.location.pathname === `${base}demo/authorize`) {
  // The simulated provider's authorize page, in the sign-in popup: not part of the app.
  const { renderDemoAuthorizePage } = await import('../mocks/oauth/authorize-page.tsx')
  renderDemoAuthorizePage(root)
} else {
  createRoot(root).render(
    <StrictMode>
      <App
        queryClient={createQueryClient()}
        config={config}
        environment={{ demo, configProblem: problem, demoControlUrl }}
      />
    </StrictMode>,
  )
}
