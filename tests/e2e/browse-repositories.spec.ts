import { expect, test } from '@playwright/test'
import {
  addConnection,
  openDemo,
  readStore,
  replaceStoredTokens,
  row,
  tokenField,
} from './support.ts'

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

test('a token refused mid-browse: "needs token", re-entered over the page, and back to it', async ({
  page,
}) => {
  test.setTimeout(90_000)
  await openDemo(page)
  await addConnection(page, {
    name: 'Work GitHub',
    type: 'GitHub',
    token: 'ghp_abcdefghijklmnopqrstuvwxyz0123456789',
  })
  await page.getByRole('link', { name: 'Browse Work GitHub' }).click()
  await page.getByLabel('Search repositories').fill('git-connector')
  await page.getByRole('link', { name: 'octo-demo/git-connector', exact: true }).click()
  const commits = page.getByRole('list', { name: 'Commits' })
  // The repository page's chunk and the GitHub adapter load here: slow on a busy machine.
  await expect(commits.getByRole('listitem').first()).toBeVisible({ timeout: 20_000 })
  const deepUrl = page.url()

  // The token is revoked at the provider: the simulated GitHub now refuses it with a 401.
  await replaceStoredTokens(page, 'revoked')
  await page.reload()
  const alert = page.getByRole('alert').filter({ hasText: 'could not be listed' })
  await expect(alert).toContainText('GitHub did not accept this token')
  // The connection itself is now "needs token", for every page and the connections list.
  await expect
    .poll(async () => {
      const [record] = (await readStore(page, 'connections')) as { verification: string }[]
      return record?.verification
    })
    .toBe('refused')

  await alert.getByRole('button', { name: 'Re-enter token' }).click()
  const panel = page.getByRole('dialog', { name: 'Re-enter token for “Work GitHub”' })
  await expect(panel).toContainText('The provider refused the stored token')
  await expect(page).toHaveURL(deepUrl)
  await page.screenshot({ path: 'tests/screenshots/reenter-over-page.png' })
  await tokenField(page).fill('ghp_newtokenabcdefghijklmnopqrstuvwxyz01')
  await panel.getByRole('button', { name: 'Save' }).click()

  // Back where the person was: same address, the commits load with the new token.
  await expect(panel).toBeHidden()
  await expect(page).toHaveURL(deepUrl)
  await expect(commits.getByRole('listitem').first()).toBeVisible()
  await expect(alert).toBeHidden()

  await page.getByRole('link', { name: '← Work GitHub' }).click()
  await page.getByRole('link', { name: '← Connections' }).click()
  await expect(row(page, 'Work GitHub')).toContainText('Connected')
})

test('a refused token shows "Needs token" in the connections list', async ({ page }) => {
  await openDemo(page)
  await addConnection(page, {
    name: 'Work GitHub',
    type: 'GitHub',
    token: 'ghp_abcdefghijklmnopqrstuvwxyz0123456789',
  })
  await replaceStoredTokens(page, 'revoked')
  await page.reload()
  await page.getByRole('link', { name: 'Browse Work GitHub' }).click()
  const alert = page.getByRole('alert').filter({ hasText: 'could not be listed' })
  await expect(alert).toContainText('GitHub did not accept this token')
  await page.getByRole('link', { name: '← Connections' }).click()
  await expect(row(page, 'Work GitHub')).toContainText('Needs token')
  await expect(row(page, 'Work GitHub').getByRole('button', { name: /Re-enter/ })).toBeVisible()
  // The list offers no "Browse" until a token is entered; a bookmarked page says why at once,
  // without sending the refused token again.
  await expect(row(page, 'Work GitHub').getByRole('link', { name: /Browse/ })).toHaveCount(0)
  await page.goBack()
  await expect(alert).toContainText('GitHub refused the stored token')
})
