/**
 * Lists read item by item: one item a provider sends in a shape we cannot read (a field its spec
 * allows to be missing that we did not expect, a new kind of object) is left out and counted, and
 * the rest of the page still reaches the person. Only the envelope (an array where a list should
 * be) fails the whole answer.
 */
import { z } from 'zod'

export interface ParsedItems<T> {
  items: T[]
  /** How many items could not be read and were left out. */
  skipped: number
}

export function parseItems<S extends z.ZodType>(
  schema: S,
  data: readonly unknown[],
): ParsedItems<z.output<S>> {
  const items: z.output<S>[] = []
  let skipped = 0
  for (const entry of data) {
    const result = schema.safeParse(entry)
    if (result.success) items.push(result.data)
    else skipped++
  }
  return { items, skipped }
}

/** An array whose items are parsed one by one: `{ items, skipped }` instead of failing. */
export function itemsOf<S extends z.ZodType>(schema: S) {
  return z.array(z.unknown()).transform((data) => parseItems(schema, data))
}

/** Adds up what several pages (or several lists) left out. */
export function skippedIn(...parts: readonly ({ skipped?: number | undefined } | undefined)[]) {
  return parts.reduce((sum, part) => sum + (part?.skipped ?? 0), 0)
}

/** `Page.skipped` when something was left out; absent (meaning 0) otherwise. */
export function skippedPart(skipped: number): { skipped?: number } {
  return skipped > 0 ? { skipped } : {}
}
