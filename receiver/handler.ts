/**
 * The receiver as one fetch handler, `(request) => Promise<Response>`, for Node (node.ts adapts
 * node:http) and Workers-style platforms. Routes (contract v1, README "Webhook receiver"):
 * POST /v1/sources, DELETE /v1/sources/:id, GET /v1/sources/:id/builds (CORS for the app's
 * origin only) and POST /v1/deliveries/:id (providers; no CORS). Past 250 lines because the
 * routes and their refusals read best side by side.
 */
import { tagMatcher, tagPatternProblem } from '../src/features/release-sources/tag-pattern.ts'
import { deliveryId, readEvent } from './events.ts'
import type { ReceiverStorage } from './storage.ts'
import {
  familyOf,
  PROVIDER_TYPES,
  type DeliveryRecord,
  type ProviderType,
  type ReceiverSettings,
  type RefusalReason,
  type SourceRecord,
} from './types.ts'
import { constantTimeEqual, deliveryIsSigned } from './verify.ts'

export const CONTRACT_VERSION = 1
const ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/
const HOST = /^[a-z0-9.-]+(?::\d{1,5})?$/i
const encoder = new TextEncoder()

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers },
  })
}
const problem = (status: number, message: string, extra: Record<string, unknown> = {}) =>
  json(status, { version: CONTRACT_VERSION, error: message, ...extra })

function newSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32))
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')
}

/** Reads at most `limit` bytes; null when the body is longer, without reading the rest. */
async function readLimited(
  request: Request,
  limit: number,
): Promise<Uint8Array<ArrayBuffer> | null> {
  const declared = Number(request.headers.get('content-length') ?? '0')
  if (declared > limit) return null
  if (!request.body) return new Uint8Array()
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > limit) {
      await reader.cancel()
      return null
    }
    chunks.push(value)
  }
  const body = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    body.set(chunk, offset)
    offset += chunk.byteLength
  }
  return body
}

/** Whether the deployer's allow-list lets this host and repository register. */
export function allowed(allow: string[], host: string, repository: string): boolean {
  const target = `${host}/${repository}`.toLowerCase()
  return allow.some((entry) => {
    const prefix = entry.toLowerCase().replace(/\/+$/, '')
    return target === prefix || target.startsWith(`${prefix}/`)
  })
}

interface Registration {
  id: string
  provider: ProviderType
  host: string
  repository: string
  branch: string
  tagPattern: string | null
}

/** The registration's fields, or a sentence per bad field (keyed by field, for the form). */
function readRegistration(
  body: unknown,
): { ok: true; value: Registration } | { ok: false; problems: Record<string, string> } {
  const input = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {}
  const problems: Record<string, string> = {}
  const str = (key: string) => (typeof input[key] === 'string' ? input[key] : '')
  if (!ID.test(str('id'))) problems.id = 'Send the source id: letters, digits, - or _, up to 100.'
  if (!(PROVIDER_TYPES as readonly string[]).includes(str('provider'))) {
    problems.provider = `Send one of: ${PROVIDER_TYPES.join(', ')}.`
  }
  if (!HOST.test(str('host'))) problems.host = 'Send the provider host name, e.g. github.com.'
  if (!/^[^/\s]+(?:\/[^/\s]+)+$/.test(str('repository'))) {
    problems.repository = 'Send the repository as owner/name (GitLab: group/…/project).'
  }
  if (str('branch').trim() === '') problems.branch = 'Send the branch the source builds.'
  const pattern = input.tagPattern ?? null
  if (pattern !== null) {
    const why = typeof pattern === 'string' ? tagPatternProblem(pattern) : 'Send a glob or null.'
    if (why !== null) problems.tagPattern = why
  }
  if (Object.keys(problems).length > 0) return { ok: false, problems }
  const value: Registration = {
    id: str('id'),
    provider: str('provider') as ProviderType,
    host: str('host').toLowerCase(),
    repository: str('repository'),
    branch: str('branch'),
    tagPattern: pattern as string | null,
  }
  return { ok: true, value }
}

/** The current secret as `Authorization: Bearer <secret>`: who registered a source manages it. */
function holdsSecret(request: Request, source: SourceRecord): boolean {
  const given = /^Bearer (.+)$/.exec(request.headers.get('authorization') ?? '')?.[1] ?? ''
  return constantTimeEqual(encoder.encode(given), encoder.encode(source.secret))
}

