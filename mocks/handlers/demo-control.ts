/**
 * Demo-only controls, so that the UI and Playwright can make a simulated provider do what only the
 * provider's own users could: `POST {DEMO_CONTROL_URL}/releases` publishes a release (see
 * mocks/simulate-release.ts).
 *
 * Body: `{ provider: 'github' | 'gitlab' | 'bitbucket' | 'azure-devops', repository, tag,
 * name?, sha? }`, `repository` as the provider addresses it (MockWebhook.repository).
 * Answers 201 `{ tag, sha, deliveries }` (how many webhook deliveries it caused), or 400
 * `{ message }`.
 */
import { http, type RequestHandler } from 'msw'
import type { DemoProvider } from '../data/catalog.ts'
import { DEMO_CONTROL_URL } from '../demo-endpoints.ts'
import { simulateRelease, SimulationError } from '../simulate-release.ts'
import { demoJson, jsonObject, preflight } from './demo-http.ts'

const PROVIDERS: readonly DemoProvider[] = ['github', 'gitlab', 'bitbucket', 'azure-devops']

function isProvider(value: unknown): value is DemoProvider {
  return PROVIDERS.some((provider) => provider === value)
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined
}

function badRequest(message: string): Response {
  return demoJson({ message }, 400)
}

const RELEASES_URL = `${DEMO_CONTROL_URL}/releases`

export const demoControlHandlers: RequestHandler[] = [
  preflight(RELEASES_URL),
  http.post(RELEASES_URL, async ({ request }) => {
    const body = await jsonObject(request)
    if (!body) return badRequest('The body must be a JSON object.')
    const { provider, repository, tag } = body
    if (!isProvider(provider)) {
      return badRequest(`provider must be one of ${PROVIDERS.join(', ')}.`)
    }
    if (typeof repository !== 'string' || repository.trim() === '') {
      return badRequest('repository is required: the repository as the provider addresses it.')
    }
    if (typeof tag !== 'string' || tag.trim() === '') return badRequest('tag is required.')
    const name = optionalString(body.name)
    const sha = optionalString(body.sha)
    try {
      const result = simulateRelease({
        provider,
        repository,
        tag,
        ...(name === undefined ? {} : { name }),
        ...(sha === undefined ? {} : { sha }),
      })
      return demoJson(
        { tag: result.tag.name, sha: result.tag.sha, deliveries: result.deliveries.length },
        201,
      )
    } catch (error) {
      if (error instanceof SimulationError) return badRequest(error.message)
      throw error
    }
  }),
]
