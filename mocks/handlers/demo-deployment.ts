/**
 * The simulated deployment demo mode talks to instead of a team's real services: the build-trigger
 * endpoint (`buildTriggerUrl`) and the webhook receiver that provider webhooks point at.
 *
 * `POST {DEMO_BUILD_TRIGGER_URL}` takes `{ source: { id, name }, repository: { id, fullName },
 * branch, commit: { sha, … } | null, triggeredBy, trigger: 'manual' | 'webhook' }` and answers
 * 202 `{ id, status: 'queued' }`, recording the request in mockState.buildRequests; a request
 * missing a field, or whose sha is not hex, gets 422 `{ message }`.
 *
 * `POST {DEMO_WEBHOOK_RECEIVER_URL}/*` answers 200 `{ ok: true }`, as a receiver that accepted
 * the delivery would.
 */
import { http, type RequestHandler } from 'msw'
import { DEMO_BUILD_TRIGGER_URL, DEMO_WEBHOOK_RECEIVER_URL } from '../demo-endpoints.ts'
import { mockState } from '../state.ts'
import { demoJson, jsonObject, preflight } from './demo-http.ts'

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function filled(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== ''
}

/** What is wrong with a build request, or null when it is complete. */
export function buildRequestProblem(body: Record<string, unknown>): string | null {
  const { source, repository, branch, commit, triggeredBy, trigger } = body
  if (!isRecord(source) || !filled(source.id) || !filled(source.name)) {
    return 'source.id and source.name are required.'
  }
  if (!isRecord(repository) || !filled(repository.id) || !filled(repository.fullName)) {
    return 'repository.id and repository.fullName are required.'
  }
  if (!filled(branch)) return 'branch is required.'
  if (commit !== null) {
    if (!isRecord(commit)) return 'commit must be an object with a sha, or null.'
    // SHA-1 (40) or SHA-256 (64) object names, or an abbreviation of one.
    if (typeof commit.sha !== 'string' || !/^[0-9a-f]{7,64}$/i.test(commit.sha)) {
      return 'commit.sha must be a hexadecimal commit id.'
    }
  }
  if (!filled(triggeredBy)) return 'triggeredBy is required.'
  if (trigger !== 'manual' && trigger !== 'webhook') {
    return "trigger must be 'manual' or 'webhook'."
  }
  return null
}

export const demoDeploymentHandlers: RequestHandler[] = [
  preflight(DEMO_BUILD_TRIGGER_URL),
  http.post(DEMO_BUILD_TRIGGER_URL, async ({ request }) => {
    const body = await jsonObject(request)
    if (!body) return demoJson({ message: 'The body must be a JSON object.' }, 422)
    const problem = buildRequestProblem(body)
    if (problem) return demoJson({ message: problem }, 422)
    const id = `demo-build-${mockState.buildRequests.length + 1}`
    mockState.buildRequests.push({ id, receivedAt: new Date().toISOString(), body })
    return demoJson({ id, status: 'queued' }, 202)
  }),
  preflight(`${DEMO_WEBHOOK_RECEIVER_URL}/*`),
  http.post(`${DEMO_WEBHOOK_RECEIVER_URL}/*`, () => demoJson({ ok: true }, 200)),
]
