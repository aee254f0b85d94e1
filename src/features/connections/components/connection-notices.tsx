/**
 * What the last check with the provider had to say that did not block saving (a token without
 * the `repo` scope, a workspace the account is not in, a server that speaks an older REST API):
 * shown on the connection's row, folded, so the list stays one line per connection.
 *
 * A native disclosure, not a popover: the connections page is the first load, and a popover would
 * bring Floating UI into it.
 */
import { IconAlertTriangle } from '@tabler/icons-react'
import { displayText } from '@/lib/display-text.ts'
import type { ConnectionRecord } from '@/storage/schema.ts'

export function ConnectionNotices({ record }: { record: ConnectionRecord }) {
  const { notices } = record
  if (notices.length === 0) return null
  const count = notices.length === 1 ? '1 thing to check' : `${notices.length} things to check`
  return (
    <details className="connection-notices" data-testid="connection-notices">
      <summary>
        <IconAlertTriangle size={14} aria-hidden="true" className="connection-notices-icon" />
        {count}
      </summary>
      <ul>
        {notices.map((notice) => (
          <li key={notice}>{displayText(notice, 600).text}</li>
        ))}
      </ul>
      <p>{nextStep(record)}</p>
    </details>
  )
}

/** What the person can do about it from here. */
function nextStep(record: ConnectionRecord): string {
  return record.authMethod === 'oauth'
    ? 'Edit the connection to sign in again with other permissions, or keep it as it is.'
    : 'Edit the connection to enter a token with what is missing, or keep it as it is.'
}

/** The notices in one sentence for a toast: the first in full, then how many more. */
export function noticesSummary(notices: readonly string[]): string | null {
  const [first] = notices
  if (first === undefined) return null
  const shown = displayText(first, 300).text
  const more = notices.length - 1
  return more === 0 ? shown : `${shown} (and ${more} more on the connection’s row)`
}
