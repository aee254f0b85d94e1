/**
 * Preset connections from the deployment's config.json: listed as "needs token" until their token
 * is entered, never duplicated by a reload, never brought back once deleted, and a preset that is
 * wrong is reported in the config banner while the others are added.
 */
import { expect, test, type BrowserContext } from '@playwright/test'
import { openDemo, readStore, row, tokenField } from './support.ts'

const presets = [
  { name: 'Team GitHub', type: 'github', username: 'mona' },
  { name: 'Team GitLab', type: 'gitlab-self-managed', baseUrl: 'https://gitlab.example.com/' },
  { name: 'Broken GHES', type: 'github-enterprise' },
]

/**
 * The deployment's own config.json (not a provider): routed on the context, which also sees the
 * requests that pass through demo mode's service worker.
 */
async function deployWithPresets(context: BrowserContext): Promise<void> {
  await context.route('**/config.json', (route) => route.fulfill({ json: { presets } }))
}

test('preset connections need a token, survive reloads once, and stay deleted', async ({
  page,
  context,
}) => {
  test.setTimeout(90_000)
  await deployWithPresets(context)
  await openDemo(page)

  const banner = page.getByRole('alert').filter({ hasText: 'Deployment settings' })
  await expect(banner).toContainText(
    'config.json: Preset 3 (“Broken GHES”) was not added: baseUrl: missing.',
  )
  const table = page.getByRole('table', { name: 'Connections' })
  await expect(row(page, 'Team GitHub')).toContainText('Needs token')
  await expect(row(page, 'Team GitHub')).toContainText('mona')
  await expect(row(page, 'Team GitLab')).toContainText('Needs token')
  await expect(row(page, 'Team GitLab')).toContainText('gitlab.example.com')
  await expect(table.getByRole('row')).toHaveCount(3)
  await page.screenshot({ path: 'tests/screenshots/presets-needs-token.png' })

  await row(page, 'Team GitHub').getByRole('button', { name: 'Re-enter token' }).click()
  await tokenField(page).fill('ghp_PresetTeamGitHub000000000000000000000')
  await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click()
  await expect(row(page, 'Team GitHub')).toContainText('Connected')

  await page.reload()
  await expect(row(page, 'Team GitHub')).toContainText('Connected')
  await expect(row(page, 'Team GitLab')).toContainText('Needs token')
  await expect(table.getByRole('row')).toHaveCount(3)
  expect(await readStore(page, 'connections')).toHaveLength(2)

  await row(page, 'Team GitLab')
    .getByRole('button', { name: /^Delete/ })
    .click()
  const confirm = page.getByRole('dialog', { name: 'Delete connection' })
  await confirm.getByRole('button', { name: 'Delete connection' }).click()
  await expect(row(page, 'Team GitLab')).toHaveCount(0)

  await page.reload()
  await expect(row(page, 'Team GitHub')).toContainText('Connected')
  await expect(table.getByRole('row')).toHaveCount(2)
  await expect(row(page, 'Team GitLab')).toHaveCount(0)
  expect(await readStore(page, 'connections')).toHaveLength(1)
})
