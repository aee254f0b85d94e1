import { Alert } from '@mantine/core'

interface Props {
  /** How many items the provider sent that could not be read (Page.skipped, summed). */
  count: number
  /** The item's name, singular and plural: ['repository', 'repositories']. */
  noun: readonly [one: string, many: string]
}

/**
 * Says that some items of a list were left out because the provider sent them in a form this app
 * could not read, so that a shorter list is never taken for the whole one.
 */
export function SkippedNotice({ count, noun }: Props) {
  if (count <= 0) return null
  const [one, many] = noun
  const subject =
    count === 1
      ? `1 ${one} could not be shown`
      : `${count.toLocaleString()} ${many} could not be shown`
  return (
    <Alert color="yellow" variant="light" role="status" title={subject}>
      The provider sent {count === 1 ? 'it' : 'them'} in a form this app cannot read, so{' '}
      {count === 1 ? 'it is' : 'they are'} left out of this list; the others are complete. Open the
      provider’s own page to see {count === 1 ? 'it' : 'them'}, and report it if it keeps happening.
    </Alert>
  )
}

/** Everything the pages loaded so far left out. */
export function skippedOf(pages: readonly { skipped?: number }[]): number {
  return pages.reduce((sum, page) => sum + (page.skipped ?? 0), 0)
}
