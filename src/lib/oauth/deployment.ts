/**
 * What sign-in needs to know about this deployment outside React: the runtime config (GitHub
 * refreshes through its exchange URL; adapters are built where no context can be read), the
 * callback address, and in demo mode the page that stands in for the provider's authorize page.
 * main.tsx sets it once at start.
 */
import { defaultRuntimeConfig, type RuntimeConfig } from '../runtime-config.ts'
import { callbackUrl } from './sign-in-setup.ts'

export interface SignInDeployment {
  config: RuntimeConfig
  /** Where providers send the person back; register it with each OAuth application. */
  redirectUri: string
  /** Demo mode: the simulated provider's page that takes the real authorize URL instead. */
  authorizeVia: ((authorizeUrl: string) => string) | null
}

let deployment: SignInDeployment = {
  config: defaultRuntimeConfig,
  redirectUri: '',
  authorizeVia: null,
}

export function configureSignIn(
  config: RuntimeConfig,
  location: { origin: string; baseUrl: string },
  authorizeVia: SignInDeployment['authorizeVia'] = null,
): void {
  deployment = { config, redirectUri: callbackUrl(location.origin, location.baseUrl), authorizeVia }
}

export function signInDeployment(): SignInDeployment {
  return deployment
}
