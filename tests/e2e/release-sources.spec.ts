import { expect, test, type Page } from '@playwright/test'
import { customGitBranches } from '../../mocks/data/custom-git.ts'
import { addConnection, DEMO_DB, field, openDemo, row, tokenField } from './support.ts'

const GITHUB_TOKEN = 'ghp_abcdefghijklmnopqrstuvwxyz0123456789'
const GITLAB_TOKEN = 'glpat-abcdefghijklmnopqrst'
const BITBUCKET_EMAIL = 'bea@example.com'
const BITBUCKET_TOKEN = 'ATATT3xFfGF0demo-token'
const RECEIVER = 'https://hooks.demo.git-connector.test/receive/'

interface SourceInput {
  name: string
  connection: string
  /** Typed into the picker; the first repository offered is chosen. */
  repository?: string
  branch?: string
  pattern?: string
}

async function addSource(page: Page, input: SourceInput): Promise<void> {
  await page.getByRole('link', { name: 'Release Sources', exact: true }).click()
  await page.getByRole('button', { name: 'Add Release Source' }).first().click()
  const panel = page.getByRole('dialog', { name: 'Add a Release Source' })
  await field(panel, 'Name').fill(input.name)
  await field(panel, 'Connection').click()
  await page.getByRole('option', { name: new RegExp(`^${input.connection} ·`) }).click()
  if (input.repository !== undefined) {
    const picker = panel.getByRole('combobox', { name: /Repository/ })
    await picker.fill(input.repository)
    await expect(panel.getByRole('option').first()).toContainText(input.repository)
    await panel.getByRole('option').first().click()
  }
  if (input.branch) {
    await field(panel, 'Branch').click()
    await page.getByRole('option', { name: input.branch, exact: true }).click()
  }
  if (input.pattern) await field(panel, 'Tag pattern').fill(input.pattern)
  await panel.getByRole('button', { name: 'Create release source' }).click()
  await expect(page.getByRole('heading', { level: 1, name: input.name })).toBeVisible()
}

interface StoredSource {
  id: string
  name: string
  repository: { id: string; fullName: string }
  connectionId: string | null
  webhook: { state: string; id: string | null }
}

/** The release sources in the demo database, as stored. */
async function storedSources(page: Page): Promise<StoredSource[]> {
  return page.evaluate(async (db) => {
    const database = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(db)
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(new Error(String(request.error)))
    })
    const read = (store: string) =>
      new Promise<unknown[]>((resolve, reject) => {
        const request = database.transaction(store).objectStore(store).getAll()
        request.onsuccess = () => resolve(request.result as unknown[])
        request.onerror = () => reject(new Error(String(request.error)))
      })
    const sources = await read('release-sources')
    database.close()
    return sources as StoredSource[]
  }, DEMO_DB)
}

async function storedCount(page: Page, store: 'builds' | 'releases' | 'webhook-secrets') {
  return page.evaluate(
    async ({ db, store }) => {
      const database = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(db)
        request.onsuccess = () => resolve(request.result)
        request.onerror = () => reject(new Error(String(request.error)))
      })
      const count = await new Promise<number>((resolve, reject) => {
        const request = database.transaction(store).objectStore(store).count()
        request.onsuccess = () => resolve(request.result)
        request.onerror = () => reject(new Error(String(request.error)))
      })
      database.close()
      return count
    },
    { db: DEMO_DB, store },
  )
}

/** GET on a simulated provider's API, from the page (where the simulation runs). */
async function providerGet(page: Page, url: string, authorization: string): Promise<unknown> {
  return page.evaluate(
    async ({ url, authorization }) => {
      const response = await fetch(url, { headers: { authorization } })
      return { status: response.status, body: (await response.json()) as unknown }
    },
    { url, authorization },
  )
}

interface GitHubHook {
  events: string[]
  config: { url: string; secret?: string; content_type: string }
}

