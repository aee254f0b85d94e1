/**
 * Every token goes to its own provider's API, in the Authorization header, and nowhere else: not
 * in a URL, a body, another host, web storage, cookies, the console, the page or an export file.
 * Every request of the page and of the sign-in popup is recorded while a connection of each type
 * is added (one by signing in) and browsed, and while connections' addresses are edited (issue 16:
 * a kept token, and a refresh token, go only to the server they were issued for). Longer than most
 * files: each test is one scripted session, and splitting one would hide what it drives.
 */
import { readFile } from 'node:fs/promises'
import { expect, test, type ConsoleMessage, type Locator, type Page } from '@playwright/test'
import { misuses, seen, sentAsAuthorization, type Secret, type Seen } from './leak-scan.ts'
import {
  addConnection,
  chooseType,
  field,
  openAddPanel,
  openDemo,
  readStore,
  row,
  SIGNED_IN,
  startSignIn,
  tokenField,
  updateConnections,
  updateSecrets,
  type ConnectionInput,
} from './support.ts'

/**
 * Adding a connection already sends its token (the check with the provider); browsing one of each
 * way of sending it (Bearer, Basic email:token, Basic :token) adds the listing calls.
 */
const connections: (ConnectionInput & { origins: string[]; browse: boolean })[] = [
  {
    name: 'Leak GitHub',
    type: 'GitHub',
    token: 'ghp_LeakCheckGitHubDotCom0000000000000000',
    origins: ['https://api.github.com'],
    browse: true,
  },
  {
    name: 'Leak GHES',
    type: 'GitHub Enterprise Server',
    fields: { 'Server URL': 'https://github.example.com' },
    token: 'ghp_LeakCheckEnterprise00000000000000000',
    origins: ['https://github.example.com'],
    browse: false,
  },
  {
    name: 'Leak GitLab',
    type: 'GitLab',
    token: 'glpat-LeakCheckGitLabDotCom',
    origins: ['https://gitlab.com'],
    browse: false,
  },
  {
    name: 'Leak GitLab SM',
    type: 'GitLab self-managed',
    fields: { 'GitLab URL': 'https://gitlab.example.com' },
    token: 'glpat-LeakCheckGitLabSelfManaged',
    origins: ['https://gitlab.example.com'],
    browse: false,
  },
  {
    name: 'Leak Bitbucket',
    type: 'Bitbucket Cloud',
    username: 'bea-demo',
    fields: { 'Atlassian account email': 'bea@example.com' },
    token: 'ATATT3xLeakCheckBitbucketCloud',
    origins: ['https://api.bitbucket.org'],
    browse: true,
  },
  {
    name: 'Leak Azure',
    type: 'Azure DevOps',
    fields: { Organization: 'contoso' },
    token: 'azureLeakCheckServicesToken',
    origins: ['https://dev.azure.com', 'https://vssps.dev.azure.com'],
    browse: true,
  },
  {
    name: 'Leak Azure Server',
    type: 'Azure DevOps Server',
    fields: { 'Collection URL': 'https://devops.example.com/tfs/DefaultCollection' },
    token: 'azureLeakCheckServerToken',
    origins: ['https://devops.example.com'],
    browse: false,
  },
  {
    name: 'Leak Custom Git',
    type: 'Custom Git',
    fields: { 'Repository URL': 'https://git.example.com/team/app.git', Branch: 'main' },
    token: 'gitLeakCheckPassword',
    origins: ['https://git.example.com'],
    browse: false,
  },
]

async function signInWithGitHub(page: Page) {
  const { panel, popup } = await startSignIn(page, 'Leak signed in', 'GitHub')
  await popup.getByRole('button', { name: 'Authorize' }).click()
  await expect(panel).toBeHidden(SIGNED_IN)
}

