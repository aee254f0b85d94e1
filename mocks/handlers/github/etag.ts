/** JSON answers with an ETag, and GitHub's 304 for a conditional request that matches it. */
import { HttpResponse } from 'msw'
import { demoSha } from '../../data/catalog.ts'
import type { Context } from './context.ts'
import { githubHeaders, type RateResource } from './headers.ts'

/** A small, stable hash for ETags (FNV-1a over the body, as 40 hex via demoSha). */
function etagOf(text: string): string {
  return `W/"${demoSha('etag', text)}"`
}

/**
 * A JSON answer to a GET, with an `ETag`; a request whose `If-None-Match` names that ETag gets an
 * empty 304 instead, as GitHub does (and a 304 costs no quota there).
 */
export function jsonWithEtag(
  context: Context,
  body: unknown,
  options: { link?: string | null; resource?: RateResource } = {},
): Response {
  const text = JSON.stringify(body)
  const etag = etagOf(text)
  const headers = githubHeaders(context.site, context.token, options.resource)
  headers.set('etag', etag)
  const sent = context.request.headers.get('if-none-match')
  if (sent && sent.split(',').some((candidate) => candidate.trim() === etag)) {
    return new HttpResponse(null, { status: 304, headers })
  }
  if (options.link) headers.set('link', options.link)
  headers.set('content-type', 'application/json; charset=utf-8')
  return new HttpResponse(text, { status: 200, headers })
}
