import { expect, test, type Page } from '@playwright/test'
import { addConnection, openDemo } from './support.ts'

const GITHUB_TOKEN = 'ghp_abcdefghijklmnopqrstuvwxyz0123456789'

async function openRepository(page: Page, connection: string, repository: string) {
  await page.getByRole('link', { name: `Browse ${connection}` }).click()
  const search = page.getByLabel('Search repositories')
  await search.fill(repository.split('/')[1] ?? repository)
  await page.getByRole('link', { name: repository, exact: true }).click()
  await expect(page.getByRole('heading', { name: repository })).toBeVisible()
  await expect(
    page.getByRole('list', { name: 'Commits' }).getByRole('listitem').first(),
  ).toBeVisible()
}

async function authorLabels(page: Page): Promise<string[]> {
  return page.getByTestId('commit-author').allInnerTexts()
}

test('GitHub commits show the Username for the account’s own commits, logins or emails for others', async ({
  page,
}) => {
  await openDemo(page)
  await addConnection(page, {
    name: 'With username',
    type: 'GitHub',
    username: 'mona',
    token: GITHUB_TOKEN,
  })
  await openRepository(page, 'With username', 'octo-demo/git-connector')
  const labels = await authorLabels(page)
  expect(labels).toContain('mona')
  expect(labels).not.toContain('octo-demo')
  expect(labels).toContain('linpark')
  expect(labels).toContain('priya.raman@example.org')
  await page.screenshot({ path: 'tests/screenshots/commits.png' })

  // Switch branch: the URL says so and a reload comes back to it.
  await page.getByRole('combobox', { name: 'Branch' }).click()
  await page.getByRole('option', { name: 'develop', exact: true }).click()
  await expect(page).toHaveURL(/branch=develop/)
  const headSha = () =>
    page.getByRole('list', { name: 'Commits' }).getByRole('listitem').first().locator('code')
  const developHead = await headSha().innerText()
  await page.reload()
  await expect(page.getByRole('combobox', { name: 'Branch' })).toHaveValue('develop')
  await expect(headSha()).toHaveText(developHead)

  await page.getByRole('tab', { name: 'Releases' }).click()
  await expect(
    page.getByRole('list', { name: 'Releases' }).getByRole('listitem').first(),
  ).toBeVisible()
})

test('without a Username, own commits show the linked login on GitHub and the email on GitLab', async ({
  page,
}) => {
  await openDemo(page)
  await addConnection(page, { name: 'No username', type: 'GitHub', token: GITHUB_TOKEN })
  await openRepository(page, 'No username', 'octo-demo/git-connector')
  const github = await authorLabels(page)
  expect(github).toContain('octo-demo')
  expect(github).not.toContain('mona')

  await page.getByRole('link', { name: 'Connections', exact: true }).first().click()
  await addConnection(page, {
    name: 'GitLab',
    type: 'GitLab',
    token: 'glpat-abcdefghijklmnopqrst',
  })
  await openRepository(page, 'GitLab', 'platform/deploy-pipeline')
  const gitlab = await authorLabels(page)
  expect(gitlab).toContain('dana.demo@example.com')
  expect(gitlab).toContain('jweber@corp.example')
})

test('Bitbucket links some authors; Azure DevOps shows emails unless the connection has a Username', async ({
  page,
}) => {
  await openDemo(page)
  // Bitbucket asks for the account's username, so its own commits show that Username.
  await addConnection(page, {
    name: 'Bitbucket',
    type: 'Bitbucket Cloud',
    username: 'bea-demo',
    fields: { 'Atlassian account email': 'bea@example.com' },
    token: 'ATATT3xFfGF0demo-token',
  })
  await openRepository(page, 'Bitbucket', 'tidewater-labs/tide-api')
  const bitbucket = await authorLabels(page)
  expect(bitbucket).toContain('bea-demo')
  expect(bitbucket).not.toContain('bea@example.com')
  // Lin Park's email is linked to a Bitbucket account; Priya Raman's is not.
  expect(bitbucket).toContain('lin-park')
  expect(bitbucket).not.toContain('lin.park@example.com')
  expect(bitbucket).toContain('priya.raman@example.org')

  for (const [name, username, own] of [
    ['Azure without username', undefined, 'ada.demo@contoso.example'],
    ['Azure with username', 'ada', 'ada'],
  ] as const) {
    await page.getByRole('link', { name: 'Connections', exact: true }).first().click()
    await addConnection(page, {
      name,
      type: 'Azure DevOps',
      ...(username ? { username } : {}),
      fields: { Organization: 'contoso' },
      token: 'azure-demo-token',
    })
    await openRepository(page, name, 'Fabrikam/Fabrikam-Fiber')
    const azure = await authorLabels(page)
    expect(azure).toContain(own)
    // Azure DevOps gives name and email only: other people show their email.
    expect(azure).toContain('lin.park@example.com')
    expect(azure).not.toContain('lin-park')
    if (username) expect(azure).not.toContain('ada.demo@contoso.example')
  }
})
