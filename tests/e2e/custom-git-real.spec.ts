/**
 * Custom Git against real peers, in the normal app (no demo mode, no MSW): Debian's
 * `git http-backend` behind nginx, the `@isomorphic-git/cors-proxy` package, and a build-trigger
 * endpoint, all started by tests/servers/global-setup.ts on loopback. The repositories are made
 * there with git; commit ids are read back with `git rev-parse`, never copied.
 */
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { ENV } from '../servers/global-setup.ts'
import { MANY_TAGS, REPOSITORIES, revParse } from '../servers/git-repositories.ts'
import { PRIVATE_USER } from '../servers/git-http-server.ts'
import { field, fillAndSave, openAddPanel, row } from './support.ts'

test.skip(Boolean(process.env[ENV.unavailable]), process.env[ENV.unavailable] ?? '')

const env = (name: string) => process.env[name] ?? ''
const GIT = env(ENV.git)
const PROXY = env(ENV.proxy)
const REPOS = env(ENV.repositories)
const BUILDS = env(ENV.builds)
/** 4 branches and 3 tags; HEAD and the `^{}` lines of annotated tags are not refs of their own. */
const APP_REFS = 7

const repositoryUrl = (name: string) => `${GIT}/${name}.git`
const short = (sha: string) => sha.slice(0, 7)

interface GitInput {
  name: string
  repository: string
  /** Another URL than the served repository's. */
  url?: string
  branch: string
  proxy?: string
  user?: string
  token?: string
}

/** The normal app, its deployment's config.json naming the loopback build endpoint. */
async function openApp(page: Page) {
  await page
    .context()
    .route('**/config.json', (route) =>
      route.fulfill({ json: { buildTriggerUrl: `${BUILDS}/trigger` } }),
    )
  await page.goto('/')
  await expect(page.getByRole('heading', { name: 'Manage Connections' })).toBeVisible()
}

async function saveGit(page: Page, input: GitInput) {
  await openAddPanel(page)
  await fillAndSave(page, {
    name: input.name,
    type: 'Custom Git',
    fields: {
      'Repository URL': input.url ?? repositoryUrl(input.repository),
      Branch: input.branch,
      ...(input.proxy ? { 'CORS proxy URL': input.proxy } : {}),
      ...(input.user ? { 'Git username': input.user } : {}),
    },
    ...(input.token === undefined ? {} : { token: input.token }),
  })
}

/** Saves and expects it verified: the notice names the remote's own facts. */
async function connectGit(page: Page, input: GitInput, facts: string) {
  await saveGit(page, input)
  await expect(page.getByRole('dialog')).toBeHidden()
  await expect(page.getByRole('alert').filter({ hasText: 'Connection created' })).toContainText(
    `“${input.name}” is connected: ${facts}.`,
  )
}

/** Saving stopped: the panel stays open and says why. */
async function refused(page: Page, input: GitInput) {
  await saveGit(page, input)
  const panel = page.getByRole('dialog')
  await expect(panel.getByText('The connection was not saved.')).toBeVisible()
  return panel
}

async function receivedBuilds(page: Page): Promise<{ branch: string; commit: { sha: string } }[]> {
  const response = await page.request.get(`${BUILDS}/received`)
  return (await response.json()) as { branch: string; commit: { sha: string } }[]
}

/** A new commit on a branch of a served repository, as a push would leave it. */
function commitOn(repository: string, branch: string): string {
  const who = { NAME: 'Ada Example', EMAIL: 'ada@example.com' }
  const git = (...args: string[]) =>
    execFileSync('git', ['-C', join(REPOS, `${repository}.git`), ...args], {
      encoding: 'utf8',
      env: {
        ...process.env,
        ...Object.fromEntries(
          Object.entries(who).flatMap(([key, value]) => [
            [`GIT_AUTHOR_${key}`, value],
            [`GIT_COMMITTER_${key}`, value],
          ]),
        ),
      },
    }).trim()
  const parent = git('rev-parse', branch)
  const commit = git('commit-tree', `${parent}^{tree}`, '-p', parent, '-m', 'Pushed')
  git('update-ref', `refs/heads/${branch}`, commit, parent)
  return commit
}

