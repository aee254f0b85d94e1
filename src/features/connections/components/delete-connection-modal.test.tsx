// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { mockState } from '@mocks/state'
import { connectionStore } from '@/lib/connection-store.ts'
import { releaseSourceStore } from '@/lib/release-source-store.ts'
import { createReleaseSource } from '@/features/release-sources/source-actions.ts'
import type { StoredConnection } from '@/storage/connection-store.ts'
import { storedConnection } from '../../../../tests/utils/stored-connection.ts'
import { renderPage } from '../../../../tests/utils/render.tsx'
import { DeleteConnectionModal } from './delete-connection-modal.tsx'
import { releaseSourceDraft } from '../../../../tests/utils/release-source-draft.ts'

const RECEIVER = 'https://hooks.example.com/receive'
const endpoints = { webhookReceiverUrl: RECEIVER, buildTriggerUrl: null }

/** The modal as the connections page shows it: opened on a stored connection, closed by itself. */
function Harness({ onDeleted }: { onDeleted: (name: string) => void }) {
  const [target, setTarget] = useState<StoredConnection | null>(null)
  const open = async () => {
    const { connections } = await connectionStore().list()
    setTarget(connections.find((entry) => entry.record.name === 'Work') ?? null)
  }
  return (
    <>
      <button onClick={() => void open()}>Open</button>
      {target ? (
        <DeleteConnectionModal
          target={target}
          onClose={() => setTarget(null)}
          onDeleted={onDeleted}
        />
      ) : null}
    </>
  )
}

async function setUp() {
  const onDeleted = vi.fn()
  renderPage(<Harness onDeleted={onDeleted} />)
  const connection = await storedConnection({ name: 'Work' })
  const website = await createReleaseSource(
    releaseSourceDraft(connection.id, { name: 'Website', tagPattern: null }),
    endpoints,
  )
  const docs = await createReleaseSource(
    releaseSourceDraft(connection.id, { name: 'Docs', tagPattern: null }),
    {
      ...endpoints,
      webhookReceiverUrl: null,
    },
  )
  const user = userEvent.setup()
  const open = async () => {
    await user.click(screen.getByRole('button', { name: 'Open' }))
    return screen.findByRole('dialog', { name: 'Delete connection' })
  }
  return { onDeleted, connection, website, docs, user, open }
}

describe('Delete connection, with release sources using it', () => {
  afterEach(() => {
    vi.restoreAllMocks()
  })

  it('lists the sources and their webhooks, then disconnects them and deletes the connection', async () => {
    const { onDeleted, connection, website, docs, user, open } = await setUp()
    const dialog = await open()

    const list = await within(dialog).findByRole('list', {
      name: 'Release sources using this connection',
    })
    const items = within(list).getAllByRole('listitem')
    expect(items.map((item) => item.textContent)).toEqual([
      'Docs octo-demo/git-connectorNo webhook.',
      'Website octo-demo/git-connectorIts release webhook on GitHub will be removed.',
    ])
    expect(within(dialog).getByText(/They are kept, marked disconnected/)).toBeInTheDocument()
    expect(within(dialog).getByText(/re-attached to another connection/)).toBeInTheDocument()
    expect(mockState.webhooks.size).toBe(1)

    await user.click(within(dialog).getByRole('button', { name: 'Delete connection' }))

    await waitFor(() => expect(onDeleted).toHaveBeenCalledWith('Work'))
    await waitFor(() =>
      expect(screen.queryByRole('dialog', { name: 'Delete connection' })).not.toBeInTheDocument(),
    )
    expect(await connectionStore().get(connection.id)).toBeUndefined()
    expect(mockState.webhooks.size).toBe(0)
    const kept = await releaseSourceStore().get(website.id)
    expect(kept).toMatchObject({ connectionId: null, webhook: { state: 'removed' } })
    expect(kept?.disconnectedAt).not.toBeNull()
    expect(await releaseSourceStore().get(docs.id)).toMatchObject({ connectionId: null })
  })

  it('after deleting, lists the webhooks it could not remove, with where to remove them', async () => {
    const { onDeleted, connection, website, user, open } = await setUp()
    await connectionStore().removeSecret(connection.id)
    const dialog = await open()
    await within(dialog).findByRole('list', { name: 'Release sources using this connection' })

    await user.click(within(dialog).getByRole('button', { name: 'Delete connection' }))

    const done = await screen.findByRole('dialog', { name: 'Connection deleted' })
    expect(onDeleted).toHaveBeenCalledWith('Work')
    expect(await connectionStore().get(connection.id)).toBeUndefined()
    const hooks = within(done).getByRole('list', { name: 'Webhooks to remove by hand' })
    expect(within(hooks).getByText('Website')).toBeInTheDocument()
    expect(within(hooks).getByText(/no token/)).toBeInTheDocument()
    expect(within(hooks).getByRole('link', { name: 'Remove it on GitHub' })).toHaveAttribute(
      'href',
      'https://github.com/octo-demo/git-connector/settings/hooks',
    )
    expect(mockState.webhooks.size).toBe(1)
    expect(await releaseSourceStore().get(website.id)).toMatchObject({ connectionId: null })

    await user.click(within(done).getByRole('button', { name: 'Close' }))
    await waitFor(() =>
      expect(screen.queryByRole('dialog', { name: 'Connection deleted' })).not.toBeInTheDocument(),
    )
  })

  it('does not delete while the sources cannot be read, and retries', async () => {
    const { onDeleted, connection, open, user } = await setUp()
    const store = releaseSourceStore()
    const read = store.sourcesOfConnection.bind(store)
    vi.spyOn(store, 'sourcesOfConnection')
      .mockRejectedValueOnce(new Error('The browser could not read the release sources.'))
      .mockImplementation(read)
    const dialog = await open()

    expect(
      await within(dialog).findByText(/could not read the release sources/),
    ).toBeInTheDocument()
    const remove = within(dialog).getByRole('button', { name: 'Delete connection' })
    expect(remove).toBeDisabled()

    await user.click(within(dialog).getByRole('button', { name: 'Retry' }))
    await within(dialog).findByRole('list', { name: 'Release sources using this connection' })
    expect(remove).toBeEnabled()
    expect(onDeleted).not.toHaveBeenCalled()
    expect(await connectionStore().get(connection.id)).toBeDefined()
  })

  it('keeps the connection when the sources cannot be disconnected', async () => {
    const { onDeleted, connection, website, open, user } = await setUp()
    vi.spyOn(releaseSourceStore(), 'disconnect').mockRejectedValue(
      new Error('The browser could not save the change. Nothing was written; try again.'),
    )
    const dialog = await open()
    await within(dialog).findByRole('list', { name: 'Release sources using this connection' })

    await user.click(within(dialog).getByRole('button', { name: 'Delete connection' }))

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      /It could not be deleted: The browser could not save the change/,
    )
    expect(onDeleted).not.toHaveBeenCalled()
    expect(await connectionStore().get(connection.id)).toBeDefined()
    expect(await releaseSourceStore().get(website.id)).toMatchObject({
      connectionId: connection.id,
    })
  })
})
