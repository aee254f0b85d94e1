/**
 * REST API version negotiation for Azure DevOps Server. Services takes 7.1; Server 2022 stops at
 * 7.0, 2020 at 6.0 (or 6.1), 2019 at 5.0/5.1
 * (https://learn.microsoft.com/en-us/azure/devops/integrate/concepts/rest-api-versioning).
 * A too-new version gets a 400 VssVersionOutOfRangeException whose message names the newest one
 * the server takes: "The requested REST API version of 7.1 is out of range for this server. The
 * latest REST API version this server supports is 6.0."
 */
import { isProviderError, ProviderError } from '../errors.ts'

export const PREFERRED_API_VERSION = '7.1'
/** Tried in order when the server does not name its version. */
const LADDER = ['7.1', '7.0', '6.0', '5.0']

export function isOutOfRange(error: unknown): error is ProviderError {
  return (
    isProviderError(error) &&
    error.status === 400 &&
    /out of range/i.test(error.providerMessage ?? '')
  )
}

/** The version named in an out-of-range message, if any. */
export function supportedApiVersion(message: string): string | null {
  return /supports is (\d+\.\d+)/i.exec(message)?.[1] ?? null
}

function older(a: string, b: string): boolean {
  const [aMajor = 0, aMinor = 0] = a.split('.').map(Number)
  const [bMajor = 0, bMinor = 0] = b.split('.').map(Number)
  return aMajor < bMajor || (aMajor === bMajor && aMinor < bMinor)
}

/** Calls `request` with 7.1, then with older versions while the server says it is out of range. */
export async function negotiateApiVersion<T>(
  request: (version: string) => Promise<T>,
): Promise<{ value: T; version: string }> {
  let version = PREFERRED_API_VERSION
  for (;;) {
    try {
      return { value: await request(version), version }
    } catch (error) {
      if (!isOutOfRange(error)) throw error
      const current = version
      const named = supportedApiVersion(error.providerMessage ?? '')
      const next =
        named !== null && older(named, current) ? named : LADDER.find((v) => older(v, current))
      if (next === undefined) {
        throw new ProviderError(
          'unsupported',
          'This Azure DevOps Server is too old for this app.',
          {
            status: 400,
            subject: 'collection-url',
            hint: 'This Azure DevOps Server is older than the app supports: it needs Azure DevOps Server 2019 (REST API 5.0) or newer.',
            ...(error.providerMessage === undefined
              ? {}
              : { providerMessage: error.providerMessage }),
          },
        )
      }
      version = next
    }
  }
}
