import { expect, test } from '@playwright/test'
import { addConnection } from './support.ts'

// This spec runs in the "sub-path" project: baseURL is http://127.0.0.1:<port>/tools/git/, served
// from a build made with BASE_PATH=/tools/git/ (see playwright.config.ts). Paths here are relative
// to it: "./connections", never "/connections".
const BASE = '/tools/git/'

test('served from /tools/git/: demo, add a connection, browse, and a deep link reloads', async ({
  page,
}) => {
  // Demo mode computes its 10,000 repositories on each load: three loads take their time.
  test.setTimeout(60_000)
  const requested: string[] = []
  page.on('request', (request) => requested.push(new URL(request.url()).pathname))

  await page.goto('./?demo')
  await expect(page.getByRole('heading', { name: 'Manage Connections' })).toBeVisible()
  await expect(page.getByText('Demo mode is on')).toBeVisible()
  expect(new URL(page.url()).pathname).toBe(`${BASE}connections`)

  // The deployment's files come from the sub-path, and demo mode's worker controls this page.
  expect(requested).toContain(`${BASE}config.json`)
  expect(requested.filter((path) => path.endsWith('/config.json'))).toEqual([`${BASE}config.json`])
  const worker = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration()
    return { script: registration?.active?.scriptURL, scope: registration?.scope }
  })
  expect(new URL(worker.script ?? '').pathname).toBe(`${BASE}mockServiceWorker.js`)
  expect(new URL(worker.scope ?? '').pathname).toBe(BASE)
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute(
    'href',
    `${BASE}manifest.webmanifest`,
  )
  const manifest = await page.request.get('manifest.webmanifest')
  expect(manifest.ok()).toBe(true)

  await addConnection(page, {
    name: 'Work GitHub',
    type: 'GitHub',
    token: 'ghp_abcdefghijklmnopqrstuvwxyz0123456789',
  })
  await page.getByRole('link', { name: 'Browse Work GitHub' }).click()
  await expect(page).toHaveURL(new RegExp(`^[^?]*${BASE}connections/[^/]+/repositories`))
  await page.getByLabel('Search repositories').fill('git-connector')
  const list = page.getByRole('list', { name: 'Repositories' })
  await expect(list.getByRole('listitem')).toHaveCount(1)
  await list.getByRole('link', { name: 'octo-demo/git-connector', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'octo-demo/git-connector' })).toBeVisible()
  const commits = page.getByRole('list', { name: 'Commits' })
  await expect(commits.getByRole('listitem').first()).toBeVisible()
  const deepLink = page.url()
  expect(new URL(deepLink).pathname).toMatch(
    new RegExp(`^${BASE}connections/[^/]+/repositories/octo-demo/git-connector`),
  )

  // A reload of the deep link: the static host's fallback serves the app, which finds its way.
  // Demo mode starts again first (its worker, its 10,000 repositories): give it the time.
  await page.reload()
  await expect(page.getByRole('heading', { name: 'octo-demo/git-connector' })).toBeVisible({
    timeout: 15_000,
  })
  await expect(commits.getByRole('listitem').first()).toBeVisible({ timeout: 15_000 })

  // In-app links keep the base: back to the list through the navigation.
  await page.getByRole('link', { name: 'Connections', exact: true }).click()
  await expect(page).toHaveURL(new RegExp(`${BASE}connections$`))
  await expect(page.getByRole('link', { name: 'Browse Work GitHub' })).toBeVisible()
})

test('an unknown path under the base is the app’s not-found page, whose links keep the base', async ({
  page,
}) => {
  await page.goto('./no/such/page')
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible()
  await page.getByRole('link', { name: 'Go to your connections' }).click()
  await expect(page).toHaveURL(new RegExp(`${BASE}connections$`))
})
