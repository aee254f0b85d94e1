import { expect, test } from '@playwright/test'
import {
  addConnection,
  chooseType,
  deleteSecrets,
  field,
  openAddPanel,
  openDemo,
} from './support.ts'

const shots = 'tests/screenshots'

test('screenshots of the list and of the side panel', async ({ page }) => {
  await openDemo(page)
  await page.screenshot({ path: `${shots}/empty.png`, fullPage: true })
  await addConnection(page, {
    name: 'Work GitHub',
    type: 'GitHub',
    username: 'mona',
    token: 'ghp_abcdefghijklmnopqrstuvwxyz0123456789',
  })
  await addConnection(page, {
    name: 'Platform GitLab',
    type: 'GitLab self-managed',
    fields: { 'GitLab URL': 'https://gitlab.example.com' },
    token: 'glpat-abcdefghijklmnopqrst',
  })
  await addConnection(page, {
    name: 'Bitbucket team',
    type: 'Bitbucket Cloud',
    username: 'bea-demo',
    fields: { 'Atlassian account email': 'bea@example.com' },
    token: 'ATATT3xFfGF0demo-token',
  })
  await addConnection(page, {
    name: 'Release remote',
    type: 'Custom Git',
    fields: { 'Repository URL': 'https://git.example.com/team/app.git' },
  })
  // Reloaded, so the picture has no "Connection created" toasts (they take seconds to fade).
  await page.reload()
  await expect(page.getByRole('button', { name: 'Edit Platform GitLab' })).toBeVisible()
  await page.mouse.move(0, 0)
  await page.screenshot({ path: `${shots}/list.png`, fullPage: true })
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.screenshot({ path: `${shots}/list-dark.png`, fullPage: true })
  await page.emulateMedia({ colorScheme: 'light' })

  await openAddPanel(page)
  await field(page.getByRole('dialog'), 'Name').fill('Corp GitHub')
  await chooseType(page, 'GitHub Enterprise Server')
  await field(page.getByRole('dialog'), 'Server URL').fill('https://github.corp.example')
  await expect(
    page.getByRole('link', { name: /Create a token on github.corp.example/ }),
  ).toBeVisible()
  await page.screenshot({ path: `${shots}/panel.png` })
  await page.keyboard.press('Escape')

  await deleteSecrets(page)
  await page.reload()
  await expect(page.getByText('Needs token').first()).toBeVisible()
  await page.screenshot({ path: `${shots}/needs-token.png`, fullPage: true })
})
