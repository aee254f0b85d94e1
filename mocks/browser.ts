import { delay, http, type RequestHandler } from 'msw'
import { setupWorker } from 'msw/browser'
import { demoRepositories, type DemoProvider } from './data/catalog.ts'
import { handlers } from './handlers/index.ts'

/** What the benchmark reads back: how many provider requests the page made. */
declare global {
  interface Window {
    __demoRequestCount?: number
  }
}

/**
 * Demo mode: the simulated providers answer in a service worker. `quiet` keeps MSW from logging
 * requests to the console, where their Authorization headers would show. `?latency=100` adds a
 * simulated round trip to every provider request (the benchmark uses it); it is read once, at start.
 */
export async function startDemoWorker(baseUrl: string): Promise<void> {
  const latency = Number(new URLSearchParams(window.location.search).get('latency') ?? 0)
  const slow: RequestHandler[] =
    latency > 0
      ? [
          http.all(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, async () => {
            await delay(latency)
            // Nothing returned: the request goes on to the provider handlers.
          }),
        ]
      : []
  const worker = setupWorker(...slow, ...handlers)
  window.__demoRequestCount = 0
  worker.events.on('request:start', ({ request }) => {
    if (new URL(request.url).origin !== window.location.origin) window.__demoRequestCount! += 1
  })
  await worker.start({
    serviceWorker: { url: `${baseUrl}mockServiceWorker.js` },
    onUnhandledRequest: 'bypass',
    quiet: true,
  })
  warmCatalogs()
}

/**
 * The simulated providers answer on this tab's main thread. Their catalogs (10,000 repositories
 * for GitHub) are built on first use, which would land on the first "Browse" click: build them
 * while the tab is idle instead, one provider per idle period.
 */
function warmCatalogs(): void {
  const pending: DemoProvider[] = ['github', 'gitlab', 'bitbucket', 'azure-devops']
  const next = () => {
    const provider = pending.shift()
    if (!provider) return
    demoRepositories(provider)
    schedule(next)
  }
  schedule(next)
}

function schedule(task: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout: 3_000 })
  else setTimeout(task, 100)
}