export function createReceiver(settings: ReceiverSettings, storage: ReceiverStorage) {
  function cors(request: Request): Record<string, string> {
    const origin = request.headers.get('origin')
    if (settings.appOrigin === null || origin !== settings.appOrigin) return {}
    return {
      'access-control-allow-origin': origin,
      'access-control-allow-methods': 'GET, POST, DELETE',
      'access-control-allow-headers': 'authorization, content-type',
      'access-control-max-age': '600',
      vary: 'Origin',
    }
  }

  async function register(request: Request, base: string): Promise<Response> {
    const raw = await readLimited(request, 16_384)
    if (raw === null) return problem(413, 'The registration is too large.')
    let body: unknown
    try {
      body = JSON.parse(new TextDecoder().decode(raw))
    } catch {
      return problem(400, 'Send the registration as JSON.')
    }
    const registration = readRegistration(body)
    if (!registration.ok) {
      return problem(400, 'Some fields need fixing.', { fields: registration.problems })
    }
    const input = registration.value
    if (!allowed(settings.allow, input.host, input.repository)) {
      return problem(
        403,
        `This receiver does not build ${input.host}/${input.repository}: ask whoever runs it to add it to RECEIVER_ALLOW.`,
      )
    }
    const existing = await storage.getSource(input.id)
    if (existing && !holdsSecret(request, existing)) {
      return problem(
        409,
        'A source with this id is registered: send its current secret as Authorization: Bearer to register it again.',
      )
    }
    const source: SourceRecord = {
      ...input,
      secret: newSecret(),
      registeredAt: new Date().toISOString(),
    }
    await storage.putSource(source)
    return json(existing ? 200 : 201, {
      version: CONTRACT_VERSION,
      id: source.id,
      deliveryUrl: `${base}/v1/deliveries/${encodeURIComponent(source.id)}`,
      secret: source.secret,
      registeredAt: source.registeredAt,
    })
  }

  async function requestBuild(source: SourceRecord, tag: string, commit: string | null) {
    try {
      const response = await fetch(settings.buildEndpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          source: { id: source.id },
          repository: { provider: source.provider, host: source.host, fullName: source.repository },
          tag,
          commit,
          trigger: 'webhook',
        }),
        signal: AbortSignal.timeout(15_000),
      })
      return response.status
    } catch {
      return null
    }
  }

  async function deliver(request: Request, source: SourceRecord | null): Promise<Response> {
    // Unknown and removed sources are answered alike, and nothing is kept for them.
    if (source === null) return problem(404, 'No such source: it was never registered or removed.')
    const family = familyOf(source.provider)
    const received = new Date().toISOString()
    const refuse = async (
      status: number,
      reason: RefusalReason,
      fields: Partial<DeliveryRecord>,
    ): Promise<Response> => {
      const record: DeliveryRecord = {
        deliveryId: '',
        receivedAt: received,
        event: null,
        tag: null,
        commit: null,
        outcome: 'refused',
        reason,
        buildStatus: null,
        ...fields,
      }
      await storage.addDelivery(source.id, record)
      return problem(status, `Refused: ${reason}.`, { reason })
    }
    const raw = await readLimited(request, settings.maxBodyBytes)
    if (raw === null) return refuse(413, 'oversize', {})
    // The signature is checked before the body is parsed, so a forgery costs only an HMAC.
    if (!(await deliveryIsSigned(family, request.headers, raw, source.secret))) {
      return refuse(401, 'signature', {})
    }
    let body: unknown
    try {
      body = JSON.parse(new TextDecoder().decode(raw))
    } catch {
      return refuse(400, 'malformed', {})
    }
    const id = await deliveryId(family, request.headers, body, raw)
    if ((await storage.deliveries(source.id)).some((seen) => seen.deliveryId === id)) {
      return refuse(409, 'replay', { deliveryId: id })
    }
    const { event, tags } = readEvent(family, request.headers, body)
    if (tags.length === 0) return refuse(202, 'not-release-event', { deliveryId: id, event })
    const matches = tagMatcher(source.tagPattern)
    const wanted = tags.filter(({ tag }) => matches(tag))
    const first = tags[0]
    if (wanted.length === 0) {
      return refuse(202, 'tag-mismatch', { deliveryId: id, event, tag: first?.tag ?? null })
    }
    const results = []
    for (const { tag, commit } of wanted) {
      const status = await requestBuild(source, tag, commit)
      const ok = status !== null && status >= 200 && status < 300
      const record: DeliveryRecord = {
        deliveryId: id,
        receivedAt: received,
        event,
        tag,
        commit,
        outcome: ok ? 'build-requested' : 'refused',
        reason: ok ? null : 'build-failed',
        buildStatus: status,
      }
      await storage.addDelivery(source.id, record)
      results.push(record)
    }
    return json(202, { version: CONTRACT_VERSION, builds: results })
  }

  return async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url)
    const base = (settings.publicUrl ?? url.origin).replace(/\/+$/, '')
    const delivery = /^\/v1\/deliveries\/([^/]+)$/.exec(url.pathname)
    if (delivery?.[1] !== undefined) {
      if (request.method !== 'POST') return problem(405, 'Deliveries are POSTed.')
      return deliver(request, await storage.getSource(decodeURIComponent(delivery[1])))
    }
    const sources = /^\/v1\/sources(?:\/([^/]+)(\/builds)?)?$/.exec(url.pathname)
    if (!sources)
      return problem(404, 'Not a receiver route (contract v1: /v1/sources, /v1/deliveries).')
    const headers = cors(request)
    const withCors = (response: Response) => {
      for (const [name, value] of Object.entries(headers)) response.headers.set(name, value)
      return response
    }
    if (request.method === 'OPTIONS') return new Response(null, { status: 204, headers })
    const [, rawId, builds] = sources
    if (rawId === undefined) {
      if (request.method !== 'POST') return withCors(problem(405, 'Register with POST.'))
      return withCors(await register(request, base))
    }
    const source = await storage.getSource(decodeURIComponent(rawId))
    if (source === null || !holdsSecret(request, source)) {
      return withCors(problem(404, 'No such source, or the Authorization secret is not its own.'))
    }
    if (builds && request.method === 'GET') {
      return withCors(
        json(200, { version: CONTRACT_VERSION, deliveries: await storage.deliveries(source.id) }),
      )
    }
    if (!builds && request.method === 'DELETE') {
      await storage.deleteSource(source.id)
      return withCors(new Response(null, { status: 204 }))
    }
    return withCors(problem(405, 'Use DELETE /v1/sources/:id or GET /v1/sources/:id/builds.'))
  }
}
