import { setupWorker } from 'msw/browser'
import { handlers } from './handlers/index.ts'

/**
 * Demo mode: the simulated providers answer in a service worker. `quiet` keeps MSW from logging
 * requests to the console, where their Authorization headers would show.
 */
export async function startDemoWorker(baseUrl: string): Promise<void> {
  const worker = setupWorker(...handlers)
  await worker.start({
    serviceWorker: { url: `${baseUrl}mockServiceWorker.js` },
    onUnhandledRequest: 'bypass',
    quiet: true,
  })
}
