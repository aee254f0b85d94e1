// @vitest-environment jsdom
import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { ConnectionRecord } from '@/storage/schema.ts'
import { renderPage } from '../../../../tests/utils/render.tsx'
import { connectionRecordWith } from '../../../../tests/utils/stored-connection.ts'
import { ConnectionTable } from './connection-table.tsx'
import { ForgetTokensModal } from './forget-tokens-modal.tsx'
import { savedNotice } from './saved-notice.tsx'

/** RIGHT-TO-LEFT OVERRIDE: what follows it displays reversed ("gnp.exe" reads "exe.png"). */
const RLO = '\u202E'
const RAW_BIDI = /[\u202A-\u202E\u2066-\u2069]/

/** A connection whose name came from an import file and whose login from a hostile server. */
function hostile(): ConnectionRecord {
  return connectionRecordWith({
    name: `Acme ${RLO}SEHG`,
    account: {
      id: '42',
      login: `mal${RLO}lory`,
      displayName: `Mal${RLO}ory <b>x</b>`,
      avatarUrl: null,
      emails: [],
    },
  })
}

describe('provider and person text in the connections list and its dialogs', () => {
  it('shows the name, login and display name with the override as a visible escape', () => {
    const record = hostile()
    renderPage(<ConnectionTable connections={[{ record, hasSecret: true }]} onDelete={() => {}} />)
    const table = screen.getByRole('table', { name: 'Connections' })
    expect(table.textContent).not.toMatch(RAW_BIDI)
    expect(within(table).getByText('Acme \\u202ESEHG')).toBeInTheDocument()
    expect(within(table).getByText('mal\\u202Elory')).toBeInTheDocument()
    expect(within(table).getByText('Mal\\u202Eory <b>x</b>')).toBeInTheDocument()
    // Isolated, so that right-to-left text cannot reorder the app's words around it.
    expect(within(table).getByText('mal\\u202Elory').tagName).toBe('BDI')
    // The buttons' names too: a screen reader reads the escape, not reversed text.
    expect(screen.getByRole('button', { name: 'Edit Acme \\u202ESEHG' })).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Browse Acme \\u202ESEHG' })).toBeInTheDocument()
  })

  it('lists the name inert in the forget-tokens dialog', () => {
    renderPage(
      <ForgetTokensModal
        withTokens={[{ record: hostile(), hasSecret: true }]}
        onClose={() => {}}
        onForgotten={() => {}}
      />,
    )
    const dialog = screen.getByRole('dialog')
    expect(dialog.textContent).toContain('Acme \\u202ESEHG')
    expect(dialog.textContent).not.toMatch(RAW_BIDI)
  })

  it('says the save toast with the name and login inert', () => {
    const { message } = savedNotice(hostile(), false)
    renderPage(<p data-testid="toast">{message}</p>)
    const toast = screen.getByTestId('toast')
    expect(toast).toHaveTextContent('“Acme \\u202ESEHG” is connected as mal\\u202Elory.')
    expect(toast.textContent).not.toMatch(RAW_BIDI)
  })
})
