import { Inert } from '@/lib/inert-text.tsx'
import type { ConnectionRecord } from '@/storage/schema.ts'

/**
 * “Name” is connected as login. The name is a person's or an import file's, the login the
 * provider's: both shown inert (lib/inert-text.tsx), here and in the toasts that say it.
 */
export function ConnectedAs({ record }: { record: ConnectionRecord }) {
  return (
    <>
      “<Inert value={record.name} />” is connected
      {record.account ? (
        <>
          {' '}
          as <Inert value={record.account.login} />
        </>
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
  return { color: 'green', title, message: <ConnectedAs record={record} /> }
}
