/**
 * Connection definitions survive everything being cleared: exported to a file that holds no
 * token, imported back as "needs token", not duplicated by a second import, and a broken file is
 * refused at the file field with nothing written.
 */
import { readFile, writeFile } from 'node:fs/promises'
import { expect, test, type Page } from '@playwright/test'
import { addConnection, openDemo, readStore, row, tokenField } from './support.ts'

const GITHUB_TOKEN = 'ghp_ExportImportGitHub000000000000000000'
const GITLAB_TOKEN = 'glpat-ExportImportGitLab0000'

/** Presses Export and returns the downloaded file's name and text. */
async function exportFile(page: Page): Promise<{ name: string; text: string }> {
  const downloading = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export', exact: true }).click()
  const download = await downloading
  const path = await download.path()
  return { name: download.suggestedFilename(), text: await readFile(path, 'utf8') }
}

/** Presses Import and chooses `file` in the browser's file picker; returns the dialog. */
async function importFile(
  page: Page,
  file: string | { name: string; mimeType: string; buffer: Buffer },
) {
  const choosing = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Import', exact: true }).click()
  await (await choosing).setFiles(file)
  const dialog = page.getByRole('dialog', { name: 'Import connections' })
  await expect(dialog).toBeVisible()
  return dialog
}

/** What "Clear site data" does: every database, web storage and the demo's service worker. */
async function clearSiteData(page: Page): Promise<void> {
  const session = await page.context().newCDPSession(page)
  await session.send('Storage.clearDataForOrigin', {
    origin: new URL(page.url()).origin,
    storageTypes: 'all',
  })
  await session.detach()
}

test('connections come back from an export after the site data was cleared', async ({
  page,
}, testInfo) => {
  test.setTimeout(90_000)
  await openDemo(page)
  await addConnection(page, { name: 'Export GitHub', type: 'GitHub', token: GITHUB_TOKEN })
  await addConnection(page, {
    name: 'Export GitLab',
    type: 'GitLab self-managed',
    fields: { 'GitLab URL': 'https://gitlab.example.com' },
    username: 'dev',
    token: GITLAB_TOKEN,
  })
  await expect(row(page, 'Export GitLab')).toContainText('Connected')
  // Saving a remembered token asked the browser to keep the site's data; the page says how it went.
  await expect(page.getByText(/^Storage: (persistent|best effort) — /)).toBeVisible()
  await page.screenshot({ path: 'tests/screenshots/export-import-list.png' })

  const exported = await exportFile(page)
  expect(exported.name).toMatch(/^git-connector-connections-\d{4}-\d{2}-\d{2}\.json$/)
  for (const token of [GITHUB_TOKEN, GITLAB_TOKEN]) expect(exported.text).not.toContain(token)
  const file = JSON.parse(exported.text) as {
    format: string
    connections: { name: string; type: string }[]
  }
  expect(file.format).toBe('git-connector/connections')
  expect(file.connections.map(({ name, type }) => [name, type])).toEqual([
    ['Export GitHub', 'github'],
    ['Export GitLab', 'gitlab-self-managed'],
  ])
  const path = testInfo.outputPath(exported.name)
  await writeFile(path, exported.text)

  await clearSiteData(page)
  await openDemo(page)
  await expect(page.getByText('No connections yet')).toBeVisible()

  let dialog = await importFile(page, path)
  await expect(dialog.getByText('New: 2 connections will be added')).toBeVisible()
  // Each with its type and where it points, not the name alone.
  await expect(dialog.getByRole('listitem')).toHaveText([
    'Export GitHub GitHub · github.com',
    'Export GitLab GitLab self-managed · gitlab.example.com',
  ])
  await page.screenshot({ path: 'tests/screenshots/export-import-dialog.png' })
  await dialog.getByRole('button', { name: 'Import 2 connections' }).click()
  await expect(dialog).toBeHidden()
  await expect(row(page, 'Export GitHub')).toContainText('Needs token')
  await expect(row(page, 'Export GitLab')).toContainText('Needs token')
  await expect(row(page, 'Export GitLab')).toContainText('dev')
  expect(await readStore(page, 'secrets')).toEqual([])

  // The same file again: everything is already here, and nothing can be imported twice.
  dialog = await importFile(page, path)
  await expect(
    dialog.getByText('Nothing new: every connection in this file is already here.'),
  ).toBeVisible()
  await expect(dialog.getByText('Already here: 2 connections, skipped')).toBeVisible()
  await expect(dialog.getByRole('button', { name: 'Import', exact: true })).toBeDisabled()
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toBeHidden()

  // A file that carries a token is refused at the file field, naming the connection and field.
  const leaky = JSON.stringify({
    format: 'git-connector/connections',
    version: 1,
    connections: [{ ...file.connections[0], name: 'Leaky', token: 'ghp_ShouldNeverBeImported00' }],
  })
  dialog = await importFile(page, {
    name: 'leaky.json',
    mimeType: 'application/json',
    buffer: Buffer.from(leaky),
  })
  const refusal = dialog.getByText(
    'Connection 1 (“Leaky”): the field “token” holds a secret. Exports never hold tokens. Nothing was imported.',
    { exact: false },
  )
  await expect(refusal).toBeVisible()
  await expect(dialog.getByLabel('Export file')).toHaveAttribute('aria-invalid', 'true')
  await expect(dialog.getByRole('button', { name: 'Import', exact: true })).toBeDisabled()
  await page.screenshot({ path: 'tests/screenshots/export-import-refused.png' })

  // Another file chosen in the dialog: not JSON at all.
  const picking = page.waitForEvent('filechooser')
  await dialog.getByLabel('Export file').click()
  await (
    await picking
  ).setFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('nope') })
  await expect(dialog.getByText(/The file is not JSON/)).toBeVisible()
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(page.getByRole('table', { name: 'Connections' }).getByRole('row')).toHaveCount(3)
  expect(await readStore(page, 'connections')).toHaveLength(2)

  // An imported connection is used like any other once its token is entered.
  await row(page, 'Export GitHub').getByRole('button', { name: 'Re-enter token' }).click()
  await tokenField(page).fill(GITHUB_TOKEN)
  await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click()
  await expect(row(page, 'Export GitHub')).toContainText('Connected')
})

