import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Locator, type Page } from '@playwright/test'
import { addConnection, chooseType, field, openAddPanel, openDemo, row } from './support.ts'

const GITHUB_TOKEN = 'ghp_abcdefghijklmnopqrstuvwxyz0123456789'
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']
const SCHEMES = ['light', 'dark'] as const

/**
 * What changes with the colour scheme is colour: in the dark scheme only the colour rules run
 * again (every rule ran in the light one), which halves the time of each audit.
 */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block']

/**
 * Runs axe on the page as it is, in the light and the dark colour scheme (the app follows the
 * system's until the person picks one), and returns one line per violation: where, which rule,
 * which elements. Transitions are let to finish first: a half-faded panel has no real contrast.
 */
async function audit(page: Page, where: string): Promise<string[]> {
  const found: string[] = []
  for (const scheme of SCHEMES) {
    await page.emulateMedia({ colorScheme: scheme })
    await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', scheme)
    await settle(page)
    const axe = new AxeBuilder({ page }).withTags(TAGS)
    const { violations } = await (scheme === 'light' ? axe : axe.withRules(COLOUR_RULES)).analyze()
    for (const violation of violations) {
      // The first few elements, with what axe measured (e.g. colours and contrast), are enough.
      const nodes = violation.nodes.slice(0, 3).map((node) => {
        const data = node.any[0]?.data as Record<string, unknown> | null | undefined
        const detail = data && typeof data === 'object' ? ` ${JSON.stringify(data)}` : ''
        return `${node.target.join(' ')}${detail}`
      })
      const more = violation.nodes.length > 3 ? ` (+${violation.nodes.length - 3} more)` : ''
      found.push(
        `${where} (${scheme}): ${violation.id} [${violation.impact}] ${nodes.join(' | ')}${more}`,
      )
    }
  }
  await page.emulateMedia({ colorScheme: 'light' })
  return found
}

async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    document.getAnimations().every((animation) => animation.playState !== 'running'),
  )
}

// Three tests rather than one: each stays well inside its time limit on a busy machine, and a
// failure names its area. Each collects every violation first, so one run reports them all.
test('no axe violations: connections, the side panel and the delete dialog, light and dark', async ({
  page,
}) => {
  // Some 30 s on an idle machine; much more when other work shares its two cores.
  test.setTimeout(180_000)
  const violations: string[] = []

  // Outside demo mode, nothing stored: the empty page that offers the demo.
  await page.goto('/')
  await expect(page.getByText('No connections yet')).toBeVisible()
  violations.push(...(await audit(page, 'connections, empty')))

  await openDemo(page)
  violations.push(...(await audit(page, 'connections, empty, demo')))

  // The side panel: empty, with every validation message, then a type with more fields.
  const panel = await openAddPanel(page)
  violations.push(...(await audit(page, 'Add a new Connection panel')))
  // Saved empty: every field's message shows; then a type with more fields, its own message too.
  await panel.getByRole('button', { name: 'Save' }).click()
  await expect(panel.getByText(/give this connection a name/i)).toBeVisible()
  await chooseType(page, 'GitHub Enterprise Server')
  await panel.getByRole('button', { name: 'Save' }).click()
  await expect(field(panel, 'Server URL')).toHaveAttribute('aria-invalid', 'true')
  violations.push(...(await audit(page, 'Add a new Connection panel, validation errors')))
  await page.keyboard.press('Escape')
  await expect(panel).toBeHidden()

  await addConnection(page, { name: 'Work GitHub', type: 'GitHub', token: GITHUB_TOKEN })
  await addConnection(page, {
    name: 'Plain git',
    type: 'Custom Git',
    fields: { 'Repository URL': 'https://git.example.com/team/app.git', Branch: 'main' },
  })
  await expect(row(page, 'Work GitHub')).toContainText('Connected')
  violations.push(...(await audit(page, 'connections, two connections and their toasts')))

  await row(page, 'Work GitHub')
    .getByRole('button', { name: /Delete/ })
    .click()
  const dialog = page.getByRole('dialog', { name: 'Delete connection' })
  await expect(dialog.getByRole('button', { name: 'Delete connection' })).toBeEnabled()
  violations.push(...(await audit(page, 'delete connection dialog')))
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()

  // Import, with a file of one new connection: the dialog's preview.
  const exported = {
    format: 'git-connector/connections',
    version: 1,
    exportedAt: new Date().toISOString(),
    connections: [
      {
        id: crypto.randomUUID(),
        name: 'Imported GitLab',
        type: 'gitlab',
        authMethod: 'pat',
        tokenLifetime: 'remember',
      },
    ],
  }
  const choosing = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Import', exact: true }).click()
  await (
    await choosing
  ).setFiles({
    name: 'connections.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(exported)),
  })
  const importing = page.getByRole('dialog', { name: 'Import connections' })
  await expect(importing.getByText(/New: /)).toBeVisible()
  violations.push(...(await audit(page, 'import dialog, a file to import')))
  await importing.getByRole('button', { name: 'Cancel' }).click()
  await expect(importing).toBeHidden()

  expect(violations, violations.join('\n')).toEqual([])
})

