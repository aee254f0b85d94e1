import { expect, test, type Page } from '@playwright/test'
import {
  field,
  openAddPanel,
  openDemo,
  readStore,
  row,
  SIGNED_IN,
  startSignIn,
  updateSecrets,
} from './support.ts'

interface StoredSecret {
  token: string
  refreshToken?: string
  expiresAt?: string | null
}

interface StoredRecord {
  name: string
  authMethod: string
  oauthClientId?: string
  tokenExpiresAt: string | null
  verification: string
  account: { login: string } | null
}

const HOUR = 3_600_000

// Each sign-in boots the app twice more (the provider's page and the callback, in the popup),
// then exchanges, checks and saves: on a busy machine that takes a while.
test.describe.configure({ timeout: 60_000 })

async function secrets(page: Page) {
  return (await readStore(page, 'secrets')) as StoredSecret[]
}

async function records(page: Page) {
  return (await readStore(page, 'connections')) as StoredRecord[]
}

test('Sign in with GitHub saves the connection with the account, its token renewed unnoticed', async ({
  page,
}) => {
  await openDemo(page)
  const { panel, popup } = await startSignIn(page, 'Signed-in GitHub', 'GitHub', 'github-sign-in')
  await popup.getByRole('button', { name: 'Authorize' }).click()
  await popup.waitForEvent('close')
  await expect(panel).toBeHidden(SIGNED_IN)

  const line = row(page, 'Signed-in GitHub')
  await expect(line).toContainText('Connected')
  await expect(line).toContainText('octo-demo')
  await expect(line).toContainText(/Token expires in (8|7) hours · renews itself/)
  const [secret] = await secrets(page)
  expect(secret?.token).toMatch(/^ghu_demo_/)
  expect(secret?.refreshToken).toMatch(/^ghr_demo_/)
  const [record] = await records(page)
  expect(record).toMatchObject({ authMethod: 'oauth', oauthClientId: 'Iv23liDemoGitConnector' })
  expect(JSON.stringify(await page.evaluate(() => Object.entries(sessionStorage)))).not.toMatch(
    /sign-in:/,
  )

  // Eight hours later the token has lapsed (the simulated GitHub refuses it with a 401): opening
  // the repositories renews it first, and nothing shows.
  const lapsed = { token: 'ghu_demo_exp1000000000_lapsed', expiresAt: '2001-09-09T01:46:40.000Z' }
  await updateSecrets(page, lapsed)
  await page.reload()
  await line.getByRole('link', { name: /Browse/ }).click()
  await expect(page.getByRole('heading', { name: 'Signed-in GitHub' })).toBeVisible()
  await expect(page.getByText('octo-demo/git-connector')).toBeVisible()
  const [renewed] = await secrets(page)
  expect(renewed?.token).toMatch(/^ghu_demo_exp\d+_/)
  expect(renewed?.token).not.toBe(lapsed.token)
  expect(renewed?.refreshToken).not.toBe(secret?.refreshToken)
  expect(Date.parse(renewed?.expiresAt ?? '')).toBeGreaterThan(Date.now() + 7 * HOUR)

  // A token the provider refuses before its stated expiry (401) is renewed too, and the page
  // retries with the new one.
  await updateSecrets(page, { token: lapsed.token })
  await page.goto('/connections')
  await line.getByRole('link', { name: /Browse/ }).click()
  await expect(page.getByText('octo-demo/git-connector')).toBeVisible()
  expect((await secrets(page))[0]?.token).not.toBe(lapsed.token)

  // When the refresh token has run out too (after 6 months), the person is asked to sign in again.
  await updateSecrets(page, { ...lapsed, refreshToken: 'ghr_demo_exp1000000000_lapsed' })
  await page.goto('/connections')
  await line.getByRole('link', { name: /Browse/ }).click()
  await expect(page.getByRole('button', { name: 'Sign in again' })).toBeVisible()
  await page.getByRole('link', { name: 'Connections', exact: true }).click()
  await expect(line).toContainText('Needs token')
  await line.getByRole('button', { name: 'Sign in again' }).click()
  const panel2 = page.getByRole('dialog', { name: 'Sign in again to “Signed-in GitHub”' })
  await expect(panel2).toBeVisible()
  const popup2 = page.waitForEvent('popup')
  await panel2.getByRole('button', { name: 'Sign in with GitHub' }).click()
  await (await popup2).getByRole('button', { name: 'Authorize' }).click()
  await expect(panel2).toBeHidden(SIGNED_IN)
  await expect(line).toContainText('Connected', SIGNED_IN)
  expect(await records(page)).toHaveLength(1)
})

