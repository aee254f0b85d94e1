/**
 * The REST API version an Azure DevOps Server speaks is found once, when the connection is saved,
 * and kept on it: every later adapter (a new tab, a reload, an edit) starts from it instead of
 * finding it again with a request the server refuses.
 */
import { beforeEach, describe, expect, it, onTestFinished } from 'vitest'
import { server } from '@mocks/node'
import { providerForConnection } from '@/lib/connection-provider.ts'
import { selectDatabase } from '@/lib/connection-store.ts'
import { saveConnection } from './save-connection.ts'

function versionsAsked() {
  const versions: (string | null)[] = []
  const listener = ({ request }: { request: Request }) =>
    void versions.push(new URL(request.url).searchParams.get('api-version'))
  server.events.on('request:start', listener)
  onTestFinished(() => server.events.removeListener('request:start', listener))
  return versions
}

describe('the API version of an Azure DevOps Server connection', () => {
  beforeEach(() => selectDatabase(`test-${crypto.randomUUID()}`))

  it('is stored on save and used first by the next adapter', async () => {
    const saved = await saveConnection({
      draft: {
        name: 'Old server',
        username: undefined,
        target: {
          type: 'azure-devops-server',
          collectionUrl: 'https://old-server.contoso.example/tfs/DefaultCollection',
        },
        token: 'azure-demo-pat',
        tokenLifetime: 'remember',
        authMethod: 'pat',
      },
    })
    expect(saved.apiVersion).toBe('6.0')

    const versions = versionsAsked()
    const provider = await providerForConnection(saved.id)
    await provider.listOwners()
    expect(versions).toEqual(['6.0'])
  })
})
