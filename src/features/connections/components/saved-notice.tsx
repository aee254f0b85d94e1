import { Inert } from '@/lib/inert-text.tsx'
import type { ConnectionRecord } from '@/storage/schema.ts'
import { remoteFacts, remoteSentence } from '../remote-info.ts'
import { noticesSummary } from './connection-notices.tsx'

/**
 * “Name” is connected as login. The name is a person's or an import file's, the login the
 * provider's: both shown inert (lib/inert-text.tsx), here and in the toasts that say it. A Custom
 * Git remote has no account: what it told about itself is said instead.
 */
export function ConnectedAs({ record }: { record: ConnectionRecord }) {
  const facts = remoteFacts(record)
  return (
    <>
      “<Inert value={record.name} />” is connected
      {record.account ? (
        <>
          {' '}
          as <Inert value={record.account.login} />
        </>
      ) : facts ? (
        `: ${remoteSentence(facts)}`
      ) : null}
      .
    </>
  )
}

/** The toast after a save from the panel, typed or signed in. */
export function savedNotice(record: ConnectionRecord, edited: boolean) {
  const title = edited ? 'Connection updated' : 'Connection created'
  if (record.verification === 'unverified') {
    return {
      color: 'orange',
      title,
      message: (
        <>
          “<Inert value={record.name} />” was saved without verifying; it will be checked when it is
          first used.
        </>
      ),
    }
  }
  // What the check found worth saying (a scope missing…) is said now, not only on the row.
  const notices = noticesSummary(record.notices)
  return {
    color: notices ? 'yellow' : 'green',
    title,
    message: (
      <>
        <ConnectedAs record={record} />
        {notices ? ` ${notices}` : null}
      </>
    ),
  }
}
