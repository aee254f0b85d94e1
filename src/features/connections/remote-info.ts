/**
 * What a Custom Git remote said about itself at the connection's last check, in words: the
 * connection's branch and the commit at its tip, the remote's default branch and how many refs it
 * has. Branch names come from the remote, so they go through displayText.
 */
import { displayText, type ShownText } from '@/lib/display-text.ts'
import type { ConnectionRecord } from '@/storage/schema.ts'

export interface RemoteFacts {
  branch: ShownText
  /** The short form people know from git log; the full id is in `commit`. */
  shortCommit: string
  commit: string
  /** Null when the remote names no default branch (HEAD detached or unborn). */
  defaultBranch: ShownText | null
  refs: string
}

export function remoteFacts(record: ConnectionRecord): RemoteFacts | null {
  if (record.type !== 'custom-git' || !record.remote) return null
  const { headCommit, defaultBranch, refCount } = record.remote
  return {
    branch: displayText(record.branch, 80),
    shortCommit: headCommit.slice(0, 7),
    commit: headCommit,
    defaultBranch: defaultBranch === null ? null : displayText(defaultBranch, 80),
    refs: `${refCount.toLocaleString('en')} ${refCount === 1 ? 'ref' : 'refs'}`,
  }
}

/** One sentence for the saved notice: "branch develop at 493f4b8, default branch main, 9 refs". */
export function remoteSentence(facts: RemoteFacts): string {
  const defaultBranch = facts.defaultBranch
    ? `default branch ${facts.defaultBranch.text}`
    : 'no default branch named'
  return `branch ${facts.branch.text} at ${facts.shortCommit}, ${defaultBranch}, ${facts.refs}`
}
