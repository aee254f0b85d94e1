/**
 * Every token goes to its own provider's API, in the Authorization header, and nowhere else: not
 * in a URL, a body, another host, web storage, cookies, the console, the page or an export file.
 * Every request of the page and of the sign-in popup is recorded while a connection of each type
 * is added (one by signing in) and browsed.
 */
import { readFile } from 'node:fs/promises'
import { expect, test, type ConsoleMessage, type Page, type Request } from '@playwright/test'
import {
  addConnection,
  openDemo,
  readStore,
  row,
  SIGNED_IN,
  startSignIn,
  type ConnectionInput,
} from './support.ts'

interface Secret {
  /** What to look for, raw. */
  value: string
  /** The origins it may be sent to, and only in the Authorization header. */
  origins: string[]
  /** A token endpoint that may receive it in a form body (a refresh token, a code). */
  bodyOrigin?: string
}

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

/** A header's value, with Basic credentials decoded, so base64 does not hide a token. */
function readable(value: string): string {
  const basic = /^Basic\s+(\S+)$/i.exec(value)
  return basic?.[1] ? `${value} ${Buffer.from(basic[1], 'base64').toString('utf8')}` : value
}

interface Seen {
  url: string
  origin: string
  headers: [string, string][]
  body: string
}

async function seen(request: Request): Promise<Seen> {
  const url = request.url()
  return {
    url,
    origin: new URL(url).origin,
    headers: Object.entries(await request.allHeaders()).map(([name, value]) => [
      name,
      readable(value),
    ]),
    body: request.postData() ?? '',
  }
}

/** Where each secret was found, as "what → where", for a readable failure. */
function misuses(requests: Seen[], secret: Secret): string[] {
  const found: string[] = []
  for (const request of requests) {
    if (request.url.includes(secret.value)) found.push(`URL of ${request.url}`)
    for (const [name, value] of request.headers) {
      if (!value.includes(secret.value)) continue
      if (name !== 'authorization') found.push(`header ${name} to ${request.origin}`)
      else if (!secret.origins.includes(request.origin))
        found.push(`Authorization to ${request.origin}`)
    }
    if (request.body.includes(secret.value) && request.origin !== secret.bodyOrigin) {
      found.push(`body to ${request.origin}`)
    }
  }
  return found
}

function sentAsAuthorization(requests: Seen[], secret: Secret): boolean {
  return requests.some((request) =>
    request.headers.some(
      ([name, value]) => name === 'authorization' && value.includes(secret.value),
    ),
  )
}

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
