/**
 * "Try the demo" opens on a few connections instead of an empty page. They are saved through the
 * app's own save path (checked against the simulated providers, then stored), and one is left
 * without its token so that the "Needs token" state can be seen and tried.
 */
import { connectionStore } from '@/lib/connection-store.ts'
import { saveConnection } from '@/features/connections/save-connection.ts'
import type { ConnectionDraft } from '@/features/connections/form/validate-form.ts'

const remember = { tokenLifetime: 'remember', authMethod: 'pat' } as const

const drafts: ConnectionDraft[] = [
  {
    ...remember,
    name: 'Acme on GitHub',
    username: 'mona',
    target: { type: 'github' },
    token: 'ghp_demo0000000000000000000000000000000000',
  },
  {
    ...remember,
    name: 'Platform GitLab',
    username: undefined,
    target: { type: 'gitlab-self-managed', baseUrl: 'https://gitlab.example.com' },
    token: 'glpat-demo00000000000000000',
  },
  {
    ...remember,
    name: 'Tidewater Bitbucket',
    username: 'bea-demo',
    target: { type: 'bitbucket', credentialKind: 'api-token', email: 'bea@example.com' },
    token: 'ATATT3xFfGF0demo',
  },
  {
    ...remember,
    name: 'Fabrikam Azure DevOps',
    username: undefined,
    target: { type: 'azure-devops', organization: 'fabrikam' },
    token: 'azure-demo-token',
  },
  {
    ...remember,
    name: 'Release mirror',
    username: undefined,
    target: {
      type: 'custom-git',
      repositoryUrl: 'https://git.example.com/team/app.git',
      branch: 'main',
    },
    token: undefined,
  },
]

/** Fills an empty demo database; leaves one that already has connections alone. */
export async function seedDemoConnections(): Promise<void> {
  const store = connectionStore()
  if ((await store.list()).connections.length > 0) return
  const saved = []
  for (const draft of drafts) saved.push(await saveConnection({ draft }))
  const forgotten = saved.find((record) => record.type === 'bitbucket')
  if (forgotten) await store.removeSecret(forgotten.id)
}
