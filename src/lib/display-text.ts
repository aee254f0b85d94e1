/**
 * Text a provider sends (repository names, descriptions, commit subjects, author names, branch
 * and tag names) shown on one line. React already escapes HTML; what is left is what a person
 * reads:
 *
 * - Bidi controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C) can make a name display
 *   reversed or reorder what follows it ("Trojan Source"); invisible characters (U+200B, U+2060,
 *   U+FEFF, U+00AD) and line/paragraph separators hide differences; C0/C1 controls and DEL show as
 *   nothing. Each is shown as a visible escape, `\u202E`, so the text reads in logical order and
 *   the trick is plain to see. Tabs stay (they read as a space). Joiners (U+200C, U+200D) stay:
 *   emoji and Persian need them.
 * - Very long values are clipped (with "…"): the row keeps its height and the DOM its size; the
 *   caller puts the whole (escaped) text in a `title`.
 *
 * Callers also isolate inline values (`<bdi>`, or a block of their own) so that right-to-left
 * names cannot reorder the app's own words around them.
 */

const HIDDEN =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u00ad\u061c\u200b\u200e\u200f\u2028-\u202e\u2060\u2066-\u2069\ufeff]/g

/** Where a shown value is clipped, in characters, unless the caller says otherwise. */
export const DISPLAY_LIMIT = 300

/** Every hidden or reordering character as a visible `\uXXXX` escape. */
export function revealHidden(text: string): string {
  return text.replace(
    HIDDEN,
    (char) => `\\u${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
  )
}

/** At most `limit` characters (never half a surrogate pair), with "…" when something was cut. */
export function clip(text: string, limit: number): string {
  if (text.length <= limit) return text
  let end = limit
  const last = text.charCodeAt(end - 1)
  if (last >= 0xd800 && last <= 0xdbff) end -= 1
  return `${text.slice(0, end)}…`
}

export interface ShownText {
  /** What the page shows: escaped and clipped. */
  text: string
  /** The whole value, escaped, for a `title`. */
  full: string
  clipped: boolean
}

/** A provider's value ready to be shown on one line. */
export function displayText(value: string, limit = DISPLAY_LIMIT): ShownText {
  const full = revealHidden(value)
  const text = clip(full, limit)
  return { text, full, clipped: text !== full }
}

/** Two letters for an avatar's fallback, hidden characters left out. */
export function initialsOf(name: string): string {
  const letters = new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(
    name.replace(HIDDEN, '').trim(),
  )
  let initials = ''
  let count = 0
  for (const { segment } of letters) {
    initials += segment
    if (++count >= 2) break
  }
  return initials.toUpperCase()
}