test('through the real CORS proxy: the remote’s facts on save and in the list, then Trigger Build sends the branch head', async ({
  page,
}) => {
  await openApp(page)
  const head = revParse(REPOS, REPOSITORIES.app, 'feature/x')
  const input = {
    name: 'Real app',
    repository: REPOSITORIES.app,
    branch: 'feature/x',
    proxy: PROXY,
  }
  await connectGit(
    page,
    input,
    `branch feature/x at ${short(head)}, default branch main, ${APP_REFS} refs`,
  )
  const line = row(page, 'Real app')
  await expect(line).toContainText('Connected')
  await expect(line.getByTestId('remote-summary')).toHaveText(
    `feature/x at ${short(head)}Default branch main · ${APP_REFS} refs`,
  )
  // Stored, not only shown: a reload reads it back.
  await page.reload()
  await expect(row(page, 'Real app').getByTestId('remote-summary')).toContainText(short(head))

  // A release source on it: annotated tags are listed at their commit; builds go by hand.
  await page.getByRole('link', { name: 'Release Sources', exact: true }).click()
  await page.getByRole('button', { name: 'Add Release Source' }).first().click()
  const panel = page.getByRole('dialog', { name: 'Add a Release Source' })
  await field(panel, 'Name').fill('Feature builds')
  await field(panel, 'Connection').click()
  await page.getByRole('option', { name: /^Real app ·/ }).click()
  await field(panel, 'Branch').click()
  await page.getByRole('option', { name: 'feature/x', exact: true }).click()
  await panel.getByRole('button', { name: 'Create release source' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Feature builds' })).toBeVisible()
  const tagged = page.getByTestId('release-row').filter({ hasText: 'v1.1.0' })
  await expect(tagged.getByTestId('release-commit')).toHaveText(
    short(revParse(REPOS, REPOSITORIES.app, 'v1.1.0')),
  )

  await page.getByRole('button', { name: 'Trigger Build' }).click()
  const first = page.getByTestId('build-row').first()
  await expect(first).toContainText('Accepted')
  await expect(first.getByTestId('build-commit')).toHaveText(short(head))

  // Someone pushes: the next build asks the remote again and sends the new head.
  const pushed = commitOn(REPOSITORIES.app, 'feature/x')
  // A reload clears the first build's toast, which covers the button.
  await page.reload()
  await page.getByRole('button', { name: 'Trigger Build' }).click()
  await expect(page.getByTestId('build-row').first().getByTestId('build-commit')).toHaveText(
    short(pushed),
  )
  const sent = await receivedBuilds(page)
  expect(sent.map((build) => [build.branch, build.commit.sha])).toEqual([
    ['feature/x', head],
    ['feature/x', pushed],
  ])
})

test('without a proxy the browser cannot read git http-backend (no CORS): the app says so and can save unverified', async ({
  page,
}) => {
  await openApp(page)
  const panel = await refused(page, {
    name: 'Direct',
    repository: REPOSITORIES.app,
    branch: 'main',
  })
  await expect(field(panel, 'CORS proxy URL')).toHaveAttribute('aria-invalid', 'true')
  await expect(panel).toContainText(
    'The browser could not reach this remote. Most git hosts do not allow cross-origin requests: add a CORS proxy, or save the connection without verifying it.',
  )
  await panel.getByRole('button', { name: 'Save without verifying' }).click()
  await expect(panel).toBeHidden()
  await expect(row(page, 'Direct')).toContainText('No account (git remote)')
})

test('Basic auth behind nginx: the right password saves, a wrong one is refused at the token', async ({
  page,
}) => {
  await openApp(page)
  const input = {
    name: 'Private',
    repository: REPOSITORIES.private,
    branch: 'develop',
    proxy: PROXY,
    user: PRIVATE_USER,
  }
  const wrong = await refused(page, { ...input, token: 'not-the-password' })
  await expect(page.getByRole('dialog').locator('input[type="password"]')).toHaveAttribute(
    'aria-invalid',
    'true',
  )
  await expect(wrong).toContainText('The git remote refused these credentials.')

  // The same panel, the right password.
  await wrong.locator('input[type="password"]').fill(env(ENV.password))
  await wrong.getByRole('button', { name: 'Save' }).click()
  await expect(wrong).toBeHidden()
  const head = revParse(REPOS, REPOSITORIES.private, 'develop')
  await expect(row(page, 'Private').getByTestId('remote-summary')).toContainText(
    `develop at ${short(head)}`,
  )
})

test('3,000 tags: one request, saved with every ref counted', async ({ page }) => {
  await openApp(page)
  const started = Date.now()
  await connectGit(
    page,
    { name: 'Many tags', repository: REPOSITORIES.manyTags, branch: 'main', proxy: PROXY },
    `branch main at ${short(revParse(REPOS, REPOSITORIES.manyTags, 'main'))}, default branch main, ${(MANY_TAGS + 1).toLocaleString('en')} refs`,
  )
  test.info().annotations.push({ type: 'save', description: `${Date.now() - started} ms` })
})

/**
 * The right sentences for what the real server and proxy answer: each cause the adapter tells
 * apart reaches the screen in its own words (issue 15 §3).
 */
test.describe('what the app says when the remote cannot be used', () => {
  test('an empty repository', async ({ page }) => {
    await openApp(page)
    const panel = await refused(page, {
      name: 'Empty',
      repository: REPOSITORIES.empty,
      branch: 'main',
      proxy: PROXY,
    })
    await expect(field(panel, 'Branch')).toHaveAttribute('aria-invalid', 'true')
    await expect(panel).toContainText('The repository has no branches yet: push a first commit')
  })

  test('a branch the remote does not have', async ({ page }) => {
    await openApp(page)
    const panel = await refused(page, {
      name: 'Missing',
      repository: REPOSITORIES.app,
      branch: 'nope',
      proxy: PROXY,
    })
    await expect(field(panel, 'Branch')).toHaveAttribute('aria-invalid', 'true')
    await expect(panel).toContainText(
      'There is no branch “nope”. Branches: main, develop, feature/x, release/1.x.',
    )
  })

  test('a private repository and no token', async ({ page }) => {
    await openApp(page)
    const panel = await refused(page, {
      name: 'No token',
      repository: REPOSITORIES.private,
      branch: 'main',
      proxy: PROXY,
    })
    await expect(panel).toContainText(
      'This repository needs credentials: enter a token or password',
    )
    await expect(panel).not.toContainText('refused these credentials')
  })

  test('a CORS proxy that is down', async ({ page }) => {
    await openApp(page)
    const down = `http://127.0.0.1:${env(ENV.downPort)}`
    const panel = await refused(page, {
      name: 'Proxy down',
      repository: REPOSITORIES.app,
      branch: 'main',
      proxy: down,
    })
    await expect(field(panel, 'CORS proxy URL')).toHaveAttribute('aria-invalid', 'true')
    await expect(panel).toContainText(`127.0.0.1:${env(ENV.downPort)}`)
    await expect(panel).toContainText('is not answering')
    await expect(panel).not.toContainText('add a CORS proxy')
  })

  test('the proxy answers 502: the remote behind it is down', async ({ page }) => {
    await openApp(page)
    await saveGit(page, {
      name: 'Remote down',
      repository: REPOSITORIES.app,
      url: `http://127.0.0.1:${env(ENV.downPort)}/app.git`,
      branch: 'main',
      proxy: PROXY,
    })
    // No one field is at fault: the panel's alert says what the proxy's 502 means.
    const alert = page.getByRole('dialog').getByRole('alert')
    await expect(alert).toContainText(
      'is up, but could not get an answer from the remote behind it (502)',
    )
    await expect(alert).toContainText(`127.0.0.1:${env(ENV.downPort)} is up and reachable`)
    await expect(page.getByRole('dialog')).not.toContainText('Try again in a few minutes')
  })
})
