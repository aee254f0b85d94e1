import { QueryClient } from '@tanstack/react-query'
import { afterEach, describe, expect, it } from 'vitest'
import { connectionRecordWith as record } from '../../tests/utils/stored-connection.ts'
import { connectionKeys } from './connection-queries.ts'
import { connectionStore, selectDatabase } from './connection-store.ts'
import { followOtherTabs } from './follow-other-tabs.ts'

const TOKEN = 'ghp_neverOnTheChannel0123456789abcdef'

/** Another tab, as far as the channel can tell: it hears what this tab announces. */
function otherTab(databaseName: string) {
  const channel = new BroadcastChannel(`git-connector:changes:${databaseName}`)
  const heard: unknown[] = []
  channel.onmessage = (event: MessageEvent<unknown>) => heard.push(event.data)
  return { channel, heard }
}

const channels: BroadcastChannel[] = []
afterEach(() => {
  for (const channel of channels.splice(0)) channel.close()
})

async function until(check: () => boolean) {
  for (let i = 0; i < 100 && !check(); i += 1) await new Promise((r) => setTimeout(r, 10))
}

describe('tabs in step', () => {
  it('announce every write with ids only, never a record or a token', async () => {
    const name = `test-${crypto.randomUUID()}`
    selectDatabase(name)
    const other = otherTab(name)
    channels.push(other.channel)
    const stored = record()

    await connectionStore().save(stored, { token: TOKEN, lifetime: 'remember' })
    await connectionStore().update(stored.id, (current) => ({ ...current, name: 'Renamed' }))
    await connectionStore().clearSecrets()
    await connectionStore().remove(stored.id)
    await until(() => other.heard.length === 4)

    expect(other.heard).toEqual([
      { kind: 'connection-saved', connectionId: stored.id },
      { kind: 'connection-saved', connectionId: stored.id },
      { kind: 'tokens-cleared' },
      { kind: 'connection-removed', connectionId: stored.id },
    ])
    expect(JSON.stringify(other.heard)).not.toContain(TOKEN)
  })

  it('make another tab’s change refetch the list and drop a deleted connection’s pages', async () => {
    const name = `test-${crypto.randomUUID()}`
    selectDatabase(name)
    const queryClient = new QueryClient()
    const stop = followOtherTabs(queryClient)
    const sender = new BroadcastChannel(`git-connector:changes:${name}`)
    channels.push(sender)
    const gone = crypto.randomUUID()
    queryClient.setQueryData(connectionKeys.list(), { connections: [], quarantined: [] })
    queryClient.setQueryData([...connectionKeys.scope(gone), 'repositories'], ['a'])

    sender.postMessage({ kind: 'connection-removed', connectionId: gone })
    sender.postMessage({ kind: 'made-up', connectionId: gone })
    await until(() => queryClient.getQueryState(connectionKeys.list())?.isInvalidated === true)

    expect(queryClient.getQueryState(connectionKeys.list())?.isInvalidated).toBe(true)
    expect(
      queryClient.getQueryData([...connectionKeys.scope(gone), 'repositories']),
    ).toBeUndefined()
    stop()
  })
})