test('GitHub: the webhook is provisioned, a simulated release shows, Trigger Build records the head, removing the connection removes the hook and keeps history', async ({
  page,
}) => {
  test.setTimeout(90_000)
  await openDemo(page)
  await addConnection(page, { name: 'Work GitHub', type: 'GitHub', token: GITHUB_TOKEN })
  await addSource(page, {
    name: 'Connector releases',
    connection: 'Work GitHub',
    repository: 'octo-demo/git-connector',
    pattern: 'v*',
  })
  await expect(page.getByTestId('webhook-state')).toContainText('calls the deployment’s receiver')
  const [source] = await storedSources(page)
  if (!source) throw new Error('no source stored')
  expect(source.webhook.state).toBe('provisioned')

  // The hook on the simulated GitHub: release and tag events, this source's address, a secret.
  const hooks = (await providerGet(
    page,
    `https://api.github.com/repos/octo-demo/git-connector/hooks`,
    `Bearer ${GITHUB_TOKEN}`,
  )) as { status: number; body: GitHubHook[] }
  expect(hooks.status).toBe(200)
  expect(hooks.body).toHaveLength(1)
  expect(hooks.body[0]?.events.sort()).toEqual(['create', 'release'])
  expect(hooks.body[0]?.config.url).toBe(`${RECEIVER}${source.id}`)
  expect(hooks.body[0]?.config.secret).toBe('********')
  expect(await storedCount(page, 'webhook-secrets')).toBe(1)
  await expect(page.getByTestId('delivery-row').first()).toContainText('ping')

  // A release published on the provider appears, newest first, with its commit and author.
  await page.getByLabel('Tag to publish').fill('v9.0.0')
  await page.getByRole('button', { name: 'Publish release' }).click()
  const releases = page.getByRole('list', { name: 'Releases and tags' })
  const newest = releases.getByTestId('release-row').first()
  await expect(newest).toContainText('v9.0.0')
  await expect(newest.getByTestId('release-author')).not.toBeEmpty()
  await expect(page.getByTestId('delivery-row').first()).toContainText('release.published')

  // Trigger Build: the branch head, as the provider has it, is what was sent and recorded.
  const branches = (await providerGet(
    page,
    'https://api.github.com/repos/octo-demo/git-connector/branches?per_page=100',
    `Bearer ${GITHUB_TOKEN}`,
  )) as { body: { name: string; commit: { sha: string } }[] }
  const head = branches.body.find((branch) => branch.name === 'master')?.commit.sha ?? 'none'
  await page.getByRole('button', { name: 'Trigger Build' }).click()
  const build = page.getByTestId('build-row').first()
  await expect(build).toContainText('Accepted')
  await expect(build.getByTestId('build-commit')).toHaveText(head.slice(0, 7))
  await page.screenshot({ path: 'tests/screenshots/release-source.png', fullPage: true })

  // Removing the connection: the dialog lists the source and its hook; the hook goes, history stays.
  await page.getByRole('link', { name: 'Connections', exact: true }).click()
  await row(page, 'Work GitHub')
    .getByRole('button', { name: /Delete/ })
    .click()
  const dialog = page.getByRole('dialog', { name: 'Delete connection' })
  await expect(dialog).toContainText('Connector releases')
  // Delete waits for the list of sources; the screenshot shows the dialog once it is ready.
  await expect(dialog.getByRole('button', { name: 'Delete connection' })).toBeEnabled()
  await page.waitForTimeout(300)
  await page.screenshot({ path: 'tests/screenshots/disconnect.png' })
  await dialog.getByRole('button', { name: 'Delete connection' }).click()
  await expect(dialog).toBeHidden()
  const after = (await providerGet(
    page,
    `https://api.github.com/repos/octo-demo/git-connector/hooks`,
    `Bearer ${GITHUB_TOKEN}`,
  )) as { body: GitHubHook[] }
  expect(after.body).toEqual([])
  expect(await storedCount(page, 'builds')).toBe(1)
  expect(await storedCount(page, 'releases')).toBeGreaterThan(0)

  await page.getByRole('link', { name: 'Release Sources', exact: true }).click()
  await page.getByRole('link', { name: 'Connector releases' }).click()
  await expect(page.getByTestId('disconnected')).toBeVisible()
  await expect(page.getByTestId('build-row')).toHaveCount(1)
  await expect(releases.getByTestId('release-row').first()).toContainText('v9.0.0')

  // Re-attached to another GitHub connection, it gets a new hook.
  await page.getByRole('link', { name: 'Connections', exact: true }).click()
  await addConnection(page, { name: 'Other GitHub', type: 'GitHub', token: GITHUB_TOKEN })
  await page.getByRole('link', { name: 'Release Sources', exact: true }).click()
  await page.getByRole('link', { name: 'Connector releases' }).click()
  await field(page.getByTestId('disconnected'), 'Re-attach to').click()
  await page.getByRole('option', { name: 'Other GitHub' }).click()
  await page.getByRole('button', { name: 'Re-attach' }).click()
  await expect(page.getByTestId('webhook-state')).toContainText('calls the deployment’s receiver')
  await expect(page.getByTestId('build-row')).toHaveCount(1)
})

