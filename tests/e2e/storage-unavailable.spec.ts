import { expect, test, type Page } from '@playwright/test'
import {
  addConnection,
  DEMO_DB,
  field,
  fillAndSave,
  openAddPanel,
  openDemo,
  readStore,
  row,
} from './support.ts'

const TOKEN = 'ghp_abcdefghijklmnopqrstuvwxyz0123456789'

function memoryBanner(page: Page) {
  return page.getByRole('status').filter({ hasText: 'Nothing is saved in this browser' })
}

test.describe('a browser that refuses IndexedDB', () => {
  test.beforeEach(async ({ page }) => {
    // What private modes and blocked site data do: opening any database throws.
    await page.addInitScript(() => {
      IDBFactory.prototype.open = () => {
        throw new DOMException('The operation is insecure.', 'SecurityError')
      }
    })
  })

  test('works in memory for the tab, says so, and has nothing after a reload', async ({ page }) => {
    test.setTimeout(90_000)
    await openDemo(page)
    await expect(memoryBanner(page)).toBeVisible()
    await expect(memoryBanner(page)).toContainText('until you close or reload it')
    await page.screenshot({ path: test.info().outputPath('memory-banner.png') })

    await addConnection(page, { name: 'Memory GitHub', type: 'GitHub', token: TOKEN })
    await expect(row(page, 'Memory GitHub')).toContainText('Connected')
    // Nothing is kept at all, so the page does not also claim "persistent" or "best effort".
    await expect(page.getByText(/^Storage: /)).toHaveCount(0)
    await page.getByRole('link', { name: 'Browse Memory GitHub' }).click()
    const list = page.getByRole('list', { name: 'Repositories' })
    await expect(list.getByText('octo-demo/git-connector')).toBeVisible({ timeout: 20_000 })

    // A release source, deleted again: deleting clears its seen releases by key range, which
    // must be the in-memory database's own.
    await page.getByRole('link', { name: 'Release Sources', exact: true }).click()
    await page.getByRole('button', { name: 'Add Release Source' }).first().click()
    const panel = page.getByRole('dialog', { name: 'Add a Release Source' })
    await field(panel, 'Name').fill('Memory releases')
    await field(panel, 'Connection').click()
    await page.getByRole('option', { name: /^Memory GitHub ·/ }).click()
    await panel.getByRole('combobox', { name: /Repository/ }).fill('git-connector')
    await panel.getByRole('option').first().click()
    await panel.getByRole('button', { name: 'Create release source' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Memory releases' })).toBeVisible()
    await page.getByRole('button', { name: 'Delete' }).click()
    await page.getByRole('button', { name: 'Delete release source' }).click()
    await expect(page.getByText('Memory releases')).toHaveCount(0)

    await page.reload()
    await expect(page.getByRole('heading', { level: 1, name: 'Release Sources' })).toBeVisible()
    await expect(memoryBanner(page)).toBeVisible()
    await page.getByRole('link', { name: 'Connections', exact: true }).click()
    await expect(page.getByText('No connections yet')).toBeVisible()
    await expect(row(page, 'Memory GitHub')).toHaveCount(0)
  })
})

test('an older tab holding the database open: a banner until it lets go, then the page loads', async ({
  page,
  context,
}) => {
  test.setTimeout(60_000)
  // "Another tab" on the same origin, running the first version of the database (the stores of
  // version 1), that ignores versionchange as old releases did.
  const older = await context.newPage()
  await older.goto('/config.json')
  await older.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name, 1)
      request.onupgradeneeded = () => {
        request.result.createObjectStore('connections')
        request.result.createObjectStore('secrets')
      }
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(new Error(String(request.error)))
    })
    ;(window as unknown as { heldOpen: IDBDatabase }).heldOpen = db
  }, DEMO_DB)

  await page.goto('/?demo')
  const banner = page.getByRole('alert').filter({ hasText: 'Waiting for another tab' })
  await expect(banner).toBeVisible({ timeout: 15_000 })
  await expect(banner).toContainText('Close that tab (or reload it) to continue')
  await expect(memoryBanner(page)).toHaveCount(0)
  await page.screenshot({ path: test.info().outputPath('blocked-banner.png') })

  await older.evaluate(() => (window as unknown as { heldOpen: IDBDatabase }).heldOpen.close())
  await expect(banner).toHaveCount(0)
  await expect(page.getByText('No connections yet')).toBeVisible()
})

test('no space left: the form and a banner say so, and neither the connection nor its token lands', async ({
  page,
}) => {
  // The browser's quota runs out on the token, written after the connection in the same save.
  await page.addInitScript(() => {
    // Called below with the store as `this`.
    // eslint-disable-next-line @typescript-eslint/unbound-method
    const put = IDBObjectStore.prototype.put
    IDBObjectStore.prototype.put = function (
      this: IDBObjectStore,
      value: unknown,
      key?: IDBValidKey,
    ) {
      if (this.name === 'secrets') {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
      }
      return put.call(this, value, key)
    }
  })
  await openDemo(page)
  await openAddPanel(page)
  await fillAndSave(page, { name: 'Full disk', type: 'GitHub', token: TOKEN })
  const panel = page.getByRole('dialog')
  await expect(panel).toContainText('The browser has no storage space left for Git Connector')
  await expect(panel).toContainText('Nothing was saved.')
  const banner = page.getByRole('alert').filter({ hasText: 'No space left to save' })
  await expect(banner).toBeVisible()
  await page.screenshot({ path: test.info().outputPath('quota-banner.png') })

  expect(await readStore(page, 'connections')).toEqual([])
  expect(await readStore(page, 'secrets')).toEqual([])
  await page.keyboard.press('Escape')
  await expect(panel).toBeHidden()
  await expect(row(page, 'Full disk')).toHaveCount(0)
  await banner.getByRole('button', { name: 'Dismiss' }).click()
  await expect(banner).toHaveCount(0)
})