test('no axe violations: repositories, a repository’s commits and releases, light and dark', async ({
  page,
}) => {
  test.setTimeout(180_000)
  const violations: string[] = []
  await openDemo(page)
  await addConnection(page, { name: 'Work GitHub', type: 'GitHub', token: GITHUB_TOKEN })

  await page.getByRole('link', { name: 'Browse Work GitHub' }).click()
  const list = page.getByRole('list', { name: 'Repositories' })
  await expect(list.getByText('octo-demo/git-connector')).toBeVisible()
  violations.push(...(await audit(page, 'repositories')))

  // The search settles on its one result before the click, so the click lands on a row that stays.
  await page.getByLabel('Search repositories').fill('git-connector')
  await expect(list.getByRole('listitem')).toHaveCount(1)
  await list.getByRole('link', { name: 'octo-demo/git-connector', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'octo-demo/git-connector' })).toBeVisible({
    timeout: 15_000,
  })
  await expect(
    page.getByRole('list', { name: 'Commits' }).getByRole('listitem').first(),
  ).toBeVisible({ timeout: 15_000 })
  violations.push(...(await audit(page, 'repository, commits')))
  await page.getByRole('tab', { name: 'Releases' }).click()
  await expect(
    page.getByRole('list', { name: 'Releases' }).getByRole('listitem').first(),
  ).toBeVisible()
  violations.push(...(await audit(page, 'repository, releases')))

  expect(violations, violations.join('\n')).toEqual([])
})

test('no axe violations: release sources, a source’s page, not found, light and dark', async ({
  page,
}) => {
  test.setTimeout(180_000)
  const violations: string[] = []
  await openDemo(page)
  await addConnection(page, { name: 'Work GitHub', type: 'GitHub', token: GITHUB_TOKEN })

  await page.getByRole('link', { name: 'Release Sources', exact: true }).click()
  await expect(page.getByRole('button', { name: 'Add Release Source' }).first()).toBeVisible()
  violations.push(...(await audit(page, 'release sources, empty')))
  await addReleaseSource(page, 'Connector releases', 'Work GitHub', 'octo-demo/git-connector')
  await expect(page.getByTestId('webhook-state')).toContainText('calls the deployment’s receiver')
  violations.push(...(await audit(page, 'release source page')))
  await page.getByRole('link', { name: 'Release Sources', exact: true }).click()
  await expect(page.getByRole('link', { name: 'Connector releases' })).toBeVisible()
  violations.push(...(await audit(page, 'release sources, one source')))

  await page.goto('/no/such/page')
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible()
  violations.push(...(await audit(page, 'not found')))

  expect(violations, violations.join('\n')).toEqual([])
})

/** Through the Add Release Source panel, whose picker offers the repositories as one types. */
async function addReleaseSource(page: Page, name: string, connection: string, repository: string) {
  await page.getByRole('button', { name: 'Add Release Source' }).first().click()
  const panel = page.getByRole('dialog', { name: 'Add a Release Source' })
  await field(panel, 'Name').fill(name)
  await field(panel, 'Connection').click()
  await page.getByRole('option', { name: new RegExp(`^${connection} ·`) }).click()
  const picker = panel.getByRole('combobox', { name: /Repository/ })
  await picker.fill(repository)
  await expect(panel.getByRole('option').first()).toContainText(repository)
  await panel.getByRole('option').first().click()
  await panel.getByRole('button', { name: 'Create release source' }).click()
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
}

/** Presses Tab until the element is focused; fails after `limit` presses. */
async function tabTo(page: Page, target: Locator, limit = 30): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((element) => element === document.activeElement)) return
    await page.keyboard.press('Tab')
  }
  await expect(target).toBeFocused()
}

test('the whole Add a new Connection flow with the keyboard alone', async ({ page }) => {
  await openDemo(page)
  await page.locator('body').focus()

  // Tab to "Add Connection", Enter: the panel opens with the focus in it, on Name.
  const add = page.getByRole('button', { name: 'Add Connection' })
  await tabTo(page, add)
  await page.keyboard.press('Enter')
  const panel = page.getByRole('dialog', { name: 'Add a new Connection' })
  await expect(panel).toBeVisible()
  await expect(field(panel, 'Name')).toBeFocused()
  await page.keyboard.type('Keyboard GitLab')

  // The type, picked from the list with the arrow keys.
  const type = field(panel, 'Connection Type')
  await tabTo(page, type)
  await page.keyboard.press('ArrowDown')
  const gitlab = page.getByRole('option', { name: 'GitLab', exact: true })
  await expect(gitlab).toBeVisible()
  for (let i = 0; i < 10; i++) {
    if ((await gitlab.getAttribute('data-combobox-selected')) !== null) break
    await page.keyboard.press('ArrowDown')
  }
  await page.keyboard.press('Enter')
  await expect(type).toHaveValue('GitLab')

  // The token, then Enter submits the form.
  const token = panel.locator('input[type="password"]')
  await tabTo(page, token)
  await page.keyboard.type('glpat-abcdefghijklmnopqrst')
  await page.keyboard.press('Enter')
  await expect(panel).toBeHidden()
  await expect(row(page, 'Keyboard GitLab')).toContainText('Connected')

  // Again: Escape closes the panel and the focus goes back to the button that opened it.
  const addAgain = page.getByRole('button', { name: 'Add Connection' })
  await tabTo(page, addAgain)
  await page.keyboard.press('Enter')
  await expect(panel).toBeVisible()
  await expect(field(panel, 'Name')).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(panel).toBeHidden()
  await expect(addAgain).toBeFocused()
})

test('the colour scheme follows the system until the toggle picks one, and the pick persists', async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'dark' })
  await openDemo(page)
  const html = page.locator('html')
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'dark')
  await page.emulateMedia({ colorScheme: 'light' })
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'light')

  // Picked: dark, against a light system; it stays after a reload.
  await page.getByRole('button', { name: 'Switch to dark mode' }).click()
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'dark')
  await page.reload()
  await expect(page.getByRole('heading', { name: 'Manage Connections' })).toBeVisible()
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'dark')
  await settle(page)
  await page.screenshot({ path: 'tests/screenshots/dark.png', fullPage: true })

  // Picking the system's own scheme again goes back to following the system.
  await page.getByRole('button', { name: 'Switch to light mode' }).click()
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'light')
  await page.emulateMedia({ colorScheme: 'dark' })
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'dark')
})
