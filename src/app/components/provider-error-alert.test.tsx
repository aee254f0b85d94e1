// @vitest-environment jsdom
import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { beforeEach, describe, expect, it } from 'vitest'
import { server } from '@mocks/node'
import { usePanelStore } from '@/features/connections/panel-store.ts'
import { ProviderError } from '@/providers/errors.ts'
import { ConnectionsPage } from '../routes/connections-page.tsx'
import { connectionRecordWith } from '../../../tests/utils/stored-connection.ts'
import { renderPage } from '../../../tests/utils/render.tsx'
import { ConnectionPanelHost } from './connection-panel-host.tsx'
import { ProviderErrorAlert } from './provider-error-alert.tsx'

describe('the provider’s own words, apart from ours', () => {
  beforeEach(() => usePanelStore.getState().close())

  it('quotes them under our sentence in an alert, with hidden characters made visible', async () => {
    const error = new ProviderError('invalid-request', 'x', {
      status: 422,
      providerMessage: 'Validation Failed: Hook already exists on this \u202Erepository',
    })
    renderPage(
      <ProviderErrorAlert title="Could not save" error={error} record={connectionRecordWith()} />,
    )
    const alert = await screen.findByRole('alert')
    const said = within(alert).getByTestId('provider-said')
    expect(said).toHaveTextContent(
      'GitHub said:Validation Failed: Hook already exists on this \\u202Erepository',
    )
    // Our sentence is ours alone: the provider's words are not in it.
    const sentence = within(alert).getByText(/^GitHub refused the request as invalid \(422\)\./)
    expect(sentence).not.toHaveTextContent('Validation Failed')
  })

  it('shows them at the field the form points at, apart from our sentence', async () => {
    server.use(
      http.get('https://api.github.com/user', () =>
        HttpResponse.json(
          {
            message:
              'Resource protected by organization SAML enforcement. You must grant your Personal Access token access to this organization.',
            documentation_url:
              'https://docs.github.com/articles/authenticating-to-a-github-organization-with-saml-single-sign-on/',
          },
          { status: 403 },
        ),
      ),
    )
    renderPage(
      <>
        <ConnectionsPage />
        <ConnectionPanelHost />
      </>,
    )
    const user = userEvent.setup()
    await user.click(await screen.findByRole('button', { name: 'Add Connection' }))
    const panel = await screen.findByRole(
      'dialog',
      { name: 'Add a new Connection' },
      { timeout: 8000 },
    )
    await user.type(within(panel).getByLabelText(/^Name/), 'Work')
    await user.click(panel.querySelector('input[type="password"]')!)
    await user.paste('ghp_abcdefghijklmnopqrstuvwxyz0123456789')
    await user.click(within(panel).getByRole('button', { name: 'Save' }))
    const said = await within(panel).findByTestId('provider-said', {}, { timeout: 8000 })
    expect(said).toHaveTextContent(
      'GitHub said:Resource protected by organization SAML enforcement.',
    )
    const fieldMessage = said.parentElement
    expect(fieldMessage).toHaveTextContent(/^GitHub accepted the token but refused access/)
    // The sentence does not also carry the quote inline.
    expect(fieldMessage?.textContent.match(/SAML enforcement/g)).toHaveLength(1)
  })
})