test('each token reaches only its own provider’s API, in the Authorization header', async ({
  page,
  context,
}) => {
  test.setTimeout(120_000)
  const pending: Promise<Seen>[] = []
  context.on('request', (request) => pending.push(seen(request)))
  const consoleLines: string[] = []
  const listen = (target: Page) =>
    target.on('console', (message: ConsoleMessage) => consoleLines.push(message.text()))
  listen(page)
  context.on('page', listen)

  await openDemo(page)
  for (const input of connections) {
    await addConnection(page, input)
    await expect(row(page, input.name)).toContainText('Connected')
  }
  await signInWithGitHub(page)
  await expect(row(page, 'Leak signed in')).toContainText('Connected')

  for (const input of connections.filter((connection) => connection.browse)) {
    await page.getByRole('link', { name: `Browse ${input.name}`, exact: true }).click()
    await expect(page.getByRole('heading', { name: input.name, exact: true })).toBeVisible()
    await expect(
      page.getByRole('list', { name: 'Repositories' }).getByRole('listitem').first(),
    ).toBeVisible()
    await page.getByRole('link', { name: 'Connections', exact: true }).click()
  }

  const stored = (await readStore(page, 'secrets')) as {
    connectionId: string
    token: string
    refreshToken?: string
  }[]
  const records = (await readStore(page, 'connections')) as { id: string; name: string }[]
  const signedIn = stored.find(
    (secret) =>
      secret.connectionId === records.find((record) => record.name === 'Leak signed in')?.id,
  )
  expect(signedIn?.refreshToken).toBeTruthy()
  const secrets: Secret[] = [
    ...connections.map(({ token, origins }) => ({ value: token ?? '', origins })),
    { value: signedIn?.token ?? '', origins: ['https://api.github.com'] },
    {
      value: signedIn?.refreshToken ?? '',
      origins: [],
      bodyOrigin: 'https://oauth.demo.git-connector.test',
    },
  ]

  const requests = await Promise.all(pending)
  for (const secret of secrets) {
    expect(misuses(requests, secret), secret.value).toEqual([])
    // The check looks where tokens really go: each access token was seen in use.
    if (secret.origins.length > 0)
      expect(sentAsAuthorization(requests, secret), secret.value).toBe(true)
  }

  const webStorage = await page.evaluate(() =>
    JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage), document.cookie]),
  )
  const cookies = JSON.stringify(await context.cookies())
  const dom = await page.content()
  const logged = consoleLines.join('\n')
  for (const { value } of secrets) {
    expect(webStorage, 'web storage').not.toContain(value)
    expect(cookies, 'cookies').not.toContain(value)
    expect(dom, 'the page').not.toContain(value)
    expect(logged, 'the console').not.toContain(value)
    expect(page.url()).not.toContain(value)
  }

  // The export file holds every connection's definition and none of the tokens.
  const downloading = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export', exact: true }).click()
  const exported = await readFile(await (await downloading).path(), 'utf8')
  expect(exported).toContain('Leak signed in')
  for (const { value } of secrets) expect(exported, 'the export file').not.toContain(value)
})

/** Signs in from the open panel (the GitLab self-managed fields filled) in the popup. */
async function signInThere(page: Page, panel: Locator) {
  const opening = page.waitForEvent('popup')
  await panel.getByRole('button', { name: 'Sign in with GitLab' }).click()
  const popup = await opening
  // The popup boots the app for the callback first: on a loaded machine that alone takes a while.
  const closed = popup.waitForEvent('close', SIGNED_IN)
  await popup.getByRole('button', { name: 'Authorize' }).click()
  await closed
  // Back in front, as a person returning from the popup: a tab behind runs its timers (and so the
  // panel's closing transition) throttled.
  await page.bringToFront()
  await expect(panel).toBeHidden(SIGNED_IN)
}

async function storedSecret(page: Page) {
  const [secret] = (await readStore(page, 'secrets')) as { token: string; refreshToken?: string }[]
  return secret
}

