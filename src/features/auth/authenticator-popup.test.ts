import { describe, expect, it } from 'vitest'
import type { AuthenticatorSetup } from '@/lib/oauth/sign-in-setup.ts'
import { authenticatorUrl, tokenFromAuthenticator } from './authenticator-popup.ts'
import { SignInCancelled } from './sign-in-failure.ts'

const setup: AuthenticatorSetup = {
  kind: 'authenticator',
  provider: 'github',
  label: 'Sign in with GitHub',
  authenticatorUrl: 'https://auth.example.com/auth',
  siteId: undefined,
  scope: 'repo admin:repo_hook',
}
const AUTH_ORIGIN = 'https://auth.example.com'

/** The app's window as the protocol sees it, and the popup it opened. */
function windows() {
  const app = new EventTarget()
  const sent: { message: unknown; origin: string }[] = []
  const popup = {
    postMessage: (message: unknown, origin: string) => sent.push({ message, origin }),
  }
  const post = (data: unknown, origin = AUTH_ORIGIN) =>
    app.dispatchEvent(new MessageEvent('message', { data, origin }))
  return { app, popup, sent, post }
}

describe('the Netlify/Decap authenticator protocol', () => {
  it('opens the authenticator with the provider, site and scope Decap sends', () => {
    const url = new URL(authenticatorUrl(setup, 'git.example.com'))
    expect(Object.fromEntries(url.searchParams)).toEqual({
      provider: 'github',
      site_id: 'git.example.com',
      scope: 'repo admin:repo_hook',
    })
  })

  it('answers the handshake, then takes the token, from the authenticator’s origin only', async () => {
    const { app, popup, sent, post } = windows()
    const token = tokenFromAuthenticator(setup, popup, new AbortController().signal, app)
    post('authorizing:github', 'https://evil.example')
    expect(sent).toEqual([])
    post('authorizing:github')
    expect(sent).toEqual([{ message: 'authorizing:github', origin: AUTH_ORIGIN }])
    post(
      'authorization:github:success:{"token":"gho_evil","provider":"github"}',
      'https://evil.example',
    )
    post('authorization:github:success:{"token":"gho_from_auth","provider":"github"}')
    await expect(token).resolves.toBe('gho_from_auth')
  })

  it('reports the authenticator’s error, and a declined authorization as declined', async () => {
    const first = windows()
    const refused = tokenFromAuthenticator(
      setup,
      first.popup,
      new AbortController().signal,
      first.app,
    )
    first.post('authorization:github:error:{"message":"Invalid OAuth state"}')
    await expect(refused).rejects.toMatchObject({ kind: 'refused', message: 'Invalid OAuth state' })

    const second = windows()
    const denied = tokenFromAuthenticator(
      setup,
      second.popup,
      new AbortController().signal,
      second.app,
    )
    second.post('authorization:github:error:{"error":"access_denied"}')
    await expect(denied).rejects.toMatchObject({ kind: 'denied' })
  })

  it('stops listening when the person cancels', async () => {
    const { app, popup, post } = windows()
    const controller = new AbortController()
    const token = tokenFromAuthenticator(setup, popup, controller.signal, app)
    controller.abort()
    await expect(token).rejects.toBeInstanceOf(SignInCancelled)
    post('authorization:github:success:{"token":"gho_late"}')
  })
})
