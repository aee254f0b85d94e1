import { expect, test } from '@playwright/test'
import {
  addConnection,
  deleteSecrets,
  field,
  fillAndSave,
  openAddPanel,
  openDemo,
  readStore,
  row,
  tokenField,
} from './support.ts'

const TOKEN = 'ghp_Secret0123456789abcdefghijklmnopqrstu'

test('a revoked token is refused at the token field and nothing is stored', async ({ page }) => {
  await openDemo(page)
  await openAddPanel(page)
  await fillAndSave(page, { name: 'Revoked', type: 'GitHub', token: 'revoked' })
  const panel = page.getByRole('dialog', { name: 'Add a new Connection' })
  await expect(panel).toBeVisible()
  await expect(panel.getByText(/GitHub did not accept this token/)).toBeVisible()
  await expect(tokenField(page)).toHaveAttribute('aria-invalid', 'true')
  expect(await readStore(page, 'connections')).toEqual([])
  expect(await readStore(page, 'secrets')).toEqual([])
})

test('the token is kept in IndexedDB only, and the list survives a reload', async ({
  page,
  context,
}) => {
  await openDemo(page)
  await addConnection(page, { name: 'Work GitHub', type: 'GitHub', token: TOKEN })
  await page.reload()
  await expect(row(page, 'Work GitHub')).toContainText('Connected')

  const secrets = (await readStore(page, 'secrets')) as { token: string }[]
  expect(secrets.map((secret) => secret.token)).toEqual([TOKEN])
  expect(JSON.stringify(await readStore(page, 'connections'))).not.toContain(TOKEN)

  const webStorage = await page.evaluate(() =>
    JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage), document.cookie]),
  )
  expect(webStorage).not.toContain(TOKEN)
  expect(JSON.stringify(await context.cookies())).not.toContain(TOKEN)
  expect(page.url()).not.toContain(TOKEN)
  expect(await page.content()).not.toContain(TOKEN)
})

test('a lost token means "needs token"; re-entering it restores the connection', async ({
  page,
}) => {
  await openDemo(page)
  await addConnection(page, { name: 'Work GitHub', type: 'GitHub', username: 'mona', token: TOKEN })
  await deleteSecrets(page)
  await page.reload()

  const line = row(page, 'Work GitHub')
  await expect(line).toContainText('Needs token')
  await expect(line).toContainText('mona')
  await line.getByRole('button', { name: 'Re-enter token' }).click()
  const panel = page.getByRole('dialog', { name: 'Re-enter token for “Work GitHub”' })
  await expect(panel.getByText('This browser no longer has the token')).toBeVisible()
  await expect(field(panel, 'Name')).toHaveValue('Work GitHub')
  await panel.getByRole('button', { name: 'Save' }).click()
  await expect(tokenField(page)).toHaveAttribute('aria-invalid', 'true')
  await tokenField(page).fill(TOKEN)
  await panel.getByRole('button', { name: 'Save' }).click()
  await expect(panel).toBeHidden()
  await expect(line).toContainText('Connected')
  await expect(line).toContainText('mona')
  expect(await readStore(page, 'secrets')).toHaveLength(1)
})

test('editing with the token field left empty keeps the stored token', async ({ page }) => {
  await openDemo(page)
  await addConnection(page, { name: 'Work GitHub', type: 'GitHub', token: TOKEN })
  await page.getByRole('button', { name: 'Edit Work GitHub' }).click()
  const panel = page.getByRole('dialog', { name: 'Edit Connection' })
  await expect(tokenField(page)).toHaveValue('')
  await expect(tokenField(page)).toHaveAttribute(
    'placeholder',
    'Leave empty to keep the stored token',
  )
  await field(panel, 'Name').fill('Personal GitHub')
  await panel.getByRole('button', { name: 'Save' }).click()
  await expect(panel).toBeHidden()
  await expect(row(page, 'Personal GitHub')).toContainText('Connected')
  const secrets = (await readStore(page, 'secrets')) as { token: string }[]
  expect(secrets.map((secret) => secret.token)).toEqual([TOKEN])
  expect(await readStore(page, 'connections')).toHaveLength(1)
})

test('delete asks first, then removes the connection and its token', async ({ page }) => {
  await openDemo(page)
  await addConnection(page, { name: 'Work GitHub', type: 'GitHub', token: TOKEN })
  await page.getByRole('button', { name: 'Delete Work GitHub' }).click()
  const dialog = page.getByRole('dialog', { name: 'Delete connection' })
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(row(page, 'Work GitHub')).toBeVisible()
  expect(await readStore(page, 'connections')).toHaveLength(1)

  await page.getByRole('button', { name: 'Delete Work GitHub' }).click()
  await dialog.getByRole('button', { name: 'Delete connection' }).click()
  await expect(page.getByText('No connections yet')).toBeVisible()
  expect(await readStore(page, 'connections')).toEqual([])
  expect(await readStore(page, 'secrets')).toEqual([])
})

test('an unreachable server can be saved unverified, and the list says so', async ({ page }) => {
  await openDemo(page)
  await openAddPanel(page)
  await fillAndSave(page, {
    name: 'Internal GitLab',
    type: 'GitLab self-managed',
    fields: { 'GitLab URL': 'https://unreachable.corp.example' },
    token: 'glpat-abcdefghijklmnopqrst',
  })
  const panel = page.getByRole('dialog')
  await expect(panel.getByText(/could not reach GitLab at this address/)).toBeVisible()
  expect(await readStore(page, 'connections')).toEqual([])
  await panel.getByRole('button', { name: 'Save without verifying' }).click()
  await expect(panel).toBeHidden()
  await expect(row(page, 'Internal GitLab')).toContainText('Unverified')
})

test('"Forget all tokens" removes every token and keeps the connections', async ({ page }) => {
  await openDemo(page)
  await addConnection(page, { name: 'Work GitHub', type: 'GitHub', token: TOKEN })
  await addConnection(page, {
    name: 'Team GitLab',
    type: 'GitLab',
    token: 'glpat-abcdefghijklmnopqrst',
  })
  await page.getByRole('button', { name: 'Forget all tokens' }).click()
  const dialog = page.getByRole('dialog', { name: 'Forget all tokens on this browser?' })
  await expect(dialog).toContainText('Work GitHub')
  await expect(dialog).toContainText('Team GitLab')
  await dialog.getByRole('button', { name: 'Forget 2 tokens' }).click()
  await expect(dialog).toBeHidden()

  for (const name of ['Work GitHub', 'Team GitLab']) {
    await expect(row(page, name)).toContainText('Needs token')
  }
  expect(await readStore(page, 'secrets')).toEqual([])
  expect(await readStore(page, 'connections')).toHaveLength(2)
  await expect(page.getByRole('button', { name: 'Forget all tokens' })).toBeHidden()
  await page.reload()
  await expect(row(page, 'Work GitHub')).toContainText('Needs token')
})