test('an address edit never takes the kept token, or the refresh token, to the new host', async ({
  page,
  context,
}) => {
  test.setTimeout(120_000)
  const pending: Promise<Seen>[] = []
  context.on('request', (request) => pending.push(seen(request)))
  await openDemo(page)

  // A pasted token: a new GHES address asks for a new token, and only that one goes there.
  const OLD = 'ghp_LeakCheckMovedOldToken00000000000000'
  const NEW = 'ghp_LeakCheckMovedNewToken00000000000000'
  await addConnection(page, {
    name: 'Leak moved',
    type: 'GitHub Enterprise Server',
    fields: { 'Server URL': 'https://github.example.com' },
    token: OLD,
  })
  await page.getByRole('button', { name: 'Edit Leak moved' }).click()
  const edit = page.getByRole('dialog', { name: 'Edit Connection' })
  await field(edit, 'Server URL').fill('https://ghes-moved.example.com')
  const notice = 'The stored token is only sent to the server it was entered for'
  await expect(edit.getByText(notice)).toBeVisible()
  await edit.getByRole('button', { name: 'Save' }).click()
  await expect(tokenField(page)).toHaveAttribute('aria-invalid', 'true')
  await tokenField(page).fill(NEW)
  await edit.getByRole('button', { name: 'Save' }).click()
  await expect(edit).toBeHidden()
  await expect(row(page, 'Leak moved')).toContainText('Connected')
  await page.getByRole('button', { name: 'Delete Leak moved' }).click()
  await page
    .getByRole('dialog', { name: 'Delete connection' })
    .getByRole('button', { name: 'Delete connection' })
    .click()
  await expect(row(page, 'Leak moved')).toHaveCount(0)

  // Signed in on GitLab self-managed: a new address means signing in there.
  const add = await openAddPanel(page)
  await field(add, 'Name').fill('Leak signed in SM')
  await chooseType(page, 'GitLab self-managed')
  await field(add, 'GitLab URL').fill('https://gitlab.example.com')
  await add.getByRole('radio', { name: 'Sign in with GitLab' }).check()
  await signInThere(page, add)
  const first = await storedSecret(page)
  await page.getByRole('button', { name: 'Edit Leak signed in SM' }).click()
  const moved = page.getByRole('dialog', { name: 'Edit Connection' })
  await field(moved, 'GitLab URL').fill('https://gitlab-moved.example.com')
  await expect(moved.getByText(notice)).toContainText('Sign in again.')
  await signInThere(page, moved)
  const second = await storedSecret(page)
  expect(second?.token).not.toBe(first?.token)

  // Its token lapses and is refreshed: at the new host, with the new host's refresh token.
  const lapsed = {
    token: 'demo_gitlab_oauth_exp1000000000_lapsed',
    expiresAt: '2001-09-09T01:46:40.000Z',
  }
  await updateSecrets(page, lapsed)
  await page.reload()
  const line = row(page, 'Leak signed in SM')
  await line.getByRole('link', { name: /Browse/ }).click()
  await expect(
    page.getByRole('list', { name: 'Repositories' }).getByRole('listitem').first(),
  ).toBeVisible()
  const renewed = await storedSecret(page)
  expect(renewed?.token).not.toBe(lapsed.token)

  // Pointed elsewhere behind the form's back, the refresh token still goes nowhere but home.
  await updateSecrets(page, lapsed)
  await updateConnections(page, { baseUrl: 'https://gitlab-taken.example.com' })
  await page.goto('/connections')
  await line.getByRole('link', { name: /Browse/ }).click()
  await expect(page.getByRole('button', { name: 'Sign in again' })).toBeVisible()

  const requests = await Promise.all(pending)
  const refreshes = requests.filter((request) => request.body.includes('grant_type=refresh_token'))
  expect(refreshes.map((request) => request.url)).toEqual([
    'https://gitlab-moved.example.com/oauth/token',
  ])
  const secrets: Secret[] = [
    { value: OLD, origins: ['https://github.example.com'] },
    { value: NEW, origins: ['https://ghes-moved.example.com'] },
    { value: first?.token ?? '', origins: ['https://gitlab.example.com'] },
    { value: first?.refreshToken ?? '', origins: [], bodyOrigin: 'https://gitlab.example.com' },
    { value: second?.token ?? '', origins: ['https://gitlab-moved.example.com'] },
    {
      value: second?.refreshToken ?? '',
      origins: [],
      bodyOrigin: 'https://gitlab-moved.example.com',
    },
    {
      value: renewed?.refreshToken ?? '',
      origins: [],
      bodyOrigin: 'https://gitlab-moved.example.com',
    },
  ]
  for (const secret of secrets) {
    expect(secret.value).not.toBe('')
    expect(misuses(requests, secret), secret.value).toEqual([])
  }
  // The new hosts saw their own tokens: the check looked where tokens really went.
  expect(sentAsAuthorization(requests, { value: NEW, origins: [] })).toBe(true)
  expect(sentAsAuthorization(requests, { value: second?.token ?? '', origins: [] })).toBe(true)
  expect(
    requests.filter((request) => request.origin === 'https://gitlab-taken.example.com'),
  ).toEqual([])
})
