import { expect, test } from '@playwright/test'
import { addConnection, openDemo, replaceStoredTokens } from './support.ts'

test('browse a connection’s repositories: search, scroll far, reload on a deep link', async ({
  page,
}) => {
  await openDemo(page)
  await addConnection(page, {
    name: 'Work GitHub',
    type: 'GitHub',
    token: 'ghp_abcdefghijklmnopqrstuvwxyz0123456789',
  })
  await page.getByRole('link', { name: 'Browse Work GitHub' }).click()
  await expect(page.getByRole('heading', { name: 'Work GitHub' })).toBeVisible()
  const list = page.getByRole('list', { name: 'Repositories' })
  await expect(list.getByText('octo-demo/git-connector')).toBeVisible()

  // Virtualized: however far one scrolls, only the rows near the viewport exist.
  const scroller = page.getByTestId('repository-scroller')
  for (let i = 0; i < 12; i++) {
    await scroller.evaluate((element) => element.scrollBy(0, 4_000))
    await page.waitForTimeout(150)
  }
  await expect
    .poll(async () => Number(await list.getByRole('listitem').last().getAttribute('aria-posinset')))
    .toBeGreaterThan(500)
  expect(await list.getByRole('listitem').count()).toBeLessThan(100)
  await page.screenshot({ path: 'tests/screenshots/repositories.png' })

  await page.getByLabel('Search repositories').fill('storefront')
  await expect(list.getByText('acme-web/storefront')).toBeVisible()
  await expect(page).toHaveURL(/q=storefront/)
  await page.reload()
  await expect(page.getByLabel('Search repositories')).toHaveValue('storefront')
  await expect(list.getByText('acme-web/storefront')).toBeVisible()
})

test('a refused token while browsing offers to re-enter it', async ({ page }) => {
  await openDemo(page)
  await addConnection(page, {
    name: 'Work GitHub',
    type: 'GitHub',
    token: 'ghp_abcdefghijklmnopqrstuvwxyz0123456789',
  })
  await page.getByRole('link', { name: 'Browse Work GitHub' }).click()
  await expect(page.getByRole('list', { name: 'Repositories' })).toBeVisible()
  // The token is revoked at the provider: the simulated GitHub now refuses it with a 401.
  await replaceStoredTokens(page, 'revoked')
  await page.reload()
  const alert = page.getByRole('alert').filter({ hasText: 'could not be listed' })
  await expect(alert).toContainText('GitHub did not accept this token')
  await alert.getByRole('button', { name: 'Re-enter token' }).click()
  await expect(page.getByRole('dialog', { name: 'Re-enter token for “Work GitHub”' })).toBeVisible()
})
