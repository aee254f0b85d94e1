/**
 * Requests a build from the deployment's build-trigger endpoint (`buildTriggerUrl` in config.json).
 * The endpoint belongs to the team that hosts the app, not to a git provider: it gets the source,
 * repository, branch, commit and who asked, and never a token (no Authorization header, no
 * cookies). Whatever happens becomes an outcome with a sentence; this never throws.
 */
export interface BuildRequest {
  source: { id: string; name: string }
  repository: { id: string; fullName: string }
  branch: string
  commit: { sha: string; message: string | null; author: string | null } | null
  trigger: 'manual' | 'webhook'
  triggeredBy: string
}

export interface BuildOutcome {
  state: 'accepted' | 'rejected' | 'failed' | 'not-configured'
  /** The endpoint's HTTP status; null when it was not reached or not configured. */
  status: number | null
  message: string
}

/**
 * The outcome of a Trigger Build that stopped before anything was sent to the endpoint: the
 * remote or its proxy did not answer, the token was refused, the branch could not be read. It is
 * recorded like any other, with `why` (a sentence that says what to do) as its message.
 */
export function notSent(why: string): BuildOutcome {
  return { state: 'failed', status: null, message: `Nothing was sent. ${why}` }
}

const TIMEOUT_MS = 15_000
/** An endpoint's own words are shown, but not a whole error page. */
const MAX_MESSAGE = 300

export async function requestBuild(
  url: string | null,
  request: BuildRequest,
  signal?: AbortSignal,
): Promise<BuildOutcome> {
  if (url === null) {
    return {
      state: 'not-configured',
      status: null,
      message:
        'Nothing was sent: this deployment has no build-trigger URL. Its config.json needs buildTriggerUrl.',
    }
  }
  const host = new URL(url).host
  let response: Response
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(request),
      credentials: 'omit',
      signal: signal
        ? AbortSignal.any([signal, AbortSignal.timeout(TIMEOUT_MS)])
        : AbortSignal.timeout(TIMEOUT_MS),
    })
  } catch (error) {
    if (error instanceof DOMException && error.name === 'TimeoutError') {
      return {
        state: 'failed',
        status: null,
        message: `${host} did not answer within 15 seconds. Try again, or ask whoever runs it whether it is up.`,
      }
    }
    return {
      state: 'failed',
      status: null,
      message: `${host} could not be reached: this browser is offline, the endpoint is down, or it does not allow requests from this page (CORS). Nothing was built.`,
    }
  }
  const said = await endpointMessage(response)
  if (response.ok) {
    return {
      state: 'accepted',
      status: response.status,
      message: `${host} accepted the build request (${response.status})${said ? `: “${said}”` : '.'}`,
    }
  }
  return {
    state: 'rejected',
    status: response.status,
    message: `${host} refused the build request (${response.status})${said ? `: “${said}”` : '.'}`,
  }
}

/** The `message` (or `status`) of a JSON answer, else a short plain-text body. */
async function endpointMessage(response: Response): Promise<string | null> {
  let text: string
  try {
    text = await response.text()
  } catch {
    return null
  }
  let said: string = text
  try {
    const body: unknown = JSON.parse(text)
    if (typeof body === 'object' && body !== null) {
      const fields = body as Record<string, unknown>
      const value = fields.message ?? fields.status
      said = typeof value === 'string' ? value : ''
    }
  } catch {
    // Not JSON: plain text is shown as is, HTML is not.
    if (/^\s*</.test(text)) said = ''
  }
  said = said.trim().slice(0, MAX_MESSAGE)
  return said || null
}