test('declining and a failing exchange each say so and store nothing', async ({ page }) => {
  await openDemo(page)

  // Declined on the provider's page: back in the panel, with that said.
  const declined = await startSignIn(page, 'Declined', 'GitHub')
  await declined.popup.getByRole('button', { name: 'Cancel' }).click()
  await expect(declined.panel.getByRole('alert')).toContainText(
    'You declined access on GitHub, so nothing was saved.',
    SIGNED_IN,
  )

  // The exchange refuses the code, then fails outright.
  const again = page.waitForEvent('popup')
  await declined.panel.getByRole('button', { name: 'Sign in with GitHub' }).click()
  let popup = await again
  await popup.getByLabel('A refusal (the code is rejected)').check()
  await popup.getByRole('button', { name: 'Authorize' }).click()
  await expect(declined.panel.getByRole('alert')).toContainText(
    'GitHub refused to give a token (The code passed is incorrect or expired.)',
    SIGNED_IN,
  )
  const retry = page.waitForEvent('popup')
  await declined.panel.getByRole('button', { name: 'Sign in with GitHub' }).click()
  popup = await retry
  await popup.getByLabel('A server error (502)').check()
  await popup.getByRole('button', { name: 'Authorize' }).click()
  await expect(declined.panel.getByRole('alert')).toContainText(
    'The token could not be fetched',
    SIGNED_IN,
  )
  await expect(declined.panel.getByRole('alert')).toContainText('token-exchange URL')
  expect(await records(page)).toEqual([])
  expect(await secrets(page)).toEqual([])
})

test('a forged or replayed sign-in reply is refused and changes nothing', async ({ page }) => {
  // A reply whose state no sign-in here started (forged, or from another tab) is refused.
  await page.goto(
    '/oauth/callback?code=demo_code_forged&state=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
  )
  await expect(page.getByRole('alert')).toContainText('This sign-in reply was refused')
  expect(page.url()).not.toContain('code=')

  // A successful reply used a second time is refused, and changes nothing.
  await openDemo(page)
  const { popup: good } = await startSignIn(page, 'Replayed', 'GitHub')
  let callbackUrl = ''
  good.on('framenavigated', (frame) => {
    // The page then wipes the code from its address bar: keep the URL as the provider sent it.
    if (frame.url().includes('/oauth/callback?')) callbackUrl = frame.url()
  })
  await good.getByRole('button', { name: 'Authorize' }).click()
  await expect(row(page, 'Replayed')).toContainText('Connected', SIGNED_IN)
  const before = await secrets(page)
  expect(callbackUrl).toContain('state=')
  await page.goto(callbackUrl)
  await expect(page.getByRole('alert')).toContainText('This sign-in reply was refused')
  expect(await secrets(page)).toEqual(before)
  expect(await records(page)).toHaveLength(1)
})

test('Sign in with GitLab uses PKCE in the browser and renews the two-hour token', async ({
  page,
}) => {
  await openDemo(page)
  const { panel, popup } = await startSignIn(page, 'Signed-in GitLab', 'GitLab', 'gitlab-sign-in')
  await expect(popup.getByText('GitLab (simulated) · gitlab.com')).toBeVisible()
  await popup.getByRole('button', { name: 'Authorize' }).click()
  await expect(panel).toBeHidden(SIGNED_IN)
  const line = row(page, 'Signed-in GitLab')
  await expect(line).toContainText('gitlab-demo')
  await expect(line).toContainText(/Token expires in (2 hours|1\d\d minutes) · renews itself/)
  const [secret] = await secrets(page)
  expect(secret?.token).toMatch(/^demo_gitlab_oauth_exp/)

  await updateSecrets(page, {
    token: 'demo_gitlab_oauth_exp1000000000_lapsed',
    expiresAt: '2001-09-09T01:46:40.000Z',
  })
  await page.reload()
  await line.getByRole('link', { name: /Browse/ }).click()
  await expect(page.getByRole('heading', { name: 'Signed-in GitLab' })).toBeVisible()
  await expect(
    page.getByRole('list', { name: 'Repositories' }).getByRole('listitem').first(),
  ).toBeVisible()
  const [renewed] = await secrets(page)
  expect(renewed?.token).not.toMatch(/lapsed/)

  // The application's access was revoked in GitLab's settings: the refresh is refused.
  await updateSecrets(page, {
    token: 'demo_gitlab_oauth_exp1000000000_lapsed',
    expiresAt: '2001-09-09T01:46:40.000Z',
    refreshToken: 'demo_gitlab_refresh_revoked',
  })
  await page.goto('/connections')
  await line.getByRole('link', { name: /Browse/ }).click()
  await expect(page.getByRole('button', { name: 'Sign in again' })).toBeVisible()
})

test('with pop-ups blocked the whole tab goes to the provider and comes back', async ({ page }) => {
  await page.addInitScript(() => {
    window.open = () => null
  })
  await openDemo(page)
  const panel = await openAddPanel(page)
  await field(panel, 'Name').fill('Redirected')
  await field(panel, 'Username').fill('mona')
  await panel.getByRole('radio', { name: 'Sign in with GitHub' }).check()
  await panel.getByRole('button', { name: 'Sign in with GitHub' }).click()
  await expect(page.getByRole('heading', { name: 'Authorize Git Connector' })).toBeVisible()

  // Declined: back on the connections, the panel open again with what was typed.
  await page.getByRole('button', { name: 'Cancel' }).click()
  const back = page.getByRole('dialog', { name: 'Add a new Connection' })
  await expect(back.getByRole('alert')).toContainText('You declined access on GitHub', SIGNED_IN)
  await expect(field(back, 'Name')).toHaveValue('Redirected')
  await expect(field(back, 'Username')).toHaveValue('mona')
  expect(await records(page)).toEqual([])

  await back.getByRole('button', { name: 'Sign in with GitHub' }).click()
  await page.getByRole('button', { name: 'Authorize' }).click()
  await expect(page).toHaveURL(/\/connections$/)
  await expect(row(page, 'Redirected')).toContainText('octo-demo', SIGNED_IN)
  expect(await secrets(page)).toHaveLength(1)
})
