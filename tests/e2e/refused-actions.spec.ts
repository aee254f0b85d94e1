import { expect, test, type Page } from '@playwright/test'
import { addConnection, DEMO_DB, field, openDemo } from './support.ts'

const GITHUB_TOKEN = 'ghp_abcdefghijklmnopqrstuvwxyz0123456789'

/** Creates a GitHub release source through "Work GitHub" and waits for its page. */
async function addSource(page: Page, name: string): Promise<void> {
  await page.getByRole('link', { name: 'Release Sources', exact: true }).click()
  await page.getByRole('button', { name: 'Add Release Source' }).first().click()
  const panel = page.getByRole('dialog', { name: 'Add a Release Source' })
  await field(panel, 'Name').fill(name)
  await field(panel, 'Connection').click()
  await page.getByRole('option', { name: /^Work GitHub ·/ }).click()
  const picker = panel.getByRole('combobox', { name: /Repository/ })
  await picker.fill('octo-demo/git-connector')
  await expect(panel.getByRole('option').first()).toContainText('octo-demo/git-connector')
  await panel.getByRole('option').first().click()
  // A pattern no tag matches: the releases list then looks up no commits in the background, so
  // the action under test is the first request to meet the revoked token.
  await field(panel, 'Tag pattern').fill('no-such-tag-*')
  await panel.getByRole('button', { name: 'Create release source' }).click()
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
  await expect(page.getByTestId('webhook-state')).toContainText('calls the deployment’s receiver')
  // Let every read of the page settle first: the refusal must be met by the action itself.
  await page.waitForLoadState('networkidle')
}

/**
 * The token is revoked at the provider while the page is open: the stored token becomes one the
 * simulated GitHub refuses (`revoked`), and the record's updatedAt moves on, as after any change,
 * so that the next call builds its adapter with it. Written behind the app's back: the page on
 * screen still believes the connection works, as it would after a revocation elsewhere.
 */
async function revokeBehindTheAppsBack(page: Page): Promise<void> {
  await page.evaluate(async (db) => {
    const database = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(db)
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(new Error(String(request.error)))
    })
    await new Promise<void>((resolve, reject) => {
      const tx = database.transaction(['connections', 'secrets'], 'readwrite')
      const later = new Date(Date.now() + 1000).toISOString()
      for (const [store, change] of [
        ['connections', { updatedAt: later }],
        ['secrets', { token: 'revoked' }],
      ] as const) {
        const cursor = tx.objectStore(store).openCursor()
        cursor.onsuccess = () => {
          const current = cursor.result
          if (!current) return
          current.update({ ...(current.value as object), ...change })
          current.continue()
        }
      }
      tx.oncomplete = () => resolve()
      tx.onerror = () => reject(new Error(String(tx.error)))
    })
    database.close()
  }, DEMO_DB)
}

test('Trigger Build meets a revoked token: the failed trigger is recorded and "Re-enter token" appears at once', async ({
  page,
}) => {
  test.setTimeout(90_000)
  await openDemo(page)
  await addConnection(page, { name: 'Work GitHub', type: 'GitHub', token: GITHUB_TOKEN })
  await addSource(page, 'Website')
  const trigger = page.getByRole('button', { name: 'Trigger Build' })
  await expect(trigger).toBeEnabled()
  await expect(page.getByTestId('webhook-state')).toContainText('calls the deployment’s receiver')

  await revokeBehindTheAppsBack(page)
  const url = page.url()
  // Nothing but the click sends the revoked token: the page still believes the connection works.
  await page.waitForTimeout(1000)
  await expect(trigger).toBeEnabled()
  await trigger.click()

  // No reload: the page learns the connection is refused and offers the way out where it is.
  const needsToken = page.getByRole('alert').filter({ hasText: 'The connection needs its token' })
  await expect(needsToken.getByRole('button', { name: 'Re-enter token' })).toBeVisible()
  await expect(trigger).toBeDisabled()
  expect(page.url()).toBe(url)
  const build = page.getByTestId('build-row').first()
  await expect(build).toContainText('Failed')
  await expect(build).toContainText('Nothing was sent. GitHub did not accept this token')
})

test('Re-provision meets a revoked token: "Re-enter token" appears without a reload', async ({
  page,
}) => {
  test.setTimeout(90_000)
  await openDemo(page)
  await addConnection(page, { name: 'Work GitHub', type: 'GitHub', token: GITHUB_TOKEN })
  await addSource(page, 'Docs')
  await expect(page.getByTestId('webhook-state')).toContainText('calls the deployment’s receiver')

  await revokeBehindTheAppsBack(page)
  await page.waitForTimeout(1000)
  await expect(page.getByRole('button', { name: 'Trigger Build' })).toBeEnabled()
  await page.getByRole('button', { name: 'Re-provision' }).click()

  const needsToken = page.getByRole('alert').filter({ hasText: 'The connection needs its token' })
  await expect(needsToken.getByRole('button', { name: 'Re-enter token' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Trigger Build' })).toBeDisabled()
})
