/**
 * Whole lists on screen: the demo's acme-platform/monorepo has 124 branches and 5,000 tags
 * (mocks/data/many-refs.ts). A person picks the branch that sorts last, far past the first 100,
 * and the release source shows the true newest tag, v0.49.99, not the newest of a first page.
 */
import { expect, test } from '@playwright/test'
import { addConnection, field, openDemo } from './support.ts'

const GITHUB_TOKEN = 'ghp_abcdefghijklmnopqrstuvwxyz0123456789'

test('the 124th branch can be picked and the newest of 5,000 tags is shown', async ({ page }) => {
  test.setTimeout(120_000)
  await openDemo(page)
  await addConnection(page, { name: 'Work', type: 'GitHub', token: GITHUB_TOKEN })

  await page.getByRole('link', { name: 'Release Sources', exact: true }).click()
  await page.getByRole('button', { name: 'Add Release Source' }).first().click()
  const panel = page.getByRole('dialog', { name: 'Add a Release Source' })
  await field(panel, 'Name').fill('Monorepo')
  await field(panel, 'Connection').click()
  await page.getByRole('option', { name: /^Work ·/ }).click()
  const picker = panel.getByRole('combobox', { name: /Repository/ })
  await picker.fill('monorepo')
  await expect(panel.getByRole('option').first()).toContainText('acme-platform/monorepo')
  await panel.getByRole('option').first().click()

  // `release/next` sorts after 123 others: with one page of 100 it was "No branch by that name".
  await field(panel, 'Branch').fill('release/next')
  await page.getByRole('option', { name: 'release/next', exact: true }).click()
  await expect(field(panel, 'Branch')).toHaveValue('release/next')
  await panel.getByRole('button', { name: 'Create release source' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Monorepo' })).toBeVisible()
  await expect(page.getByText('branch release/next')).toBeVisible()

  const releases = page.getByRole('list', { name: 'Releases and tags' })
  await expect(releases.getByTestId('release-row').first()).toContainText('v0.49.99', {
    timeout: 60_000,
  })
  await expect(page.getByTestId('release-list-coverage')).toContainText(
    'The newest 20 of 5,000 matching releases and tags.',
  )
})
