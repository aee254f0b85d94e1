import { defineConfig, devices } from '@playwright/test'

const port = Number(process.env.E2E_PORT ?? 4173)
// Another build folder than dist/ lets two checkouts' runs (or a sub-path build) not collide.
const dist = process.env.E2E_DIST ?? 'dist'
// The same app built for a sub-path, served beside the root build on the next port.
const SUB_PATH = '/tools/git/'
const subPathPort = port + 1
const subPathDist = `${dist}-sub-path`

const chromium = {
  ...devices['Desktop Chrome'],
  viewport: { width: 1360, height: 860 },
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  },
}

/**
 * Flows a person does, in Debian's chromium (Playwright's own browser download cannot run here).
 * The app is the production build served by `vite preview`, driven in demo mode; the sub-path
 * project drives a build made with BASE_PATH=/tools/git/.
 */
export default defineConfig({
  testDir: './e2e',
  // The real git server, CORS proxy and build endpoint of the Custom Git flows (tests/servers/).
  globalSetup: './servers/global-setup.ts',
  // Per build folder too: Playwright empties its output folder when a run starts.
  outputDir: dist === 'dist' ? '../test-results' : `../test-results-${dist}`,
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: [['list']],
  timeout: 30_000,
  expect: { timeout: 7_000 },
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    // Tracing every test costs a quarter of the run on two cores; E2E_TRACE=1 keeps the traces of
    // failed tests for a closer look.
    trace: process.env.E2E_TRACE ? 'retain-on-failure' : 'off',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'debian-chromium', testIgnore: /sub-path\.spec\.ts$/, use: chromium },
    {
      name: 'sub-path',
      testMatch: /sub-path\.spec\.ts$/,
      use: { ...chromium, baseURL: `http://127.0.0.1:${subPathPort}${SUB_PATH}` },
    },
  ],
  webServer: [
    {
      command: `npx vite preview --outDir ${dist} --host 127.0.0.1 --port ${port} --strictPort`,
      cwd: '..',
      url: `http://127.0.0.1:${port}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      // Its own build (about 5 s), made while the root build's server starts.
      command:
        `npx vite build --outDir ${subPathDist} --logLevel warn && ` +
        `npx vite preview --outDir ${subPathDist} --host 127.0.0.1 --port ${subPathPort} --strictPort`,
      cwd: '..',
      env: { BASE_PATH: SUB_PATH },
      url: `http://127.0.0.1:${subPathPort}${SUB_PATH}`,
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
    },
  ],
})
