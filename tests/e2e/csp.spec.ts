import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { expect, test, type BrowserContext, type Page } from '@playwright/test'
import { chooseType, field, openAddPanel, SIGNED_IN, startSignIn } from './support.ts'

/**
 * The built app's Content-Security-Policy (scripts/content-security-policy.ts): the served page
 * carries it, and the app runs under it in normal mode and in demo mode (MSW's service worker, the
 * simulated sign-in popup, data: avatars, lazy chunks) without a single violation.
 */

/** The policy, directive by directive, exactly: a looser one must fail here. */
const EXPECTED: Record<string, string> = {
  'default-src': "'none'",
  'script-src': "'self'",
  'style-src': "'self' 'unsafe-inline'",
  'style-src-attr': "'none'",
  'img-src': "'self' data: https: http:",
  'font-src': "'self'",
  'connect-src': "'self' https: http:",
  'worker-src': "'self'",
  'manifest-src': "'self'",
  'frame-src': "'none'",
  'object-src': "'none'",
  'base-uri': "'self'",
  'form-action': "'self'",
}

function directives(policy: string): Record<string, string> {
  return Object.fromEntries(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name = '', ...sources]) => [name, sources.join(' ')]),
  )
}

test('the served page carries the strict policy before anything it governs', async ({
  request,
}) => {
  // The root and a deep link (the host's single-page fallback) serve the same page.
  for (const path of ['/', '/connections/abc/repositories']) {
    const html = await (await request.get(path)).text()
    const metas = [...html.matchAll(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>/gi)]
    expect(metas, path).toHaveLength(1)
    const meta = metas[0]!
    const content = /content="([^"]*)"/.exec(meta[0])?.[1] ?? ''
    expect(directives(content), path).toEqual(EXPECTED)
    // A meta policy governs only what follows it.
    const firstGoverned = html.search(/<(script|link|style)\b/i)
    expect(meta.index).toBeLessThan(firstGoverned)
    // No inline script, no event-handler attribute, nothing from another origin.
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
    expect(scripts.length, path).toBeGreaterThan(0)
    for (const [, attributes = '', body = ''] of scripts) {
      expect(body.trim(), 'inline script').toBe('')
      expect(attributes).toMatch(/\ssrc="\/[^/]/)
    }
    expect(html).not.toMatch(/<[^>]+\son[a-z]+\s*=/i)
    for (const [, url] of html.matchAll(/\s(?:src|href)="([^"]*)"/gi)) {
      expect(url, 'same-origin resource').toMatch(/^\/(?!\/)/)
    }
  }

  // Hosts that read _headers send the same policy as a header, which can also forbid framing.
  const dist = process.env.E2E_DIST ?? 'dist'
  const headers = readFileSync(fileURLToPath(new URL(`../../${dist}/_headers`, import.meta.url)))
  const header = /^\/\*\n\s+Content-Security-Policy: (.+)$/m.exec(headers.toString())?.[1] ?? ''
  expect(directives(header)).toEqual({ ...EXPECTED, 'frame-ancestors': "'none'" })
})

/** Every violation in any page of the context (the sign-in popup too), from event and console. */
async function recordViolations(context: BrowserContext): Promise<string[]> {
  const violations: string[] = []
  await context.exposeBinding('__cspViolation', (_source, text: string) => {
    violations.push(text)
  })
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __cspViolation: (text: string) => Promise<void> })
        .__cspViolation
      void report(
        `${event.effectiveDirective} refused ${event.blockedURI || 'inline'} ` +
          `(${event.sourceFile}:${event.lineNumber}) on ${location.pathname}`,
      )
    })
  })
  context.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text())
  })
  return violations
}

/** Lets a violation reported at the last step arrive before the list is read. */
async function settle(page: Page) {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)))
}

test('normal mode runs under the policy, and the policy is really enforced', async ({
  page,
  context,
}) => {
  const violations = await recordViolations(context)
  await page.goto('/')
  await expect(page.getByRole('heading', { name: 'Manage Connections' })).toBeVisible()
  // The side panel, its lazy chunks, a combobox and the modal's scroll lock (an inline <style>).
  const panel = await openAddPanel(page)
  await chooseType(page, 'GitLab self-managed')
  await expect(field(panel, 'GitLab URL')).toBeVisible()
  await page.keyboard.press('Escape')
  await page.getByRole('link', { name: 'Release Sources', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Release Sources', level: 1 })).toBeVisible()
  await page.getByRole('button', { name: 'Switch to dark mode' }).click()
  await settle(page)
  expect(violations).toEqual([])

  // The check can fail: an inline script is refused, and the refusal is seen.
  const ran = await page.evaluate(() => {
    const script = document.createElement('script')
    script.textContent = 'window.__inlineRan = true'
    document.head.append(script)
    return (window as { __inlineRan?: boolean }).__inlineRan ?? false
  })
  expect(ran).toBe(false)
  await expect.poll(() => violations.join('\n')).toContain('script-src-elem refused inline')
})

test('demo mode runs under the policy: data: avatars, browsing and the sign-in popup', async ({
  page,
  context,
}) => {
  // The demo's seeding checks five connections and loads their adapters: slow on a busy machine.
  test.setTimeout(60_000)
  const violations = await recordViolations(context)
  await page.goto('/?demo=seed')
  await expect(page.getByText('Demo mode is on')).toBeVisible()
  const table = page.getByRole('table')
  await expect(table.locator('img[src^="data:image/"]').first()).toBeVisible({ timeout: 20_000 })
  await page.getByRole('link', { name: 'Browse Acme on GitHub' }).click()
  await expect(page.getByText('octo-demo/git-connector')).toBeVisible({ timeout: 20_000 })

  // GitLab's sign-in: the authorize page in a popup, then a token exchange with gitlab.com.
  await page.getByRole('link', { name: 'Connections', exact: true }).click()
  const { panel, popup } = await startSignIn(page, 'Signed-in GitLab', 'GitLab')
  await popup.getByRole('button', { name: 'Authorize' }).click()
  await expect(panel).toBeHidden(SIGNED_IN)
  await settle(page)
  expect(violations).toEqual([])
})
