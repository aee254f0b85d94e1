/**
 * Demo mode's stand-in for GitHub's and GitLab's authorize pages: main.tsx shows it instead of the
 * app at `<base>demo/authorize?authorize=<the real authorize URL>`. It checks the request the way
 * the provider would (a client it knows, a PKCE challenge, a redirect back to this app), then
 * sends the person back to the callback with a code, or with `error=access_denied`.
 *
 * Its "demo controls" choose what the token exchange will answer, so every ending of a sign-in
 * can be tried without a provider.
 */
import '@mantine/core/styles.css'
import {
  Alert,
  Button,
  Code,
  Group,
  MantineProvider,
  Paper,
  Radio,
  Stack,
  Text,
  Title,
} from '@mantine/core'
import { StrictMode, useState } from 'react'
import { createRoot } from 'react-dom/client'
import { githubDemoUser } from '../data/github.ts'
import { gitlabDemoUser } from '../data/gitlab.ts'
import { DEMO_GITHUB_CLIENT_ID, DEMO_GITLAB_APPLICATION_ID } from './demo-sign-in.ts'
import { encodeCode, type ExchangeOutcome, type TokenKind } from './grants.ts'

interface AuthorizeRequest {
  provider: 'github' | 'gitlab'
  host: string
  clientId: string
  redirectUri: string
  state: string
  challenge: string
  scope: string
}

/** What the real page would refuse to show a consent screen for, in its words. */
function readRequest(search: string): AuthorizeRequest | string {
  const raw = new URLSearchParams(search).get('authorize')
  if (!raw || !URL.canParse(raw)) return 'This page needs the authorize URL of a sign-in.'
  const url = new URL(raw)
  const params = url.searchParams
  const provider = url.pathname.endsWith('/login/oauth/authorize') ? 'github' : 'gitlab'
  const clientId = params.get('client_id') ?? ''
  const known = provider === 'github' ? DEMO_GITHUB_CLIENT_ID : DEMO_GITLAB_APPLICATION_ID
  if (clientId !== known) {
    return provider === 'github'
      ? 'The client_id is not registered with the simulated GitHub.'
      : 'Client authentication failed due to unknown client (the simulated GitLab knows another application id).'
  }
  const redirectUri = params.get('redirect_uri') ?? ''
  // The provider sends people only to the callback registered for the application: this app's.
  if (!redirectUri.startsWith(`${window.location.origin}/`)) {
    return 'The redirect_uri MUST match the registered callback URL for this application.'
  }
  const challenge = params.get('code_challenge') ?? ''
  if (!challenge || params.get('code_challenge_method') !== 'S256') {
    return 'This application requires PKCE with S256: code_challenge is missing.'
  }
  return {
    provider,
    host: url.host,
    clientId,
    redirectUri,
    state: params.get('state') ?? '',
    challenge,
    scope: params.get('scope') ?? '',
  }
}

function back(request: AuthorizeRequest, params: Record<string, string>) {
  const url = new URL(request.redirectUri)
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value)
  if (request.state) url.searchParams.set('state', request.state)
  window.location.assign(url.href)
}

function AuthorizePage({ request }: { request: AuthorizeRequest }) {
  const github = request.provider === 'github'
  const login = github ? githubDemoUser.login : gitlabDemoUser.username
  const [tokenKind, setTokenKind] = useState<TokenKind>('expiring')
  const [outcome, setOutcome] = useState<ExchangeOutcome>('token')

  const authorize = () =>
    back(request, {
      code: encodeCode({
        provider: request.provider,
        clientId: request.clientId,
        redirectUri: request.redirectUri,
        challenge: request.challenge,
        expiresAt: Date.now() + 10 * 60_000,
        outcome,
        tokenKind: github ? tokenKind : 'expiring',
      }),
    })
  const deny = () =>
    back(
      request,
      github
        ? {
            error: 'access_denied',
            error_description: 'The user has denied your application access.',
            error_uri:
              'https://docs.github.com/apps/managing-oauth-apps/troubleshooting-authorization-request-errors/#access-denied',
          }
        : {
            error: 'access_denied',
            error_description: 'The resource owner or authorization server denied the request.',
          },
    )

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {github ? 'GitHub' : 'GitLab'} (simulated) · {request.host}
      </Text>
      <Title order={1} size="h2">
        Authorize Git Connector
      </Title>
      <Text>
        Signed in as <strong>{login}</strong>. Git Connector asks for{' '}
        {request.scope ? <Code>{request.scope}</Code> : 'access to your account'} and will send you
        back to <Code>{request.redirectUri}</Code>.
      </Text>
      <Paper withBorder p="md" radius="md">
        <Stack gap="sm">
          <Text fw={600} size="sm">
            Demo controls
          </Text>
          {github ? (
            <Radio.Group label="Token" value={tokenKind} onChange={(value) => setTokenKind(value)}>
              <Stack gap={6} mt={6}>
                <Radio
                  value="expiring"
                  label="GitHub App user token: expires in 8 hours, with a refresh token"
                />
                <Radio value="non-expiring" label="OAuth App token: does not expire" />
              </Stack>
            </Radio.Group>
          ) : null}
          <Radio.Group
            label="The token exchange answers"
            value={outcome}
            onChange={(value) => setOutcome(value)}
          >
            <Stack gap={6} mt={6}>
              <Radio value="token" label="A token" />
              <Radio value="refused" label="A refusal (the code is rejected)" />
              <Radio value="server-error" label="A server error (502)" />
            </Stack>
          </Radio.Group>
        </Stack>
      </Paper>
      <Group>
        <Button onClick={authorize}>Authorize</Button>
        <Button variant="default" onClick={deny}>
          Cancel
        </Button>
      </Group>
    </Stack>
  )
}

export function renderDemoAuthorizePage(root: HTMLElement): void {
  const request = readRequest(window.location.search)
  document.title = 'Authorize · simulated provider'
  createRoot(root).render(
    <StrictMode>
      <MantineProvider defaultColorScheme="auto">
        <main style={{ maxWidth: 620, margin: '48px auto', padding: '0 16px' }}>
          {typeof request === 'string' ? (
            <Alert color="red" title="This sign-in request was refused" role="alert">
              {request}
            </Alert>
          ) : (
            <AuthorizePage request={request} />
          )}
        </main>
      </MantineProvider>
    </StrictMode>,
  )
}
