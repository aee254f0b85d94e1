// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { beforeEach, describe, expect, it } from 'vitest'
import { server } from '@mocks/node'
import { usePanelStore } from '@/features/connections/panel-store.ts'
import { connectionKeys } from '@/lib/connection-queries.ts'
import { selectedDatabaseName } from '@/lib/connection-store.ts'
// The test plants raw records behind the store's back, as an older or broken app would have.
// eslint-disable-next-line no-restricted-imports
import { CONNECTIONS_STORE } from '@/storage/database.ts'
// eslint-disable-next-line no-restricted-imports
import { connectionRecord, rawPut, without } from '@/storage/test-fixtures.ts'
import { renderPage } from '../../../tests/utils/render.tsx'
import { ConnectionPanelHost } from '../components/connection-panel-host.tsx'
import { ConnectionsPage } from './connections-page.tsx'

const TOKEN = 'ghp_abcdefghijklmnopqrstuvwxyz0123456789'
/**
 * The side panel and, on the first save, the GitHub adapter (Octokit) are lazy chunks: loading them
 * takes seconds on a busy machine.
 */
const SAVED = { timeout: 8000 }

async function openPanel() {
  const user = userEvent.setup()
  await user.click(await screen.findByRole('button', { name: 'Add Connection' }))
  const panel = await screen.findByRole('dialog', { name: 'Add a new Connection' }, SAVED)
  return { user, panel }
}

/** The page, and the side panel the layout mounts over every page. */
function ManageConnections() {
  return (
    <>
      <ConnectionsPage />
      <ConnectionPanelHost />
    </>
  )
}

describe('Manage Connections', () => {
  // The panel store is module state: start every test with the panel closed.
  beforeEach(() => usePanelStore.getState().close())

  it('explains what a connection is when there is none', async () => {
    renderPage(<ManageConnections />)
    expect(await screen.findByText('No connections yet')).toBeInTheDocument()
    expect(screen.getByText(/It is sent to nobody but the provider/)).toBeInTheDocument()
  })

  it('verifies a GitHub token, stores it, and lists the account', async () => {
    const { store } = renderPage(<ManageConnections />)
    const { user, panel } = await openPanel()
    await user.type(within(panel).getByLabelText(/^Name/), 'Work')
    await user.click(panel.querySelector('input[type="password"]')!)
    await user.paste(TOKEN)
    await user.click(within(panel).getByRole('button', { name: 'Save' }))

    expect(await screen.findByText('Connection created', {}, SAVED)).toBeInTheDocument()
    const table = await screen.findByRole('table', { name: 'Connections' })
    expect(within(table).getByText('octo-demo')).toBeInTheDocument()
    expect(within(table).getByText('Connected')).toBeInTheDocument()
    const { connections } = await store.list()
    expect(connections).toHaveLength(1)
    expect(connections[0]?.hasSecret).toBe(true)
    expect((await store.readSecret(connections[0]!.record.id))?.token).toBe(TOKEN)
  })

  it('keeps the panel open with the provider’s answer at the token field, storing nothing', async () => {
    server.use(
      http.get('https://api.github.com/user', () =>
        HttpResponse.json({ message: 'Bad credentials', status: '401' }, { status: 401 }),
      ),
    )
    const { store } = renderPage(<ManageConnections />)
    const { user, panel } = await openPanel()
    await user.type(within(panel).getByLabelText(/^Name/), 'Work')
    await user.click(panel.querySelector('input[type="password"]')!)
    await user.paste(TOKEN)
    await user.click(within(panel).getByRole('button', { name: 'Save' }))

    expect(
      await within(panel).findByText(/GitHub did not accept this token/, {}, SAVED),
    ).toBeInTheDocument()
    expect(panel.querySelector('input[type="password"]')).toHaveAttribute('aria-invalid', 'true')
    expect((await store.list()).connections).toEqual([])
  })

  it('shows each field’s message and saves nothing when the form is incomplete', async () => {
    const { store } = renderPage(<ManageConnections />)
    const { user, panel } = await openPanel()
    await user.click(within(panel).getByRole('button', { name: 'Save' }))
    expect(await within(panel).findByText(/Give this connection a name/)).toBeInTheDocument()
    expect(within(panel).getByText('Paste the personal access token.')).toBeInTheDocument()
    await waitFor(async () => expect((await store.list()).connections).toEqual([]))
  })

  it('shows Sign in with GitHub disabled, with what the deployment must configure', async () => {
    renderPage(<ManageConnections />)
    const { panel } = await openPanel()
    const signIn = within(panel).getByRole('radio', { name: /Sign in with GitHub/ })
    expect(signIn).toBeDisabled()
    expect(within(panel).getByText(/config.json needs githubOAuth.clientId/)).toBeInTheDocument()
  })

  it('lists an older record migrated, and reports a damaged one without losing it', async () => {
    const { queryClient, store } = renderPage(<ManageConnections />)
    expect(await screen.findByText('No connections yet')).toBeInTheDocument()
    const name = selectedDatabaseName()
    // What the app's first drafts wrote: no schemaVersion, no verification, no notices.
    const old = connectionRecord('gitlab', { name: 'From the first draft' })
    await rawPut(
      name,
      CONNECTIONS_STORE,
      old.id,
      without(old, 'schemaVersion', 'verification', 'notices'),
    )
    const damagedId = crypto.randomUUID()
    await rawPut(name, CONNECTIONS_STORE, damagedId, {
      ...connectionRecord('github', { id: damagedId }),
      type: 'sourceforge',
      token: 'ghp_strayTokenInARecord0123456789abcdef',
    })
    await queryClient.invalidateQueries({ queryKey: connectionKeys.list() })

    const table = await screen.findByRole('table', { name: 'Connections' })
    expect(within(table).getByText('From the first draft')).toBeInTheDocument()
    const report = screen.getByText(/1 stored record\(s\) did not pass validation/)
    expect(report).toHaveTextContent(/set aside, not deleted: type: /)
    expect(document.body).not.toHaveTextContent('ghp_strayTokenInARecord')
    const { connections, quarantined } = await store.list()
    expect(connections[0]?.record).toMatchObject({ schemaVersion: 1, verification: 'verified' })
    expect(quarantined.map((record) => record.key)).toEqual([damagedId])
  })
})