test('the import preview shows where each connection points and flags a namesake elsewhere', async ({
  page,
}) => {
  await openDemo(page)
  await addConnection(page, {
    name: 'Acme GHES',
    type: 'GitHub Enterprise Server',
    fields: { 'Server URL': 'https://ghes.acme.example' },
    token: GITHUB_TOKEN,
  })
  const exported = JSON.parse((await exportFile(page)).text) as {
    connections: Record<string, unknown>[]
  }
  // A shared file: the same name aimed at someone else's server, and one connection that is new.
  const shared = JSON.stringify({
    format: 'git-connector/connections',
    version: 1,
    connections: [
      { ...exported.connections[0], id: crypto.randomUUID(), baseUrl: 'https://ghes.evil.example' },
      { ...exported.connections[0], id: crypto.randomUUID(), name: 'Beta GHES' },
    ],
  })
  const dialog = await importFile(page, {
    name: 'shared.json',
    mimeType: 'application/json',
    buffer: Buffer.from(shared),
  })
  await expect(dialog.getByText('New: 2 connections will be added')).toBeVisible()
  const items = dialog.getByRole('listitem')
  await expect(items.nth(0)).toContainText('Acme GHES GitHub Enterprise Server · ghes.evil.example')
  await expect(items.nth(0).getByTestId('import-namesake')).toHaveText(
    'Not the “Acme GHES” you have here, which points to ghes.acme.example. Import it only if you expect a second one on ghes.evil.example.',
  )
  await expect(items.nth(1)).toHaveText('Beta GHES GitHub Enterprise Server · ghes.acme.example')
  await expect(items.nth(1).getByTestId('import-namesake')).toHaveCount(0)

  // A file nested 150,000 levels deep: refused with its own sentence, not a stack overflow.
  const deep = `{"format":"git-connector/connections","version":1,"connections":[{"x":${'['.repeat(150_000)}${']'.repeat(150_000)}}]}`
  const picking = page.waitForEvent('filechooser')
  await dialog.getByLabel('Export file').click()
  await (
    await picking
  ).setFiles({ name: 'deep.json', mimeType: 'application/json', buffer: Buffer.from(deep) })
  await expect(
    dialog.getByText(
      'The file nests values more than 32 levels deep: it is not a connections export. Nothing was imported.',
    ),
  ).toBeVisible()
})
