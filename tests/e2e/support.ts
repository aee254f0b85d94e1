import { expect, type Locator, type Page } from '@playwright/test'

export const DEMO_DB = 'git-connector-demo'

/** Opens the app in demo mode on the Manage Connections page. */
export async function openDemo(page: Page): Promise<void> {
  await page.goto('/?demo')
  await expect(page.getByRole('heading', { name: 'Manage Connections' })).toBeVisible()
  await expect(page.getByText('Demo mode is on')).toBeVisible()
}

export interface ConnectionInput {
  name: string
  type: string
  username?: string
  token?: string
  /** Other fields by their label. */
  fields?: Record<string, string>
  /** Segmented choices and radios to click, by their label. */
  choose?: string[]
}

/** A form field by its label; Mantine adds " *" to the label of a required field. */
export function field(scope: Page | Locator, label: string) {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return scope.getByLabel(new RegExp(`^${escaped}( \\*)?$`))
}

export async function openAddPanel(page: Page) {
  const add = page.getByRole('button', { name: 'Add Connection' })
  await add.first().click()
  const panel = page.getByRole('dialog', { name: 'Add a new Connection' })
  await expect(panel).toBeVisible()
  return panel
}

export async function chooseType(page: Page, label: string): Promise<void> {
  await field(page.getByRole('dialog'), 'Connection Type').click()
  await page.getByRole('option', { name: label, exact: true }).click()
}

/** Fills the side panel (already open) and presses Save. */
export async function fillAndSave(page: Page, input: ConnectionInput): Promise<void> {
  const panel = page.getByRole('dialog')
  await field(panel, 'Name').fill(input.name)
  await chooseType(page, input.type)
  if (input.username !== undefined) {
    await field(panel, 'Username').fill(input.username)
  }
  for (const label of input.choose ?? []) await panel.getByText(label, { exact: true }).click()
  for (const [label, value] of Object.entries(input.fields ?? {})) {
    await field(panel, label).fill(value)
  }
  if (input.token !== undefined) await tokenField(page).fill(input.token)
  await panel.getByRole('button', { name: 'Save' }).click()
}

export function tokenField(page: Page) {
  return page.getByRole('dialog').locator('input[type="password"]')
}

export async function addConnection(page: Page, input: ConnectionInput): Promise<void> {
  await openAddPanel(page)
  await fillAndSave(page, input)
  await expect(page.getByRole('dialog')).toBeHidden()
}

export function row(page: Page, name: string) {
  return page.getByRole('row').filter({ has: page.getByText(name, { exact: true }) })
}

/** Every record of one object store of the demo database, read the way the app stores them. */
export async function readStore(page: Page, store: 'connections' | 'secrets'): Promise<unknown[]> {
  return page.evaluate(
    async ({ db, store }) => {
      const database = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(db)
        request.onsuccess = () => resolve(request.result)
        request.onerror = () => reject(new Error(`IndexedDB: ${String(request.error)}`))
      })
      try {
        if (!database.objectStoreNames.contains(store)) return []
        return await new Promise<unknown[]>((resolve, reject) => {
          const request = database.transaction(store).objectStore(store).getAll()
          request.onsuccess = () => resolve(request.result as unknown[])
          request.onerror = () => reject(new Error(`IndexedDB: ${String(request.error)}`))
        })
      } finally {
        database.close()
      }
    },
    { db: DEMO_DB, store },
  )
}

export async function deleteSecrets(page: Page): Promise<void> {
  await page.evaluate(async (db) => {
    const database = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(db)
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(new Error(`IndexedDB: ${String(request.error)}`))
    })
    await new Promise<void>((resolve, reject) => {
      const tx = database.transaction('secrets', 'readwrite')
      tx.objectStore('secrets').clear()
      tx.oncomplete = () => resolve()
      tx.onerror = () => reject(new Error(`IndexedDB: ${String(tx.error)}`))
    })
    database.close()
  }, DEMO_DB)
}

/** Replaces every stored token, e.g. with `revoked`, which the simulated providers refuse. */
export async function replaceStoredTokens(page: Page, token: string): Promise<void> {
  await updateSecrets(page, { token })
}

/** Changes fields of every stored secret, e.g. to give a refresh token the provider refuses. */
export async function updateSecrets(page: Page, fields: Record<string, unknown>): Promise<void> {
  await page.evaluate(
    async ({ db, fields }) => {
      const database = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(db)
        request.onsuccess = () => resolve(request.result)
        request.onerror = () => reject(new Error(`IndexedDB: ${String(request.error)}`))
      })
      await new Promise<void>((resolve, reject) => {
        const tx = database.transaction('secrets', 'readwrite')
        const cursor = tx.objectStore('secrets').openCursor()
        cursor.onsuccess = () => {
          const current = cursor.result
          if (!current) return
          current.update({ ...(current.value as object), ...fields })
          current.continue()
        }
        tx.oncomplete = () => resolve()
        tx.onerror = () => reject(new Error(`IndexedDB: ${String(tx.error)}`))
      })
      database.close()
    },
    { db: DEMO_DB, fields },
  )
}

/** Changes fields of every stored connection record, as an older version's edit might have. */
export async function updateConnections(
  page: Page,
  fields: Record<string, unknown>,
): Promise<void> {
  await page.evaluate(
    async ({ db, fields }) => {
      const database = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(db)
        request.onsuccess = () => resolve(request.result)
        request.onerror = () => reject(new Error(`IndexedDB: ${String(request.error)}`))
      })
      await new Promise<void>((resolve, reject) => {
        const tx = database.transaction('connections', 'readwrite')
        const cursor = tx.objectStore('connections').openCursor()
        cursor.onsuccess = () => {
          const current = cursor.result
          if (!current) return
          current.update({ ...(current.value as object), ...fields })
          current.continue()
        }
        tx.oncomplete = () => resolve()
        tx.onerror = () => reject(new Error(`IndexedDB: ${String(tx.error)}`))
      })
      database.close()
    },
    { db: DEMO_DB, fields },
  )
}

/**
 * How long a sign-in may take to end: the popup boots the app for the callback, then the
 * starting tab exchanges the code, checks the token and saves.
 */
export const SIGNED_IN = { timeout: 20_000 }

/** Demo mode: fills the panel for a sign-in, presses the sign-in button, returns its popup. */
export async function startSignIn(
  page: Page,
  name: string,
  type: 'GitHub' | 'GitLab',
  shot?: string,
) {
  const panel = await openAddPanel(page)
  await field(panel, 'Name').fill(name)
  if (type === 'GitLab') await chooseType(page, 'GitLab')
  await panel.getByRole('radio', { name: `Sign in with ${type}` }).check()
  if (shot) await page.screenshot({ path: `tests/screenshots/${shot}-panel.png` })
  const popup = page.waitForEvent('popup')
  await panel.getByRole('button', { name: `Sign in with ${type}` }).click()
  const window = await popup
  await expect(window.getByRole('heading', { name: 'Authorize Git Connector' })).toBeVisible({
    timeout: 15_000,
  })
  if (shot) await window.screenshot({ path: `tests/screenshots/${shot}-authorize.png` })
  return { panel, popup: window }
}
