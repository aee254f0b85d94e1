/**
 * Pages that follow Bitbucket's `next` links: the cursor is the link (as a path under the API),
 * requested verbatim; the first page is built from the caller's query.
 */
import { z } from 'zod'
import type { HttpClient, Validate } from '../http.ts'
import { nextPath } from './client.ts'
import { decodeCursor, encodeCursor } from '../cursor.ts'

const NextCursor = z.object({ n: z.string() })

interface Envelope<T> {
  values: T[]
  skipped?: number
  size?: number | undefined
  next?: string | null | undefined
}

export interface LinkedPage<T> {
  values: T[]
  /** True on the page the caller's query built, false when following a cursor. */
  first: boolean
  nextCursor: string | null
  size: number | null
  /** Items on the page that could not be read. */
  skipped: number
}

export async function linkedPage<T>(
  api: HttpClient,
  request: {
    path: string
    query: Record<string, string | number | undefined>
    cursor: string | null | undefined
    validate: Validate<Envelope<T>>
    signal: AbortSignal | undefined
  },
): Promise<LinkedPage<T>> {
  const cursor = decodeCursor(request.cursor, NextCursor)
  const { validate, signal } = request
  const { data } =
    cursor === null
      ? await api.getJson(request.path, { validate, query: request.query, signal })
      : await api.getJson(cursor.n, { validate, signal })
  const next = nextPath(data.next)
  return {
    values: data.values,
    first: cursor === null,
    nextCursor: next === null ? null : encodeCursor({ n: next }),
    size: data.size ?? null,
    skipped: data.skipped ?? 0,
  }
}
