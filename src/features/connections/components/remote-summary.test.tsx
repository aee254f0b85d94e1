// @vitest-environment jsdom
import { MantineProvider } from '@mantine/core'
import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { ConnectionRecord } from '@/storage/schema.ts'
import { connectionRecordWith } from '../../../../tests/utils/stored-connection.ts'
import { remoteFacts, remoteSentence } from '../remote-info.ts'
import { AccountCell } from './account-cell.tsx'

const HEAD = '06cba5d3bc9df60dd67f6d36a6fc11955eea551c'

function customGit(fields: Partial<ConnectionRecord> = {}): ConnectionRecord {
  return connectionRecordWith({
    type: 'custom-git',
    repositoryUrl: 'https://git.example.com/team/app.git',
    branch: 'feature/x',
    ...fields,
  })
}

function renderCell(record: ConnectionRecord) {
  return render(
    <MantineProvider env="test">
      <AccountCell record={record} />
    </MantineProvider>,
  )
}

describe('a Custom Git connection’s remote facts', () => {
  it('shows the branch head, the default branch and the ref count from the last check', () => {
    renderCell(customGit({ remote: { defaultBranch: 'main', headCommit: HEAD, refCount: 3001 } }))
    const summary = screen.getByTestId('remote-summary')
    expect(summary).toHaveTextContent('feature/x at 06cba5d')
    expect(summary).toHaveTextContent('Default branch main · 3,001 refs')
    expect(screen.getByTitle(HEAD)).toHaveTextContent('06cba5d')
  })

  it('shows a remote’s branch names as inert, visible text', () => {
    const record = customGit({
      branch: 'evil\u202Egnp.exe',
      remote: { defaultBranch: 'ma\u200Bin', headCommit: HEAD, refCount: 1 },
    })
    const facts = remoteFacts(record)!
    expect(remoteSentence(facts)).toBe(
      'branch evil\\u202Egnp.exe at 06cba5d, default branch ma\\u200Bin, 1 ref',
    )
    renderCell(record)
    expect(screen.getByTestId('remote-summary')).toHaveTextContent('evil\\u202Egnp.exe at')
  })

  it('says there is no account when no check has run', () => {
    renderCell(customGit({ verification: 'unverified', lastVerifiedAt: null }))
    expect(screen.getByText('No account (git remote)')).toBeInTheDocument()
    expect(remoteFacts(customGit())).toBeNull()
  })
})
