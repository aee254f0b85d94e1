import { expect, test } from '@playwright/test'
import {
  addConnection,
  field,
  fillAndSave,
  openAddPanel,
  openDemo,
  readStore,
  row,
  tokenField,
} from './support.ts'

test('Bitbucket needs the username of the account the token belongs to', async ({ page }) => {
  await openDemo(page)
  await openAddPanel(page)
  const panel = page.getByRole('dialog')
  await fillAndSave(page, {
    name: 'Bitbucket',
    type: 'Bitbucket Cloud',
    fields: { 'Atlassian account email': 'bea@example.com' },
    token: 'ATATT3xFfGF0demo-token',
  })
  const username = field(panel, 'Username')
  await expect(username).toHaveAttribute('aria-invalid', 'true')
  await expect(panel.getByText(/Bitbucket needs the name of the account/)).toBeVisible()

  await username.fill('someone-else')
  await panel.getByRole('button', { name: 'Save' }).click()
  await expect(
    panel.getByText(/This token belongs to the Bitbucket account “bea-demo”/),
  ).toBeVisible()
  expect(await readStore(page, 'connections')).toEqual([])
  expect(await readStore(page, 'secrets')).toEqual([])

  await username.fill('bea-demo')
  await panel.getByRole('button', { name: 'Save' }).click()
  await expect(panel).toBeHidden()
  await expect(row(page, 'Bitbucket')).toContainText('Connected')
})

test('bad input gets a message at its field and leaves stored connections alone', async ({
  page,
}) => {
  await openDemo(page)
  await addConnection(page, {
    name: 'Work GitHub',
    type: 'GitHub',
    token: 'ghp_abcdefghijklmnopqrstuvwxyz0123456789',
  })
  await openAddPanel(page)
  const panel = page.getByRole('dialog')
  await fillAndSave(page, {
    name: '  work github ',
    type: 'GitHub Enterprise Server',
    fields: { 'Server URL': 'https://admin:pw@github.example.com/some/path' },
    token: 'ghp_abc def',
  })
  await expect(panel.getByText('Another connection is already called “work github”.')).toBeVisible()
  await expect(panel.getByText(/Remove the user name and password from the URL/)).toBeVisible()
  await expect(panel.getByText(/A token has no spaces or line breaks/)).toBeVisible()

  await field(panel, 'Server URL').fill('http://github.example.com')
  await expect(panel.getByText(/This address is not encrypted/)).toBeVisible()
  await tokenField(page).fill('glpat-abcdefghijklmnopqrst')
  await expect(panel.getByText(/This looks like a GitLab token/)).toBeVisible()

  await panel.getByRole('button', { name: 'Cancel' }).click()
  expect(await readStore(page, 'connections')).toHaveLength(1)
  await expect(row(page, 'Work GitHub')).toContainText('Connected')
})
