import { displayText } from './display-text.ts'

/** Names are at most 80 characters; escapes lengthen them, so a little room on top. */
export const NAME_LIMIT = 100

/**
 * A value a provider, a file or another person supplied (an account login, a connection's name),
 * set inside the app's own words: hidden and reordering characters shown as escapes, clipped, and
 * isolated in a `<bdi>` so that right-to-left text cannot reorder the sentence around it.
 */
export function Inert({ value, limit = NAME_LIMIT }: { value: string; limit?: number }) {
  const shown = displayText(value, limit)
  return <bdi title={shown.clipped ? shown.full : undefined}>{shown.text}</bdi>
}

/** The same value as plain text, for an `aria-label`, an option label or a `title`. */
export function inertText(value: string, limit = NAME_LIMIT): string {
  return displayText(value, limit).text
}
