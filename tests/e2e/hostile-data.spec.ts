import { expect, test, type Page } from '@playwright/test'
import { field, fillAndSave, openAddPanel, openDemo, row } from './support.ts'

/**
 * A compromised GitHub Enterprise host (demo convention: a host name starting with `hostile.`,
 * see mocks/data/hostile.ts) sends markup, script, `javascript:` URLs, bidi overrides, control
 * characters and 10,000-character strings. All of it must render as inert, legible text.
 */

const REPO = 'octo-demo/<marquee>\\u202Egnp.exe'
const IMG = '<img src=x onerror="window.__pwned=1;alert(1)">'
/** The hostile account's login (mocks/data/hostile.ts), its override escaped. */
const LOGIN = 'mona-\\u202Egnp.exe'

/** What must never be in the DOM, whatever the page: checked after each step. */
async function expectInert(page: Page) {
  const found = await page.evaluate(() => {
    // What a browser would follow or load: anything but http(s), a data: image or a blob.
    const live = (url: string) => {
      try {
        return !/^(https?:|data:image\/|blob:)/i.test(new URL(url, document.baseURI).href)
      } catch {
        return false
      }
    }
    return {
      pwned: (window as { __pwned?: unknown }).__pwned ?? null,
      links: [...document.querySelectorAll('a[href]')]
        .map((a) => a.getAttribute('href') ?? '')
        .filter((href) => live(href)),
      images: [...document.querySelectorAll('img[src], image, source[srcset]')]
        .map((img) => img.getAttribute('src') ?? img.getAttribute('href') ?? '')
        .filter((src) => live(src)),
      injected: document.querySelectorAll('marquee, img[src="x"], svg[onload], b[onmouseover]')
        .length,
      rawBidi: /[\u202A-\u202E\u2066-\u2069]/.test(document.body.innerText),
      horizontalScroll: document.documentElement.scrollWidth > document.documentElement.clientWidth,
    }
  })
  expect(found).toEqual({
    pwned: null,
    links: [],
    images: [],
    injected: 0,
    rawBidi: false,
    horizontalScroll: false,
  })
}

test('hostile provider data renders inert and legible', async ({ page }) => {
  test.setTimeout(90_000)
  const dialogs: string[] = []
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })

  await openDemo(page)
  const panel = await openAddPanel(page)
  // A name of zero-width spaces and bidi marks is not blank, yet shows nothing: refused.
  await fillAndSave(page, {
    name: '\u200B\u200B\u202E\u2066',
    type: 'GitHub Enterprise Server',
    fields: { 'Server URL': 'https://hostile.example.com' },
    token: 'ghp_abcdefghijklmnopqrstuvwxyz0123456789',
  })
  await expect(
    panel.getByText('This name shows nothing: it has only invisible characters.'),
  ).toBeVisible()
  await field(panel, 'Name').fill('Hostile GHES')
  await panel.getByRole('button', { name: 'Save' }).click()
  await expect(panel).toBeHidden()
  // The account's login carries a right-to-left override: in the list and in the save toast it
  // reads in logical order, the override shown as an escape.
  await expect(page.getByRole('alert').filter({ hasText: 'Connection created' })).toContainText(
    `“Hostile GHES” is connected as ${LOGIN}.`,
  )
  const hostileRow = row(page, 'Hostile GHES')
  await expect(hostileRow.getByText(LOGIN, { exact: true })).toBeVisible()
  // The account's display name is markup: shown as text.
  await expect(page.getByText(`${IMG} Mona`, { exact: true })).toBeVisible()
  await expectInert(page)

  // The repository list: names and descriptions as text, rows at their fixed height.
  await page.getByRole('link', { name: 'Browse Hostile GHES' }).click()
  const list = page.getByRole('list', { name: 'Repositories' })
  const repoLink = list.getByRole('link', { name: REPO, exact: true })
  await expect(repoLink).toBeVisible()
  await expect(list.getByRole('link', { name: `octo-demo/${IMG}`, exact: true })).toBeVisible()
  const description = list.getByText(/^<script>window\.__pwned=1;alert\(1\)<\/script> <a href/)
  await expect(description).toBeVisible()
  // The 10,000-character description is clipped, whole in its title, on one line.
  expect((await description.textContent())?.length).toBeLessThanOrEqual(301)
  expect((await description.getAttribute('title'))?.length).toBeGreaterThan(10_000)
  for (const item of await list.getByRole('listitem').all()) {
    expect((await item.boundingBox())?.height).toBeLessThanOrEqual(80)
  }
  await expectInert(page)

  // The repository: its name in logical order, the override shown as an escape.
  await repoLink.click()
  const heading = page.getByRole('heading', { level: 1 })
  await expect(heading).toHaveText(REPO)
  const order = await heading.evaluate((element) => {
    const node = [...element.childNodes].find((child) => child.nodeType === Node.TEXT_NODE)
    const text = node?.textContent ?? ''
    const at = (needle: string) => {
      const range = document.createRange()
      const start = text.indexOf(needle)
      range.setStart(node!, start)
      range.setEnd(node!, start + needle.length)
      return range.getBoundingClientRect().left
    }
    return { gnp: at('gnp'), exe: at('exe') }
  })
  expect(order.gnp).toBeLessThan(order.exe)

  const rows = page.getByTestId('commit-row')
  await expect(rows).toHaveCount(3)
  // Head commit: markup as text, the override and the controls as visible escapes.
  await expect(rows.nth(0)).toContainText(
    '<script>window.__pwned=1;alert(1)</script> Rename \\u202Egnp.exe\\u0007\\u0000\\u001B[31m now',
  )
  await expect(rows.nth(0).getByTestId('commit-author')).toHaveText(
    '<b onmouseover="window.__pwned=1">mallory</b>',
  )
  // Its web URL is `javascript:`: no link; its avatar is `javascript:`: initials instead.
  await expect(rows.nth(0).getByRole('link')).toHaveCount(0)
  await expect(rows.nth(0).locator('img')).toHaveCount(0)
  await rows.nth(0).getByTestId('commit-author').hover()
  // The 10,000-character subject: one clipped line, the row no taller than the others.
  const heights = await Promise.all(
    [0, 1, 2].map(async (index) => (await rows.nth(index).boundingBox())?.height ?? 0),
  )
  expect(Math.max(...heights)).toBeLessThanOrEqual(90)
  expect(heights[1]).toBeLessThanOrEqual((heights[2] ?? 0) + 1)
  // Isolates and embeddings in an RTL commit are escaped too; the Hebrew stays Hebrew.
  await expect(rows.nth(2)).toContainText('Isolate \\u2067שלום\\u2069 and \\u202Bembedded\\u202C')
  await expectInert(page)

  // Branch names that are markup or carry an override, in the picker.
  await page.getByRole('combobox', { name: 'Branch' }).click()
  await expect(page.getByRole('option', { name: 'fix/\\u202Etxt.exe' })).toBeVisible()
  await expect(
    page.getByRole('option', { name: 'feature/<svg/onload=window.__pwned=1>' }),
  ).toBeVisible()
  await page.keyboard.press('Escape')
  await expectInert(page)
  await page.screenshot({ path: 'tests/screenshots/hostile-data.png', fullPage: true })

  // A name the adapter refuses to address: a clear error, not a crash.
  await page.goBack()
  await page
    .getByRole('list', { name: 'Repositories' })
    .getByRole('link', { name: `octo-demo/${IMG}`, exact: true })
    .click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`octo-demo/${IMG}`)
  await expect(page.getByText('The branches could not be listed')).toBeVisible()
  await expectInert(page)

  expect(dialogs).toEqual([])
})
