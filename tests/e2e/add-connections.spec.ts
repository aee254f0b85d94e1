import { expect, test } from '@playwright/test'
import { addConnection, openDemo, readStore, row, type ConnectionInput } from './support.ts'

const everyType: (ConnectionInput & { account: string; location: string })[] = [
  {
    name: 'Work GitHub',
    type: 'GitHub',
    token: 'ghp_abcdefghijklmnopqrstuvwxyz0123456789',
    account: 'octo-demo',
    location: 'github.com',
  },
  {
    name: 'Corp GHES',
    type: 'GitHub Enterprise Server',
    fields: { 'Server URL': 'https://github.example.com/' },
    token: 'ghp_abcdefghijklmnopqrstuvwxyz0123456789',
    account: 'octo-demo',
    location: 'github.example.com',
  },
  {
    name: 'GitLab.com',
    type: 'GitLab',
    username: 'dana',
    token: 'glpat-abcdefghijklmnopqrst',
    account: 'gitlab-demo',
    location: 'gitlab.com',
  },
  {
    name: 'Self-managed GitLab',
    type: 'GitLab self-managed',
    fields: { 'GitLab URL': 'https://gitlab.example.com' },
    token: 'glpat-abcdefghijklmnopqrst',
    account: 'gitlab-demo',
    location: 'gitlab.example.com',
  },
  {
    name: 'Bitbucket team',
    type: 'Bitbucket Cloud',
    username: 'bea-demo',
    fields: { 'Atlassian account email': 'bea@example.com' },
    token: 'ATATT3xFfGF0demo-token',
    account: 'bea-demo',
    location: 'bitbucket.org',
  },
  {
    name: 'Azure',
    type: 'Azure DevOps',
    fields: { Organization: 'https://dev.azure.com/contoso/' },
    token: 'azure-demo-token',
    account: 'ada.demo@contoso.example',
    location: 'dev.azure.com/contoso',
  },
  {
    name: 'On-prem Azure',
    type: 'Azure DevOps Server',
    fields: { 'Collection URL': 'https://devops.example.com/tfs/DefaultCollection' },
    token: 'azure-demo-token',
    account: 'CONTOSO\\ada.demo',
    location: 'devops.example.com/tfs/DefaultCollection',
  },
  {
    name: 'Plain git',
    type: 'Custom Git',
    fields: { 'Repository URL': 'https://git.example.com/team/app.git', Branch: 'main' },
    account: 'main at 07aaf32',
    location: 'git.example.com/team/app.git',
  },
]

test('adds a connection of each of the eight types, verified by the provider', async ({ page }) => {
  // Eight saves, each loading its type's adapter: on a busy 2-core machine this passes 30 s.
  test.setTimeout(90_000)
  await openDemo(page)
  for (const input of everyType) {
    await addConnection(page, input)
    await expect(page.getByText('Connection created').last()).toBeVisible()
    const line = row(page, input.name)
    await expect(line).toContainText('Connected')
    await expect(line).toContainText(input.location)
    if (input.account) await expect(line).toContainText(input.account)
  }
  const records = (await readStore(page, 'connections')) as { type: string; verification: string }[]
  expect(records.map((record) => record.type).sort()).toEqual(
    [
      'azure-devops',
      'azure-devops-server',
      'bitbucket',
      'custom-git',
      'github',
      'github-enterprise',
      'gitlab',
      'gitlab-self-managed',
    ].sort(),
  )
  expect(records.every((record) => record.verification === 'verified')).toBe(true)
  // Seven tokens were given; the public Custom Git remote had none.
  expect(await readStore(page, 'secrets')).toHaveLength(7)
})

test('what the check had to say is shown on save and stays on the row', async ({ page }) => {
  await openDemo(page)
  // The demo's read-only classic token reports no `repo` scope (x-oauth-scopes).
  await addConnection(page, { name: 'Reader', type: 'GitHub', token: 'ghp_demo_read-only' })
  await expect(page.getByRole('alert').filter({ hasText: 'Connection created' })).toContainText(
    'The token has no repo scope',
  )
  await page.reload()
  const line = row(page, 'Reader')
  await expect(line).toContainText('Connected')
  await line.getByText('1 thing to check').click()
  await expect(line).toContainText('private repositories will not be listed')
  await expect(line).toContainText('Edit the connection to enter a token')
})

test('an empty page offers to add a connection or try the demo', async ({ page }) => {
  await page.goto('/')
  await expect(page.getByText('No connections yet')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Add Connection' })).toBeVisible()
  await page.getByRole('button', { name: 'Try the demo' }).click()
  await expect(page.getByText('Demo mode is on')).toBeVisible()
  await expect(page).toHaveURL(/\?demo/)
  // The demo opens on sample connections, one of them waiting for its token.
  await expect(row(page, 'Acme on GitHub')).toContainText('Connected')
  await expect(row(page, 'Tidewater Bitbucket')).toContainText('Needs token')
  await expect(page.getByRole('row')).toHaveCount(6)
})