test('GitLab and Bitbucket sources register their release webhooks; Custom Git builds by hand', async ({
  page,
}) => {
  test.setTimeout(90_000)
  await openDemo(page)
  await addConnection(page, { name: 'Team GitLab', type: 'GitLab', token: GITLAB_TOKEN })
  await addConnection(page, {
    name: 'Team Bitbucket',
    type: 'Bitbucket Cloud',
    username: 'bea-demo',
    fields: { 'Atlassian account email': BITBUCKET_EMAIL },
    token: BITBUCKET_TOKEN,
  })
  await addConnection(page, {
    name: 'Plain git',
    type: 'Custom Git',
    fields: { 'Repository URL': 'https://git.example.com/team/app.git', Branch: 'main' },
  })

  await addSource(page, { name: 'GitLab releases', connection: 'Team GitLab', repository: '' })
  await expect(page.getByTestId('webhook-state')).toContainText('calls the deployment’s receiver')
  await addSource(page, { name: 'Bitbucket tags', connection: 'Team Bitbucket', repository: '' })
  await expect(page.getByTestId('webhook-state')).toContainText('calls the deployment’s receiver')
  const sources = await storedSources(page)
  const gitlab = sources.find((source) => source.name === 'GitLab releases')
  const bitbucket = sources.find((source) => source.name === 'Bitbucket tags')
  if (!gitlab || !bitbucket) throw new Error('sources not stored')

  const gitlabHooks = (await providerGet(
    page,
    `https://gitlab.com/api/v4/projects/${gitlab.repository.id}/hooks`,
    `Bearer ${GITLAB_TOKEN}`,
  )) as {
    body: {
      url: string
      tag_push_events: boolean
      releases_events: boolean
      push_events: boolean
    }[]
  }
  expect(gitlabHooks.body).toHaveLength(1)
  expect(gitlabHooks.body[0]).toMatchObject({
    url: `${RECEIVER}${gitlab.id}`,
    tag_push_events: true,
    releases_events: true,
    push_events: false,
  })

  const bitbucketHooks = (await providerGet(
    page,
    `https://api.bitbucket.org/2.0/repositories/${bitbucket.repository.fullName}/hooks`,
    `Basic ${btoa(`${BITBUCKET_EMAIL}:${BITBUCKET_TOKEN}`)}`,
  )) as { body: { values: { url: string; events: string[]; secret_set: boolean }[] } }
  expect(bitbucketHooks.body.values).toHaveLength(1)
  expect(bitbucketHooks.body.values[0]).toMatchObject({
    url: `${RECEIVER}${bitbucket.id}`,
    events: ['repo:push'],
    secret_set: true,
  })

  // Deleting a source removes the webhook it created.
  await page.getByRole('link', { name: 'Release Sources', exact: true }).click()
  await expect(page.getByRole('table', { name: 'Release sources' })).toContainText('Bitbucket tags')
  await page.screenshot({ path: 'tests/screenshots/release-sources.png' })
  await page.getByRole('link', { name: 'GitLab releases' }).click()
  await page.getByRole('button', { name: 'Delete' }).click()
  await page.getByRole('button', { name: 'Delete release source' }).click()
  await expect(page.getByRole('table', { name: 'Release sources' })).not.toContainText(
    'GitLab releases',
  )
  const gitlabAfter = (await providerGet(
    page,
    `https://gitlab.com/api/v4/projects/${gitlab.repository.id}/hooks`,
    `Bearer ${GITLAB_TOKEN}`,
  )) as { body: unknown[] }
  expect(gitlabAfter.body).toEqual([])

  // Custom Git: no webhook; Trigger Build resolves the branch head through the remote's refs.
  await addSource(page, { name: 'Plain git builds', connection: 'Plain git', branch: 'develop' })
  await expect(page.getByText('A plain git remote cannot call anyone')).toBeVisible()
  await page.getByRole('button', { name: 'Trigger Build' }).click()
  const build = page.getByTestId('build-row').first()
  await expect(build).toContainText('Accepted')
  const develop = customGitBranches.find((branch) => branch.name === 'develop')
  await expect(build.getByTestId('build-commit')).toHaveText(develop?.oid.slice(0, 7) ?? '')
  await page.screenshot({ path: 'tests/screenshots/custom-git-source.png', fullPage: true })
})

test('a token without webhook rights: the provider’s reason, then Re-provision after a new token', async ({
  page,
}) => {
  await openDemo(page)
  await addConnection(page, { name: 'Reader', type: 'GitHub', token: 'ghp_demo_read-only' })
  await addSource(page, {
    name: 'Needs admin',
    connection: 'Reader',
    repository: 'octo-demo/git-connector',
  })
  const reason = page.getByTestId('webhook-reason')
  await expect(reason).toContainText('admin:repo_hook')
  await page.screenshot({ path: 'tests/screenshots/webhook-refused.png', fullPage: true })

  // A better token, entered on the connection; then Re-provision.
  await page.getByRole('link', { name: 'Connections', exact: true }).click()
  await row(page, 'Reader').getByRole('button', { name: /Edit/ }).click()
  await tokenField(page).fill(GITHUB_TOKEN)
  await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click()
  await expect(page.getByRole('dialog')).toBeHidden()
  await page.getByRole('link', { name: 'Release Sources', exact: true }).click()
  await page.getByRole('link', { name: 'Needs admin' }).click()
  await page.getByRole('button', { name: 'Re-provision' }).click()
  await expect(page.getByTestId('webhook-state')).toContainText('calls the deployment’s receiver')
  await expect(reason).toBeHidden()
})
