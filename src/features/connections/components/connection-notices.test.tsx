// @vitest-environment jsdom
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { connectionRecordWith } from '../../../../tests/utils/stored-connection.ts'
import { ConnectionNotices, noticesSummary } from './connection-notices.tsx'

const NO_REPO_SCOPE_NOTICE =
  'The token has no repo scope: private repositories will not be listed and release webhooks cannot be created.'

describe('a connection’s notices', () => {
  it('shows nothing when the check had nothing to say', () => {
    const { container } = render(<ConnectionNotices record={connectionRecordWith()} />)
    expect(container).toBeEmptyDOMElement()
  })

  it('folds them under a count, and unfolds them with what to do', async () => {
    const record = connectionRecordWith({
      notices: [
        NO_REPO_SCOPE_NOTICE,
        'The account is not a member of the workspace “x\u202Eevil”.',
      ],
    })
    render(<ConnectionNotices record={record} />)
    const summary = screen.getByText('2 things to check')
    expect(screen.getByText(NO_REPO_SCOPE_NOTICE)).not.toBeVisible()
    await userEvent.setup().click(summary)
    expect(screen.getByText(NO_REPO_SCOPE_NOTICE)).toBeVisible()
    // Provider- and person-supplied text is shown inert: the override as a visible escape.
    expect(screen.getByText(/workspace “x\\u202Eevil”/)).toBeVisible()
    expect(screen.getByText(/Edit the connection to enter a token/)).toBeVisible()
  })

  it('sums them up in one sentence for the save toast', () => {
    expect(noticesSummary([])).toBeNull()
    expect(noticesSummary(['One.'])).toBe('One.')
    expect(noticesSummary(['One.', 'Two.', 'Three.'])).toBe(
      'One. (and 2 more on the connection’s row)',
    )
  })
})
